// The texts of importing and exporting the registers and opening items in Swedish and English;
// ui/src/dictionaries.ts registers them with the shared i18n before the first render.
import type { TextsOf } from "../lib/i18n/index.svelte";

export const transferSv = {
  "transfer.import": "Importera…",
  "transfer.exportCsv": "Exportera CSV",
  "transfer.exportXlsx": "Exportera Excel",
  "transfer.exported": "{rows} rader exporterades till {path}",
  "transfer.title.customers": "Importera kunder",
  "transfer.title.articles": "Importera artiklar",
  "transfer.title.opening_invoices": "Importera obetalda fakturor (ingående poster)",
  "transfer.title.invoices": "Importera",
  "transfer.summary": "{format}: {rows} rader, {valid} kan importeras, {existing} finns redan, {problems} har fel.",
  "transfer.columns": "Kolumner",
  "transfer.column": "Kolumn i filen",
  "transfer.field": "Fält",
  "transfer.ignore": "(hoppa över)",
  "transfer.samples": "Exempel",
  "transfer.problems": "Rader som inte importeras",
  "transfer.line": "Rad",
  "transfer.missing": "Ingen kolumn innehåller: {fields}",
  "transfer.existing.skip": "Hoppa över befintliga nummer",
  "transfer.existing.update": "Uppdatera befintliga nummer",
  "transfer.run": "Importera {count} rader",
  "transfer.cancel": "Avbryt",
  "transfer.close": "Stäng",
  "transfer.openingItems": "Importera obetalda fakturor…",
};

export const transferEn: TextsOf<typeof transferSv> = {
  "transfer.import": "Import…",
  "transfer.exportCsv": "Export CSV",
  "transfer.exportXlsx": "Export Excel",
  "transfer.exported": "{rows} rows exported to {path}",
  "transfer.title.customers": "Import customers",
  "transfer.title.articles": "Import articles",
  "transfer.title.opening_invoices": "Import unpaid invoices (opening items)",
  "transfer.title.invoices": "Import",
  "transfer.summary": "{format}: {rows} rows, {valid} can be imported, {existing} already exist, {problems} have problems.",
  "transfer.columns": "Columns",
  "transfer.column": "Column in the file",
  "transfer.field": "Field",
  "transfer.ignore": "(skip)",
  "transfer.samples": "Examples",
  "transfer.problems": "Rows that are not imported",
  "transfer.line": "Line",
  "transfer.missing": "No column holds: {fields}",
  "transfer.existing.skip": "Skip existing numbers",
  "transfer.existing.update": "Update existing numbers",
  "transfer.run": "Import {count} rows",
  "transfer.cancel": "Cancel",
  "transfer.close": "Close",
  "transfer.openingItems": "Import unpaid invoices…",
};

declare module "../lib/i18n/index.svelte" {
  interface Messages extends TextsOf<typeof transferSv> {}
}
