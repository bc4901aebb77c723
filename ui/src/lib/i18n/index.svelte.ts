// The UI language: a reactive choice (Swedish by default, remembered between starts) and `t`,
// which components call so their text follows the choice.
import { sv } from "./sv";
import { en } from "./en";
import { interpolate } from "./translate";
import type { LanguageCode } from "../../ipc/bindings/LanguageCode";

export type MessageKey = keyof typeof sv;
export type Dictionary = Record<MessageKey, string>;
export type { LanguageCode };

export const dictionaries: Record<LanguageCode, Dictionary> = { sv, en };
export const languages: readonly LanguageCode[] = ["sv", "en"];

const storageKey = "fakturera.language";

/** Reads a saved language; anything unknown falls back to Swedish. */
export function parseLanguage(value: string | null | undefined): LanguageCode {
  return value === "en" ? "en" : "sv";
}

const state = $state({ language: parseLanguage(readSaved()) });

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}

export function currentLanguage(): LanguageCode {
  return state.language;
}

export function setLanguage(language: LanguageCode): void {
  state.language = language;
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // A locked-down storage only means the choice is not remembered.
  }
}

/** The text for `key` in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[state.language][key], params);
}
