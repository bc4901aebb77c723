// The keyboard shortcuts of Fakturor, as pure functions of a key press so they can be tested and
// listed in the UI from one place.
import type { KeyPress } from "../lib/sections";

export type EditorAction = "save" | "issue" | "addRow" | "deleteRow" | "back" | "new";
export type ListAction = "new" | "search";

function primary(press: KeyPress, isMac: boolean): boolean {
  return isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
}

/** Ctrl+S save, Ctrl+U issue (utfärda), Ctrl+Enter new row, Ctrl+Delete remove row, Esc back,
 * Ctrl+N a new invoice (as from the list: Ctrl+N works on every screen of Fakturor). */
export function editorAction(press: KeyPress, isMac: boolean): EditorAction | null {
  if (press.key === "Escape" && !press.ctrlKey && !press.metaKey && !press.altKey) {
    return "back";
  }
  if (!primary(press, isMac) || press.altKey) {
    return null;
  }
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === "s" && !press.shiftKey) return "save";
  if (key === "u" && !press.shiftKey) return "issue";
  if (key === "n" && !press.shiftKey) return "new";
  if (key === "Enter") return "addRow";
  if (key === "Delete" || (isMac && key === "Backspace")) return "deleteRow";
  return null;
}

/** Ctrl+N new invoice, Ctrl+F (or /) search. */
export function listAction(press: KeyPress, isMac: boolean, typingInField: boolean): ListAction | null {
  if (press.key === "/" && !typingInField && !press.ctrlKey && !press.metaKey) {
    return "search";
  }
  if (!primary(press, isMac) || press.altKey || press.shiftKey) {
    return null;
  }
  const key = press.key.toLowerCase();
  if (key === "n") return "new";
  if (key === "f") return "search";
  return null;
}

/** How a shortcut is written on this platform: "Ctrl+S" or "⌘S". */
export function shortcutText(key: string, isMac: boolean): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}
