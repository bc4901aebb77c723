import { describe, expect, it } from "vitest";
import type { PresendReport } from "../ipc/documents";
import { countFindings, fileName, findingsFor, inputSelector, findingsForRow, latestOnly, lineFindingProblems, placeOf } from "./findings";

const report: PresendReport = {
  checked: true,
  route: "e_invoice",
  channel: "einvoice",
  blocking: true,
  findings: [
    { rule_id: "PEPPOL-EN16931-R003", field: "buyer_reference", message: "Ange referens", severity: "error" },
    { rule_id: "SE-R-006", field: "lines[1].vat", message: "Fel momssats", severity: "error" },
    { rule_id: "PEPPOL-EN16931-R010", field: "buyer.legal_id", message: "Saknar id", severity: "warning" },
  ],
  reference_note: null,
};

describe("placeOf", () => {
  it.each([
    ["buyer_reference", "editor"],
    ["lines[3].vat", "editor"],
    ["buyer.legal_id", "customer"],
    ["seller.org_number", "company"],
    ["totals", "invoice"],
  ] as const)("%s is fixed in %s", (field, place) => {
    expect(placeOf(field)).toBe(place);
  });
});

describe("finding lookups", () => {
  it("finds the findings of one field and of one row", () => {
    expect(findingsFor(report, "buyer_reference").map((f) => f.rule_id)).toEqual(["PEPPOL-EN16931-R003"]);
    expect(findingsFor(report, "order_reference")).toEqual([]);
    expect(findingsForRow(report, 1).map((f) => f.rule_id)).toEqual(["SE-R-006"]);
    expect(findingsForRow(report, 0)).toEqual([]);
    expect(findingsFor(null, "buyer_reference")).toEqual([]);
  });

  it("counts errors and warnings", () => {
    expect(countFindings(report)).toEqual({ errors: 2, warnings: 1 });
    expect(countFindings(null)).toEqual({ errors: 0, warnings: 0 });
  });
});

describe("latestOnly", () => {
  it("drops an answer that arrives after a newer call started", async () => {
    const resolvers: Array<(value: string) => void> = [];
    const check = latestOnly((input: string) => new Promise<string>((resolve) => resolvers.push(() => resolve(input))));
    const first = check("a");
    const second = check("b");
    resolvers[1]?.("b");
    resolvers[0]?.("a");
    expect(await second).toBe("b");
    expect(await first).toBeUndefined();
  });
});

describe("lineFindingProblems", () => {
  it("gives row cells their findings with the rule id, and nothing else", () => {
    expect(lineFindingProblems(report)).toEqual({ "lines[1].vat": "SE-R-006: Fel momssats" });
    expect(lineFindingProblems(null)).toEqual({});
  });
});

describe("fileName", () => {
  it.each([
    ["/tmp/x/Faktura 1001.pdf", "Faktura 1001.pdf"],
    ["C:\\Users\\Åsa\\Faktura 7.xml", "Faktura 7.xml"],
    ["Faktura.pdf", "Faktura.pdf"],
  ])("%s", (path, name) => {
    expect(fileName(path)).toBe(name);
  });
});

describe("inputSelector", () => {
  it.each([
    ["buyer_reference", '[data-field="buyer_reference"]:is(input, select, textarea)'],
    ["lines[4].vat", '[data-testid="line-4-vat"]'],
    ['odd"field', '[data-field="oddfield"]:is(input, select, textarea)'],
  ])("%s", (field, selector) => {
    expect(inputSelector(field)).toBe(selector);
  });
});
