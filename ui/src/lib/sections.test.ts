import { describe, expect, it } from "vitest";
import { neighbourSection, sectionForShortcut, shortcutLabel, type KeyPress } from "./sections";

const none = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };

describe("sectionForShortcut", () => {
  const cases: [string, KeyPress, string | null][] = [
    ["Ctrl+1", { ...none, key: "1", code: "Digit1", ctrlKey: true }, "invoices"],
    ["Ctrl+2", { ...none, key: "2", code: "Digit2", ctrlKey: true }, "customers"],
    ["Alt+3", { ...none, key: "3", code: "Digit3", altKey: true }, "articles"],
    ["⌘4", { ...none, key: "4", code: "Digit4", metaKey: true }, "settings"],
    ["Alt+1 typing ¡ on a Mac layout", { ...none, key: "¡", code: "Digit1", altKey: true }, "invoices"],
    ["plain 1 is typing, not a shortcut", { ...none, key: "1", code: "Digit1" }, null],
    ["Ctrl+Shift+1 is left alone", { ...none, key: "!", code: "Digit1", ctrlKey: true, shiftKey: true }, null],
    ["Ctrl+Alt+1 is left alone", { ...none, key: "1", code: "Digit1", ctrlKey: true, altKey: true }, null],
    ["Ctrl+0 is Översikt", { ...none, key: "0", code: "Digit0", ctrlKey: true }, "overview"],
    ["Ctrl+5 is Reskontra", { ...none, key: "5", code: "Digit5", ctrlKey: true }, "receivables"],
    ["Ctrl+6 is Bokföring", { ...none, key: "6", code: "Digit6", ctrlKey: true }, "bookkeeping"],
    ["Ctrl+7 has no section", { ...none, key: "7", code: "Digit7", ctrlKey: true }, null],
    ["Ctrl+S is not a section", { ...none, key: "s", code: "KeyS", ctrlKey: true }, null],
  ];
  it.each(cases)("%s", (_name, press, expected) => {
    expect(sectionForShortcut(press)).toBe(expected);
  });
});

describe("neighbourSection", () => {
  it.each([
    ["invoices", 1, "receivables"],
    ["receivables", 1, "customers"],
    ["articles", 1, "bookkeeping"],
    ["bookkeeping", 1, "settings"],
    ["settings", 1, "overview"],
    ["overview", -1, "settings"],
    ["articles", -1, "customers"],
  ] as const)("%s %i → %s", (from, step, expected) => {
    expect(neighbourSection(from, step)).toBe(expected);
  });
});

describe("shortcutLabel", () => {
  it("follows the platform", () => {
    expect(shortcutLabel("1", false)).toBe("Ctrl+1");
    expect(shortcutLabel("1", true)).toBe("⌘1");
  });
});
