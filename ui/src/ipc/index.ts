// The only module that talks to Tauri (scripts/check-ipc-imports.sh enforces it). Each Rust
// command gets one typed function here; its argument and result types come from ./bindings,
// which ts-rs generates from the Rust types.
import type { LanguageCode } from "./bindings/LanguageCode";
import type { Overview } from "./bindings/Overview";
import type { StartView } from "./bindings/StartView";
import { call } from "./call";

export type { AppError } from "./bindings/AppError";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { FieldMessage } from "./bindings/FieldMessage";
export type { LanguageCode, Overview, StartView };
export { IpcError, isAppError, toAppError } from "./errors";

/**
 * The first screen in one round trip: tells Rust the UI's language, and answers whether a company
 * file exists, the status line and Översikt's figures.
 */
export function startView(language: LanguageCode): Promise<StartView> {
  return call<StartView>("start_view", { language });
}

/**
 * Tells Rust the first screen is painted: only then does it start its background work (the
 * delivery worker, the backup schedule), so none of it competes with drawing that screen.
 */
export function firstScreenDrawn(): Promise<void> {
  return call<void>("first_screen_drawn");
}

/** The company file's name, schema version and path, read from SQLite. */
export function overview(): Promise<Overview> {
  return call<Overview>("overview");
}

/** Tells Rust which language to write its messages in. */
export function setLanguage(language: LanguageCode): Promise<void> {
  return call<void>("set_language", { language });
}
