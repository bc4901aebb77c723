// The Artiklar screen in jsdom with the Tauri bridge mocked, which also exercises the generic register
// page and editor frame: a new article starts from Rust's defaults, a refused price is shown under
// its input (which takes the focus), the saved article is listed, and the keyboard walks the list.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: ArticlesPage } = await import("./ArticlesPage.svelte");
const { setLanguage } = await import("../lib/i18n/index.svelte");

// Deliberately not the UI's old hard-coded defaults: the form must show what Rust answers.
const newForm = {
  article_number: "",
  name: "",
  unit: "tim",
  unit_price: "",
  vat_rate_class: "reduced6",
  kind: "service",
  archived: false,
};

function row(id: number, number: string, name: string) {
  return {
    id,
    article_number: number,
    name,
    unit: "tim",
    unit_price: "1250.5",
    unit_price_display: "1 250,50",
    vat_rate_class: "standard",
    vat_rate_today: "25",
    kind: "service",
    archived: false,
  };
}

let component: ReturnType<typeof mount> | null = null;
let rows: ReturnType<typeof row>[] = [];

function input(selector: string, value: string) {
  const element = document.querySelector<HTMLInputElement>(selector);
  if (!element) {
    throw new Error(`${selector} is missing`);
  }
  element.value = value;
  element.dispatchEvent(new Event("input", { bubbles: true }));
}

function key(target: EventTarget, key: string, ctrlKey = false) {
  target.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey, bubbles: true }));
}

async function until(check: () => void) {
  await vi.waitFor(() => {
    flushSync();
    check();
  });
}

beforeEach(() => {
  setLanguage("sv");
  rows = [];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args?: { id?: number; form?: typeof newForm }) => {
    switch (command) {
      case "list_articles":
        return rows;
      case "register_choices":
        return {
          units: ["st", "tim"],
          payment_terms: [],
          vat_rate_classes: [
            { class: "standard", rate_today: "25", label: "Normalskattesats – 25 %" },
            { class: "reduced6", rate_today: "6", label: "Reducerad – 6 %" },
          ],
        };
      case "new_article_form":
        return newForm;
      case "get_article":
        return { id: args?.id, form: { ...newForm, ...rows.find((found) => found.id === args?.id) }, vat_rate_today: "25" };
      case "add_article":
        if (args?.form?.unit_price.startsWith("-")) {
          throw {
            code: "invalid_input",
            message: "Priset får inte vara negativt.",
            fields: [{ field: "unit_price", message: "Priset får inte vara negativt." }],
          };
        }
        rows.push(row(1, args!.form!.article_number, args!.form!.name));
        return { id: 1, form: args?.form, vat_rate_today: "6" };
      default:
        return null;
    }
  });
});

afterEach(() => {
  if (component) {
    unmount(component);
    component = null;
  }
  document.body.innerHTML = "";
});

describe("Artiklar", () => {
  it("starts a new article from Rust's defaults, shows a refused price under its input, then saves", async () => {
    component = mount(ArticlesPage, { target: document.body });
    await until(() => expect(document.querySelector('[data-testid="articles-empty"]')?.textContent).toContain("Inga artiklar"));

    key(window, "n", true);
    await until(() => expect(document.querySelector('[data-testid="article-editor"]')).not.toBeNull());
    expect(invoke).toHaveBeenCalledWith("new_article_form", undefined);
    await until(() => expect(document.querySelector<HTMLSelectElement>("#article-vat")?.value).toBe("reduced6"));
    expect(document.querySelector<HTMLSelectElement>("#article-unit")?.value).toBe("tim");
    expect(document.querySelector('[data-kind="service"]')?.getAttribute("aria-checked")).toBe("true");
    expect(document.activeElement?.id).toBe("article-number");

    input("#article-number", "KONS");
    input("#article-name", "Konsulttimme");
    input("#article-price", "-5");
    key(window, "s", true);
    await until(() => expect(document.querySelector('[data-error-for="article-price"]')?.textContent).toContain("negativt"));
    expect(document.querySelector('[data-testid="article-error"]')).toBeNull();
    await until(() => expect(document.activeElement?.id).toBe("article-price"));

    input("#article-price", "1 250,50");
    key(window, "s", true);
    await until(() => expect(document.querySelectorAll('[data-testid="article-row"]')).toHaveLength(1));
    expect(document.querySelector('[data-testid="article-notice"]')?.textContent).toContain("KONS");
    expect(document.querySelector('[data-testid="article-price"]')?.textContent).toBe("1 250,50");
    expect(invoke).toHaveBeenCalledWith("add_article", {
      form: expect.objectContaining({ article_number: "KONS", unit: "tim", vat_rate_class: "reduced6", unit_price: "1 250,50" }),
    });
  });

  it("walks the list with the arrow keys and opens the first match with Enter", async () => {
    rows = [row(1, "A1", "Först"), row(2, "B2", "Sedan")];
    component = mount(ArticlesPage, { target: document.body });
    await until(() => expect(document.querySelectorAll('[data-testid="article-row"]')).toHaveLength(2));

    const search = document.querySelector<HTMLInputElement>('[data-testid="article-search"]')!;
    key(search, "ArrowDown");
    expect(document.activeElement?.textContent?.trim()).toBe("Först");
    key(document.activeElement!, "ArrowDown");
    expect(document.activeElement?.textContent?.trim()).toBe("Sedan");
    key(document.activeElement!, "ArrowUp");
    key(document.activeElement!, "ArrowUp");
    expect(document.activeElement).toBe(search);

    key(search, "Enter");
    await until(() => expect(document.querySelector('[data-testid="article-editor"] h2')?.textContent).toContain("Först"));
    key(window, "Escape");
    await until(() => expect(document.querySelector('[data-testid="article-list"]')).not.toBeNull());
  });
});
