// Shows amounts Rust computed ("19341.00") the Swedish or English way. Pure text work: the UI never
// does arithmetic on money, it only groups digits and swaps the decimal mark.
import type { LanguageCode } from "../ipc";

const NO_BREAK_SPACE = "\u00a0";

/** "-19341.5" → "−19 341,50" (sv) or "-19,341.50" (en); text that is not a decimal is returned as is. */
export function formatAmount(amount: string, language: LanguageCode): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) {
    return amount;
  }
  const sign = match[1] ?? "";
  const whole = match[2] ?? "0";
  const fraction = match[3] ?? "";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === "sv" ? NO_BREAK_SPACE : ",");
  const decimals = fraction.padEnd(2, "0");
  const minus = sign ? (language === "sv" ? "−" : "-") : "";
  return `${minus}${grouped}${language === "sv" ? "," : "."}${decimals}`;
}

/** An amount with its currency, e.g. "19 341,00 kr" or "1,234.00 EUR". */
export function formatMoney(amount: string, currency: string, language: LanguageCode): string {
  const suffix = currency === "SEK" && language === "sv" ? "kr" : currency;
  return `${formatAmount(amount, language)} ${suffix}`;
}
