// Which problems from Rust the editor shows where: at a cell, at a header field, or in the list at
// the top (company and customer details the form cannot fix).
import type { FieldMessage } from "../ipc";

/** The header fields of the editor that show their own problems. */
export const headerFields = [
  "issue_date",
  "due_date",
  "delivery_date",
  "payment_terms",
  "our_reference",
  "your_reference",
  "buyer_reference",
  "order_reference",
  "currency",
  "exchange_rate",
  "notes",
  "invoice_fee",
  "freight",
] as const;

const cellPattern = /^lines\[\d+\]\.(article_number|description|quantity|unit|unit_price|discount|vat)$/;

/** True for a field the form shows next to an input. */
export function hasPlace(field: string): boolean {
  return cellPattern.test(field) || (headerFields as readonly string[]).includes(field);
}

/**
 * The problems to show, by field: every problem of the last save or issue, and the live ones of
 * fields the user has touched (or all of them after a save or issue was tried).
 */
export function visibleProblems(
  live: FieldMessage[],
  reported: FieldMessage[],
  touched: Record<string, boolean>,
  showAll: boolean,
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const problem of live) {
    if (showAll || touched[problem.field]) shown[problem.field] ??= problem.message;
  }
  for (const problem of reported) {
    shown[problem.field] ??= problem.message;
  }
  return shown;
}

/** The reported problems that have no input to sit beside, e.g. `seller.org_number`. */
export function generalProblems(reported: FieldMessage[]): FieldMessage[] {
  return reported.filter((problem) => !hasPlace(problem.field));
}
