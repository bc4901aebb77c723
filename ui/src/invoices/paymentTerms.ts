// The payment terms the editor offers, by storage code ("net:30"), with their names.
import type { LanguageCode } from "../ipc";

export const commonTerms = ["net:10", "net:15", "net:20", "net:30", "net:45", "net:60", "cash", "eom:10", "eom:30", "eonm"];

/** "net:30" → "30 dagar netto" / "30 days net"; an unknown code is shown as it is. */
export function termsLabel(code: string, language: LanguageCode): string {
  const [kind, days] = code.split(":");
  const sv = language === "sv";
  if (kind === "net" && days) return sv ? `${days} dagar netto` : `${days} days net`;
  if (kind === "eom" && days) return sv ? `Sista dagen i månaden + ${days} dagar` : `End of month + ${days} days`;
  if (code === "cash") return sv ? "Kontant" : "Cash";
  if (code === "eonm") return sv ? "Sista dagen i nästa månad" : "End of next month";
  return code;
}

/** The common terms, with `current` added when it is another one. */
export function termsChoices(current: string): string[] {
  return current && !commonTerms.includes(current) ? [current, ...commonTerms] : commonTerms;
}
