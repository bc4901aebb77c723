// WebdriverIO drives the real desktop binary through tauri-driver (started by scripts/e2e.sh,
// which also provides Xvfb, a private D-Bus session and a scratch folder for company files).
// Every file in specs/ runs; a new user flow is a new specs/<flow>.e2e.js file.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, "../..");
const targetDir = process.env.CARGO_TARGET_DIR || path.join(repositoryRoot, "target");
const application = process.env.FAKTURERA_APP_BINARY || path.join(targetDir, "debug", "fakturera-desktop");

export const config = {
  runner: "local",
  hostname: "127.0.0.1",
  port: Number(process.env.TAURI_DRIVER_PORT || 4444),
  specs: ["./specs/**/*.e2e.js"],
  // One window at a time: the machine has two cores.
  maxInstances: 1,
  // No browserName: tauri-driver matches on tauri:options and refuses a browser name.
  capabilities: [{ "tauri:options": { application } }],
  logLevel: "warn",
  bail: 0,
  // Waits end as soon as the window shows what is awaited; the limits only turn a hang into a
  // failure, and are long enough for a slow, busy machine.
  waitforTimeout: 60000,
  connectionRetryTimeout: 60000,
  connectionRetryCount: 2,
  framework: "mocha",
  reporters: ["spec"],
  mochaOpts: { ui: "bdd", timeout: 300000 },
  // Each spec gets a fresh company file of its own beside the one scripts/e2e.sh names, so no spec
  // depends on what another left behind. The app takes it as `--db FILE`; the spec's SQL and CLI
  // helpers read it from FAKTURERA_DB in this worker.
  beforeSession(_config, capabilities, specs) {
    const base = process.env.FAKTURERA_DB;
    if (!base) throw new Error("FAKTURERA_DB is not set; run the end-to-end tests through scripts/e2e.sh");
    const file = path.join(path.dirname(base), `${path.basename(specs[0], ".e2e.js")}.fakturera`);
    process.env.FAKTURERA_DB = file;
    capabilities["tauri:options"] = { ...capabilities["tauri:options"], args: ["--db", file] };
  },
  // Errors the page throws or leaves unhandled from here on, read back when a test fails.
  async before() {
    await browser.execute(() => {
      window.__faktureraErrors = [];
      const keep = (text) => window.__faktureraErrors.push(String(text).slice(0, 500));
      window.addEventListener("error", (event) => keep(event.message));
      window.addEventListener("unhandledrejection", (event) => keep(event.reason?.stack ?? event.reason));
    });
  },
  // A failed test leaves what the window showed: a screenshot beside the others and, in the log,
  // the page's text and any error it reported, so a rare failure on CI can be read afterwards.
  async afterTest(test, _context, { passed }) {
    if (passed) return;
    const name = `failed-${test.parent}-${test.title}`.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 120);
    try {
      await browser.saveScreenshot(path.join(here, "screenshots", `${name}.png`));
      const page = await browser.execute(() => ({
        main: document.querySelector("main")?.innerText ?? document.body.innerText,
        alerts: [...document.querySelectorAll('[role="alert"]')].map((element) => element.textContent),
        focused: document.activeElement?.outerHTML.slice(0, 300) ?? null,
        errors: window.__faktureraErrors ?? [],
      }));
      console.error(`The window when "${test.title}" failed (screenshots/${name}.png):\n${JSON.stringify(page, null, 2)}`);
    } catch (error) {
      console.error(`Could not read the window after "${test.title}" failed: ${error}`);
    }
  },
};
