// When a typed org number is complete enough to look up: ten digits, hyphen and spaces allowed.
// Rust checks it properly; this only decides when to ask.
export function looksLikeOrgNumber(text: string): boolean {
  return /^\d{6}-?\d{4}$/.test(text.replace(/\s/g, ""));
}
