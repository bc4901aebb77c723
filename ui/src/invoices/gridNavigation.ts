// Moving between the cells of the rows grid with Enter and Tab, as in Visma's invoice rows: on to
// the next cell, down to the next row's first cell, and past the last cell a new row.

export interface Cell {
  row: number;
  column: number;
}

export type Move = { kind: "cell"; cell: Cell } | { kind: "newRow" } | { kind: "leave" };

/** Where Enter/Tab (forward) or Shift+Enter/Shift+Tab (back) goes from `from`. */
export function nextCell(from: Cell, rows: number, columns: number, backwards: boolean): Move {
  if (backwards) {
    if (from.column > 0) return { kind: "cell", cell: { row: from.row, column: from.column - 1 } };
    if (from.row > 0) return { kind: "cell", cell: { row: from.row - 1, column: columns - 1 } };
    return { kind: "leave" };
  }
  if (from.column < columns - 1) return { kind: "cell", cell: { row: from.row, column: from.column + 1 } };
  if (from.row < rows - 1) return { kind: "cell", cell: { row: from.row + 1, column: 0 } };
  return { kind: "newRow" };
}

/** The cell to focus after row `removed` is deleted from a grid that had `rows` rows. */
export function cellAfterRemoval(removed: number, rows: number, column: number): Cell | null {
  const remaining = rows - 1;
  if (remaining <= 0) return null;
  return { row: Math.min(removed, remaining - 1), column };
}

/** A field path from Rust ("lines[2].quantity") as a row and a cell name. */
export function lineField(field: string): { row: number; name: string } | null {
  const match = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  return match ? { row: Number(match[1]), name: match[2] ?? "" } : null;
}
