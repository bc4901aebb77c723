//! The text read back from the PDF carries every field the product brief and Swedish law ask
//! for, at the values the core computes, for an invoice and a credit invoice in both languages.

use crate::support::{issued_credit, issued_invoice, render, squeeze, text, word_boxes};
use fakturera_core::Language;
use fakturera_core::invoice::Invoice;
use fakturera_core::money::{format_english, format_swedish};
use fakturera_core::samples;
use fakturera_core::vat::VatTreatment;
use fakturera_pdf::PdfOptions;
use rust_decimal::Decimal;

fn money(value: Decimal, language: Language) -> String {
    match language {
        Language::Swedish => format_swedish(value),
        Language::English => format_english(value),
    }
}

/// Fields both kinds carry: parties, identifiers, references, rows and totals.
fn common_fields(invoice: &Invoice, language: Language) -> Vec<String> {
    let totals = invoice.totals();
    let sign = invoice.sign();
    let mut expected: Vec<String> = [
        "Ljungberg & Åström Konsult AB",
        "Sveavägen 44",
        "111 34 Stockholm",
        "556721-2047",
        "SE556721204701",
        "08-123 456 70",
        "faktura@ljungbergastrom.se",
        "www.ljungbergastrom.se",
        "Göteborgs Byggservice AB",
        "Östra Hamngatan 12",
        "411 10 Göteborg",
        "1001",
        "Karin Åström",
        "Per Öberg",
        "PROJ-4711",
        "PO-88213",
        "2026-02-27",
        "KONS",
        "LIC-12",
        "Konsultarvode, systemutveckling",
        "Licens Fakturera Pro, 12 månader",
        "Tågresa Stockholm–Göteborg t/r",
        "10 %",
        "25 %",
        "6 %",
    ]
    .map(str::to_owned)
    .to_vec();
    for amounts in &totals.lines {
        expected.push(money(amounts.net * sign, language));
    }
    for subtotal in &totals.vat_breakdown {
        expected.push(money(subtotal.taxable_amount * sign, language));
        expected.push(money(subtotal.vat_amount * sign, language));
    }
    expected.extend(
        [
            totals.tax_exclusive,
            totals.vat_total,
            totals.tax_inclusive,
            totals.rounding,
            totals.payable,
        ]
        .map(|value| money(value * sign, language)),
    );
    expected.extend(
        totals
            .charges
            .iter()
            .map(|value| money(*value * sign, language)),
    );
    expected
}

fn assert_contains_all(text: &str, expected: &[String], what: &str) {
    let squeezed = squeeze(text);
    let missing: Vec<&String> = expected
        .iter()
        .filter(|field| !squeezed.contains(&squeeze(field)))
        .collect();
    assert!(missing.is_empty(), "{what}: missing {missing:?} in\n{text}");
}

#[test]
fn swedish_invoice_has_every_mandatory_field() {
    let invoice = issued_invoice(Language::Swedish);
    let text = text(&render(&invoice, &PdfOptions::default()));
    let mut expected = common_fields(&invoice, Language::Swedish);
    expected.extend(
        [
            "Faktura",
            "Fakturanummer",
            "10042",
            "Fakturadatum",
            "2026-03-02",
            "Förfallodatum",
            "2026-04-01",
            "Kundnummer",
            "Vår referens",
            "Er referens",
            "Referenskod",
            "Leveransdatum",
            "30 dagar netto",
            "Benämning",
            "À-pris",
            "Rabatt",
            "Summa exkl. moms",
            "Öresavrundning",
            "Att betala SEK",
            "Fakturaavgift",
            "Bankgiro",
            "5678-1230",
            "OCR-nummer",
            "1004257",
            "SE45 5000 0000 0583 9825 7466",
            "ESSESESS",
            "dröjsmålsränta med 12 % per år",
            "Godkänd för F-skatt",
            "Sida 1 av 1",
        ]
        .map(str::to_owned),
    );
    assert_contains_all(&text, &expected, "Swedish invoice");
    // The core's sample, worked by hand: 18 739,10 at 25 % and 1 295,00 at 6 %, rounded up 0,42.
    for literal in [
        "18 739,10",
        "4 684,78",
        "77,70",
        "24 796,58",
        "0,42",
        "24 797,00",
    ] {
        assert!(text.contains(literal), "{literal}");
    }
    assert!(!text.contains("Kreditfaktura"));
}

#[test]
fn english_invoice_has_every_mandatory_field() {
    let invoice = issued_invoice(Language::English);
    let text = text(&render(&invoice, &PdfOptions::default()));
    let mut expected = common_fields(&invoice, Language::English);
    expected.extend(
        [
            "Invoice",
            "Invoice number",
            "Invoice date",
            "Due date",
            "2026-04-01",
            "Customer number",
            "Our reference",
            "Your reference",
            "Buyer reference",
            "Delivery date",
            "30 days net",
            "Description",
            "Unit price",
            "Total excl. VAT",
            "Rounding",
            "Amount due SEK",
            "Invoice fee",
            "OCR reference",
            "5678-1230",
            "Interest on late payment is charged at 12 % per year",
            "Approved for F-tax",
            "Page 1 of 1",
        ]
        .map(str::to_owned),
    );
    assert_contains_all(&text, &expected, "English invoice");
    assert!(text.contains("24,797.00"));
}

