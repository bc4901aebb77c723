import { describe, expect, it } from "vitest";
import { sv } from "./sv";
import { en } from "./en";
import { currentLanguage, dictionaries, parseLanguage, setLanguage, t } from "./index.svelte";
import { interpolate } from "./translate";

describe("dictionaries", () => {
  it("have the same keys in Swedish and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it.each(Object.entries(dictionaries))("%s has no empty text", (_language, dictionary) => {
    const empty = Object.entries(dictionary).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });
});

describe("interpolate", () => {
  it.each([
    ["Databasversion {version}", { version: 3 }, "Databasversion 3"],
    ["{a} och {b}", { a: "x", b: "y" }, "x och y"],
    ["Saknas {missing}", {}, "Saknas {missing}"],
    ["Ingen platshållare", { version: 1 }, "Ingen platshållare"],
  ])("%s", (template, params, expected) => {
    expect(interpolate(template, params)).toBe(expected);
  });
});

describe("language choice", () => {
  it("defaults to Swedish and accepts only known codes", () => {
    expect(parseLanguage(null)).toBe("sv");
    expect(parseLanguage("en")).toBe("en");
    expect(parseLanguage("de")).toBe("sv");
  });

  it("switches the texts t returns", () => {
    setLanguage("sv");
    expect(t("nav.invoices")).toBe("Fakturor");
    setLanguage("en");
    expect(currentLanguage()).toBe("en");
    expect(t("nav.invoices")).toBe("Invoices");
    expect(t("status.schema", { version: 2 })).toBe("Database version 2");
    setLanguage("sv");
  });
});
