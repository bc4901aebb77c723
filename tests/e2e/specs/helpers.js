// Small helpers the specs share: reading and writing the company file the app has open, so a
// spec can prove that what the window shows came from SQLite.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const targetDir = process.env.CARGO_TARGET_DIR || path.join(repositoryRoot, "target");

/** The `fakturera` CLI the specs prepare their company files with. */
export const cliBinary = process.env.FAKTURERA_CLI_BINARY || path.join(targetDir, "debug", "fakturera");

/** The AutoInvoice sandbox binary, for the specs that send. */
export const sandboxBinary =
  process.env.AUTOINVOICE_SANDBOX_BINARY || path.join(targetDir, "debug", "autoinvoice-sandbox");

/** Runs the CLI on the app's company file with `input` as JSON on stdin; its JSON answer. */
export function fakturera(args, input) {
  const output = execFileSync(cliBinary, ["--db", companyFile(), ...args], {
    input: input === undefined ? "" : JSON.stringify(input),
    encoding: "utf8",
  });
  return JSON.parse(output);
}

/** Like `fakturera`, but a refusal (exit code 2) answers null instead of failing the spec. */
export function faktureraUnlessRefused(args, input) {
  try {
    return fakturera(args, input);
  } catch (failure) {
    if (failure.status === 2) return null;
    throw failure;
  }
}

/**
 * Starts the AutoInvoice sandbox on a free loopback port and waits until it prints its address.
 * Answers the process (stop it with `kill`) and its base URL.
 */
export async function startSandbox(deliveryDelayMs) {
  const sandbox = spawn(sandboxBinary, ["--port", "0", "--delivery-delay-ms", String(deliveryDelayMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    sandbox.stdout.on("data", (chunk) => {
      const found = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+/);
      if (found) resolve(found[0]);
    });
    sandbox.on("exit", (code) => reject(new Error(`the sandbox stopped (${code})`)));
  });
  return { sandbox, url };
}

/** The company file the app under test uses (set by scripts/e2e.sh). */
export function companyFile() {
  const file = process.env.FAKTURERA_DB;
  if (!file) {
    throw new Error("FAKTURERA_DB is not set; run the end-to-end tests through scripts/e2e.sh");
  }
  return file;
}

/**
 * Runs one SQL statement against the company file with Python's sqlite3 (Node 20 has no SQLite of
 * its own) and returns the first column of the first row, as text.
 */
export function sql(statement, params = []) {
  const program = [
    "import json, sqlite3, sys",
    "connection = sqlite3.connect(sys.argv[1], timeout=10)",
    "row = connection.execute(sys.argv[2], json.loads(sys.argv[3])).fetchone()",
    "connection.commit()",
    "print('' if row is None else row[0])",
  ].join("\n");
  return execFileSync("python3", ["-c", program, companyFile(), statement, JSON.stringify(params)], {
    encoding: "utf8",
  }).trim();
}

/**
 * Waits until the shell is up: the first screen (Översikt) is drawn, so the keyboard shortcuts have a
 * listener. A shortcut pressed before that is lost, and a slow machine takes seconds to get there.
 */
export async function shellReady() {
  await $('[data-testid="page-overview"]').waitForDisplayed({ timeout: 120000 });
}

/**
 * Types `text` into the focused element one key at a time, each pressed and released before the
 * next is sent. Not `browser.keys(text)`: WebdriverIO presses every key of one call down before it
 * releases any (the call is made for chords), so a repeated letter is already down and is lost:
 * "Byggservice" arrived as "Bygservice" in every try. One call per key lost none of 1,660 keys
 * typed on a machine kept busy on both cores; each call returns once WebKit has handled the key.
 */
export async function typeKeys(text) {
  for (const key of text) await browser.keys(key);
}

/** Presses a key together with Control, e.g. `withControl("2")`. */
export async function withControl(key) {
  await browser.keys(["Control", key]);
}

/**
 * Saves a screenshot of the window's content into tests/e2e/screenshots/, after two animation
 * frames so the last change has been painted (WebKit otherwise may hand back the previous frame).
 */
export async function screenshot(name) {
  await browser.execute(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
  );
  await browser.saveScreenshot(new URL(`../screenshots/${name}.png`, import.meta.url).pathname);
}
