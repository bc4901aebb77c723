// The one way the UI calls a Rust command: every error comes back as an IpcError carrying the
// app's bilingual message and field errors, whatever Tauri or the command threw.
import { invoke } from "@tauri-apps/api/core";
import { IpcError, toAppError } from "./errors";

/** Calls the Rust command `command` with `args` (their names as Tauri expects: camelCase). */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw new IpcError(toAppError(thrown));
  }
}
