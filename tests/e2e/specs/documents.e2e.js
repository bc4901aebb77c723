// The invoice's documents in the real window: the e-invoice checks show at the right field while
// the user types and stop the issue; once fixed and issued, "Spara e-faktura" writes a file the
// official validator accepts and "Spara PDF" a PDF whose text names the invoice. Files go to
// FAKTURERA_DOCUMENTS_DIR (set by scripts/e2e.sh) instead of a native save dialog.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@wdio/globals";
import { faktureraUnlessRefused, screenshot, shellReady, sql, typeKeys, withControl } from "./helpers.js";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const validator = path.resolve(repositoryRoot, "../shared/einvoice/validate");

/** The path the documents bar reports for the file it wrote last, once it has written one. */
async function writtenFile(previous) {
  const status = $('[data-testid="document-saved"]');
  await browser.waitUntil(async () => {
    if (!(await status.isExisting())) return false;
    const written = await status.getAttribute("data-path");
    return Boolean(written) && written !== previous && fs.existsSync(written);
  }, { timeoutMsg: "no document was written" });
  return status.getAttribute("data-path");
}

describe("the invoice's documents", () => {
  let companyNameBefore = "";
  const finding = '[data-testid="field-finding"][data-field="buyer_reference"][data-rule="PEPPOL-EN16931-R003"]';

  before(() => {
    expect(process.env.FAKTURERA_DOCUMENTS_DIR).toBeTruthy();
    companyNameBefore = sql("SELECT name FROM company WHERE id = 1");
    faktureraUnlessRefused(["company", "set", "-"], {
      name: "Ekbacken Konsult AB",
      org_number: "556721-2047",
      vat_number: "SE556721204701",
      f_tax_approved: true,
      address: { street: "Sveavägen 44", street2: "", postal_code: "111 34", city: "Stockholm", country_code: "SE" },
      contact_name: "Karin Åström",
      bankgiro: "5678-1230",
      cash_rounding: true,
    });
    // An e-invoice customer without any reference: the buyer reference rule (R003) will fire.
    faktureraUnlessRefused(["customers", "add", "-"], {
      customer_number: "E2E-DOC",
      name: "Nordkust Energi AB",
      legal_id: "556036-0793",
      vat_number: "SE556036079301",
      address: { street: "Hamngatan 3", street2: "", postal_code: "252 21", city: "Helsingborg", country_code: "SE" },
      delivery_choice: "einvoice",
    });
    faktureraUnlessRefused(["articles", "add", "-"], { article_number: "E2EDOK", name: "Energikartläggning", unit: "tim", unit_price: "1250" });
  });

  after(() => {
    sql("UPDATE company SET name = ? WHERE id = 1", [companyNameBefore]);
  });

  it("shows the e-invoice findings at the field while the user types", async () => {
    await shellReady();
    await withControl("1");
    await $('[data-testid="invoice-list"]').waitForDisplayed();
    await withControl("n");
    await typeKeys("Nordkust");
    await $('[data-testid="invoice-customer-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await $('[data-testid="line-0-article"]').waitForDisplayed();
    await typeKeys("E2EDOK");
    await $('[data-testid="line-0-article-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await typeKeys("6");

    await $(finding).waitForDisplayed({ timeoutMsg: "the R003 finding did not appear under Referenskod" });
    await expect($('[data-testid="presend-panel"]')).toHaveAttribute("data-blocking", "true");
    await expect($('[data-testid="presend-finding"][data-rule="PEPPOL-EN16931-R003"]')).toBeExisting();
    await $('[data-testid="invoice-buyer_reference"]').scrollIntoView({ block: "center" });
    await screenshot("documents-findings");
    await $('[data-testid="presend-panel"]').scrollIntoView({ block: "center" });
    await screenshot("documents-findings-panel");
  });

  it("refuses to issue while the finding stands, naming the field", async () => {
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await $('[data-testid="invoice-failure"]').waitForDisplayed();
    await expect($('[data-testid="invoice-failure"]')).toHaveAttribute("data-code", "invalid_input");
    await expect($('[data-testid="problem-buyer_reference"]')).toHaveText(expect.stringContaining("PEPPOL-EN16931-R003"));
    expect(sql("SELECT count(*) FROM invoices WHERE status = 'draft'")).toBe("1");
    await $('[data-testid="invoice-buyer_reference"]').scrollIntoView({ block: "center" });
    await screenshot("documents-issue-refused");
  });

  it("issues once the reference is given", async () => {
    // setValue rather than single keys: WebKitWebDriver can merge a repeated key ("77").
    await $('[data-testid="invoice-buyer_reference"]').setValue("PROJ-77");
    await $('[data-testid="presend-ok"]').waitForDisplayed({ timeoutMsg: "the check did not clear" });
    await expect($(finding)).not.toBeExisting();
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await $('[data-testid="invoice-editor"]').getAttribute("data-status")) === "issued");
  });

  it("saves the e-invoice, which the validator accepts", async () => {
    const number = sql("SELECT number_text FROM invoices WHERE status = 'issued' ORDER BY id DESC LIMIT 1");
    await $('[data-testid="save-einvoice"]').click();
    const file = await writtenFile(null);
    expect(path.dirname(file)).toBe(process.env.FAKTURERA_DOCUMENTS_DIR);
    expect(path.basename(file)).toBe(`Faktura ${number}.xml`);
    const xml = fs.readFileSync(file, "utf8");
    expect(xml).toContain(`<cbc:ID>${number}</cbc:ID>`);
    expect(xml).toContain("<cbc:BuyerReference>PROJ-77</cbc:BuyerReference>");
    const verdict = spawnSync(validator, [file], { encoding: "utf8" });
    expect(verdict.status).toBe(0);
    await screenshot("documents-saved");
  });

  it("saves the PDF, whose text names the invoice", async () => {
    const number = sql("SELECT number_text FROM invoices WHERE status = 'issued' ORDER BY id DESC LIMIT 1");
    const previous = await $('[data-testid="document-saved"]').getAttribute("data-path");
    await $('[data-testid="save-pdf"]').click();
    const file = await writtenFile(previous);
    expect(path.basename(file)).toBe(`Faktura ${number}.pdf`);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain(number);
    expect(text).toContain("Nordkust Energi AB");
    expect(text).toContain("Att betala");
  });

  it("previews the invoice as a PDF", async () => {
    const previous = await $('[data-testid="document-saved"]').getAttribute("data-path");
    await $('[data-testid="preview-pdf"]').click();
    const file = await writtenFile(previous);
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain("Nordkust Energi AB");
    await browser.keys("Escape");
    await $('[data-testid="invoice-list"]').waitForDisplayed();
  });
});
