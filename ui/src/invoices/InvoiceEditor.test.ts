// The invoice editor in jsdom with the Tauri bridge mocked: the due date follows Rust's answer for
// the terms until the user types one, and issued invoices show their payments and history.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { draftDetail, issuedDetail, partlyPaid } from "./editorFixtures";
import type { InvoiceDetail, InvoiceForm } from "../ipc/invoices";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: InvoiceEditor } = await import("./InvoiceEditor.svelte");
const { setLanguage } = await import("../lib/i18n/index.svelte");

/** What Rust's preview answers as the due date, by invoice date and terms. */
const dueDates: Record<string, string> = {
  "2026-05-04 net:30": "2026-06-03",
  "2026-05-04 net:10": "2026-05-14",
  "2026-05-10 net:10": "2026-05-20",
};

let component: ReturnType<typeof mount> | null = null;
let detail: InvoiceDetail;
let saved: InvoiceForm[] = [];
// Every preview answer gets its own payable (its number), so a test can see which answer is shown.
let previews: InvoiceForm[] = [];

function element<T extends HTMLElement>(testid: string): T {
  const found = document.querySelector<T>(`[data-testid="${testid}"]`);
  if (!found) throw new Error(`${testid} is missing`);
  return found;
}

function type(testid: string, value: string) {
  const input = element<HTMLInputElement | HTMLTextAreaElement>(testid);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function choose(testid: string, value: string) {
  const select = element<HTMLSelectElement>(testid);
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

async function until(check: () => void) {
  await vi.waitFor(() => {
    flushSync();
    check();
  });
}

const dueDate = () => element<HTMLInputElement>("invoice-due_date").value;

/** Waits until Rust answered a preview of a form matching `part` and the editor used that answer (or a later one). */
async function previewed(part: Partial<InvoiceForm>) {
  const matches = (form: InvoiceForm) => Object.entries(part).every(([key, value]) => form[key as keyof InvoiceForm] === value);
  await until(() => {
    const answer = previews.findIndex(matches) + 1;
    expect(answer).toBeGreaterThan(0);
    const shown = Number.parseInt(element("totals-payable").textContent ?? "", 10);
    expect(shown).toBeGreaterThanOrEqual(answer);
  });
}

async function open() {
  component = mount(InvoiceEditor, {
    target: document.body,
    props: { id: detail.id, isMac: false, onclose: () => undefined, onopened: () => undefined, onnew: () => undefined },
  });
  await until(() => expect(element("invoice-lines")).not.toBeNull());
}

beforeEach(() => {
  setLanguage("sv");
  detail = draftDetail();
  saved = [];
  previews = [];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args?: { form?: InvoiceForm; code?: string }) => {
    switch (command) {
      case "invoice_detail":
        return detail;
      case "register_choices":
        return {
          units: ["st"],
          payment_terms: [
            { code: "net:10", label: "10 dagar netto" },
            { code: "net:30", label: "30 dagar netto" },
          ],
          vat_rate_classes: [],
        };
      case "payment_terms_choice":
        return { code: args?.code, label: `${String(args?.code).slice(4)} dagar netto (från Rust)` };
      case "preview_invoice": {
        const form = args?.form as InvoiceForm;
        previews.push(form);
        const due = dueDates[`${form.issue_date} ${form.payment_terms}`] ?? null;
        return { totals: { ...detail.totals, payable: `${previews.length}.00` }, problems: [], due_date_from_terms: due };
      }
      case "invoice_events":
        return [{ at: "2026-05-04T09:00:00Z", kind: "issued", detail: "" }];
      case "record_invoice_payment": {
        const paid = { ...partlyPaid, state: "paid" as const, paid: "12500.00", remaining: "0.00" };
        detail = issuedDetail(paid);
        return paid;
      }
      case "update_invoice_draft":
        if (args?.form) saved.push(args.form);
        return { ...detail, form: args?.form ?? detail.form };
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

describe("the due date of a draft", () => {
  it("follows the terms, a typed due date wins, and a new invoice date follows again", async () => {
    await open();
    choose("invoice-payment_terms", "net:10");
    await until(() => expect(dueDate()).toBe("2026-05-14"));

    type("invoice-due_date", "2026-05-31");
    type("invoice-notes", "Tack för beställningen");
    await previewed({ notes: "Tack för beställningen", payment_terms: "net:10" });
    expect(dueDate()).toBe("2026-05-31");

    type("invoice-issue_date", "2026-05-10");
    await until(() => expect(dueDate()).toBe("2026-05-20"));
  });

  it("is left alone when nothing about the terms changed", async () => {
    detail = draftDetail({ ...draftDetail().form, due_date: "2026-07-01" });
    await open();
    type("invoice-notes", "Hej");
    await previewed({ notes: "Hej" });
    expect(dueDate()).toBe("2026-07-01");
  });

  it("is saved as the terms give it even when saving before the preview answered", async () => {
    await open();
    choose("invoice-payment_terms", "net:10");
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "s", ctrlKey: true }));
    await until(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual(expect.objectContaining({ payment_terms: "net:10", due_date: "2026-05-14" }));
  });
});

describe("the payment terms of a draft", () => {
  const options = () =>
    [...element<HTMLSelectElement>("invoice-payment_terms").options].map((option) => [option.value, option.text]);

  it("are the choices Rust names, with the invoice's own selected", async () => {
    await open();
    await until(() => expect(options()).toHaveLength(2));
    expect(options()).toEqual([
      ["net:10", "10 dagar netto"],
      ["net:30", "30 dagar netto"],
    ]);
    expect(element<HTMLSelectElement>("invoice-payment_terms").value).toBe("net:30");
  });

  it("keep an unusual code of the invoice as an extra choice, named in words by Rust", async () => {
    detail = draftDetail({ ...draftDetail().form, payment_terms: "net:7" });
    await open();
    await until(() => expect(options()[2]).toEqual(["net:7", "7 dagar netto (från Rust)"]));
    expect(element<HTMLSelectElement>("invoice-payment_terms").value).toBe("net:7");
  });
});

describe("an issued invoice", () => {
  it("shows its payments and history, and reads itself again after a payment", async () => {
    detail = issuedDetail();
    await open();
    await until(() => expect(document.querySelectorAll('[data-testid="event-log"] [data-testid="event"]')).toHaveLength(1));
    expect(element("invoice-ocr").textContent).toBe("104206");
    expect(element("payments-panel").dataset["state"]).toBe("partly_paid");

    element<HTMLButtonElement>("payment-record").click();
    await until(() => expect(element("payments-panel").dataset["state"]).toBe("paid"));
    expect(invoke).toHaveBeenCalledWith("record_invoice_payment", {
      id: 7,
      request: { paid_on: "2026-05-20", amount: "10000.00", reference: "" },
    });
    expect(invoke.mock.calls.filter(([command]) => command === "invoice_detail")).toHaveLength(2);
    await until(() => expect(invoke.mock.calls.filter(([command]) => command === "invoice_events")).toHaveLength(2));
    expect(element("invoice-facts").textContent).toContain("Betalt 12\u00a0500,00 kr av 12\u00a0500,00 kr");
  });

  it("as a credit note shows its history but takes no payments", async () => {
    detail = { ...issuedDetail(), is_credit: true, credited: { id: 5, number: "1040" } };
    await open();
    await until(() => expect(document.querySelector('[data-testid="event-log"] [data-testid="event"]')).not.toBeNull());
    expect(document.querySelector('[data-testid="payments-panel"]')).toBeNull();
    expect(element("invoice-credited").textContent?.trim()).toBe("Krediterar faktura 1040");
  });

  it("shows neither on a draft", async () => {
    await open();
    expect(document.querySelector('[data-testid="payments-panel"]')).toBeNull();
    expect(document.querySelector('[data-testid="event-log"]')).toBeNull();
  });
});
