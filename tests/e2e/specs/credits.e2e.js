// Credits settle what they credit, in the real window: an invoice credited in full through the
// credit dialog turns "Krediterad" in the list with nothing left to pay; a partial credit lowers
// "Kvar att betala"; a credit after a partial payment shows what to give back, and the refund is
// recorded from the payments panel. The company, customer and invoices are set up with the
// `fakturera` command line on the spec's own company file.
import { expect } from "@wdio/globals";
import { fakturera, screenshot, shellReady, withControl } from "./helpers.js";



/** Issues a one-line invoice of 800 + 25 % VAT = 1 000,00 kr and returns its id and number. */
function issuedThousand() {
  const draft = fakturera(["invoices", "create", "-"], {
    customer_number: "K1",
    form: { issue_date: "2026-01-10", lines: [{ description: "Support", quantity: "1", unit_price: "800" }] },
  });
  const issued = fakturera(["invoices", "issue", String(draft.id)]);
  return { id: String(draft.id), number: issued.number };
}

/** The element's text content with no-break spaces as plain spaces. */
async function textOf(element) {
  return String(await element.getProperty("textContent"))
    .replace(/\u00a0/g, " ")
    .trim();
}

/**
 * The list row of invoice `id`, looked up afresh each time (the list re-renders as pages arrive,
 * so element references are not kept).
 */
async function listRow(id) {
  // Another section and back: the list is read again from the company file.
  await withControl("2");
  await $('[data-testid="invoice-list"]').waitForExist({ reverse: true });
  await withControl("1");
  await $('[data-testid="invoice-search"]').waitForDisplayed();
  const row = $(`[data-testid="invoice-row"][data-invoice-id="${id}"]`);
  await row.waitForDisplayed({ timeoutMsg: `invoice ${id} is not in the list` });
  return row;
}

/** The status chip and "Kvar att betala" of invoice `id` in the list. */
async function listed(id) {
  await listRow(id);
  const row = `[data-testid="invoice-row"][data-invoice-id="${id}"]`;
  return [
    await textOf($(`${row} [data-testid="status-chip"]`)),
    await textOf($(`${row} [data-testid="invoice-to-pay"]`)),
  ];
}

describe("credits", () => {
  let full;
  let partial;
  let afterPayment;

  before(() => {
    fakturera(["company", "set", "-"], {
      name: "Kreditbolaget AB",
      org_number: "556721-2047",
      vat_number: "SE556721204701",
      f_tax_approved: true,
      bankgiro: "5050-1055",
      address: { street: "Sveavägen 44", street2: "", postal_code: "111 34", city: "Stockholm", country_code: "SE" },
      invoice_fee: "0",
    });
    fakturera(["customers", "add", "-"], {
      customer_number: "K1",
      name: "Kund i Kredit AB",
      legal_id: "556036-0793",
      delivery_choice: "letter",
      address: { street: "Storgatan 1", street2: "", postal_code: "411 10", city: "Göteborg", country_code: "SE" },
    });
    full = issuedThousand();
    partial = issuedThousand();
    fakturera(["invoices", "credit", partial.id, "--lines", '[{"line": 0, "quantity": "0.5"}]']);
    const partialCredit = fakturera(["invoices", "list", "--status", "drafts"]).rows[0];
    fakturera(["invoices", "issue", String(partialCredit.id)]);
    afterPayment = issuedThousand();
    fakturera(["invoices", "pay", afterPayment.id, "--amount", "400", "--date", "2026-01-20"]);
    const credit = fakturera(["invoices", "credit", afterPayment.id]);
    fakturera(["invoices", "issue", String(credit.id)]);
  });

  it("credits an invoice in the window and sees it Krediterad in the list", async () => {
    await shellReady();
    expect(await listed(full.id)).toEqual(["Förfallen", "1 000,00"]);
    await (await listRow(full.id)).doubleClick();
    await $('[data-testid="invoice-credit"]').click();
    await $('[data-testid="credit-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await expect($('[data-testid="invoice-title"]')).toHaveText("Kreditfaktura (utkast)");
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await $('[data-testid="invoice-editor"]').getAttribute("data-status")) === "issued");
    await browser.keys("Escape");

    await browser.waitUntil(async () => (await listed(full.id))[0] === "Krediterad", {
      timeoutMsg: "the credited invoice is not Krediterad in the list",
    });
    expect(await listed(full.id)).toEqual(["Krediterad", ""]);
    expect(await (await listRow(full.id)).getAttribute("class")).not.toContain("overdue");
    await screenshot("credits-list-credited");
  });

  it("shows what a partial credit leaves to pay", async () => {
    expect(await listed(partial.id)).toEqual(["Förfallen", "500,00"]);
  });

  it("shows a credit after a partial payment as money to give back, and records the refund", async () => {
    expect(await listed(afterPayment.id)).toEqual(["Krediterad", "−400,00"]);
    await (await listRow(afterPayment.id)).doubleClick();
    await $('[data-testid="payments-panel"]').waitForDisplayed();
    expect(await textOf($('[data-testid="payments-credited"]'))).toBe("1 000,00 kr");
    expect(await textOf($('[data-testid="payments-to-refund"]'))).toBe("400,00 kr");
    await screenshot("credits-refund-due");
    await $('[data-testid="payment-record"]').click();
    await expect($('[data-testid="payment-notice"]')).toHaveText("Återbetalningen är registrerad.");
    await browser.waitUntil(async () => !(await $('[data-testid="payments-to-refund"]').isExisting()), {
      timeoutMsg: "the refund did not close what was owed back",
    });
    await screenshot("credits-refunded");
    const status = fakturera(["invoices", "show", afterPayment.id]).payment;
    expect([status.state, status.remaining, status.to_refund]).toEqual(["credited", "0.00", "0.00"]);
  });
});
