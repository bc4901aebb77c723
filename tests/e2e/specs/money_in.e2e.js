// Money in, in the real window: the app opens on Översikt with Rust's figures; the bank's BgMax file
// (written by `fakturera bankfile sample` for three open invoices: paid in full, in part, too much,
// and one unknown OCR) is previewed and booked in Reskontra, and the invoice paid in full turns
// "Betald" in the list; a reminder for the partly paid invoice is created and sent through the
// AutoInvoice sandbox until it is delivered by letter; Översikt in the light and the dark theme.
import path from "node:path";
import { expect } from "@wdio/globals";
import { fakturera, screenshot, shellReady, sql, startSandbox, withControl } from "./helpers.js";


let sandbox = null;
let sandboxUrl = "";
let invoices = [];


/** The element's text content with no-break spaces as plain spaces. */
async function textOf(selector) {
  return String(await $(selector).getProperty("textContent"))
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function typeInto(selector, text) {
  const input = await $(selector);
  await input.waitForDisplayed();
  await input.clearValue();
  await input.setValue(text);
}

/** Formats an amount Rust gave ("331627.00") the way the window shows it in Swedish. */
function swedish(amount) {
  const [whole, fraction] = amount.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${fraction} kr`;
}

function issued(day, price) {
  const draft = fakturera(["invoices", "create", "-"], {
    customer_number: "R1",
    form: { issue_date: day, lines: [{ description: "Konsultarvode", quantity: "1", unit_price: price }] },
  });
  return fakturera(["invoices", "issue", String(draft.id)]).id;
}

describe("money in", () => {
  before(async () => {
    ({ sandbox, url: sandboxUrl } = await startSandbox(300));
    fakturera(["company", "set", "-"], {
      name: "Reskontrabolaget AB",
      org_number: "556721-2047",
      vat_number: "SE556721204701",
      f_tax_approved: true,
      bankgiro: "5678-1230",
      address: { street: "Sveavägen 44", street2: "", postal_code: "111 34", city: "Stockholm", country_code: "SE" },
      invoice_fee: "0",
    });
    fakturera(["customers", "add", "-"], {
      customer_number: "R1",
      name: "Sen Betalare AB",
      legal_id: "556036-0793",
      your_reference: "Per Öberg",
      email: "ekonomi@senbetalare.se",
      delivery_choice: "letter",
      address: { street: "Storgatan 1", street2: "", postal_code: "411 10", city: "Göteborg", country_code: "SE" },
    });
    invoices = [issued("2026-09-01", "800"), issued("2026-10-01", "1600"), issued("2026-10-15", "400")];
    fakturera(["receivables", "set", "-"], { reminder_fee_agreed: true, reminder_fee: "60" });
    // The bank's file, where "Välj bankfil…" finds it in tests (scripts/e2e.sh sets the folder).
    const folder = process.env.FAKTURERA_DOCUMENTS_DIR;
    if (!folder) throw new Error("FAKTURERA_DOCUMENTS_DIR is not set; run through scripts/e2e.sh");
    fakturera(["bankfile", "sample", "--out", path.join(folder, "bankfil.txt")]);
  });

  after(() => {
    if (sandbox) sandbox.kill("SIGTERM");
  });

  it("opens on Översikt with Rust's figures", async () => {
    await shellReady();
    // The window drew its first Översikt before this spec's invoices were written through the CLI;
    // Översikt reads Rust again on every visit.
    await withControl("1");
    await withControl("0");
    await expect($("main h1")).toHaveText("Översikt");
    const figures = fakturera(["dashboard"]);
    await browser.waitUntil(async () => (await textOf('[data-testid="overview-unpaid"] .amount')) === swedish(figures.unpaid.amount), {
      timeoutMsg: "the unpaid figure is not Rust's",
    });
    expect(await textOf('[data-testid="overview-overdue"] .amount')).toBe(swedish(figures.overdue.amount));
  });

  it("sets the sandbox credentials", async () => {
    await withControl("4");
    const card = $('[data-testid="autoinvoice-card"]');
    await card.waitForExist({ timeout: 15000 });
    await card.scrollIntoView();
    const enabled = $('[data-testid="autoinvoice-enabled"]');
    if (!(await enabled.isSelected())) await enabled.click();
    await typeInto('[data-testid="autoinvoice-company-id"]', "7e5b0a34-5c2f-4b8e-9a61-2f0c8d9e4a10");
    await typeInto('[data-testid="autoinvoice-api-key"]', "sandbox-api-key");
    await typeInto('[data-testid="autoinvoice-vendor-key"]', "sandbox-vendor-key");
    await $('[data-testid="autoinvoice-environment"]').selectByAttribute("value", "sandbox");
    await typeInto('[data-testid="autoinvoice-sandbox-url"]', sandboxUrl);
    await $('[data-testid="autoinvoice-save"]').click();
    await expect($('[data-testid="autoinvoice-saved"]')).toBeDisplayed();
  });

  it("previews and books the bank file, and the invoice paid in full turns Betald", async () => {
    await withControl("5");
    await expect($("main h1")).toHaveText("Reskontra");
    await $('[data-testid="receivables-tab-bank"]').click();
    await $('[data-testid="bank-choose"]').click();
    await $('[data-testid="bank-preview"]').waitForDisplayed();
    const outcomes = await $$('[data-testid="bank-payment"]').map((row) => row.getAttribute("data-outcome"));
    expect(outcomes).toEqual(["paid", "partly_paid", "overpaid", "unmatched"]);
    await screenshot("money-in-bank-preview");
    await $('[data-testid="bank-import"]').click();
    await expect($('[data-testid="bank-notice"]')).toHaveText(expect.stringContaining("3 inbetalningar bokade"));
    await expect($('[data-testid="bank-preview"]')).toHaveAttribute("data-imported", "true");
    await $('[data-testid="bank-unplaced-row"]').waitForDisplayed();
    expect(sql("SELECT count(*) FROM bank_payments")).toBe("4");

    await withControl("1");
    const row = (id) => `[data-testid="invoice-row"][data-invoice-id="${id}"] [data-testid="status-chip"]`;
    await $(row(invoices[0])).waitForDisplayed();
    await expect($(row(invoices[0]))).toHaveText("Betald");
    await expect($(row(invoices[1]))).toHaveText("Förfallen");
    await expect($(row(invoices[2]))).toHaveText("Överbetald");
    await screenshot("money-in-invoices-paid");
  });

  it("creates a reminder and sends it until it is delivered by letter", async () => {
    await withControl("5");
    await $('[data-testid="receivables-tab-reminders"]').click();
    await $('[data-testid="reminder-candidate"]').waitForDisplayed();
    expect(await $$('[data-testid="reminder-candidate"]').length).toBe(1);
    await $('[data-testid="reminders-create"]').click();
    await expect($('[data-testid="reminders-notice"]')).toHaveText("1 påminnelser skapade.");
    await $('[data-testid="reminder-send"]').click();
    await expect($('[data-testid="reminders-notice"]')).toHaveText(expect.stringContaining("köad för att skickas"));
    const reminder = sql("SELECT document_id FROM reminders");
    // The delivery worker sends it and the sandbox delivers it; the tab shows the chip when read again.
    await browser.waitUntil(
      async () => {
        await $('[data-testid="receivables-tab-interest"]').click();
        await $('[data-testid="receivables-tab-reminders"]').click();
        const chip = $('[data-testid="reminder-made"] [data-testid="delivery-chip"]');
        return (await chip.isExisting()) && (await textOf('[data-testid="reminder-made"] [data-testid="delivery-chip"]')) === "Levererad (brev)";
      },
      { timeout: 30000, interval: 1000, timeoutMsg: "the reminder was not delivered" },
    );
    expect(sql("SELECT state FROM outbox WHERE invoice_id = ?", [reminder])).toBe("delivered");
    await screenshot("money-in-reminder-delivered");
  });

  it("shows Översikt in the light and the dark theme", async () => {
    await withControl("0");
    await $('[data-testid="overview-chart"]').waitForDisplayed();
    await screenshot("money-in-overview-light");
    await withControl("4");
    await $('[data-theme-choice="dark"]').click();
    await expect($("html")).toHaveAttribute("data-theme", "dark");
    await withControl("0");
    await $('[data-testid="overview-chart"]').waitForDisplayed();
    await screenshot("money-in-overview-dark");
    await withControl("4");
    await $('[data-theme-choice="system"]').click();
  });
});
