// Everyday use in the real window: the article picker offers matches at the start first, a text
// row goes on the invoice without an amount, the issued invoice prints through the operating
// system's print system to the virtual PDF printer (scripts/with-cups.sh) and is read back, and
// "Kopiera till ny faktura" makes a new draft with the same rows. Screenshots light and dark, at
// 1200×760 and at the smallest window (900×560).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "@wdio/globals";
import { faktureraUnlessRefused, screenshot, shellReady, sql, typeKeys, withControl } from "./helpers.js";

async function setTheme(theme) {
  await browser.execute((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}

describe("everyday use", () => {
  before(() => {
    faktureraUnlessRefused(["company", "set", "-"], {
      name: "Ekbacken Konsult AB",
      org_number: "556721-2047",
      vat_number: "SE556721204701",
      f_tax_approved: true,
      address: { street: "Sveavägen 44", street2: "", postal_code: "111 34", city: "Stockholm", country_code: "SE" },
      contact_name: "Karin Åström",
      bankgiro: "5050-1055",
      cash_rounding: true,
    });
    faktureraUnlessRefused(["customers", "add", "-"], {
      customer_number: "E2E-BREV",
      name: "Brevkunden i Kil AB",
      legal_id: "556036-0793",
      address: { street: "Storgatan 1", street2: "", postal_code: "665 30", city: "Kil", country_code: "SE" },
      delivery_choice: "letter",
    });
    for (const [number, name, price] of [
      ["HW-SKARM", "Bildskärm 27 tum", "2490"],
      ["KONS", "Konsulttimme", "950"],
      ["KABEL", "Nätverkskabel 5 m", "89"],
    ]) {
      faktureraUnlessRefused(["articles", "add", "-"], { article_number: number, name, unit: "st", unit_price: price });
    }
  });

  it("offers articles that start with what was typed first", async () => {
    await shellReady();
    await withControl("1");
    await $('[data-testid="invoice-list"]').waitForDisplayed();
    await withControl("n");
    await browser.waitUntil(() => $('[data-testid="invoice-customer"]').isFocused());
    await typeKeys("Brevkunden");
    await $('[data-testid="invoice-customer-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await $('[data-testid="invoice-lines"]').waitForDisplayed();
    await browser.waitUntil(() => $('[data-testid="line-0-article"]').isFocused());
    await typeKeys("K");
    await $('[data-testid="line-0-article-suggestions"]').waitForDisplayed();
    await browser.waitUntil(async () => (await $$('[data-testid="line-0-article-suggestions"] .label')).length === 3, {
      timeoutMsg: "the picker did not offer the three articles with K",
    });
    const offered = await $$('[data-testid="line-0-article-suggestions"] .label').map((label) => label.getText());
    expect(offered.slice(0, 2).sort()).toEqual(["KABEL", "KONS"]);
    expect(offered[2]).toBe("HW-SKARM");
    await screenshot("everyday-picker-order");
    await typeKeys("ONS");
    await browser.waitUntil(async () => (await $$('[data-testid="line-0-article-suggestions"] .label').map((l) => l.getText()))[0] === "KONS");
    await browser.keys("Enter");
    await expect($('[data-testid="line-0-description"]')).toHaveValue("Konsulttimme");
  });

  it("adds a text row that changes no total, saves and issues it", async () => {
    await browser.waitUntil(async () => (await $('[data-testid="totals-payable"]').getText()).replace(/\u00a0/g, " ") === "1 188,00 kr");
    await $('[data-testid="invoice-add-text-row"]').click();
    await browser.waitUntil(() => $('[data-testid="line-1-text"]').isFocused());
    await $('[data-testid="line-1-text"]').setValue("Avser vecka 12");
    await expect($('[data-testid="line-1-amount"]')).not.toExist();
    await withControl("s");
    await expect($('[data-testid="invoice-notice"]')).toHaveText("Sparat");
    expect(sql("SELECT text FROM invoice_text_rows ORDER BY invoice_id DESC LIMIT 1")).toBe("Avser vecka 12");
    expect((await $('[data-testid="totals-payable"]').getText()).replace(/\u00a0/g, " ")).toBe("1 188,00 kr");
    await screenshot("everyday-text-row");
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await $('[data-testid="invoice-editor"]').getAttribute("data-status")) === "issued");
    await expect($('[data-testid="line-1-text"]')).toHaveValue("Avser vecka 12");
    await expect($('[data-testid="line-0-unit_price"]')).toHaveValue("950,00");
    await setTheme("dark");
    await screenshot("everyday-issued-dark");
    await setTheme("light");
    await screenshot("everyday-issued-light");
  });

  it("prints the issued invoice to the virtual printer", async () => {
    const number = sql("SELECT number_text FROM invoices WHERE status = 'issued' ORDER BY id DESC LIMIT 1");
    const started = Date.now() - 1000;
    await $('[data-testid="print-invoice"]').click();
    await $('[data-testid="print-dialog"]').waitForDisplayed();
    await expect($('[data-testid="print-printer"]')).toHaveValue(process.env.FAKTURERA_TEST_PRINTER);
    await screenshot("everyday-print-dialog");
    await $('[data-testid="print-dialog-confirm"]').click();
    await expect($('[data-testid="document-saved"]')).toHaveText(`Utskriven på ${process.env.FAKTURERA_TEST_PRINTER}.`);
    expect(sql("SELECT count(*) FROM invoice_events WHERE kind = 'printed' AND invoice_id = (SELECT id FROM invoices WHERE number_text = ?)", [number])).toBe("1");
    // cups-pdf writes the job to ~/PDF; wait for the file the job made, then read it back.
    const folder = path.join(process.env.HOME, "PDF");
    let printed = "";
    await browser.waitUntil(() => {
      const fresh = fs.existsSync(folder)
        ? fs.readdirSync(folder).map((name) => path.join(folder, name)).filter((file) => fs.statSync(file).mtimeMs >= started)
        : [];
      printed = fresh.map((file) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).find((text) => text.includes("Avser vecka 12")) ?? "";
      return printed !== "";
    }, { timeoutMsg: "the virtual printer wrote no invoice" });
    expect(printed).toContain("Brevkunden i Kil AB");
    expect(printed).toContain(number);
  });

  it("copies the invoice to a new draft with the same rows", async () => {
    await $('[data-testid="invoice-copy"]').click();
    await expect($('[data-testid="invoice-title"]')).toHaveText("Fakturautkast");
    await expect($('[data-testid="line-0-description"]')).toHaveValue("Konsulttimme");
    await expect($('[data-testid="line-1-text"]')).toHaveValue("Avser vecka 12");
    expect(sql("SELECT count(*) FROM invoices WHERE status = 'draft'")).toBe("1");
    await screenshot("everyday-copy");
    await browser.setWindowSize(900, 560);
    await screenshot("everyday-copy-small");
    await setTheme("dark");
    await screenshot("everyday-copy-small-dark");
    await setTheme("light");
    await browser.setWindowSize(1200, 760);
  });
});
