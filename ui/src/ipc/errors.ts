// Errors from Rust arrive as `AppError` ({code, message, fields}); anything else (a bug in the
// bridge, a missing command) is turned into the same shape so callers handle one thing.
import type { AppError } from "./bindings/AppError";
import type { ErrorCode } from "./bindings/ErrorCode";

const codes: readonly ErrorCode[] = [
  "invalid_input",
  "not_found",
  "conflict",
  "locked",
  "offline",
  "unauthorized",
  "newer_version",
  "internal",
];

/** True when `value` has the exact shape Rust sends. */
export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === "string" &&
    (codes as readonly string[]).includes(candidate.code) &&
    typeof candidate.message === "string" &&
    Array.isArray(candidate.fields)
  );
}

/** The error thrown by every IPC call, so `catch (e)` gets `e.error.code` to branch on. */
export class IpcError extends Error {
  readonly error: AppError;

  constructor(error: AppError) {
    super(error.message);
    this.name = "IpcError";
    this.error = error;
  }
}

/**
 * Whatever was thrown, as an AppError: an IpcError's own error (what every `call()` throws), Rust's
 * error as it is, and anything else as `internal` with its text. A `catch` needs nothing more.
 */
export function toAppError(thrown: unknown): AppError {
  if (thrown instanceof IpcError) {
    return thrown.error;
  }
  if (isAppError(thrown)) {
    return thrown;
  }
  const carried = typeof thrown === "object" && thrown !== null ? (thrown as { message?: unknown }).message : undefined;
  const message = typeof carried === "string" ? carried : String(thrown);
  return { code: "internal", message, fields: [] };
}
