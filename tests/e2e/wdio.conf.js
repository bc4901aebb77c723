// WebdriverIO drives the real desktop binary through tauri-driver (started by scripts/e2e.sh,
// which also provides Xvfb, a private D-Bus session and a fresh company file in FAKTURERA_DB).
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
  // One window at a time: the specs share one company file and the machine has two cores.
  maxInstances: 1,
  // No browserName: tauri-driver matches on tauri:options and refuses a browser name.
  capabilities: [{ "tauri:options": { application } }],
  logLevel: "warn",
  bail: 0,
  waitforTimeout: 10000,
  connectionRetryTimeout: 60000,
  connectionRetryCount: 2,
  framework: "mocha",
  reporters: ["spec"],
  mochaOpts: { ui: "bdd", timeout: 60000 },
};
