// When the due date follows the payment terms: after the user changes the invoice date or the terms,
// the due date Rust derives from them replaces the form's, unless the user has typed a due date by
// hand since (that one wins until the date or the terms change again, as in Fortnox and Visma).
// Pure decisions only; Rust does every date calculation.

/** The fields whose change makes the due date follow the terms again. */
export const termsFields: readonly string[] = ["issue_date", "payment_terms"];

/** What the editor tracks: the touched fields and whether the due date follows the terms. */
export type DueDateTracking = { touched: Record<string, boolean>; following: boolean };

/**
 * The tracking after the user edited `field`. Changing the invoice date or the terms forgets a
 * hand-typed due date and starts following; typing the due date marks it touched, so it wins.
 */
export function afterEdit(tracking: DueDateTracking, field: string): DueDateTracking {
  const touched = { ...tracking.touched, [field]: true };
  if (!termsFields.includes(field)) return { touched, following: tracking.following };
  delete touched["due_date"];
  return { touched, following: true };
}

/**
 * The due date to put in the form when a preview answers, or `null` to leave the form alone: only
 * while following, with no hand-typed due date, once Rust could read both the date and the terms.
 */
export function followedDueDate(
  tracking: DueDateTracking,
  current: string,
  fromTerms: string | null,
): string | null {
  if (!tracking.following || tracking.touched["due_date"] || fromTerms === null) return null;
  return fromTerms === current ? null : fromTerms;
}
