// How one entry of an invoice's history reads: the kinds the app knows get a translated name, any
// other kind Rust sends (a newer version's, or a plug-in's) is shown as it is rather than dropped.
import type { LanguageCode } from "../ipc";
import type { MessageKey } from "../lib/i18n/index.svelte";

const knownKinds: Record<string, MessageKey> = {
  created: "invoice.events.created",
  edited: "invoice.events.edited",
  issued: "invoice.events.issued",
  payment_recorded: "invoice.events.payment_recorded",
  credited: "invoice.events.credited",
  deduction_recorded: "invoice.events.deduction_recorded",
  refund_recorded: "invoice.events.refund_recorded",
  written_off: "invoice.events.written_off",
  reversed: "invoice.events.reversed",
  reminded: "invoice.events.reminded",
  interest_invoiced: "invoice.events.interest_invoiced",
};

/** The message key naming `kind`, or `null` for a kind to show as its raw text. */
export function eventKindKey(kind: string): MessageKey | null {
  return Object.hasOwn(knownKinds, kind) ? (knownKinds[kind] ?? null) : null;
}

/** An RFC 3339 time in the user's locale, to the minute; text that is not a time is returned as is. */
export function eventTime(at: string, language: LanguageCode): string {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) return at;
  const locale = language === "sv" ? "sv-SE" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(time);
}
