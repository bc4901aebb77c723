import { describe, expect, it } from "vitest";
import type { KeyPress } from "../lib/sections";
import { editorAction, listAction, shortcutText } from "./shortcuts";

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

describe("editor shortcuts", () => {
  it.each([
    [press("s", { ctrlKey: true }), false, "save"],
    [press("S", { ctrlKey: true }), false, "save"],
    [press("s", { metaKey: true }), true, "save"],
    [press("s", { ctrlKey: true }), true, null],
    [press("u", { ctrlKey: true }), false, "issue"],
    [press("n", { ctrlKey: true }), false, "new"],
    [press("n", { metaKey: true }), true, "new"],
    [press("Enter", { ctrlKey: true }), false, "addRow"],
    [press("Delete", { ctrlKey: true }), false, "deleteRow"],
    [press("Backspace", { metaKey: true }), true, "deleteRow"],
    [press("Escape"), false, "back"],
    [press("s"), false, null],
    [press("s", { ctrlKey: true, shiftKey: true }), false, null],
  ] as const)("%o (mac %s) is %s", (keys, isMac, expected) => {
    expect(editorAction(keys, isMac)).toBe(expected);
  });
});

describe("list shortcuts", () => {
  it("opens a new invoice and focuses the search", () => {
    expect(listAction(press("n", { ctrlKey: true }), false, false)).toBe("new");
    expect(listAction(press("f", { ctrlKey: true }), false, true)).toBe("search");
    expect(listAction(press("/"), false, false)).toBe("search");
    expect(listAction(press("/"), false, true)).toBeNull();
    expect(listAction(press("n"), false, false)).toBeNull();
  });

  it("writes shortcuts for the platform", () => {
    expect(shortcutText("N", false)).toBe("Ctrl+N");
    expect(shortcutText("N", true)).toBe("⌘N");
  });
});
