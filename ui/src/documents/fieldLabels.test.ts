import { describe, expect, it } from "vitest";
import { fieldLabel } from "./fieldLabels";

describe("fieldLabel", () => {
  it.each([
    ["buyer_reference", "documents.field.buyerReference", null],
    ["lines[0].vat", "documents.field.vat", 1],
    ["lines[11].unit", "documents.field.unit", 12],
    ["lines[2].mystery", null, 3],
    ["buyer.legal_id", null, null],
  ] as const)("%s", (field, key, row) => {
    expect(fieldLabel(field)).toEqual({ key, row, raw: field });
  });
});
