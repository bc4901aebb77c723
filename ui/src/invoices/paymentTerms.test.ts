import { describe, expect, it } from "vitest";
import { termsChoices, termsLabel } from "./paymentTerms";

describe("payment terms", () => {
  it.each([
    ["net:30", "sv", "30 dagar netto"],
    ["net:30", "en", "30 days net"],
    ["cash", "sv", "Kontant"],
    ["eom:10", "sv", "Sista dagen i månaden + 10 dagar"],
    ["eonm", "en", "End of next month"],
    ["odd", "sv", "odd"],
  ] as const)("%s in %s reads %s", (code, language, expected) => {
    expect(termsLabel(code, language)).toBe(expected);
  });

  it("keeps a customer's unusual terms among the choices", () => {
    expect(termsChoices("net:7")[0]).toBe("net:7");
    expect(termsChoices("net:30")).not.toContain("net:7");
  });
});
