import { describe, expect, it } from "vitest";
import { generalProblems, hasPlace, visibleProblems } from "./problems";

const quantity = { field: "lines[0].quantity", message: "Antal saknas" };
const price = { field: "lines[1].unit_price", message: "Priset är inte ett tal" };
const seller = { field: "seller.org_number", message: "Organisationsnummer saknas" };

describe("problems", () => {
  it("shows live problems only where the user has typed, until a save was tried", () => {
    expect(visibleProblems([quantity, price], [], { "lines[1].unit_price": true }, false)).toEqual({
      "lines[1].unit_price": "Priset är inte ett tal",
    });
    expect(Object.keys(visibleProblems([quantity, price], [], {}, true))).toEqual(["lines[0].quantity", "lines[1].unit_price"]);
  });

  it("always shows what the last save or issue reported", () => {
    expect(visibleProblems([], [seller, quantity], {}, false)).toEqual({
      "seller.org_number": "Organisationsnummer saknas",
      "lines[0].quantity": "Antal saknas",
    });
  });

  it("lists the problems no input can show", () => {
    expect(hasPlace("lines[3].vat")).toBe(true);
    expect(hasPlace("issue_date")).toBe(true);
    expect(hasPlace("buyer.address")).toBe(false);
    expect(generalProblems([seller, quantity, { field: "lines", message: "Inga rader" }])).toEqual([
      seller,
      { field: "lines", message: "Inga rader" },
    ]);
  });
});
