// The shell mounted in jsdom with the Tauri bridge mocked: what Rust answers is what it shows,
// Rust's errors reach the user, and the keyboard switches sections.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import type { DashboardView } from "./ipc/bindings/DashboardView";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: App } = await import("./App.svelte");
const { setLanguage } = await import("./lib/i18n/index.svelte");
const { sectionPages } = await import("./sectionPages");

const overview = {
  company_name: "Testbolaget AB",
  schema_version: 3,
  file_path: "/tmp/company.fakturera",
  app_version: "0.1.0",
};

const fileStatus = { path: "/tmp/company.fakturera", exists: true, recent: [], default_folder: "/tmp" };

/** What Rust answers: the overview, the company file's status, and nothing for the rest. */
async function answers(command: string) {
  if (command === "overview") return overview;
  if (command === "company_file_status") return fileStatus;
  return null;
}

let component: ReturnType<typeof mount> | null = null;

/** Mounts the shell and waits until the overview call has been answered on screen. */
async function render() {
  component = mount(App, { target: document.body, props: { start: null } });
  await vi.waitFor(() => {
    flushSync();
    expect(document.querySelector('[data-testid="status-schema"], [data-testid="error-banner"]')).not.toBeNull();
  });
}

const text = (selector: string) => document.querySelector(selector)?.textContent?.trim();

// jsdom has no layout, so no ResizeObserver; the sections that measure themselves get an inert one.
class InertResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  vi.stubGlobal("ResizeObserver", InertResizeObserver);
  localStorage.clear();
  setLanguage("sv");
  window.matchMedia = vi.fn().mockReturnValue({ matches: false, addEventListener: vi.fn(), removeEventListener: vi.fn() });
  invoke.mockReset();
});

// The shell fetches the other sections' pages after its first frame; they must finish loading
// before the test environment goes away.
afterAll(async () => {
  await Promise.all(Object.values(sectionPages).map((load) => load()));
});

afterEach(() => {
  vi.unstubAllGlobals();
  if (component) {
    unmount(component);
    component = null;
  }
  document.body.innerHTML = "";
});

describe("the shell", () => {
  it("shows what Rust read from the company file, in Swedish", async () => {
    invoke.mockImplementation(answers);
    await render();
    expect(invoke).toHaveBeenCalledWith("set_language", { language: "sv" });
    expect(text('[data-testid="status-company"]')).toBe("Testbolaget AB");
    expect(text('[data-testid="status-schema"]')).toBe("Databasversion 3");
    // Översikt is the first screen.
    expect(text("main h1")).toBe("Översikt");
    expect(document.documentElement.dataset.theme).toBe("light");
  });

  it("shows Rust's error with a title chosen by its code", async () => {
    invoke.mockImplementation(async (command: string) => {
      if (command === "overview") {
        throw { code: "newer_version", message: "Filen kommer från version 9.", fields: [] };
      }
      return answers(command);
    });
    await render();
    const banner = document.querySelector('[data-testid="error-banner"]');
    expect(banner?.getAttribute("data-code")).toBe("newer_version");
    expect(banner?.textContent).toContain("Företagsfilen kommer från en nyare version");
    expect(banner?.textContent).toContain("Filen kommer från version 9.");
  });

  it("switches sections with Ctrl+digit", async () => {
    invoke.mockImplementation(answers);
    await render();
    // A section may ask before it is left (unsaved work), so the switch completes asynchronously.
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "2", code: "Digit2", ctrlKey: true }));
    // The page is fetched on its first visit here (the app preloads it after the first frame);
    // transforming it in jsdom can take seconds on a busy machine.
    await vi.waitFor(
      () => {
        flushSync();
        expect(text("main h1")).toBe("Kunder");
      },
      { timeout: 30000 },
    );
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "4", code: "Digit4", altKey: true }));
    await vi.waitFor(
      () => {
        flushSync();
        expect(text("main h1")).toBe("Inställningar");
      },
      { timeout: 30000 },
    );
    expect(text('[data-testid="settings-company-name"]')).toBe("Testbolaget AB");
  });

  it("draws the first screen from the start answer without asking Rust again", async () => {
    invoke.mockImplementation(answers);
    const figure = (amount: string, count: number) => ({ amount, count });
    const dashboard: DashboardView = {
      today: "2026-12-05",
      year: 2026,
      months: [],
      scale_max: "1250.00",
      invoiced_this_year: "1250.00",
      invoiced_last_year_to_date: "0.00",
      unpaid: figure("1250.00", 2),
      overdue: figure("0.00", 0),
      due_within_30_days: figure("1250.00", 2),
      to_refund: figure("0.00", 0),
      unplaced_payments: figure("0.00", 0),
      delivery_problems: 0,
      reminders_due: 0,
      collection_due: 0,
      drafts: 1,
    };
    component = mount(App, {
      target: document.body,
      props: { start: { company_file: fileStatus, overview, dashboard, failure: null } },
    });
    flushSync();
    expect(text('[data-testid="status-company"]')).toBe("Testbolaget AB");
    expect(text('[data-testid="overview-unpaid"] .amount')?.replace(/\s/g, " ")).toBe("1 250,00 kr");
    expect(invoke).not.toHaveBeenCalledWith("set_language", expect.anything());
    expect(invoke).not.toHaveBeenCalledWith("overview", undefined);
    expect(invoke).not.toHaveBeenCalledWith("dashboard", undefined);
  });

  it("offers to create a company or open the demo when there is no company file yet", async () => {
    invoke.mockImplementation(async (command: string) =>
      command === "company_file_status" ? { ...fileStatus, exists: false } : answers(command),
    );
    component = mount(App, { target: document.body, props: { start: null } });
    await vi.waitFor(
      () => {
        flushSync();
        expect(document.querySelector('[data-testid="welcome"]')).not.toBeNull();
      },
      { timeout: 30000 },
    );
    expect(invoke).not.toHaveBeenCalledWith("overview", undefined);
    expect(document.querySelector('[data-testid="company-new"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="company-demo"]')).not.toBeNull();
  });
});
