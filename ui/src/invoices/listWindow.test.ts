import { describe, expect, it } from "vitest";
import { needsMore, visibleRows } from "./listWindow";

describe("the list window", () => {
  it("renders the rows in view and a few around them", () => {
    expect(visibleRows(0, 400, 40, 100_000)).toEqual({ first: 0, last: 18 });
    expect(visibleRows(40_000, 400, 40, 100_000)).toEqual({ first: 992, last: 1018 });
    expect(visibleRows(0, 400, 40, 3)).toEqual({ first: 0, last: 3 });
    expect(visibleRows(0, 400, 40, 0)).toEqual({ first: 0, last: 0 });
  });

  it("asks for another page only when the view passes the loaded rows", () => {
    expect(needsMore({ first: 0, last: 18 }, 50, true)).toBe(false);
    expect(needsMore({ first: 40, last: 60 }, 50, true)).toBe(true);
    expect(needsMore({ first: 40, last: 60 }, 50, false)).toBe(false);
  });
});
