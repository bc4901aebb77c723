import { describe, expect, it } from "vitest";
import { parseThemePreference, resolveTheme, type Theme, type ThemePreference } from "./theme";

describe("resolveTheme", () => {
  const cases: [ThemePreference, boolean, Theme][] = [
    ["system", false, "light"],
    ["system", true, "dark"],
    ["light", true, "light"],
    ["dark", false, "dark"],
  ];
  it.each(cases)("%s with OS dark=%s gives %s", (preference, osDark, expected) => {
    expect(resolveTheme(preference, osDark)).toBe(expected);
  });
});

describe("parseThemePreference", () => {
  it.each([
    ["light", "light"],
    ["dark", "dark"],
    ["system", "system"],
    [null, "system"],
    ["purple", "system"],
  ])("%s → %s", (saved, expected) => {
    expect(parseThemePreference(saved)).toBe(expected);
  });
});
