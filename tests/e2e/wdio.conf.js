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
};
