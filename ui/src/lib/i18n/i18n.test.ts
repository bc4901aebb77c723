import { describe, expect, it } from "vitest";
import { sv } from "./sv";
import { en } from "./en";
import { currentLanguage, dictionary, parseLanguage, registerDictionaries, setLanguage, t, type MessageKey } from "./index.svelte";
import { interpolate } from "./translate";

describe("the shared dictionaries", () => {
  it("have the same keys in Swedish and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });
});

describe("registerDictionaries", () => {
  it("adds a feature's texts in both languages, and t falls back to the key for an unknown one", () => {
    const key = "test.registered" as MessageKey;
    expect(t(key)).toBe("test.registered");
    registerDictionaries({ sv: { "test.registered": "Hej {name}" }, en: { "test.registered": "Hello {name}" } });
    setLanguage("sv");
    expect(t(key, { name: "Åsa" })).toBe("Hej Åsa");
    setLanguage("en");
    expect(t(key, { name: "Åsa" })).toBe("Hello Åsa");
    expect(dictionary("en")[key]).toBe("Hello {name}");
    setLanguage("sv");
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
