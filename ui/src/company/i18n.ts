// The texts of company files in the window (the company menu, the new-company wizard, the
// welcome screen) in Swedish and English;
// ui/src/dictionaries.ts registers them with the shared i18n before the first render.
import type { TextsOf } from "../lib/i18n/index.svelte";

export const companySv = {
  "company.menu": "Företag",
  "company.new": "Nytt företag…",
  "company.open": "Öppna företag…",
  "company.demo": "Öppna demoföretaget",
  "company.recent": "Senaste företag",
  "company.missing": "finns inte längre",
  "company.wizard.title": "Nytt företag",
  "company.wizard.step1": "1. Företaget",
  "company.wizard.step2": "2. Adress och betalning",
  "company.wizard.name": "Företagsnamn",
  "company.wizard.org": "Organisationsnummer",
  "company.wizard.vat": "Momsregistreringsnummer",
  "company.wizard.fTax": "Godkänd för F-skatt",
  "company.wizard.street": "Postadress",
  "company.wizard.postal": "Postnummer",
  "company.wizard.city": "Ort",
  "company.wizard.bankgiro": "Bankgiro",
  "company.wizard.email": "E-post",
  "company.wizard.phone": "Telefon",
  "company.wizard.next": "Nästa",
  "company.wizard.back": "Tillbaka",
  "company.wizard.create": "Skapa företaget",
  "company.wizard.fileHint": "Företagsfilen sparas som {name} i {folder}.",
  "welcome.title": "Välkommen till Fakturera",
  "welcome.lead": "Det finns ingen företagsfil ännu. Skapa ditt företag, eller prova programmet med demoföretaget.",
};

export const companyEn: TextsOf<typeof companySv> = {
  "company.menu": "Company",
  "company.new": "New company…",
  "company.open": "Open company…",
  "company.demo": "Open the demo company",
  "company.recent": "Recent companies",
  "company.missing": "no longer exists",
  "company.wizard.title": "New company",
  "company.wizard.step1": "1. The company",
  "company.wizard.step2": "2. Address and payment",
  "company.wizard.name": "Company name",
  "company.wizard.org": "Organisation number",
  "company.wizard.vat": "VAT number",
  "company.wizard.fTax": "Approved for F-tax",
  "company.wizard.street": "Postal address",
  "company.wizard.postal": "Postal code",
  "company.wizard.city": "City",
  "company.wizard.bankgiro": "Bankgiro",
  "company.wizard.email": "E-mail",
  "company.wizard.phone": "Phone",
  "company.wizard.next": "Next",
  "company.wizard.back": "Back",
  "company.wizard.create": "Create the company",
  "company.wizard.fileHint": "The company file is saved as {name} in {folder}.",
  "welcome.title": "Welcome to Fakturera",
  "welcome.lead": "There is no company file yet. Create your company, or try the program with the demo company.",
};

declare module "../lib/i18n/index.svelte" {
  interface Messages extends TextsOf<typeof companySv> {}
}
