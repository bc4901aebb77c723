// What the findings panel calls a field, so "lines[2].vat" reads "Rad 3 · Moms".
import type { MessageKey } from "../lib/i18n/index.svelte";

const fieldKeys: Record<string, MessageKey> = {
  buyer_reference: "documents.field.buyerReference",
  order_reference: "documents.field.orderReference",
  your_reference: "documents.field.yourReference",
  currency: "documents.field.currency",
  totals: "documents.field.totals",
  invoice_fee: "documents.field.invoiceFee",
  freight: "documents.field.freight",
};

const columnKeys: Record<string, MessageKey> = {
  vat: "documents.field.vat",
  unit: "documents.field.unit",
  description: "documents.field.description",
  quantity: "documents.field.quantity",
  unit_price: "documents.field.price",
};

export interface FieldLabel {
  key: MessageKey | null;
  row: number | null;
  raw: string;
}

/** How to name `field`: a dictionary key, and the 1-based row for a line field. */
export function fieldLabel(field: string): FieldLabel {
  const line = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) {
    return { key: columnKeys[line[2] ?? ""] ?? null, row: Number(line[1]) + 1, raw: field };
  }
  return { key: fieldKeys[field] ?? null, row: null, raw: field };
}
