import { describe, expect, it } from "vitest";
import { IpcError, isAppError, toAppError } from "./errors";

describe("toAppError", () => {
  it("passes a Rust AppError through unchanged", () => {
    const error = { code: "newer_version", message: "Nyare version", fields: [] };
    expect(toAppError(error)).toBe(error);
  });

  it("unwraps the IpcError every call() throws, keeping its code and field errors", () => {
    const error = { code: "invalid_input", message: "Fel", fields: [{ field: "name", message: "Fel" }] } as const;
    expect(toAppError(new IpcError({ ...error, fields: [...error.fields] }))).toEqual(error);
  });

  it.each([
    ["a string from the bridge", "command overview not found", "command overview not found"],
    ["an Error", new Error("boom"), "boom"],
    ["an unknown code", { code: "teapot", message: "x", fields: [] }, "x"],
    ["an object without a message", { reason: 1 }, "[object Object]"],
  ])("turns %s into internal", (_name, thrown, message) => {
    expect(toAppError(thrown)).toEqual({ code: "internal", message, fields: [] });
  });
});

describe("isAppError", () => {
  it.each([
    [{ code: "invalid_input", message: "m", fields: [{ field: "name", message: "m" }] }, true],
    [{ code: "invalid_input", message: "m" }, false],
    [{ code: 1, message: "m", fields: [] }, false],
    [null, false],
    ["internal", false],
  ])("%j → %s", (value, expected) => {
    expect(isAppError(value)).toBe(expected);
  });
});
