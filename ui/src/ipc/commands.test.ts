// The UI's calls and the Rust commands agree: every command the UI calls is registered in
// `generate_handler!`, every registered command is called, each call passes exactly the arguments
// the command takes (by Tauri's camelCase names, the optional ones may be left out), and each
// argument's declared TypeScript type is the twin of its Rust type. Command names are strings on
// both sides; this is what keeps them in step.
import { describe, expect, it } from "vitest";

/** File name → text, read by Vite when the test is built. */
function byName(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([file, text]) => [file.split("/").pop() ?? file, text]));
}

const rustFiles = byName(import.meta.glob("../../../src-tauri/src/*.rs", { query: "?raw", import: "default", eager: true }));
const ipcFiles = byName(import.meta.glob(["./*.ts", "!./*.test.ts"], { query: "?raw", import: "default", eager: true }));

interface RustParam {
  name: string;
  type: string;
}

/** Splits `text` at commas outside <…>, (…) and […]. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if ("<([{".includes(char)) depth += 1;
    if (">)]}".includes(char)) depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Parameters Tauri fills itself, never passed from the UI. */
const injected = /^(State<|AppHandle|tauri::AppHandle|Window|WebviewWindow|tauri::Window|tauri::WebviewWindow)/;

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

function rustCommands(): Map<string, RustParam[]> {
  const commands = new Map<string, RustParam[]>();
  for (const source of rustFiles.values()) {
    const pattern = /#\[tauri::command[^\]]*\]\s*pub\s+(?:async\s+)?fn\s+(\w+)\s*(?:<[^>]*>)?\(([^)]*)\)/g;
    for (const match of source.matchAll(pattern)) {
      const params = splitTopLevel(match[2] ?? "")
        .map((param) => {
          const colon = param.indexOf(":");
          return { name: param.slice(0, colon).trim().replace(/^mut\s+/, ""), type: param.slice(colon + 1).trim() };
        })
        .filter((param) => !injected.test(param.type));
      commands.set(match[1] ?? "", params);
    }
  }
  return commands;
}

function registeredCommands(): string[] {
  const handler = (rustFiles.get("main.rs") ?? "").match(/generate_handler!\[([\s\S]*?)\]/);
  if (!handler) throw new Error("src-tauri/src/main.rs has no generate_handler!");
  return splitTopLevel(handler[1] ?? "").map((entry) => entry.split("::").pop() ?? entry);
}

interface UiCall {
  file: string;
  command: string;
  /** Argument name → the TypeScript type of the parameter passed, when it can be read. */
  args: Map<string, string | null>;
  /** The call passes something other than an object literal: its arguments cannot be read. */
  opaque: boolean;
}

/** The exported wrapper functions of one ipc file, each with its parameters' declared types. */
function uiCalls(): UiCall[] {
  const calls: UiCall[] = [];
  for (const [file, source] of ipcFiles) {
    const starts = [...source.matchAll(/^export (?:async )?(?:function (\w+)|const (\w+) = (?:async )?)/gm)];
    starts.forEach((start, index) => {
      const end = starts[index + 1]?.index ?? source.length;
      const chunk = source.slice(start.index, end);
      const paramText = chunk.match(/\(([^)]*)\)/)?.[1] ?? "";
      const paramTypes = new Map<string, string>();
      for (const param of splitTopLevel(paramText)) {
        const colon = param.indexOf(":");
        const name = param.slice(0, colon).trim();
        const declared = (param.slice(colon + 1).split("=")[0] ?? "").trim();
        const optional = name.endsWith("?");
        paramTypes.set(name.replace(/\?$/, ""), optional ? `${declared} | undefined` : declared);
      }
      for (const call of chunk.matchAll(/\bcall(?:<[^(]*?>)?\(\s*"(\w+)"\s*(?:,\s*([^)]*))?\)/g)) {
        const argText = (call[2] ?? "").trim();
        const args = new Map<string, string | null>();
        let opaque = false;
        if (argText.startsWith("{")) {
          for (const entry of splitTopLevel(argText.slice(1, argText.lastIndexOf("}")))) {
            const colon = entry.indexOf(":");
            const key = colon < 0 ? entry : entry.slice(0, colon).trim();
            const value = colon < 0 ? entry : entry.slice(colon + 1).trim();
            args.set(key, paramTypes.get(value) ?? null);
          }
        } else if (argText) {
          opaque = true;
        }
        calls.push({ file, command: call[1] ?? "", args, opaque });
      }
    });
  }
  return calls;
}

/** The TypeScript types ts-rs and Tauri's JSON give a Rust type, written without spaces. */
function tsTypesFor(rust: string): string[] {
  const type = rust.replace(/\s+/g, "");
  const option = type.match(/^Option<(.*)>$/);
  if (option) {
    return tsTypesFor(option[1] ?? "").flatMap((inner) => [`${inner}|null`, `${inner}|undefined`, `${inner}|null|undefined`]);
  }
  const vec = type.match(/^Vec<(.*)>$/);
  if (vec) return tsTypesFor(vec[1] ?? "").flatMap((inner) => [`${inner}[]`, `Array<${inner}>`]);
  if (/^(i8|i16|i32|i64|u8|u16|u32|u64|usize|isize|f32|f64)$/.test(type)) return ["number"];
  if (/^(String|&str|PathBuf)$/.test(type)) return ["string"];
  if (type === "bool") return ["boolean"];
  return [type];
}

describe("the IPC commands", () => {
  const rust = rustCommands();
  const registered = registeredCommands();
  const calls = uiCalls();

  it("are found on both sides", () => {
    expect(registered.length).toBeGreaterThan(50);
    expect(calls.length).toBeGreaterThan(50);
  });

  it("are registered when the UI calls them, and called when registered", () => {
    const called = new Set(calls.map((call) => call.command));
    expect(calls.filter((call) => !registered.includes(call.command)).map((call) => `${call.file}: ${call.command}`)).toEqual([]);
    expect(registered.filter((command) => !called.has(command))).toEqual([]);
    expect(registered.filter((command) => !rust.has(command))).toEqual([]);
  });

  it("are called with the arguments the command takes, by name and type", () => {
    const problems: string[] = [];
    for (const call of calls) {
      const params = rust.get(call.command);
      if (!params) continue;
      if (call.opaque) {
        problems.push(`${call.file}: ${call.command} passes its arguments as a variable; write them out`);
        continue;
      }
      for (const param of params) {
        const key = camelCase(param.name);
        const optional = param.type.replace(/\s+/g, "").startsWith("Option<");
        if (!call.args.has(key)) {
          if (!optional) problems.push(`${call.file}: ${call.command} lacks argument ${key}`);
          continue;
        }
        const declared = call.args.get(key);
        if (declared === null || declared === undefined) continue;
        const wanted = tsTypesFor(param.type);
        if (!wanted.includes(declared.replace(/\s+/g, ""))) {
          problems.push(`${call.file}: ${call.command} passes ${key} as ${declared}, Rust takes ${param.type} (${wanted[0]})`);
        }
      }
      for (const key of call.args.keys()) {
        if (!params.some((param) => camelCase(param.name) === key)) {
          problems.push(`${call.file}: ${call.command} passes ${key}, which the command does not take`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
