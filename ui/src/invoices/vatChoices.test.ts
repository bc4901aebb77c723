import { describe, expect, it } from "vitest";
import type { InvoiceLineForm } from "../ipc/invoices";
import { vatChoices, vatValue, withVat } from "./vatChoices";

const line: InvoiceLineForm = {
  kind: "item",
  article_number: "",
  description: "Konsult",
  quantity: "1",
  unit: "st",
  unit_price: "100",
  discount_percent: "",
  vat_treatment: "swedish",
  vat_rate: "25",
};

describe("vat choices", () => {
  it("round-trips every choice through a row", () => {
    for (const choice of vatChoices) {
      const chosen = withVat(line, choice.value);
      expect(vatValue(chosen)).toBe(choice.value);
      expect(chosen.description).toBe("Konsult");
    }
  });

  it("sets VAT-free treatments to 0 % and leaves unknown values alone", () => {
    expect(withVat(line, "eu_services")).toMatchObject({ vat_treatment: "eu_services", vat_rate: "0" });
    expect(withVat(line, "nonsense")).toBe(line);
    expect(vatValue({ vat_treatment: "swedish", vat_rate: " 6 " })).toBe("swedish:6");
  });
});
