// The Tauri surface the web view can reach, tried from inside the real window: the app's own
// commands answer, a plugin command the capability does not grant is refused (the dialog and
// opener plugins are registered for Rust's use only), and the CSP blocks an inline script and
// eval, so injected markup cannot run code.
import { expect } from "@wdio/globals";

/**
 * Calls an IPC command from the page and reports how it ended, as text. WebKitWebDriver passes a
 * refusal that Tauri raises for an ungranted command on as a script error of the execute call
 * itself, so that counts as a refusal too, with its message.
 */
async function invokeFromPage(command, args) {
  try {
    return await invokeOrThrow(command, args);
  } catch (error) {
    return { ok: false, error: String(error && error.message ? error.message : error) };
  }
}

async function invokeOrThrow(command, args) {
  return browser.executeAsync(
    (name, payload, done) => {
      window.__TAURI_INTERNALS__
        .invoke(name, payload)
        .then((value) => done({ ok: true, value: JSON.stringify(value) }))
        .catch((error) => done({ ok: false, error: String(error && error.message ? error.message : error) }));
    },
    command,
    args,
  );
}

describe("the Tauri surface", () => {
  before(async () => {
    await $('[data-testid="status-schema"]').waitForExist();
  });

  it("answers the app's own commands", async () => {
    const overview = await invokeFromPage("overview", {});
    expect(overview.ok).toBe(true);
    expect(overview.value).toContain("schema_version");
  });

  it("refuses plugin commands the window was not granted", async () => {
    const attempts = [
      ["plugin:opener|open_path", { path: "/etc/passwd" }],
      ["plugin:opener|open_url", { url: "https://example.com" }],
      ["plugin:dialog|open", { options: { directory: false } }],
      ["plugin:dialog|save", { options: {} }],
      ["plugin:fs|read_text_file", { path: "/etc/passwd" }],
    ];
    for (const [command, args] of attempts) {
      const outcome = await invokeFromPage(command, args);
      expect({ command, ok: outcome.ok }).toEqual({ command, ok: false });
      expect(outcome.error).toMatch(/not allowed|not found|unknown/i);
    }
  });

  it("blocks an inline script and eval with the content security policy", async () => {
    const outcome = await browser.executeAsync((done) => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        violations.push(event.violatedDirective || event.effectiveDirective);
      });
      window.__inlineScriptRan = false;
      const script = document.createElement("script");
      script.textContent = "window.__inlineScriptRan = true;";
      document.body.appendChild(script);
      let evalRan = false;
      try {
        // eslint-disable-next-line no-eval
        evalRan = window.eval("1 + 1") === 2;
      } catch {
        evalRan = false;
      }
      // Violation events are queued; give the page one task to deliver them.
      setTimeout(() => done({ inline: window.__inlineScriptRan, evalRan, violations }), 0);
    });
    expect(outcome.inline).toBe(false);
    expect(outcome.evalRan).toBe(false);
    expect(outcome.violations.some((directive) => directive.startsWith("script-src"))).toBe(true);
  });
});
