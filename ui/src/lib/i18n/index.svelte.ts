// The UI language: a reactive choice (Swedish by default, remembered between starts) and `t`,
// which components call so their text follows the choice.
//
// This folder holds only the texts of the shell and the shared parts (sv.ts, en.ts) and imports no
// feature. Each feature keeps its texts in its own i18n.ts and
//   - adds its keys to the type `Messages` (declaration merging, at the end of its i18n.ts), so
//     `t("invoices.new")` is checked wherever it is written, and
//   - is registered with `registerDictionaries` by ui/src/dictionaries.ts, which main.ts runs
//     before the first render (and vitest before every test file).
import { sv } from "./sv";
import { en } from "./en";
import { interpolate } from "./translate";
import type { LanguageCode } from "../../ipc/bindings/LanguageCode";

/** A dictionary with exactly the keys of `Source` (a feature's Swedish texts), for its English twin. */
export type TextsOf<Source> = Record<keyof Source, string>;

/** Every text key of the UI: the shared ones here; each feature's i18n.ts adds its own. */
export interface Messages extends TextsOf<typeof sv> {}

export type MessageKey = keyof Messages & string;
export type { LanguageCode };

/** One set of texts as registered: the same keys in every language. */
export type Texts = Record<LanguageCode, Readonly<Record<string, string>>>;

export const languages: readonly LanguageCode[] = ["sv", "en"];

const registered: Texts[] = [{ sv, en }];
const dictionaries: Record<LanguageCode, Record<string, string>> = { sv: { ...sv }, en: { ...en } };

/**
 * Adds a feature's texts. `en` must have exactly the keys of `sv` (checked by the type here and,
 * for everything composed, by ui/src/dictionaries.test.ts). Registering the same texts again
 * (a module reloaded in development) replaces them.
 */
export function registerDictionaries<Source extends Record<string, string>>(texts: {
  sv: Source;
  en: TextsOf<Source>;
}): void {
  if (!registered.some((set) => set.sv === texts.sv)) {
    registered.push(texts);
  }
  Object.assign(dictionaries.sv, texts.sv);
  Object.assign(dictionaries.en, texts.en);
}

/** Every set registered so far, the shared one first (for the completeness tests). */
export function registeredTexts(): readonly Texts[] {
  return registered;
}

/** The whole dictionary of `language` as registered so far. */
export function dictionary(language: LanguageCode): Readonly<Record<string, string>> {
  return dictionaries[language];
}

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

/** The text for `key` in the current language; the key itself if no feature registered it. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[state.language][key] ?? key, params);
}
