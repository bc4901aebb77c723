// "Skriv ut / Skicka" in the real window against the AutoInvoice sandbox on loopback: set the sandbox
// credentials and test the connection, add a customer whose org number the lookup finds (e-faktura
// recommended), send an invoice and see "Levererad (e-faktura)"; then a forced failure with its
// reason, a reroute to e-mail that ends delivered, and a copy of it e-mailed to another address.
// The app keeps the keys in its in-memory keychain (FAKTURERA_KEYCHAIN=memory, set by
// scripts/e2e.sh); the draft itself is written with the
// `fakturera` command line (the invoices spec covers writing one in the window).
import { expect } from "@wdio/globals";
import { fakturera, screenshot, shellReady, sql, startSandbox, withControl } from "./helpers.js";

const tag = String(Date.now()).slice(-6);
const customerName = `Exempelkund ${tag} AB`;
const customerNumber = `AX-${tag}`;

let sandbox = null;
let sandboxUrl = "";


async function control(method, route, body) {
  const response = await fetch(`${sandboxUrl}/_sandbox/${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${route}: ${response.status}`);
}

async function typeInto(selector, text) {
  const input = await $(selector);
  await input.waitForDisplayed();
  await input.clearValue();
  await input.setValue(text);
}

/** Opens the invoice with this id from the list (search by number, then Enter). */
async function openInvoice(id) {
  await withControl("1");
  const back = $('[data-testid="invoice-back"]');
  if (await back.isExisting()) await back.click();
  const number = sql("SELECT COALESCE(number_text, '') FROM invoices WHERE id = ?", [id]);
  const search = $('[data-testid="invoice-search"]');
  await search.waitForDisplayed();
  await search.clearValue();
  await search.setValue(number || customerName);
  const row = $(`[data-testid="invoice-row"][data-invoice-id="${id}"]`);
  await row.waitForDisplayed();
  await row.doubleClick();
  await $('[data-testid="delivery-panel"]').waitForDisplayed();
}

function draftFor(reference) {
  return fakturera(["invoices", "create", "-"], {
    customer_number: customerNumber,
    form: {
      your_reference: "Per Öberg",
      buyer_reference: reference,
      lines: [{ description: "Konsultarvode", quantity: "8", unit: "tim", unit_price: "1150" }],
    },
  }).id;
}

