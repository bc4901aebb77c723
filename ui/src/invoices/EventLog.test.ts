// Händelser in jsdom with the Tauri bridge mocked: the known kinds are translated, any other kind
// is shown as Rust sent it with its detail, and a fresh copy of the invoice reads the history again.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { issuedDetail } from "./editorFixtures";
import type { InvoiceEventView } from "../ipc/invoices";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: EventLog } = await import("./EventLog.svelte");
const { setLanguage } = await import("../lib/i18n/index.svelte");

const history: InvoiceEventView[] = [
  { at: "2026-05-04T08:00:00Z", kind: "created", detail: "" },
  { at: "2026-05-04T08:10:00Z", kind: "edited", detail: "lines, notes" },
  { at: "2026-05-04T09:00:00Z", kind: "issued", detail: "1042" },
  { at: "2026-05-20T10:00:00Z", kind: "payment_recorded", detail: "2500.00 on 2026-05-20" },
  { at: "2026-05-21T10:00:00Z", kind: "credited", detail: "" },
  { at: "2026-05-22T10:00:00Z", kind: "reminder_sent", detail: "påminnelse 1" },
];

let component: ReturnType<typeof mount> | null = null;

const entries = () =>
  [...document.querySelectorAll('[data-testid="event-log"] [data-testid="event"]')].map((entry) =>
    [...entry.querySelectorAll(".kind, .detail")].map((part) => part.textContent?.trim()).join(" · "),
  );

async function until(check: () => void) {
  await vi.waitFor(() => {
    flushSync();
    check();
  });
}

beforeEach(() => {
  setLanguage("sv");
  invoke.mockReset();
  invoke.mockImplementation(async (command: string) => (command === "invoice_events" ? history : null));
});

afterEach(() => {
  if (component) {
    unmount(component);
    component = null;
  }
  document.body.innerHTML = "";
});

describe("Händelser", () => {
  it("lists the history with translated kinds and unknown kinds as sent", async () => {
    component = mount(EventLog, { target: document.body, props: { invoice: issuedDetail() } });
    await until(() => expect(entries()).toHaveLength(6));
    expect(invoke).toHaveBeenCalledWith("invoice_events", { id: 7 });
    expect(entries()).toEqual([
      "Skapad",
      "Ändrad · lines, notes",
      "Utfärdad · 1042",
      "Betalning registrerad · 2500.00 on 2026-05-20",
      "Krediterad",
      "reminder_sent · påminnelse 1",
    ]);
    expect(document.querySelector('[data-testid="event-log"] time')?.getAttribute("datetime")).toBe("2026-05-04T08:00:00Z");
    expect(document.querySelector('[data-testid="event-log"] h3')?.textContent).toBe("Händelser");
  });

  it("names the kinds in English when the user reads English", async () => {
    setLanguage("en");
    component = mount(EventLog, { target: document.body, props: { invoice: issuedDetail() } });
    await until(() => expect(entries()).toHaveLength(6));
    expect(entries().slice(0, 5)).toEqual(["Created", "Edited · lines, notes", "Issued · 1042", "Payment recorded · 2500.00 on 2026-05-20", "Credited"]);
  });

  it("shows Rust's error when the history cannot be read", async () => {
    invoke.mockRejectedValue({ code: "not_found", message: "Fakturan finns inte.", fields: [] });
    component = mount(EventLog, { target: document.body, props: { invoice: issuedDetail() } });
    await until(() => expect(document.querySelector('[data-testid="event-log"] [role="alert"]')?.textContent).toBe("Fakturan finns inte."));
  });
});
