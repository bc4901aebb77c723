// Vite builds the UI into ui/dist, which the desktop binary embeds (tauri.conf.json `frontendDist`);
// Vitest reuses this config.
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // Tauri serves the files itself; relative paths keep them working under its custom protocol.
  base: "./",
  clearScreen: false,
  // Tests may read the repository's Rust sources (src/ipc/commands.test.ts checks the command
  // names and arguments against src-tauri); the app itself serves only ui/.
  server: { port: 5173, strictPort: true, fs: mode === "test" ? { allow: [".."] } : undefined },
  // The first screen loads as one script and one style sheet: everything main.ts reaches without
  // a dynamic import is one chunk ("$initial"), and the styles of every section are one file.
  // Each file is a request through Tauri's custom protocol, and the twenty the first screen took
  // (eleven small shared chunks, seven style sheets) came one after another before its first
  // frame (docs/benchmarks.md, "Start-up"). The sections stay chunks of their own.
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    cssCodeSplit: false,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: "shell", tags: ["$initial"] }] } } },
  },
  // Component tests mount Svelte's browser build in jsdom.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  // Every test file starts with every feature's texts registered, as the app does in main.ts.
  test: { include: ["src/**/*.test.ts"], environment: "jsdom", setupFiles: ["src/dictionaries.ts"] },
}));
