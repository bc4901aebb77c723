//! Page flow and placement: many rows over several pages with the header repeated, long texts
//! wrapped without loss, every font embedded, the address inside the envelope window, and the
//! same bytes for the same invoice.

use crate::support::{
    issued_invoice, many_rows, occurrences, page_count, page_text, poppler, render, squeeze, text,
    word_boxes,
};
use fakturera_core::Language;
use fakturera_core::samples;
use fakturera_pdf::Length;
use fakturera_pdf::{ENVELOPE_WINDOW, PdfOptions, render_invoice};
use rust_decimal::Decimal;

#[test]
fn a_120_row_invoice_flows_over_pages_with_every_row_once() {
    let invoice = many_rows(120);
    let rendered = render(&invoice, &PdfOptions::default());
    let pages = page_count(&rendered);
    // 28 one-line rows fit under the first page's header and 38 on each following page, so the
    // 120th row lands on page 4, which still has room for the summary and the payment block.
    assert_eq!(pages, 4);
    let whole = text(&rendered);
    for index in 1..=120 {
        assert_eq!(
            occurrences(&whole, &format!("Rad {index:03} arbete")),
            1,
            "row {index}"
        );
    }
    let mut last_row = 0;
    for page in 1..=pages {
        let text = page_text(&rendered, page);
        assert!(
            text.contains(&format!("Sida {page} av {pages}")),
            "page number on page {page}"
        );
        assert!(text.contains("556721-2047"), "footer on page {page}");
        let rows: Vec<usize> = (1..=120)
            .filter(|index| text.contains(&format!("Rad {index:03} arbete")))
            .collect();
        if !rows.is_empty() {
            assert!(
                text.contains("Benämning") && text.contains("À-pris"),
                "table header on page {page}"
            );
            assert_eq!(
                rows.first(),
                Some(&(last_row + 1)),
                "rows continue in order on page {page}"
            );
            last_row = *rows.last().unwrap_or(&0);
        }
        if page > 1 {
            assert!(
                text.contains("Faktura 10042 (forts.)"),
                "running head on page {page}"
            );
        }
    }
    assert_eq!(last_row, 120);
    assert!(page_text(&rendered, pages).contains("Att betala"));
}

#[test]
fn long_texts_wrap_and_nothing_is_cut() {
    let mut invoice = issued_invoice(Language::Swedish);
    let prose = "Installation och driftsättning av nätverksutrustning i kontorets samtliga våningsplan, \
                 inklusive dragning av kablar, märkning, dokumentation och överlämning till kundens IT-avdelning. "
        .repeat(6);
    let token = "Serienummer:".to_owned() + &"ABCDEF0123456789".repeat(12);
    invoice.lines[0].description = format!("{prose}\n{token}");
    invoice.lines[1].article_number = "ART-2026-VERY-LONG-ARTICLE-NUMBER-0001".to_owned();
    let rendered = render(&invoice, &PdfOptions::default());
    let text = squeeze(&text(&rendered));
    assert!(text.contains(&squeeze(&prose)), "prose cut");
    assert!(text.contains(&squeeze(&token)), "unbroken token cut");
    // The article number wraps inside its own column; read that column top to bottom.
    let mut column: Vec<(String, [i64; 4])> = word_boxes(&rendered)
        .into_iter()
        .filter(|(_, [_, y_min, x_max, y_max])| {
            *x_max <= Length::mm(40).0 && *y_min > Length::mm(85).0 && *y_max < Length::mm(268).0
        })
        .collect();
    column.sort_by_key(|(_, [x_min, y_min, _, _])| (*y_min, *x_min));
    let column: String = column.into_iter().map(|(word, _)| word).collect();
    assert!(
        column.contains("ART-2026-VERY-LONG-ARTICLE-NUMBER-0001"),
        "article number cut: {column}"
    );
}

#[test]
fn every_font_is_embedded_and_subset() {
    let rendered = render(&issued_invoice(Language::Swedish), &PdfOptions::default());
    let fonts = poppler("pdffonts", &[], &rendered.path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type…, encoding, emb, sub, uni, object, generation
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(flags, ["yes", "yes", "yes"], "{row}");
        assert!(row.contains("DejaVuSansCondensed"), "{row}");
    }
    assert!(
        rendered.bytes.len() < 80_000,
        "subset fonts keep the file small: {}",
        rendered.bytes.len()
    );
}

#[test]
fn the_address_lies_inside_the_envelope_window() {
    let window = ENVELOPE_WINDOW;
    let (left, top) = (window.left.0, window.top.0);
    let (right, bottom) = (left + window.width.0, top + window.height.0);
    let cases = [
        (
            samples::domestic_buyer(),
            vec![
                "Göteborgs",
                "Byggservice",
                "Östra",
                "Hamngatan",
                "411",
                "Göteborg",
            ],
        ),
        (
            samples::eu_buyer(),
            vec![
                "Müller",
                "Maschinenbau",
                "Königstraße",
                "70173",
                "Stuttgart",
                "GERMANY",
            ],
        ),
    ];
    for (buyer, words) in cases {
        let mut invoice = issued_invoice(buyer.language);
        invoice.buyer = buyer;
        let rendered = render(&invoice, &PdfOptions::default());
        let boxes = word_boxes(&rendered);
        for word in words {
            let found: Vec<&[i64; 4]> = boxes
                .iter()
                .filter(|(text, _)| text == word)
                .map(|(_, b)| b)
                .collect();
            assert!(!found.is_empty(), "{word} not on page 1");
            for [x_min, y_min, x_max, y_max] in found {
                assert!(
                    *x_min >= left && *x_max <= right && *y_min >= top && *y_max <= bottom,
                    "{word} at ({x_min},{y_min})–({x_max},{y_max}) is outside the window ({left},{top})–({right},{bottom})"
                );
            }
        }
    }
}

#[test]
fn the_same_invoice_gives_the_same_bytes() {
    let invoice = issued_invoice(Language::Swedish);
    let first = render_invoice(&invoice, &PdfOptions::default()).expect("render");
    let second = render_invoice(&invoice, &PdfOptions::default()).expect("render");
    assert!(first == second, "two renders differ");
    let mut other = invoice.clone();
    other.lines[0].quantity += Decimal::ONE;
    assert!(render_invoice(&other, &PdfOptions::default()).expect("render") != first);
}
