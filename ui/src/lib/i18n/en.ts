// The English texts of the UI; the keys are exactly those of sv.ts.
import type { Dictionary } from "./index.svelte";

export const en: Dictionary = {
  "app.name": "Fakturera",
  "nav.label": "Main menu",
  "nav.invoices": "Invoices",
  "nav.customers": "Customers",
  "nav.articles": "Articles",
  "nav.settings": "Settings",
  "nav.shortcutHint": "Switch section with {keys}",

  "invoices.title": "Invoices",
  "invoices.lead": "Customer invoices and credit invoices, from draft to delivered.",
  "invoices.empty.title": "No invoices yet",
  "invoices.empty.body": "The company's invoices are listed here with their delivery and payment status.",
  "customers.title": "Customers",
  "customers.lead": "The customer register: organisation numbers, addresses and how each customer wants their invoices.",
  "customers.empty.title": "No customers yet",
  "customers.empty.body": "Customers are listed here with their delivery choice and e-invoice address.",
  "articles.title": "Articles",
  "articles.lead": "The article register: what you sell, with unit, price and VAT rate.",
  "articles.empty.title": "No articles yet",
  "articles.empty.body": "Articles are listed here with their price excluding VAT and their VAT rate.",

  "settings.title": "Settings",
  "settings.lead": "Language, appearance and the company file.",
  "settings.appearance": "Appearance",
  "settings.language": "Language",
  "settings.theme": "Theme",
  "settings.theme.system": "Same as the system",
  "settings.theme.light": "Light",
  "settings.theme.dark": "Dark",
  "settings.companyFile": "Company file",
  "settings.companyName": "Company name",
  "settings.schemaVersion": "Database version",
  "settings.filePath": "Path",
  "settings.appVersion": "Program version",

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
};
