// The shell's sections, their order, and the keyboard shortcuts that switch between them.
import type { MessageKey } from "./i18n/index.svelte";

export type SectionId =
  | "overview"
  | "invoices"
  | "receivables"
  | "customers"
  | "articles"
  | "bookkeeping"
  | "settings";

export interface Section {
  id: SectionId;
  label: MessageKey;
  /** The digit that, with Ctrl (⌘ on macOS) or Alt, opens the section. */
  digit: string;
}

// Översikt is the first screen; it, Reskontra and Bokföring came after the others had their
// digits, which users and scripts already know, so they take 0, 5 and 6.
export const sections: readonly Section[] = [
  { id: "overview", label: "nav.overview", digit: "0" },
  { id: "invoices", label: "nav.invoices", digit: "1" },
  { id: "receivables", label: "nav.receivables", digit: "5" },
  { id: "customers", label: "nav.customers", digit: "2" },
  { id: "articles", label: "nav.articles", digit: "3" },
  { id: "bookkeeping", label: "nav.bookkeeping", digit: "6" },
  { id: "settings", label: "nav.settings", digit: "4" },
];

/** The subset of a KeyboardEvent the shortcut logic reads, so it can be tested without a DOM. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The section a key press asks for: Ctrl/⌘/Alt + 0–6, no Shift. `code` ("Digit1") is read too,
 * because Alt+digit types another character on some layouts (macOS).
 */
export function sectionForShortcut(press: KeyPress): SectionId | null {
  const modifiers = [press.ctrlKey, press.metaKey, press.altKey].filter(Boolean).length;
  if (modifiers !== 1 || press.shiftKey) {
    return null;
  }
  const digit = press.code?.startsWith("Digit") ? press.code.slice("Digit".length) : press.key;
  return sections.find((section) => section.digit === digit)?.id ?? null;
}

/** The section `step` places before (−1) or after (+1) `current` in the menu, wrapping around. */
export function neighbourSection(current: SectionId, step: -1 | 1): SectionId {
  const index = sections.findIndex((section) => section.id === current);
  const next = (index + step + sections.length) % sections.length;
  return sections[next]?.id ?? current;
}

/** How the shortcut is written for this platform, e.g. "Ctrl+1" or "⌘1". */
export function shortcutLabel(digit: string, isMac: boolean): string {
  return isMac ? `⌘${digit}` : `Ctrl+${digit}`;
}
