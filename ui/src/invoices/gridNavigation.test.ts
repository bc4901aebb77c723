import { describe, expect, it } from "vitest";
import { cellAfterRemoval, lineField, nextCell } from "./gridNavigation";

describe("grid navigation", () => {
  it.each([
    [{ row: 0, column: 0 }, false, { kind: "cell", cell: { row: 0, column: 1 } }],
    [{ row: 0, column: 6 }, false, { kind: "cell", cell: { row: 1, column: 0 } }],
    [{ row: 1, column: 6 }, false, { kind: "newRow" }],
    [{ row: 1, column: 0 }, true, { kind: "cell", cell: { row: 0, column: 6 } }],
    [{ row: 0, column: 3 }, true, { kind: "cell", cell: { row: 0, column: 2 } }],
    [{ row: 0, column: 0 }, true, { kind: "leave" }],
  ] as const)("from %o (back %s) goes to %o", (from, backwards, expected) => {
    expect(nextCell(from, 2, 7, backwards)).toEqual(expected);
  });

  it("keeps the focus in the grid after a row is removed", () => {
    expect(cellAfterRemoval(2, 3, 4)).toEqual({ row: 1, column: 4 });
    expect(cellAfterRemoval(0, 3, 1)).toEqual({ row: 0, column: 1 });
    expect(cellAfterRemoval(0, 1, 1)).toBeNull();
  });

  it("reads Rust's field paths", () => {
    expect(lineField("lines[12].unit_price")).toEqual({ row: 12, name: "unit_price" });
    expect(lineField("issue_date")).toBeNull();
  });
});
