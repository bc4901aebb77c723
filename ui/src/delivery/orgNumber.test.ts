import { describe, expect, it } from "vitest";
import { looksLikeOrgNumber } from "./orgNumber";

describe("looksLikeOrgNumber", () => {
  it.each([
    ["556721-2047", true],
    ["5567212047", true],
    ["556721 2047", true],
    ["556721-204", false],
    ["19800101-1234", false],
    ["", false],
  ])("%s → %s", (text, expected) => {
    expect(looksLikeOrgNumber(text)).toBe(expected);
  });
});
