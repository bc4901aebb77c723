// The shell mounted in jsdom with the Tauri bridge mocked: what Rust answers is what it shows,
// Rust's errors reach the user, and the keyboard switches sections.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: App } = await import("./App.svelte");
const { setLanguage } = await import("./lib/i18n/index.svelte");

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
  component = mount(App, { target: document.body });
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
    await vi.waitFor(() => {
      flushSync();
      expect(text("main h1")).toBe("Kunder");
    });
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "4", code: "Digit4", altKey: true }));
    await vi.waitFor(() => {
      flushSync();
      expect(text("main h1")).toBe("Inställningar");
    });
    expect(text('[data-testid="settings-company-name"]')).toBe("Testbolaget AB");
  });

  it("offers to create a company or open the demo when there is no company file yet", async () => {
    invoke.mockImplementation(async (command: string) =>
      command === "company_file_status" ? { ...fileStatus, exists: false } : answers(command),
    );
    component = mount(App, { target: document.body });
    await vi.waitFor(() => {
      flushSync();
      expect(document.querySelector('[data-testid="welcome"]')).not.toBeNull();
    });
    expect(invoke).not.toHaveBeenCalledWith("overview", undefined);
    expect(document.querySelector('[data-testid="company-new"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="company-demo"]')).not.toBeNull();
  });
});
