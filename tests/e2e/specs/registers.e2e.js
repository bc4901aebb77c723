// The registers in the real window: a customer is refused with a bad org number (the message under
// the field, in Swedish), fixed and saved, and found by searching in lower case; an article is
// saved with an exact price; Inställningar names a bad Bankgiro and takes a backup. What the window
// shows is checked against SQLite.
import { expect } from "@wdio/globals";
import { screenshot, sql, withControl } from "./helpers.js";

const heading = () => $("main h1");
// Unique per run, so the spec never collides with demo data or an earlier run on the same file.
const tag = String(Date.now()).slice(-6);
const customerName = `Öberg Testkund ${tag} AB`;
const articleNumber = `E2E-${tag}`;

async function typeInto(selector, text) {
  const input = await $(selector);
  await input.waitForDisplayed();
  await input.clearValue();
  if (text) {
    await input.setValue(text);
  }
}

describe("the registers", () => {
  it("refuses a customer with a bad org number, then saves it once fixed", async () => {
    // The shell is ready once it has read the company file.
    await $('[data-testid="status-schema"]').waitForDisplayed();
    await $('nav button[data-section="customers"]').click();
    await expect(heading()).toHaveText("Kunder");
    await $('[data-testid="customer-search"]').waitForDisplayed();
    await withControl("n");
    await expect($('[data-testid="customer-editor"]')).toBeDisplayed();

    await typeInto("#customer-name", customerName);
    await typeInto("#customer-legal_id", "556721-2048");
    await typeInto("#address-street", "Storgatan 1");
    await typeInto("#address-postal_code", "90325");
    await typeInto("#address-city", "Umeå");
    await typeInto("#customer-email", "faktura@oberg-test.se");
    await $("#customer-delivery_choice").selectByAttribute("value", "email");
    await typeInto("#customer-buyer_reference", "4711");
    await $('[data-testid="customer-save"]').click();

    const error = $('[data-error-for="customer-legal_id"]');
    await expect(error).toBeDisplayed();
    await expect(error).toHaveText(expect.stringContaining("kontrollsiffra"));
    await screenshot("customers-form-error");
    expect(sql("SELECT count(*) FROM customers WHERE name = ?", [customerName])).toBe("0");

    await typeInto("#customer-legal_id", "556721-2047");
    await withControl("s");
    await expect($('[data-testid="customer-notice"]')).toHaveText(expect.stringContaining(customerName));
    expect(sql("SELECT legal_id FROM customers WHERE name = ?", [customerName])).toBe("5567212047");
    expect(sql("SELECT postal_code FROM customers WHERE name = ?", [customerName])).toBe("903 25");
    expect(sql("SELECT delivery_choice FROM customers WHERE name = ?", [customerName])).toBe("email");
  });

  it("finds the customer as the user types, whatever the case", async () => {
    await typeInto('[data-testid="customer-search"]', `öberg testkund ${tag}`);
    const rows = $$('[data-testid="customer-row"]');
    await expect(rows).toBeElementsArrayOfSize(1);
    await expect(rows[0]).toHaveText(expect.stringContaining("556721-2047"));
    await expect(rows[0]).toHaveText(expect.stringContaining("E-post med PDF"));
    await typeInto('[data-testid="customer-search"]', "");
    await expect($('[data-testid="customer-list"]')).toBeDisplayed();
    await screenshot("customers-list");
  });

  it("saves an article with an exact price and shows it in the list", async () => {
    await withControl("3");
    await expect(heading()).toHaveText("Artiklar");
    await $('[data-testid="article-search"]').waitForDisplayed();
    await withControl("n");
    await typeInto("#article-number", articleNumber);
    await typeInto("#article-name", `Konsulttimme ${tag}`);
    await $("#article-unit").selectByAttribute("value", "tim");
    await typeInto("#article-price", "-5");
    await withControl("s");
    await expect($('[data-error-for="article-price"]')).toHaveText(expect.stringContaining("negativt"));

    await typeInto("#article-price", "1 250,50");
    await $('[data-kind="service"]').click();
    await withControl("s");
    await expect($('[data-testid="article-notice"]')).toHaveText(expect.stringContaining(articleNumber));
    await typeInto('[data-testid="article-search"]', articleNumber.toLowerCase());
    const rows = $$('[data-testid="article-row"]');
    await expect(rows).toBeElementsArrayOfSize(1);
    await expect(rows[0].$('[data-testid="article-price"]')).toHaveText("1 250,50");
    expect(sql("SELECT unit_price FROM articles WHERE article_number = ?", [articleNumber])).toBe("1250.5");
    await screenshot("articles-list");
  });

  it("names a bad Bankgiro in Inställningar and takes a backup", async () => {
    await withControl("4");
    await expect(heading()).toHaveText("Inställningar");
    await $('[data-testid="company-settings"]').waitForDisplayed();
    await typeInto("#company-bankgiro", "5050-1056");
    await $('[data-testid="company-save"]').click();
    await expect($('[data-error-for="company-bankgiro"]')).toBeDisplayed();
    expect(sql("SELECT bankgiro FROM company WHERE id = 1")).toBe("");
    await screenshot("settings");

    const before = await $$('[data-testid="backup-row"]').length;
    await $('[data-testid="backup-now"]').click();
    await expect($('[data-testid="backup-notice"]')).toBeDisplayed();
    await expect($$('[data-testid="backup-row"]')).toBeElementsArrayOfSize(Math.min(before + 1, 10));
    await $('[data-testid="backups"]').scrollIntoView();
    await screenshot("settings-backups");
    // Leave the settings form as the next spec expects to find it.
    await typeInto("#company-bankgiro", "");
  });
});