describe("sending through AutoInvoice", () => {
  before(async () => {
    ({ sandbox, url: sandboxUrl } = await startSandbox(500));
    fakturera(["company", "set", "-"], {
      name: "Ekbacken Konsult AB",
      org_number: "556036-0793",
      vat_number: "SE556036079301",
      f_tax_approved: true,
      address: { street: "Sveavägen 44", street2: "", postal_code: "111 34", city: "Stockholm", country_code: "SE" },
      contact_name: "Karin Åström",
      bankgiro: "5678-1230",
      invoice_fee: "0",
      cash_rounding: true,
    });
  });

  after(() => {
    // The sandbox was started by this spec; stop it by its own handle.
    if (sandbox) sandbox.kill("SIGTERM");
  });

  it("sets the sandbox credentials and tests the connection", async () => {
    // The window first shows Översikt; once it has, the shortcut reaches the shell.
    await shellReady();
    await withControl("4");
    await expect($("main h1")).toHaveText("Inställningar");
    const card = $('[data-testid="autoinvoice-card"]');
    await card.waitForExist({ timeout: 120000 });
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
    await $('[data-testid="autoinvoice-test"]').click();
    const report = $('[data-testid="autoinvoice-report"]');
    await report.waitForDisplayed({ timeout: 120000 });
    await expect(report).toHaveAttribute("data-ok", "true");
    await expect(report).toHaveText(expect.stringContaining("verifierat"));
    await screenshot("autoinvoice-settings");
    // The keys are in the keychain, not the company file.
    expect(sql("SELECT count(*) FROM company WHERE autoinvoice_company_id LIKE '7e5b%'")).toBe("1");
  });

  it("adds a customer the lookup finds, with e-faktura recommended", async () => {
    await withControl("2");
    await $('[data-testid="customer-search"]').waitForDisplayed();
    await withControl("n");
    await typeInto("#customer-number", customerNumber);
    await typeInto("#customer-name", customerName);
    await typeInto("#customer-legal_id", "556721-2047");
    const result = $('[data-testid="lookup-result"]');
    await result.waitForDisplayed({ timeout: 120000 });
    await expect(result).toHaveAttribute("data-found", "true");
    await expect(result).toHaveText(expect.stringContaining("E-faktura"));
    await $('[data-testid="lookup-use"]').click();
    await expect($("#customer-delivery_choice")).toHaveValue("einvoice");
    await typeInto("#address-street", "Storgatan 1");
    await typeInto("#address-postal_code", "11122");
    await typeInto("#address-city", "Stockholm");
    await typeInto("#customer-email", "faktura@exempelkund.se");
    await typeInto("#customer-buyer_reference", "PROJ-4711");
    await screenshot("customer-lookup");
    await withControl("s");
    await expect($('[data-testid="customer-notice"]')).toHaveText(expect.stringContaining(customerName));
    expect(sql("SELECT delivery_choice FROM customers WHERE customer_number = ?", [customerNumber])).toBe("einvoice");
  });

  it("sends an invoice and shows it delivered by e-faktura", async () => {
    const id = draftFor("PROJ-4711");
    await openInvoice(id);
    await $('[data-testid="delivery-send"]').click();
    const panel = $('[data-testid="delivery-panel"]');
    await browser.waitUntil(async () => (await panel.getAttribute("data-state")) === "delivered", {
      timeout: 120000,
      timeoutMsg: "the invoice was not delivered",
    });
    await expect($('[data-testid="delivery-chip"]')).toHaveText("Levererad (e-faktura)");
    await expect($('[data-testid="delivery-timeline"]')).toHaveText(expect.stringContaining("Överlämnad till AutoInvoice"));
    expect(sql("SELECT state FROM outbox WHERE invoice_id = ?", [id])).toBe("delivered");
    await screenshot("delivery-delivered");
  });

  it("shows a forced failure with its reason, and a reroute to e-mail ends delivered", async () => {
    await control("PUT", "progression", { delay_ms: 300, outcome: "FAILED", message: "Mottagarens brevlåda är full" });
    const id = draftFor("PROJ-4712");
    await openInvoice(id);
    await $('[data-testid="delivery-send"]').click();
    const panel = $('[data-testid="delivery-panel"]');
    await browser.waitUntil(async () => (await panel.getAttribute("data-state")) === "failed", {
      timeout: 120000,
      timeoutMsg: "the failure did not show",
    });
    await expect($('[data-testid="delivery-reasons"]')).toHaveText(expect.stringContaining("brevlåda är full"));
    await expect($('[data-testid="delivery-notice"]')).toBeDisplayed({ wait: 10000 });
    await screenshot("delivery-failed");

    await control("PUT", "progression", { delay_ms: 300, outcome: "DELIVERED" });
    await $('[data-testid="reroute-channel"]').selectByAttribute("value", "email");
    await typeInto('[data-testid="reroute-email"]', "ekonomi@exempelkund.se");
    await $('[data-testid="reroute-go"]').click();
    await browser.waitUntil(async () => (await panel.getAttribute("data-state")) === "delivered", {
      timeout: 120000,
      timeoutMsg: "the rerouted invoice was not delivered",
    });
    await expect($('[data-testid="delivery-chip"]')).toHaveText("Levererad (e-post)");
    await screenshot("delivery-rerouted");
  });

  it("sends a copy of the delivered invoice by e-mail to another address", async () => {
    const panel = $('[data-testid="delivery-panel"]');
    await typeInto('[data-testid="copy-email"]', "revisor@exempelbyra.se");
    await $('[data-testid="copy-send"]').click();
    const timeline = $('[data-testid="delivery-timeline"]');
    await expect(timeline).toHaveText(expect.stringContaining("Kopia skickad med e-post till revisor@exempelbyra.se"));
    await browser.waitUntil(async () => (await panel.getAttribute("data-state")) === "delivered", {
      timeout: 120000,
      timeoutMsg: "the copy was not delivered",
    });
    await expect($('[data-testid="delivery-chip"]')).toHaveText("Levererad (e-post)");
    await screenshot("delivery-copy-sent");
  });
});
