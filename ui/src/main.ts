// Mounts the shell into index.html's #app, once every feature's texts are registered and Rust
// has answered what the first screen shows: drawing the shell first and its figures a round trip
// later cost the window a second layout before it stood still (docs/benchmarks.md, "Start-up").
import "./dictionaries";
import { mount } from "svelte";
import App from "./App.svelte";
import { firstScreenDrawn, startView, type StartView } from "./ipc";
import { afterFirstFrame } from "./lib/afterFirstFrame";
import { currentLanguage } from "./lib/i18n/index.svelte";
import "./app.css";

const target = document.getElementById("app");
if (!target) {
  throw new Error("index.html has no #app element");
}

// WebKitGTK (Linux) gets the desktop's sans-serif font instead of system-ui (app.css says why).
if (navigator.userAgent.includes("Linux")) {
  document.documentElement.dataset.platform = "linux";
}

// Without an answer (no app-data folder, say) the shell starts empty and shows why itself.
const start: StartView | null = await startView(currentLanguage()).catch(() => null);

const app = mount(App, { target, props: { start } });

afterFirstFrame(() => {
  firstScreenDrawn().catch((error: unknown) => console.error("first_screen_drawn", error));
});

export default app;
