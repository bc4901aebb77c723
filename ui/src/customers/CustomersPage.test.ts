// The Kunder screen in jsdom with the Tauri bridge mocked: Rust's field error appears under the
// right input, the fixed form saves, and the list shows what Rust answers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: CustomersPage } = await import("./CustomersPage.svelte");
const { setLanguage } = await import("../lib/i18n/index.svelte");

const newForm = {
  customer_number: "1001",
  kind: "company",
  name: "",
  legal_id: "",
  vat_number: "",
  address: { street: "", street2: "", postal_code: "", city: "", country_code: "SE" },
  delivery_address: null,
  email: "",
  copy_email: "",
  phone: "",
  contact_name: "",
  our_reference: "",
  your_reference: "",
  buyer_reference: "",
  payment_terms: "",
  currency: "SEK",
  language: "sv",
  delivery_choice: "automatic",
  vat_treatment: "swedish",
  notes: "",
  archived: false,
};

const row = {
  id: 1,
  customer_number: "1001",
  name: "Öberg AB",
  kind: "company",
  legal_id: "556721-2047",
  city: "Umeå",
  country_code: "SE",
  email: "",
  delivery_choice: "email",
  archived: false,
};

let component: ReturnType<typeof mount> | null = null;
let saved: unknown[] = [];

function input(selector: string, value: string) {
  const element = document.querySelector<HTMLInputElement>(selector);
  if (!element) {
    throw new Error(`${selector} is missing`);
  }
  element.value = value;
  element.dispatchEvent(new Event("input", { bubbles: true }));
}

async function until(check: () => void) {
  await vi.waitFor(() => {
    flushSync();
    check();
  });
}

beforeEach(() => {
  setLanguage("sv");
  saved = [];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args?: { form?: { legal_id: string } }) => {
    switch (command) {
      case "list_customers":
        return saved.length > 0 ? [row] : [];
      case "register_choices":
        return { units: ["st"], payment_terms: [{ code: "net:30", label: "30 dagar netto" }], vat_rate_classes: [] };
      case "new_customer_form":
        return newForm;
      case "add_customer":
        if (args?.form?.legal_id === "556721-2048") {
          throw {
            code: "invalid_input",
            message: "Organisationsnumret 556721-2048 har fel kontrollsiffra.",
            fields: [{ field: "legal_id", message: "Organisationsnumret 556721-2048 har fel kontrollsiffra." }],
          };
        }
        saved.push(args?.form);
        return { id: 1, form: { ...newForm, ...args?.form }, einvoice_address: null, einvoice_checked_at: null };
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

describe("Kunder", () => {
  it("shows Rust's message under the org number, then saves the fixed customer", async () => {
    component = mount(CustomersPage, { target: document.body });
    await until(() => expect(document.querySelector('[data-testid="customers-empty"]')).not.toBeNull());

    window.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true }));
    await until(() => expect(document.querySelector("#customer-name")).not.toBeNull());
    input("#customer-name", "Öberg AB");
    input("#customer-legal_id", "556721-2048");
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true }));
    await until(() =>
      expect(document.querySelector('[data-error-for="customer-legal_id"]')?.textContent).toContain("kontrollsiffra"),
    );
    expect(document.querySelector("#customer-legal_id")?.getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector('[data-testid="customer-error"]')).toBeNull();

    input("#customer-legal_id", "556721-2047");
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true }));
    await until(() => expect(document.querySelectorAll('[data-testid="customer-row"]')).toHaveLength(1));
    expect(saved).toEqual([expect.objectContaining({ name: "Öberg AB", legal_id: "556721-2047" })]);
    expect(document.querySelector('[data-testid="customer-notice"]')?.textContent).toContain("Öberg AB");
    expect(document.querySelector('[data-testid="customer-row"]')?.textContent).toContain("E-post med PDF");
  });

  it("sends what is typed in the search box to Rust", async () => {
    component = mount(CustomersPage, { target: document.body });
    await until(() => expect(document.querySelector('[data-testid="customer-search"]')).not.toBeNull());
    input('[data-testid="customer-search"]', "öberg");
    await until(() =>
      expect(invoke).toHaveBeenCalledWith("list_customers", {
        search: { search: "öberg", include_archived: false, offset: 0, limit: 500 },
      }),
    );
  });
});
