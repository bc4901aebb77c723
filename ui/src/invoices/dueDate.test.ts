import { describe, expect, it } from "vitest";
import { afterEdit, followedDueDate, type DueDateTracking } from "./dueDate";

const fresh: DueDateTracking = { touched: {}, following: false };

/** The tracking after the user edits each field in turn, starting from an opened invoice. */
function edits(...fields: string[]): DueDateTracking {
  return fields.reduce(afterEdit, fresh);
}

describe("due date follows the terms", () => {
  it.each([
    ["nothing edited since opening", [], "2026-05-31", null],
    ["invoice date changed", ["issue_date"], "2026-05-31", "2026-06-30"],
    ["terms changed", ["payment_terms"], "2026-05-31", "2026-06-30"],
    ["terms changed, then due date typed", ["payment_terms", "due_date"], "2026-07-01", null],
    ["due date typed, then invoice date changed", ["due_date", "issue_date"], "2026-07-01", "2026-06-30"],
    ["due date typed, then another field edited", ["issue_date", "due_date", "notes"], "2026-07-01", null],
    ["only other fields edited", ["notes", "lines[0].quantity"], "2026-05-31", null],
    ["the form already shows it", ["issue_date"], "2026-06-30", null],
  ] as const)("%s", (_, fields, current, expected) => {
    expect(followedDueDate(edits(...fields), current, "2026-06-30")).toBe(expected);
  });

  it("leaves the due date while Rust cannot read the date or the terms", () => {
    expect(followedDueDate(edits("issue_date"), "2026-05-31", null)).toBeNull();
  });

  it("keeps every touched field but the due date when the terms change", () => {
    const tracking = edits("notes", "due_date", "payment_terms");
    expect(tracking.touched).toEqual({ notes: true, payment_terms: true });
    expect(tracking.following).toBe(true);
  });

  it("does not change the tracking it is given", () => {
    const before = edits("due_date");
    afterEdit(before, "issue_date");
    expect(before).toEqual({ touched: { due_date: true }, following: false });
  });
});
