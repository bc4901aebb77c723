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

/** A quantity or percentage as typed or stored ("1234.5") the user's way ("1 234,5"), without
 * padding decimals; text that is not a decimal is returned as is. */
export function formatQuantity(value: string, language: LanguageCode): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) {
    return value;
  }
  const whole = (match[2] ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, language === "sv" ? NO_BREAK_SPACE : ",");
  const minus = match[1] ? (language === "sv" ? "−" : "-") : "";
  const fraction = match[3] ? `${language === "sv" ? "," : "."}${match[3]}` : "";
  return `${minus}${whole}${fraction}`;
}

/** What a locked (issued) row shows in a cell: prices as amounts, quantities and discounts the
 * user's way, the rest as saved. The same text the editor's amount column uses. */
export function lockedCellText(key: "description" | "quantity" | "unit" | "unit_price" | "discount_percent", value: string, language: LanguageCode): string {
  if (key === "unit_price") return formatAmount(value, language);
  if (key === "quantity") return formatQuantity(value, language);
  if (key === "discount_percent") return value.trim() === "" ? "" : `${formatQuantity(value, language)} %`;
  return value;
}

/** An amount with its currency, e.g. "19 341,00 kr" or "1,234.00 EUR". */
export function formatMoney(amount: string, currency: string, language: LanguageCode): string {
  const suffix = currency === "SEK" && language === "sv" ? "kr" : currency;
  return `${formatAmount(amount, language)} ${suffix}`;
}
