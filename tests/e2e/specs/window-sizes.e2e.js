// The window at its usual size (1200×760) and at the smallest the app allows (900×560,
// tauri.conf.json's minWidth/minHeight) with the demo company: every section, an invoice, a new
// invoice, a customer and an article, light and dark. Nothing may run out of the window or be cut
// without a way to see it: nothing scrolls sideways, no element reaches past the window's right
// edge, and a box that hides what overflows it does so only for text that ends in "…". Each screen
// is saved as a screenshot (tests/e2e/screenshots/window-<width>-…) to look at.
import { expect } from "@wdio/globals";
import { fakturera, screenshot, shellReady, withControl } from "./helpers.js";

const sections = [
  ["0", "Översikt", "overview"],
  ["1", "Fakturor", "invoices"],
  ["5", "Reskontra", "receivables"],
  ["2", "Kunder", "customers"],
  ["3", "Artiklar", "articles"],
  ["6", "Bokföring", "bookkeeping"],
  ["4", "Inställningar", "settings"],
];

/**
 * What the window shows wrongly, as lines naming the element: sideways scrolling of the page,
 * elements past the right edge that no scrolling box holds, and content cut by `overflow: hidden`.
 */
function layoutFaults() {
  return browser.execute(() => {
    const width = document.documentElement.clientWidth;
    const faults = [];
    const name = (element) => {
      const id = element.getAttribute("data-testid");
      const classes = [...element.classList].filter((c) => !c.startsWith("svelte-")).join(".");
      const text = (element.textContent || "").trim().slice(0, 30);
      return `${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ""}${classes ? `.${classes}` : ""} "${text}"`;
    };
    if (document.documentElement.scrollWidth > width) {
      faults.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in a ${width} px window`);
    }
    const visible = (element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.display !== "none" && style.visibility !== "hidden" && box.width > 0 && box.height > 0;
    };
    // Inside a box that scrolls sideways, reaching past its edge is what scrolling is for; the
    // box itself is named below when it has to scroll sideways at all.
    const insideScroller = (element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === "auto" || overflow === "scroll") return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll("*")) {
      if (!visible(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.right > width + 0.5 && !insideScroller(element)) {
        faults.push(`${name(element)} reaches ${Math.round(box.right)} px in a ${width} px window`);
      }
      const style = getComputedStyle(element);
      const ellipsis = style.textOverflow === "ellipsis";
      const wider = element.scrollWidth - element.clientWidth;
      if (style.overflowX === "hidden" && !ellipsis && wider > 1) {
        faults.push(`${name(element)} cuts ${wider} px of its content`);
      }
      if ((style.overflowX === "auto" || style.overflowX === "scroll") && wider > 1) {
        // Name the outermost part that sticks out: that is what to make narrower.
        const edge = element.getBoundingClientRect().right;
        const culprit = [...element.querySelectorAll("*")].find((inner) => inner.getBoundingClientRect().right > edge + 1);
        faults.push(`${name(element)} scrolls sideways by ${wider} px${culprit ? `, because of ${name(culprit)}` : ""}`);
      }
    }
    return faults;
  });
}

async function setTheme(theme) {
  await browser.execute((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}

/** Asserts the screen fits and saves it light and dark. */
async function fitsAndSaved(name) {
  await browser.execute(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
  );
  const width = await browser.execute(() => window.innerWidth);
  // Saved first, so a failing run leaves the picture of what it names.
  await screenshot(`window-${width}-${name}-light`);
  await setTheme("dark");
  await screenshot(`window-${width}-${name}-dark`);
  await setTheme("light");
  expect(await layoutFaults()).toEqual([]);
}

async function resizeTo(width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) <= width, {
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

describe("every screen at 1200×760 and at the smallest window", () => {
  before(async () => {
    await shellReady();
    fakturera(["demo", "--today", "2026-11-26"]);
    // The first Översikt was drawn before the demo existed; visit it again.
    await withControl("1");
    await expect($("main h1")).toHaveText("Fakturor");
    await withControl("0");
    await browser.waitUntil(async () => !/^0,00/.test(await $('[data-testid="overview-unpaid"] .amount').getText()), {
      timeoutMsg: "Översikt did not show the demo company's figures",
    });
  });

  after(async () => {
    await resizeTo(1200, 760);
  });

  for (const [width, height] of [
    [1200, 760],
    [900, 560],
  ]) {
    describe(`${width}×${height}`, () => {
      before(async () => {
        await resizeTo(width, height);
      });

      for (const [key, title, section] of sections) {
        it(`fits ${title}`, async () => {
          await withControl(key);
          await expect($("main h1")).toHaveText(title);
          if (section === "invoices") {
            await browser.waitUntil(async () => (await $$('[data-testid="invoice-row"]').length) > 10);
          }
          await fitsAndSaved(section);
        });
      }

      it("fits an invoice in the editor", async () => {
        await withControl("1");
        const row = await $('[data-testid="invoice-row"]');
        await row.waitForDisplayed();
        await row.doubleClick();
        await $('[data-testid="invoice-editor"]').waitForDisplayed();
        await fitsAndSaved("invoice");
      });

      it("fits a new invoice in the editor", async () => {
        await withControl("n");
        await browser.waitUntil(() => $('[data-testid="invoice-customer"]').isFocused());
        await fitsAndSaved("new-invoice");
        await browser.keys("Escape");
      });

      it("fits the customer and article editors", async () => {
        for (const [key, name] of [
          ["2", "customer"],
          ["3", "article"],
        ]) {
          await withControl(key);
          const row = await $(`[data-testid="${name}-row"] .row-open`);
          await row.waitForDisplayed();
          await row.click();
          await $(`[data-testid="${name}-editor"]`).waitForDisplayed();
          await fitsAndSaved(name);
          await browser.keys("Escape");
        }
      });
    });
  }
});
