// Rust's field-level errors (AppError.fields) as a lookup the forms show under each input, and the
// small pure helpers the register screens share, kept here so vitest can cover them.
import type { AppError } from "../ipc";

/** field path ("address.postal_code") → message in the user's language. */
export type FieldErrors = Record<string, string>;

/** The messages of `error` by field; the first message wins when a field has several. */
export function fieldErrors(error: AppError | null): FieldErrors {
  const byField: FieldErrors = {};
  for (const { field, message } of error?.fields ?? []) {
    if (!(field in byField)) {
      byField[field] = message;
    }
  }
  return byField;
}

/**
 * The error's message when no input shows it (no field, or fields the form has no input for), so
 * nothing Rust says is lost; `null` when every field message is already beside its input.
 */
export function unplacedMessage(error: AppError | null, shownFields: readonly string[]): string | null {
  if (!error) {
    return null;
  }
  if (error.fields.length === 0) {
    return error.message;
  }
  const unplaced = error.fields.filter((field) => !shownFields.includes(field.field));
  return unplaced.length > 0 ? unplaced.map((field) => field.message).join(" ") : null;
}

/**
 * Wraps an async loader so only the answer to the latest call is used: when the user types fast,
 * an older, slower search must never overwrite the newer result.
 */
export function latestOnly<A extends unknown[], T>(load: (...args: A) => Promise<T>) {
  let sequence = 0;
  return async (...args: A): Promise<{ current: boolean; value: T }> => {
    const mine = ++sequence;
    const value = await load(...args);
    return { current: mine === sequence, value };
  };
}

/** True for Ctrl+key (⌘+key on macOS) without Alt or Shift: the forms' save and new shortcuts. */
export function isCommand(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">, key: string): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === key;
}

/** An empty Swedish address. */
export function emptyAddress(): { street: string; street2: string; postal_code: string; city: string; country_code: string } {
  return { street: "", street2: "", postal_code: "", city: "", country_code: "SE" };
}
