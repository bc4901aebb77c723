// Company files and bookkeeping in the real window: "Nytt företag" makes a company through the
// wizard (a bad org number is named first), customers are imported from an xlsx file with the
// preview, the window switches to the demo company and back without a restart, and Bokföring
// writes an SIE file whose bytes are code page 437. Files go to FAKTURERA_DOCUMENTS_DIR; the import
// reads FAKTURERA_IMPORT_FILE (both set by scripts/e2e.sh).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "@wdio/globals";
import { cliBinary, companyFile, screenshot, withControl } from "./helpers.js";

const work = path.dirname(companyFile());
const companyName = "Åkesson Bygg AB";
const newFile = path.join(work, `${companyName}.fakturera`);

function fakturera(file, args, input) {
  return JSON.parse(execFileSync(cliBinary, ["--db", file, ...args], { input: JSON.stringify(input ?? {}), encoding: "utf8" }));
}

async function typeInto(selector, text) {
  const input = await $(selector);
  await input.waitForDisplayed();
  await input.clearValue();
  await input.setValue(text);
}

const statusCompany = () => $('[data-testid="status-company"]');

describe("company files and bookkeeping", () => {
  before(() => {
    for (const file of [newFile, path.join(work, "Demoföretaget.fakturera")]) fs.rmSync(file, { force: true });
    // The file to import: the demo company's customers exported as Excel by the CLI, plus one
    // customer with a broken org number, so the preview has something to name.
    const source = path.join(work, "source.fakturera");
    fs.rmSync(source, { force: true });
    fakturera(source, ["demo", "--today", "2026-11-26"]);
    fakturera(source, ["customers", "add"], { name: "Felaktig AB", legal_id: "556721-2047" });
    execFileSync("python3", ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE customers SET legal_id='5567212048' WHERE name='Felaktig AB'\"); c.commit()", source]);
    fakturera(source, ["export", "customers", "--out", process.env.FAKTURERA_IMPORT_FILE]);
  });

  it("creates a new company with the wizard, naming a bad org number first", async () => {
    await $('[data-testid="status-schema"]').waitForDisplayed();
    await $('[data-testid="company-menu"]').click();
    await $('[data-testid="company-new"]').click();
    await expect($('[data-testid="company-wizard"]')).toBeDisplayed();
    await typeInto('[data-testid="wizard-name"]', companyName);
    await typeInto('[data-testid="wizard-org"]', "556721-2048");
    await typeInto('[data-testid="wizard-vat"]', "SE556721204701");
    await $('[data-testid="wizard-next"]').click();
    await typeInto('[data-testid="wizard-street"]', "Storgatan 1");
    await typeInto('[data-testid="wizard-postal"]', "90325");
    await typeInto('[data-testid="wizard-city"]', "Umeå");
    await typeInto('[data-testid="wizard-bankgiro"]', "5050-1055");
    await $('[data-testid="wizard-create"]').click();
    // Rust names the org number; the wizard goes back to the step that has it.
    await expect($('[data-error-for="wizard-org"]')).toHaveText(expect.stringContaining("kontrollsiffra"));
    await screenshot("company-wizard-error");
    expect(fs.existsSync(newFile)).toBe(false);

    await typeInto('[data-testid="wizard-org"]', "556721-2047");
    await $('[data-testid="wizard-next"]').click();
    await $('[data-testid="wizard-create"]').click();
    await expect(statusCompany()).toHaveText(companyName);
    // The sidebar's menu button names the company too (its text is clipped with an ellipsis, which
    // WebKit's WebDriver reports as no visible text, so its content is read instead).
    await browser.waitUntil(async () =>
      String(await $('[data-testid="company-menu"]').getProperty("textContent")).includes(companyName),
    );
    expect(fs.existsSync(newFile)).toBe(true);
    await screenshot("company-created");
  });

  it("imports customers from an xlsx file after a preview that names the bad row", async () => {
    await withControl("2");
    await $('[data-testid="customers-import"]').click();
    const summary = $('[data-testid="import-summary"]');
    await expect(summary).toHaveText(expect.stringContaining("Excel (xlsx)"));
    await expect($('[data-testid="import-problems"]')).toHaveText(expect.stringContaining("Felaktig AB"));
    await screenshot("import-preview");
    await $('[data-testid="import-run"]').click();
    await expect($('[data-testid="import-outcome"]')).toHaveText(expect.stringContaining("tillagda"));
    await $('[data-testid="import-close"]').click();
    await expect($$('[data-testid="customer-row"]')).toBeElementsArrayOfSize({ gte: 5 });
    await screenshot("import-done");
  });

  it("switches to the demo company and back without a restart", async () => {
    await $('[data-testid="company-menu"]').click();
    await $('[data-testid="company-demo"]').click();
    await expect(statusCompany()).toHaveText("Ljungberg & Åström Konsult AB", { wait: 60000 });
    await expect($("main h1")).toHaveText("Fakturor");
    await screenshot("company-demo");

    await $('[data-testid="company-menu"]').click();
    const recent = $$('[data-testid="company-recent"]');
    await expect(recent).toBeElementsArrayOfSize({ gte: 1 });
    const back = await recent.find(async (button) => (await button.getText()).includes(companyName));
    await back.click();
    await expect(statusCompany()).toHaveText(companyName);
    await withControl("2");
    await expect($$('[data-testid="customer-row"]')).toBeElementsArrayOfSize({ gte: 5 });
  });

  it("exports SIE from Bokföring", async () => {
    // One issued invoice in the new company, made with the CLI on the file the window has open.
    const customer = fakturera(newFile, ["customers", "list", "--search", "Göteborgs"])[0];
    const today = new Date().toISOString().slice(0, 10);
    const draft = fakturera(newFile, ["invoices", "create"], {
      customer_number: customer.customer_number,
      form: { issue_date: today, lines: [{ description: "Takarbete", quantity: "10", unit: "tim", unit_price: "650" }] },
    });
    fakturera(newFile, ["invoices", "issue", String(draft.id)]);

    await withControl("6");
    await expect($("main h1")).toHaveText("Bokföring");
    await typeInto('[data-testid="bookkeeping-period"]', today.slice(0, 4));
    await browser.keys("Enter");
    await expect($('[data-testid="sie-preview"]')).toHaveText(expect.stringContaining("1 fakturor"));
    await $('[data-testid="sie-export"]').click();
    await expect($('[data-testid="sie-result"]')).toHaveText(expect.stringContaining("1 verifikation"));
    await screenshot("sie-exported");
    const written = fs
      .readdirSync(process.env.FAKTURERA_DOCUMENTS_DIR)
      .filter((name) => name.endsWith(".si"))
      .map((name) => fs.readFileSync(path.join(process.env.FAKTURERA_DOCUMENTS_DIR, name)));
    expect(written.length).toBe(1);
    const bytes = written[0];
    expect(bytes.subarray(0, 9).toString("latin1")).toBe("#FLAGGA 0");
    // "Åkesson" in code page 437: Å is 0x8F.
    expect(bytes.includes(Buffer.from([0x8f, ...Buffer.from("kesson Bygg AB", "latin1")]))).toBe(true);

    await $('[data-testid="bookkeeping-tab-vat"]').click();
    await expect($('[data-testid="vat-box-05"]')).toHaveText(expect.stringContaining("6 500,00"));
    await screenshot("vat-report");
  });
});
