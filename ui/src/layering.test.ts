// Which way the UI's imports point (ARCHITECTURE.md, "UI layout"): the shared folders never import a
// feature, so a feature can be changed or removed without touching them. Features may import the
// shared folders and, where one uses another's part, each other; the shell (App.svelte, main.ts,
// dictionaries.ts) composes them.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["./*/**/*.ts", "./*/**/*.svelte", "!./**/*.test.ts", "!./ipc/bindings/**"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Folder under src/ → the folders under src/ it may import from. */
const allowed: Record<string, readonly string[]> = {
  ipc: ["ipc"],
  lib: ["lib", "ipc"],
  components: ["components", "lib", "ipc"],
  registers: ["registers", "components", "lib", "ipc"],
};

/** The folder under src/ that a relative import in `file` (e.g. "./lib/i18n/sv.ts") lands in. */
function targetFolder(file: string, specifier: string): string {
  const parts = file.split("/").slice(1, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts[0] ?? "";
}

function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s+|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]!);
}

describe("the shared folders import no feature", () => {
  const shared = Object.keys(sources).filter((file) => file.split("/")[1]! in allowed);

  it("finds the shared folders' files", () => {
    expect(shared.length).toBeGreaterThan(20);
  });

  it.each(Object.keys(allowed))("%s/", (folder) => {
    const wrong = shared
      .filter((file) => file.split("/")[1] === folder)
      .flatMap((file) =>
        relativeImports(sources[file]!)
          .filter((specifier) => !allowed[folder]!.includes(targetFolder(file, specifier)))
          .map((specifier) => `${file} imports ${specifier}`),
      );
    expect(wrong).toEqual([]);
  });
});