#[test]
fn credit_invoice_names_the_invoice_it_credits() {
    for (language, words) in [
        (
            Language::Swedish,
            [
                "Kreditfaktura",
                "Kreditfakturanr",
                "Krediterar faktura",
                "Att kreditera SEK",
            ],
        ),
        (
            Language::English,
            [
                "Credit note",
                "Credit note no.",
                "Credits invoice",
                "Amount credited SEK",
            ],
        ),
    ] {
        let credit = issued_credit(language);
        let text = text(&render(&credit, &PdfOptions::default()));
        let mut expected = common_fields(&credit, language);
        expected.extend(words.map(str::to_owned));
        expected.extend(["10043", "10042 (2026-03-02)", "2026-03-09"].map(str::to_owned));
        assert_contains_all(&text, &expected, "credit invoice");
        // The credit is shown as a negative amount, the exact opposite of the invoice.
        assert!(
            text.contains(&money(-credit.totals().payable, language)),
            "{text}"
        );
        assert!(
            !text.contains("OCR"),
            "a credit invoice asks for no payment"
        );
    }
}

#[test]
fn exemption_texts_and_foreign_currency() {
    let cases = [
        (
            VatTreatment::EuServices,
            samples::eu_buyer(),
            "Reverse charge, Article 196",
        ),
        (
            VatTreatment::EuGoods,
            samples::eu_buyer(),
            "Intra-Community supply of goods",
        ),
        (
            VatTreatment::Export,
            samples::export_buyer(),
            "Export of goods outside the EU",
        ),
        (
            VatTreatment::DomesticReverseCharge,
            samples::domestic_buyer(),
            "Omvänd betalningsskyldighet",
        ),
    ];
    for (treatment, buyer, exemption) in cases {
        let mut invoice = issued_invoice(buyer.language);
        invoice.language = buyer.language;
        invoice.buyer = buyer;
        for line in &mut invoice.lines {
            line.vat = fakturera_core::vat::LineVat::untaxed(treatment);
        }
        invoice.charges.clear();
        if treatment != VatTreatment::DomesticReverseCharge {
            invoice.currency = fakturera_core::money::Currency::parse("EUR").expect("EUR");
            invoice.exchange_rate = Decimal::new(112345, 4);
        }
        let text = text(&render(&invoice, &PdfOptions::default()));
        assert!(
            squeeze(&text).contains(&squeeze(exemption)),
            "{treatment:?}: {text}"
        );
        assert!(
            text.contains(&invoice.buyer.vat_number),
            "buyer VAT number for {treatment:?}"
        );
        if !invoice.currency.is_sek() {
            for expected in ["EUR", "Amount due EUR", "VAT in SEK", "11.2345"] {
                assert!(
                    text.contains(expected),
                    "{expected} for {treatment:?}: {text}"
                );
            }
            assert!(
                text.contains("GERMANY") || text.contains("NORWAY"),
                "country line"
            );
        }
    }
}

#[test]
fn a_draft_says_it_is_not_issued() {
    let mut invoice = issued_invoice(Language::Swedish);
    invoice.number = None;
    invoice.ocr.clear();
    let text = text(&render(&invoice, &PdfOptions::default()));
    assert!(text.contains("UTKAST"), "{text}");
}

/// Text rows print in their place among the lines with no figures, and the invoice discount
/// shows in the totals with its percentage and amount, read back with pdftotext.
#[test]
fn text_rows_and_the_invoice_discount_are_printed() {
    use fakturera_core::invoice::{Discount, TextRow};
    let mut invoice = issued_invoice(Language::Swedish);
    invoice.text_rows = vec![
        TextRow {
            before_line: 0,
            text: "Arbete enligt offert 2026-117".to_owned(),
        },
        TextRow {
            before_line: 1,
            text: "Avser vecka 9 och 10".to_owned(),
        },
    ];
    invoice.discount = Discount::Percent(Decimal::TEN);
    let totals = invoice.totals();
    let rendered = render(&invoice, &PdfOptions::default());
    let printed = text(&rendered);
    // Top edges down the page: heading, first line, the row between, second line.
    let boxes = word_boxes(&rendered);
    let top_of = |word: &str| {
        boxes
            .iter()
            .find(|(text, _)| text == word)
            .map(|(_, corners)| corners[1])
            .unwrap_or_else(|| panic!("{word} is not on the page:\n{printed}"))
    };
    let order = ["Arbete", "Konsultarvode,", "Avser", "Licens"].map(top_of);
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{order:?}");
    let squeezed = squeeze(&printed);
    assert!(squeezed.contains(&squeeze("Rabatt 10 %")), "{printed}");
    let discount = format!("−{}", money(totals.allowance_total, Language::Swedish));
    assert!(
        squeezed.contains(&squeeze(&discount))
            || squeezed.contains(&squeeze(&format!(
                "-{}",
                money(totals.allowance_total, Language::Swedish)
            ))),
        "{discount} missing:\n{printed}"
    );
    assert!(squeezed.contains(&squeeze(&money(totals.payable, Language::Swedish))));
}
