// Betalningar in jsdom with the Tauri bridge mocked: the payments and amounts are Rust's, a payment
// goes to Rust as typed, Rust's field error shows beside its field, and success asks for a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { partlyPaid } from "./editorFixtures";
import type { PaymentRequest } from "../ipc/invoices";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: PaymentsPanel } = await import("./PaymentsPanel.svelte");
const { setLanguage } = await import("../lib/i18n/index.svelte");

let component: ReturnType<typeof mount> | null = null;
let changed = 0;

const field = (testid: string) => document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`);
const text = (selector: string) => document.querySelector(selector)?.textContent?.trim();

function type(testid: string, value: string) {
  const input = field(testid);
  if (!input) throw new Error(`${testid} is missing`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

async function until(check: () => void) {
  await vi.waitFor(() => {
    flushSync();
    check();
  });
}

function show(payment = partlyPaid) {
  component = mount(PaymentsPanel, {
    target: document.body,
    props: { invoiceId: 7, payment, currency: "SEK", today: "2026-06-10", onchanged: () => (changed += 1) },
  });
  flushSync();
}

beforeEach(() => {
  setLanguage("sv");
  changed = 0;
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args?: { request?: PaymentRequest }) => {
    if (command !== "record_invoice_payment") return null;
    if (args?.request?.amount === "12,5,0") {
      throw {
        code: "invalid_input",
        message: "Beloppet måste vara ett tal, t.ex. 1250,50.",
        fields: [{ field: "amount", message: "Beloppet måste vara ett tal, t.ex. 1250,50." }],
      };
    }
    return { ...partlyPaid, state: "paid", paid: "12500.00", remaining: "0.00" };
  });
});

afterEach(() => {
  if (component) {
    unmount(component);
    component = null;
  }
  document.body.innerHTML = "";
});

describe("Betalningar", () => {
  it("lists the payments and what is paid and left, formatted from Rust's amounts", () => {
    show();
    expect(text('[data-testid="payments-panel"] h3')).toBe("Betalningar");
    expect(text('[data-testid="payments-paid"]')).toBe("2\u00a0500,00 kr");
    expect(text('[data-testid="payments-remaining"]')).toBe("10\u00a0000,00 kr");
    const cells = [...document.querySelectorAll('[data-testid="payment-row"] td')].map((cell) => cell.textContent?.trim());
    expect(cells).toEqual(["2026-05-20", "Betalning", "2\u00a0500,00 kr", "Bankgiro 1", "Vänd"]);
    expect(field("payment-amount")?.value).toBe("10000.00");
    expect(field("payment-date")?.value).toBe("2026-06-10");
  });

  it("sends the typed strings, shows Rust's field error beside the amount, then records the fixed payment", async () => {
    show();
    type("payment-date", "2026-05-28");
    type("payment-amount", "12,5,0");
    type("payment-reference", "BG 5050-1055");
    field("payment-record")?.click();
    await until(() => expect(text('[data-error-for="payment-amount"]')).toContain("Beloppet måste vara ett tal"));
    expect(invoke).toHaveBeenCalledWith("record_invoice_payment", {
      id: 7,
      request: { paid_on: "2026-05-28", amount: "12,5,0", reference: "BG 5050-1055" },
    });
    expect(field("payment-amount")?.getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector('[data-testid="payment-failure"]')).toBeNull();
    expect(changed).toBe(0);

    type("payment-amount", "10 000,00");
    field("payment-record")?.click();
    await until(() => expect(changed).toBe(1));
    expect(invoke).toHaveBeenLastCalledWith("record_invoice_payment", {
      id: 7,
      request: { paid_on: "2026-05-28", amount: "10 000,00", reference: "BG 5050-1055" },
    });
    expect(document.querySelector('[data-error-for="payment-amount"]')).toBeNull();
    expect(text('[data-testid="payment-notice"]')).toBe("Betalningen är registrerad.");
  });

  it("offers no form once the invoice is paid", () => {
    show({ ...partlyPaid, state: "paid", paid: "12500.00", remaining: "0.00" });
    expect(field("payment-record")).toBeNull();
    expect(text('[data-testid="payments-remaining"]')).toBe("0,00 kr");
  });

  it("records a refund, not a payment, when the customer has money to get back", async () => {
    invoke.mockImplementation(async () => ({ ...partlyPaid, state: "credited", remaining: "0.00", to_refund: "0.00" }));
    show({ ...partlyPaid, state: "credited", credited: "12500.00", remaining: "0.00", to_refund: "2500.00" });
    expect(text('[data-testid="payments-credited"]')).toBe("12\u00a0500,00 kr");
    expect(text('[data-testid="payments-to-refund"]')).toBe("2\u00a0500,00 kr");
    expect(field("payment-amount")?.value).toBe("2500.00");
    expect(text('[data-testid="payment-record"]')).toBe("Registrera återbetalning");
    field("payment-record")?.click();
    await until(() => expect(changed).toBe(1));
    expect(invoke).toHaveBeenLastCalledWith("record_invoice_refund", {
      id: 7,
      request: { paid_on: "2026-06-10", amount: "2500.00", reference: "" },
    });
  });

  it("says a fully credited invoice asks for nothing, and offers no form", () => {
    show({ ...partlyPaid, state: "credited", paid: "0.00", credited: "12500.00", remaining: "0.00", payments: [] });
    expect(text('[data-testid="payments-credited-note"]')).toContain("krediterad i sin helhet");
    expect(field("payment-record")).toBeNull();
  });

  it("writes off a small difference and reverses a record through Rust", async () => {
    invoke.mockImplementation(async () => partlyPaid);
    show({ ...partlyPaid, remaining: "4.00", write_off_allowed: true });
    field("payment-write-off")?.click();
    await until(() => expect(changed).toBe(1));
    expect(invoke).toHaveBeenLastCalledWith("write_off_invoice_difference", { id: 7 });
    field("payment-reverse")?.click();
    await until(() => expect(changed).toBe(2));
    expect(invoke).toHaveBeenLastCalledWith("reverse_invoice_payment", { record: 31, note: "" });
  });

  it("offers no reversal of a record already reversed", () => {
    show({
      ...partlyPaid,
      payments: [
        ...partlyPaid.payments,
        { id: 32, kind: "payment", paid_on: "2026-05-21", amount: "-2500.00", reference: "", reverses: 31, from_bank_file: false },
      ],
    });
    const kinds = [...document.querySelectorAll('[data-testid="payment-row"] td:nth-child(2)')].map((cell) => cell.textContent?.trim());
    expect(kinds).toEqual(["Betalning", "Rättelse"]);
    expect(document.querySelectorAll('[data-testid="payment-reverse"]').length).toBe(0);
  });

  it("speaks English when the user does", () => {
    setLanguage("en");
    show({ ...partlyPaid, payments: [] });
    expect(text('[data-testid="payments-panel"] h3')).toBe("Payments");
    expect(text('[data-testid="payments-paid"]')).toBe("2,500.00 SEK");
    expect(text('[data-testid="payments-panel"] .muted')).toBe("No payments recorded yet.");
    expect(text('[data-testid="payment-record"]')).toBe("Record payment");
  });
});
