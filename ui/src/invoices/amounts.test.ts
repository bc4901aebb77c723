import { describe, expect, it } from "vitest";
import { formatAmount, formatMoney, lockedCellText } from "./amounts";

describe("formatAmount", () => {
  it.each([
    ["19341.00", "sv", "19\u00a0341,00"],
    ["19341.00", "en", "19,341.00"],
    ["-0.45", "sv", "−0,45"],
    ["-1234567.5", "en", "-1,234,567.50"],
    ["0", "sv", "0,00"],
    ["999.99", "sv", "999,99"],
    ["inte ett tal", "sv", "inte ett tal"],
  ] as const)("%s in %s is %s", (amount, language, expected) => {
    expect(formatAmount(amount, language)).toBe(expected);
  });

  it("writes kronor as kr in Swedish and other currencies by code", () => {
    expect(formatMoney("45.00", "SEK", "sv")).toBe("45,00 kr");
    expect(formatMoney("45.00", "SEK", "en")).toBe("45.00 SEK");
    expect(formatMoney("1000.00", "EUR", "sv")).toBe("1\u00a0000,00 EUR");
  });
});

describe("locked rows", () => {
  it.each([
    ["unit_price", "1295", "sv", "1\u00a0295,00"],
    ["unit_price", "1295", "en", "1,295.00"],
    ["quantity", "2.5", "sv", "2,5"],
    ["quantity", "1000", "sv", "1\u00a0000"],
    ["discount_percent", "10", "sv", "10 %"],
    ["discount_percent", "", "sv", ""],
    ["unit", "tim", "sv", "tim"],
  ] as const)("%s %s in %s shows %s", (key, value, language, expected) => {
    expect(lockedCellText(key, value, language)).toBe(expected);
  });
});
