// The texts the app composes (dictionaries.ts, which vitest has already run): every feature's
// i18n.ts is registered, Swedish and English have the same keys and placeholders, no text is empty,
// and no key belongs to two dictionaries (a later one would silently replace the other's text).
import { describe, expect, it } from "vitest";
import { dictionary, languages, registeredTexts } from "./lib/i18n/index.svelte";

/** Each feature's i18n.ts by path, with its exports (`<feature>Sv`, `<feature>En`). */
const features = import.meta.glob<Record<string, Record<string, string>>>("./*/i18n.ts", { eager: true });

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the composed dictionaries", () => {
  it.each(Object.keys(features))("%s is registered", (path) => {
    const exported = Object.values(features[path]!);
    expect(exported.length, path).toBeGreaterThan(0);
    for (const texts of exported) {
      expect(registeredTexts().some((set) => set.sv === texts || set.en === texts), path).toBe(true);
    }
  });

  it("have the same keys in Swedish and English", () => {
    expect(Object.keys(dictionary("en")).sort()).toEqual(Object.keys(dictionary("sv")).sort());
    for (const set of registeredTexts()) {
      expect(Object.keys(set.en).sort()).toEqual(Object.keys(set.sv).sort());
    }
  });

  it.each(languages)("%s has no empty text", (language) => {
    const empty = Object.entries(dictionary(language)).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const sv = dictionary("sv");
    const en = dictionary("en");
    for (const key of Object.keys(sv)) {
      expect(placeholders(en[key] ?? ""), key).toEqual(placeholders(sv[key] ?? ""));
    }
  });

  it("give every key to one dictionary only", () => {
    const owners = new Map<string, number>();
    registeredTexts().forEach((set, index) => {
      for (const key of Object.keys(set.sv)) {
        expect(owners.get(key), `${key} is in two dictionaries`).toBeUndefined();
        owners.set(key, index);
      }
    });
  });
});
