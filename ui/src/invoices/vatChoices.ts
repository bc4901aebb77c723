// The VAT column of the rows grid: one list that combines the Swedish rates and the VAT-free
// treatments, each stored back on the row as the treatment and rate Rust expects.
import type { MessageKey } from "../lib/i18n/index.svelte";
import type { InvoiceLineForm, VatTreatmentCode } from "../ipc/invoices";

export interface VatChoice {
  /** The select's value, e.g. "swedish:25" or "eu_services". */
  value: string;
  treatment: VatTreatmentCode;
  rate: string;
  label: MessageKey;
}

export const vatChoices: readonly VatChoice[] = [
  { value: "swedish:25", treatment: "swedish", rate: "25", label: "invoices.vat.25" },
  { value: "swedish:12", treatment: "swedish", rate: "12", label: "invoices.vat.12" },
  { value: "swedish:6", treatment: "swedish", rate: "6", label: "invoices.vat.6" },
  { value: "swedish:0", treatment: "swedish", rate: "0", label: "invoices.vat.0" },
  { value: "domestic_reverse_charge", treatment: "domestic_reverse_charge", rate: "0", label: "invoices.vat.reverse" },
  { value: "eu_goods", treatment: "eu_goods", rate: "0", label: "invoices.vat.euGoods" },
  { value: "eu_services", treatment: "eu_services", rate: "0", label: "invoices.vat.euServices" },
  { value: "export", treatment: "export", rate: "0", label: "invoices.vat.export" },
  { value: "exempt", treatment: "exempt", rate: "0", label: "invoices.vat.exempt" },
  { value: "outside_scope", treatment: "outside_scope", rate: "0", label: "invoices.vat.outside" },
];

/** The choice a row shows; a Swedish rate outside the list keeps its own value so Rust can object. */
export function vatValue(line: Pick<InvoiceLineForm, "vat_treatment" | "vat_rate">): string {
  if (line.vat_treatment !== "swedish") {
    return line.vat_treatment;
  }
  return `swedish:${line.vat_rate.trim()}`;
}

/** The row with the chosen treatment and rate. */
export function withVat<T extends InvoiceLineForm>(line: T, value: string): T {
  const choice = vatChoices.find((candidate) => candidate.value === value);
  return choice ? { ...line, vat_treatment: choice.treatment, vat_rate: choice.rate } : line;
}
