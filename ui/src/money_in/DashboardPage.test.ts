// Översikt in jsdom with the Tauri bridge mocked: the figures and bar heights are Rust's, only
// formatted and drawn; a figure leads to the list behind it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { DashboardView } from "../ipc/moneyIn";
import type { Destination } from "./destination";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: DashboardPage } = await import("./DashboardPage.svelte");
const { setLanguage } = await import("../lib/i18n/index.svelte");

const month = (index: number, thisYear: string, height: number) => ({
  month: index,
  this_year: thisYear,
  last_year: "0.00",
  this_year_height: height,
  last_year_height: 0,
  future: index > 11,
});

const view: DashboardView = {
  today: "2026-11-27",
  year: 2026,
  months: [month(1, "1000.00", 500), month(2, "2000.00", 1000), ...Array.from({ length: 10 }, (_, i) => month(i + 3, "0.00", 0))],
  scale_max: "2000.00",
  invoiced_this_year: "3000.00",
  invoiced_last_year_to_date: "0.00",
  unpaid: { amount: "331627.50", count: 16 },
  overdue: { amount: "216215.00", count: 12 },
  due_within_30_days: { amount: "115412.00", count: 3 },
  to_refund: { amount: "100.00", count: 1 },
  unplaced_payments: { amount: "123.45", count: 1 },
  delivery_problems: 2,
  reminders_due: 11,
  collection_due: 0,
  drafts: 3,
};

let component: ReturnType<typeof mount> | null = null;
let visited: Destination[] = [];

beforeEach(() => {
  setLanguage("sv");
  visited = [];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string) => (command === "dashboard" ? view : null));
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = "";
});

async function show() {
  component = mount(DashboardPage, { target: document.body, props: { onnavigate: (to: Destination) => visited.push(to) } });
  await vi.waitFor(() => {
    flushSync();
    expect(document.querySelector('[data-testid="overview-unpaid"]')).not.toBeNull();
  });
}

const text = (selector: string) => document.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim();

describe("Översikt", () => {
  it("shows Rust's figures the Swedish way and draws Rust's bar heights", async () => {
    await show();
    expect(text('[data-testid="overview-unpaid"] .amount')).toBe("331 627,50 kr");
    expect(text('[data-testid="overview-overdue"] .count')).toBe("12 fakturor");
    const bars = [...document.querySelectorAll('[data-testid="overview-bar"]')].map((bar) => Number(bar.getAttribute("height")));
    expect(bars.slice(0, 3)).toEqual([94, 188, 0]);
    expect(text('[data-testid="overview-summary"]')).toContain("3 000,00");
  });

  it("leads from a figure to the list behind it", async () => {
    await show();
    document.querySelector<HTMLButtonElement>('[data-testid="overview-overdue"]')?.click();
    document.querySelector<HTMLButtonElement>('[data-testid="overview-unplaced"]')?.click();
    expect(visited).toEqual([
      { section: "invoices", filter: "overdue" },
      { section: "receivables", tab: "bank" },
    ]);
  });
});
