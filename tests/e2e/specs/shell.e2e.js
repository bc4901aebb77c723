// The shell: Swedish by default, Översikt first, the sections by mouse and keyboard, the company name and
// schema version read from SQLite through Rust, English on request, and the dark theme.
import { expect } from "@wdio/globals";
import { screenshot, sql, withControl } from "./helpers.js";

const heading = () => $("main h1");

describe("the shell", () => {
  it("opens in Swedish with the schema version the company file has", async () => {
    // The app creates and migrates the file when the UI first asks for the overview.
    await $('[data-testid="status-schema"]').waitForExist();
    const schemaVersion = sql("PRAGMA user_version");
    expect(Number(schemaVersion)).toBeGreaterThan(0);
    await expect($('[data-testid="status-schema"]')).toHaveText(`Databasversion ${schemaVersion}`);
    // Översikt is the first screen after start.
    await expect(heading()).toHaveText("Översikt");
    await expect($('[data-testid="status-company"]')).toHaveText("Företagsnamn saknas");
    const labels = await $$("nav button .label").map((label) => label.getText());
    expect(labels).toEqual(["Översikt", "Fakturor", "Reskontra", "Kunder", "Artiklar", "Bokföring", "Inställningar"]);
  });

  it("moves between sections with the mouse", async () => {
    for (const [section, title] of [
      ["customers", "Kunder"],
      ["articles", "Artiklar"],
      ["settings", "Inställningar"],
      ["receivables", "Reskontra"],
      ["overview", "Översikt"],
      ["invoices", "Fakturor"],
    ]) {
      await $(`nav button[data-section="${section}"]`).click();
      await expect(heading()).toHaveText(title);
      await expect($(`nav button[data-section="${section}"]`)).toHaveAttribute("aria-current", "page");
    }
  });

  it("moves between sections with Ctrl+0–6 and the arrow keys", async () => {
    await withControl("3");
    await expect(heading()).toHaveText("Artiklar");
    await withControl("2");
    await expect(heading()).toHaveText("Kunder");
    await withControl("4");
    await expect(heading()).toHaveText("Inställningar");
    await withControl("5");
    await expect(heading()).toHaveText("Reskontra");
    await withControl("6");
    await expect(heading()).toHaveText("Bokföring");
    await withControl("0");
    await expect(heading()).toHaveText("Översikt");
    await $('nav button[data-section="invoices"]').click();
    await browser.keys("ArrowDown");
    await expect(heading()).toHaveText("Reskontra");
    await browser.keys("ArrowUp");
    await expect(heading()).toHaveText("Fakturor");
  });

  it("shows the company name saved in the company file", async () => {
    sql("UPDATE company SET name = ? WHERE id = 1", ["Testbolaget Åkesson AB"]);
    // Switching language makes the shell read the overview again.
    await withControl("4");
    await $("#language").selectByAttribute("value", "en");
    await expect(heading()).toHaveText("Settings");
    await expect($('[data-testid="settings-company-name"]')).toHaveText("Testbolaget Åkesson AB");
    await expect($('[data-testid="status-company"]')).toHaveText("Testbolaget Åkesson AB");
    await expect($('[data-testid="settings-file-path"]')).toHaveText(process.env.FAKTURERA_DB);
    const schemaVersion = sql("PRAGMA user_version");
    await expect($('[data-testid="status-schema"]')).toHaveText(`Database version ${schemaVersion}`);

    await $("#language").selectByAttribute("value", "sv");
    await expect(heading()).toHaveText("Inställningar");
    await withControl("1");
    await expect(heading()).toHaveText("Fakturor");
    // WebKitWebDriver reads no visible text from an ellipsised span, so compare its content.
    await expect($('[data-testid="sidebar-company"] .name')).toHaveElementProperty(
      "textContent",
      "Testbolaget Åkesson AB",
    );
    await screenshot("shell-light");
  });

  it("switches to the dark theme and back to following the system", async () => {
    await withControl("4");
    await $('[data-theme-choice="dark"]').click();
    await expect($("html")).toHaveAttribute("data-theme", "dark");
    await withControl("1");
    await screenshot("shell-dark");
    await withControl("4");
    await $('[data-theme-choice="system"]').click();
    await expect($('[data-theme-choice="system"]')).toHaveAttribute("aria-checked", "true");
  });
});
