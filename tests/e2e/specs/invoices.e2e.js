// Fakturor in the real window: write an invoice with the keyboard (customer and article picked by
// typing, Enter between cells), see Rust's totals, save, issue it and see its number, credit it,
// and be asked before unsaved work is left. The company, customer and article are set up with the
// `fakturera` command line on the same company file.
import { expect } from "@wdio/globals";
import { faktureraUnlessRefused, screenshot, shellReady, sql, typeKeys, withControl } from "./helpers.js";

/** The text of an element with no-break spaces as plain spaces. */
async function textOf(selector) {
  return (await $(selector).getText()).replace(/\u00a0/g, " ");
}

// The company fields this spec sets, given back afterwards so the other specs find the file as
// they expect it (they share one company file).
const companyColumns = [
  "name",
  "org_number",
  "vat_number",
  "f_tax_approved",
  "street",
  "street2",
  "postal_code",
  "city",
  "country_code",
  "contact_name",
  "invoice_fee",
  "cash_rounding",
];

describe("invoices", () => {
  let companyBefore = {};

  before(() => {
    companyBefore = JSON.parse(
      sql(`SELECT json_object(${companyColumns.map((column) => `'${column}', ${column}`).join(", ")}) FROM company WHERE id = 1`),
    );
    faktureraUnlessRefused(["company", "set", "-"], {
      name: "Ekbacken Konsult AB",
      org_number: "556721-2047",
      vat_number: "SE556721204701",
      f_tax_approved: true,
      address: { street: "Sveavägen 44", street2: "", postal_code: "111 34", city: "Stockholm", country_code: "SE" },
      contact_name: "Karin Åström",
      invoice_fee: "0",
      cash_rounding: true,
    });
    // Already there when the spec runs twice on one file: exit code 2 and nothing changes.
    faktureraUnlessRefused(["customers", "add", "-"], {
      customer_number: "E2E-1",
      name: "Göteborgs Byggservice AB",
      legal_id: "556036-0793",
      vat_number: "SE556036079301",
      address: { street: "Östra Hamngatan 12", street2: "", postal_code: "411 10", city: "Göteborg", country_code: "SE" },
      your_reference: "Per Öberg",
    });
    faktureraUnlessRefused(["articles", "add", "-"], {
      article_number: "E2EKONS",
      name: "Konsultarvode, systemutveckling",
      unit: "tim",
      unit_price: "1150",
    });
  });

  after(() => {
    sql(
      `UPDATE company SET ${companyColumns.map((column) => `${column} = ?`).join(", ")} WHERE id = 1`,
      companyColumns.map((column) => companyBefore[column]),
    );
  });

  it("writes an invoice with the keyboard and shows Rust's totals", async () => {
    await shellReady();
    await withControl("1");
    await expect($("main h1")).toHaveText("Fakturor");
    await $('[data-testid="invoice-list"]').waitForDisplayed();
    await withControl("n");
    await expect($('[data-testid="invoice-title"]')).toHaveText("Ny faktura");
    await browser.waitUntil(() => $('[data-testid="invoice-customer"]').isFocused(), {
      timeoutMsg: "the customer picker did not get the focus",
    });

    // The customer picker has the focus: type, wait for the suggestion, Enter.
    await typeKeys("Byggservice");
    await $('[data-testid="invoice-customer-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await $('[data-testid="invoice-lines"]').waitForDisplayed();
    await expect($('[data-testid="invoice-your_reference"]')).toHaveValue("Per Öberg");

    // Row 1: the article by number fills the row; then the quantity, Enter through the cells.
    await typeKeys("E2EKONS");
    await $('[data-testid="line-0-article-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await expect($('[data-testid="line-0-description"]')).toHaveValue("Konsultarvode, systemutveckling");
    await typeKeys("10");
    for (let cell = 0; cell < 5; cell += 1) await browser.keys("Enter");
    // Past the last cell of the last row a new row starts; Tab skips the article cell.
    await $('[data-testid="line-1-description"]').waitForExist();
    await browser.keys("Tab");
    await typeKeys("Tagresa Stockholm-Goteborg");
    await browser.keys("Enter");
    await browser.keys("Enter");
    await browser.keys("Enter");
    await typeKeys("1295");
    await $('[data-testid="line-1-vat"]').selectByAttribute("value", "swedish:6");

    // 10 h × 1 150 at 25 % and 1 295 at 6 %: 15 747,70, rounded to 15 748,00.
    await browser.waitUntil(async () => (await textOf('[data-testid="totals-payable"]')) === "15 748,00 kr", {
      timeoutMsg: "the totals from Rust did not arrive",
    });
    expect(await textOf('[data-testid="line-0-amount"]')).toBe("11 500,00");
    expect(await textOf('[data-testid="totals-vat"]')).toBe("2 952,70");
    expect(await textOf('[data-testid="totals-rounding"]')).toBe("0,30");
    await screenshot("invoice-editor");
  });

  it("saves with Ctrl+S, issues after confirming and shows the number", async () => {
    await withControl("s");
    await expect($('[data-testid="invoice-notice"]')).toHaveText("Sparat");
    await expect($('[data-testid="invoice-title"]')).toHaveText("Fakturautkast");
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await $('[data-testid="invoice-editor"]').getAttribute("data-status")) === "issued");
    const number = sql(
      "SELECT number_text FROM invoices WHERE status = 'issued' AND kind = 'invoice' ORDER BY id DESC LIMIT 1",
    );
    expect(number).not.toBe("");
    await expect($('[data-testid="invoice-title"]')).toHaveText(`Faktura ${number}`);
    await expect($('[data-testid="invoice-ocr"]')).toHaveText(sql("SELECT ocr FROM invoices WHERE number_text = ?", [number]));
    await expect($('[data-testid="line-0-quantity"]')).toBeDisabled();
    await screenshot("invoice-issued");
  });

  it("credits the issued invoice and issues the credit", async () => {
    const number = sql("SELECT number_text FROM invoices WHERE status = 'issued' AND kind = 'invoice' ORDER BY id DESC LIMIT 1");
    await $('[data-testid="invoice-credit"]').click();
    await $('[data-testid="credit-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await expect($('[data-testid="invoice-title"]')).toHaveText("Kreditfaktura (utkast)");
    await expect($('[data-testid="invoice-credited"]')).toHaveText(`Krediterar faktura ${number}`);
    await browser.waitUntil(async () => (await textOf('[data-testid="totals-payable"]')) === "15 748,00 kr");
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    const creditNumber = sql("SELECT number_text FROM invoices WHERE kind = 'credit' ORDER BY id DESC LIMIT 1");
    await expect($('[data-testid="invoice-title"]')).toHaveText(`Kreditfaktura ${creditNumber}`);
    expect(Number(creditNumber)).toBe(Number(number) + 1);

    await browser.keys("Escape");
    await $('[data-testid="invoice-list"]').waitForDisplayed();
    await browser.waitUntil(async () => {
      const shown = await $$('[data-testid="invoice-row"] .number').map((cell) => cell.getText());
      return shown.includes(number) && shown.includes(creditNumber);
    }, { timeoutMsg: "the invoice and its credit are not in the list" });
    await screenshot("invoice-list");
  });

  it("asks before leaving unsaved changes", async () => {
    await withControl("n");
    await browser.waitUntil(() => $('[data-testid="invoice-customer"]').isFocused(), {
      timeoutMsg: "the customer picker did not get the focus",
    });
    await typeKeys("Byggservice");
    await $('[data-testid="invoice-customer-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await $('[data-testid="line-0-article"]').waitForDisplayed();
    await browser.keys("Tab");
    await typeKeys("Halvfärdig rad");
    await expect($('[data-testid="invoice-dirty"]')).toBeDisplayed();

    await withControl("2");
    await $('[data-testid="leave-dialog"]').waitForDisplayed();
    await $('[data-testid="leave-dialog-cancel"]').click();
    await expect($('[data-testid="invoice-editor"]')).toBeDisplayed();
    await expect($('[data-testid="line-0-description"]')).toHaveValue("Halvfärdig rad");

    await browser.keys("Escape");
    await $('[data-testid="leave-dialog"]').waitForDisplayed();
    await $('[data-testid="leave-dialog-confirm"]').click();
    await $('[data-testid="invoice-list"]').waitForDisplayed();
    expect(sql("SELECT count(*) FROM invoices WHERE status = 'draft'")).toBe("0");
  });
});
