// The texts of Artiklar (the article list and form) in Swedish and English;
// ui/src/dictionaries.ts registers them with the shared i18n before the first render.
import type { TextsOf } from "../lib/i18n/index.svelte";

export const articlesSv = {
  "articles.title": "Artiklar",
  "articles.lead": "Artikelregistret: det du säljer, med enhet, pris och momssats.",
  "articles.none": "Inga artiklar än. Lägg till den första med Ny artikel (Ctrl+N).",
  "articles.search": "Sök på benämning eller artikelnummer (Ctrl+F)",
  "articles.new": "Ny artikel",
  "articles.newTitle": "Ny artikel",
  "articles.editTitle": "Artikel: {name}",
  "articles.saved": "Artikeln {name} ({number}) sparades.",
  "articles.section": "Artikel",
  "articles.col.number": "Artikelnr",
  "articles.col.name": "Benämning",
  "articles.col.unit": "Enhet",
  "articles.col.price": "Pris exkl. moms",
  "articles.col.vat": "Moms",
  "articles.col.kind": "Typ",
  "articles.kind.goods": "Vara",
  "articles.kind.service": "Tjänst",
  "articles.field.number": "Artikelnummer",
  "articles.field.name": "Benämning",
  "articles.field.unit": "Enhet",
  "articles.field.price": "Pris exkl. moms (kr)",
  "articles.field.priceHint": "T.ex. 1 250,50",
  "articles.field.vat": "Momssats (gäller i dag)",
  "articles.field.kind": "Vara eller tjänst",
};

export const articlesEn: TextsOf<typeof articlesSv> = {
  "articles.title": "Articles",
  "articles.lead": "The article register: what you sell, with unit, price and VAT rate.",
  "articles.none": "No articles yet. Add the first with New article (Ctrl+N).",
  "articles.search": "Search name or article number (Ctrl+F)",
  "articles.new": "New article",
  "articles.newTitle": "New article",
  "articles.editTitle": "Article: {name}",
  "articles.saved": "The article {name} ({number}) was saved.",
  "articles.section": "Article",
  "articles.col.number": "Article no.",
  "articles.col.name": "Name",
  "articles.col.unit": "Unit",
  "articles.col.price": "Price excl. VAT",
  "articles.col.vat": "VAT",
  "articles.col.kind": "Type",
  "articles.kind.goods": "Goods",
  "articles.kind.service": "Service",
  "articles.field.number": "Article number",
  "articles.field.name": "Name",
  "articles.field.unit": "Unit",
  "articles.field.price": "Price excl. VAT (SEK)",
  "articles.field.priceHint": "E.g. 1250.50",
  "articles.field.vat": "VAT rate (in force today)",
  "articles.field.kind": "Goods or service",
};

declare module "../lib/i18n/index.svelte" {
  interface Messages extends TextsOf<typeof articlesSv> {}
}
