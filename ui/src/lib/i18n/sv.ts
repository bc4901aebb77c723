// The Swedish texts the shell and the shared parts use (sections, status bar, errors, the register
// kit), the product's default language. A feature's own texts live in its folder's i18n.ts and are
// registered by ui/src/dictionaries.ts; this folder imports no feature.
export const sv = {
  "app.name": "Fakturera",
  "nav.label": "Huvudmeny",
  "nav.invoices": "Fakturor",
  "nav.customers": "Kunder",
  "nav.articles": "Artiklar",
  "nav.settings": "Inställningar",
  "nav.shortcutHint": "Byt avsnitt med {keys}",

  "language.sv": "Svenska",
  "language.en": "English",

  "status.company": "Företag",
  "status.noCompanyName": "Företagsnamn saknas",
  "status.schema": "Databasversion {version}",
  "status.loading": "Öppnar företagsfilen…",

  "error.title": "Något gick fel",
  "error.newerVersion.title": "Företagsfilen kommer från en nyare version",
  "error.locked.title": "Företagsfilen används",
  "error.retry": "Försök igen",

  // The register kit (ui/src/registers/): the list page, the editor frame, the address fields.
  "register.save": "Spara",
  "register.cancel": "Avbryt",
  "register.showArchived": "Visa arkiverade",
  "register.count": "{count} st",
  "register.noMatches": "Inget matchar ”{search}”.",
  "register.archived": "Arkiverad",
  "register.archivedField": "Arkiverad (visas inte i listor och val)",
  "address.street": "Gatuadress",
  "address.street2": "Adressrad 2",
  "address.postalCode": "Postnummer",
  "address.city": "Ort",
  "address.country": "Land (t.ex. SE)",
  "registers.paymentTerms.other": "Andra villkor",
} as const;
