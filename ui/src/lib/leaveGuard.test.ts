import { describe, expect, it } from "vitest";
import { mayLeave, setLeaveGuard } from "./leaveGuard";

describe("leave guard", () => {
  it("asks the installed guard until it is removed", async () => {
    expect(await mayLeave()).toBe(true);
    const remove = setLeaveGuard(async () => false);
    expect(await mayLeave()).toBe(false);
    remove();
    expect(await mayLeave()).toBe(true);
  });

  it("does not remove a guard installed after it", async () => {
    const removeFirst = setLeaveGuard(async () => false);
    const removeSecond = setLeaveGuard(async () => false);
    removeFirst();
    expect(await mayLeave()).toBe(false);
    removeSecond();
    expect(await mayLeave()).toBe(true);
  });
});
