import { describe, expect, it } from "vitest";
import { eventKindKey, eventTime } from "./eventText";

describe("invoice history entries", () => {
  it.each([
    ["created", "invoice.events.created"],
    ["edited", "invoice.events.edited"],
    ["issued", "invoice.events.issued"],
    ["payment_recorded", "invoice.events.payment_recorded"],
    ["credited", "invoice.events.credited"],
    ["sent_by_peppol", null],
    ["toString", null],
  ] as const)("%s is named by %s", (kind, key) => {
    expect(eventKindKey(kind)).toBe(key);
  });

  it("shows a time in the user's locale, in the user's time zone", () => {
    const at = "2026-05-04T09:30:00Z";
    const local = new Date(at);
    const minutes = String(local.getMinutes()).padStart(2, "0");
    expect(eventTime(at, "sv")).toContain(`${String(local.getHours()).padStart(2, "0")}:${minutes}`);
    expect(eventTime(at, "sv")).toMatch(/^2026-05-0\d/);
    expect(eventTime(at, "en")).toMatch(/^0\d\/05\/2026/);
  });

  it("shows text that is not a time as it is", () => {
    expect(eventTime("igår", "sv")).toBe("igår");
  });
});
