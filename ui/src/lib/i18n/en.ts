// The English texts the shell and the shared parts use; the keys are exactly those of sv.ts.
import type { TextsOf } from "./index.svelte";
import type { sv } from "./sv";

export const en: TextsOf<typeof sv> = {
  "app.name": "Fakturera",
  "nav.label": "Main menu",
  "nav.invoices": "Invoices",
  "nav.customers": "Customers",
  "nav.articles": "Articles",
  "nav.settings": "Settings",
  "nav.shortcutHint": "Switch section with {keys}",

  "language.sv": "Svenska",
  "language.en": "English",

  "status.company": "Company",
  "status.noCompanyName": "Company name missing",
  "status.schema": "Database version {version}",
  "status.loading": "Opening the company file…",

  "error.title": "Something went wrong",
  "error.newerVersion.title": "The company file comes from a newer version",
  "error.locked.title": "The company file is in use",
  "error.retry": "Try again",

  // The register kit (ui/src/registers/): the list page, the editor frame, the address fields.
  "register.save": "Save",
  "register.cancel": "Cancel",
  "register.showArchived": "Show archived",
  "register.count": "{count} shown",
  "register.noMatches": "Nothing matches “{search}”.",
  "register.archived": "Archived",
  "register.archivedField": "Archived (hidden from lists and pickers)",
  "address.street": "Street",
  "address.street2": "Address line 2",
  "address.postalCode": "Postal code",
  "address.city": "City",
  "address.country": "Country (e.g. SE)",
  "registers.paymentTerms.other": "Other terms",
};
