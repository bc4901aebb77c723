// Sorting the pre-send findings for the editor: those for a field on screen go under that field,
// those for the customer or company registers go to the panel with a pointer to where to fix them.
import type { PresendFinding, PresendReport } from "../ipc/documents";

/** Where a finding's field is fixed. */
export type FindingPlace = "editor" | "customer" | "company" | "invoice";

/** `buyer.legal_id` is fixed in the customer register, `seller.org_number` in the company settings,
 *  `totals` on the invoice as a whole; everything else is a field of the editor. */
export function placeOf(field: string): FindingPlace {
  if (field.startsWith("buyer.")) {
    return "customer";
  }
  if (field.startsWith("seller.")) {
    return "company";
  }
  if (field === "totals" || field === "") {
    return "invoice";
  }
  return "editor";
}

/** The findings for exactly `field` (e.g. `buyer_reference`, `lines[2].vat`). */
export function findingsFor(report: PresendReport | null, field: string): PresendFinding[] {
  return report ? report.findings.filter((finding) => finding.field === field) : [];
}

/** The findings for any field of row `index`, for marking the whole row. */
export function findingsForRow(report: PresendReport | null, index: number): PresendFinding[] {
  const prefix = `lines[${index}].`;
  return report ? report.findings.filter((finding) => finding.field.startsWith(prefix)) : [];
}

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function countFindings(report: PresendReport | null): FindingCounts {
  const findings = report?.findings ?? [];
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

/**
 * Runs `check` for the latest input only: an answer to an older call is dropped, so a slow
 * answer never overwrites a newer one while the user types.
 */
export function latestOnly<A, R>(check: (input: A) => Promise<R>): (input: A) => Promise<R | undefined> {
  let sequence = 0;
  return async (input: A) => {
    sequence += 1;
    const mine = sequence;
    const result = await check(input);
    return mine === sequence ? result : undefined;
  };
}

/**
 * The findings on row cells as the rows grid shows problems (`lines[2].vat` → "SE-R-006: …"), so a
 * cell the e-invoice would be rejected for is marked like a cell with a typing error.
 */
export function lineFindingProblems(report: PresendReport | null): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const finding of report?.findings ?? []) {
    if (finding.field.startsWith("lines[")) {
      shown[finding.field] ??= `${finding.rule_id}: ${finding.message}`;
    }
  }
  return shown;
}

/** The last part of a path, for a short status line ("Faktura 1001.pdf"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part.length > 0).pop() ?? path;
}

/** A CSS selector for the input of `field` in the editor: header fields carry `data-field`, row
 *  cells the grid's `line-<row>-<column>` test id. */
export function inputSelector(field: string): string {
  const cell = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  if (cell) {
    return `[data-testid="line-${cell[1]}-${cell[2]}"]`;
  }
  return `[data-field="${field.replace(/["\\]/g, "")}"]:is(input, select, textarea)`;
}
