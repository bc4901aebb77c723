// The case from issue 9 in the real window: a new invoice to "Kaffekompaniet i Lund AB", a letter
// customer who gave no reference. The editor says before issuing that it goes as a letter and
// that the invoice file's reference will be the customer number; it issues, "Skicka" answers
// nothing in red, and it ends "Levererad (brev)" in the AutoInvoice sandbox on loopback. The
// company and the customer are written with the `fakturera` command line; the keys are typed in the
// window (the app keeps them in its in-memory keychain, FAKTURERA_KEYCHAIN=memory).
import { expect } from "@wdio/globals";
import { fakturera, screenshot, shellReady, sql, startSandbox, withControl } from "./helpers.js";

const customerNumber = "KAFFE-1";

let sandbox = null;
let sandboxUrl = "";


async function typeInto(selector, text) {
  const input = await $(selector);
  await input.waitForDisplayed();
  await input.clearValue();
  await input.setValue(text);
}

describe("a letter to a customer who gave no reference", () => {
  before(async () => {
    ({ sandbox, url: sandboxUrl } = await startSandbox(300));
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
    fakturera(["customers", "add", "-"], {
      customer_number: customerNumber,
      name: "Kaffekompaniet i Lund AB",
      legal_id: "556543-2100",
      vat_number: "SE556543210001",
      address: { street: "Klostergatan 4", street2: "", postal_code: "222 22", city: "Lund", country_code: "SE" },
      delivery_choice: "letter",
    });
  });

  after(() => {
    // The sandbox was started by this spec; stop it by its own handle.
    if (sandbox) sandbox.kill("SIGTERM");
  });

  it("sets the sandbox credentials", async () => {
    await shellReady();
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

  it("says before issuing that it goes as a letter with the customer number as its reference", async () => {
    await withControl("1");
    await $('[data-testid="invoice-list"]').waitForDisplayed();
    await withControl("n");
    await browser.waitUntil(() => $('[data-testid="invoice-customer"]').isFocused(), {
      timeoutMsg: "the customer picker did not get the focus",
    });
    // setValue rather than single keys: under load WebKitWebDriver can drop keys of a burst.
    await $('[data-testid="invoice-customer"]').setValue("Kaffekompaniet");
    await $('[data-testid="invoice-customer-suggestions"]').waitForDisplayed();
    await browser.keys("Enter");
    await $('[data-testid="line-0-article"]').waitForDisplayed();
    await typeInto('[data-testid="line-0-description"]', "Workshop: fakturering i praktiken");
    await typeInto('[data-testid="line-0-unit_price"]', "4500");
    await browser.waitUntil(async () => (await $('[data-testid="totals-payable"]').getText()).replace(/\u00a0/g, " ") === "5 625,00 kr", {
      timeoutMsg: "the totals from Rust did not arrive",
    });

    const channel = $('[data-testid="presend-channel"]');
    await browser.waitUntil(async () => (await channel.getAttribute("data-channel")) === "print", {
      timeoutMsg: "the check did not say the invoice goes as a letter",
    });
    await expect(channel).toHaveText("Skickas som brev");
    await expect($('[data-testid="presend-reference-note"]')).toHaveText(expect.stringContaining(`"${customerNumber}"`));
    await expect($('[data-testid="note-buyer_reference"]')).toHaveText(expect.stringContaining("kundnumret"));
    await expect($('[data-testid="presend-panel"]')).toHaveAttribute("data-blocking", "false");
    await screenshot("letter-without-reference-editor");
    await $('[data-testid="presend-panel"]').scrollIntoView({ block: "center" });
    await screenshot("letter-without-reference-check");
  });

  it("issues, sends without a word in red, and ends delivered as a letter", async () => {
    await withControl("s");
    await expect($('[data-testid="invoice-notice"]')).toHaveText("Sparat");
    await withControl("u");
    await $('[data-testid="issue-dialog"]').waitForDisplayed();
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await $('[data-testid="invoice-editor"]').getAttribute("data-status")) === "issued", {
      timeoutMsg: "the invoice was not issued",
    });
    await expect($('[data-testid="invoice-failure"]')).not.toBeExisting();

    await $('[data-testid="delivery-send"]').click();
    const panel = $('[data-testid="delivery-panel"]');
    await browser.waitUntil(async () => (await panel.getAttribute("data-state")) === "delivered", {
      timeout: 30000,
      timeoutMsg: "the letter was not delivered",
    });
    await expect($('[data-testid="delivery-error"]')).not.toBeExisting();
    await expect($('[data-testid="delivery-chip"]')).toHaveText("Levererad (brev)");
    await expect($('[data-testid="delivery-timeline"]')).toHaveText(expect.stringContaining("Levererad (brev)"));
    await screenshot("letter-without-reference-delivered");

    // What AutoInvoice got: a letter (e-invoice and e-mail disabled) whose file carries the
    // customer number as the buyer reference.
    const id = sql("SELECT id FROM invoices WHERE status = 'issued' ORDER BY id DESC LIMIT 1");
    const key = sql("SELECT idempotency_key FROM outbox WHERE invoice_id = ?", [id]);
    const response = await fetch(`${sandboxUrl}/_sandbox/received?uuid=${key}`);
    const received = await response.json();
    const upload = Array.isArray(received) ? received[0] : received;
    expect(upload.fields["disabled_routes[]"]).toEqual(["einvoice", "email"]);
    const xmlEntry = upload.files[0].zip_entries.find((entry) => entry.name.endsWith(".xml"));
    const xml = Buffer.from(xmlEntry.bytes_base64, "base64").toString("utf8");
    expect(xml).toContain(`<cbc:BuyerReference>${customerNumber}</cbc:BuyerReference>`);
  });
});
