//! Hostile input never panics and never yields a broken PDF: huge texts, characters the font
//! lacks, and empty, corrupt or enormous logos give either a valid PDF or a clear error.

use std::io::Cursor;

use crate::support::{issued_invoice, page_count, poppler, render, save, text};
use fakturera_core::Language;
use fakturera_pdf::{Logo, MISSING_GLYPH_REPLACEMENT, PdfError, PdfOptions, render_invoice};
use image::{DynamicImage, ImageBuffer, ImageFormat, Rgb};
use rust_decimal::Decimal;

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x % 251) as u8, (y % 241) as u8, 120])
    });
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .expect("encode png");
    bytes
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, _| Rgb([20, (x % 200) as u8, 90]));
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
        .expect("encode jpeg");
    bytes
}

/// pdfinfo accepts the file and every font is embedded.
fn assert_valid(rendered: &crate::support::Rendered) {
    assert!(page_count(rendered) >= 1);
    let fonts = poppler("pdffonts", &[], &rendered.path);
    assert!(
        fonts
            .lines()
            .skip(2)
            .all(|row| row.contains(" yes yes yes ")),
        "{fonts}"
    );
}

#[test]
fn ten_thousand_character_texts_everywhere() {
    let words = "Lång text med åäö och många ord som måste radbrytas ordentligt ".repeat(160);
    // Numbered words and a run of one letter used nowhere else, so that a missing piece shows up
    // even though page breaks put headers and footers between the parts of a row.
    let numbered: String = (1..=1_250).map(|index| format!("ord{index:04} ")).collect();
    let unbroken = "Ж".repeat(10_000);
    let mut invoice = issued_invoice(Language::Swedish);
    invoice.lines[0].description = numbered.clone();
    invoice.lines[1].description = unbroken.clone();
    invoice.lines[2].article_number = "A".repeat(10_000);
    invoice.buyer.name = words.clone();
    invoice.buyer.address.street = "X".repeat(10_000);
    invoice.seller.name = "X".repeat(10_000);
    invoice.seller.email = "X".repeat(10_000);
    invoice.your_reference = words.clone();
    invoice.buyer_reference = "X".repeat(10_000);
    invoice.notes = words.clone();
    invoice.ocr = "9".repeat(10_000);
    let rendered = render(&invoice, &PdfOptions::default());
    assert_valid(&rendered);
    assert!(page_count(&rendered) > 3, "the long rows flow over pages");
    // Row texts are never cut, however long.
    let text = text(&rendered);
    for index in 1..=1_250 {
        assert_eq!(
            text.matches(&format!("ord{index:04}")).count(),
            1,
            "word {index} of the long description"
        );
    }
    assert_eq!(
        text.matches('Ж').count(),
        10_000,
        "the unbroken description is cut"
    );
}

#[test]
fn characters_the_font_lacks_become_a_visible_replacement() {
    let mut invoice = issued_invoice(Language::English);
    invoice.buyer.name = "東京商事株式会社 🚀".to_owned();
    invoice.lines[0].description = "Sushi 🍣 寿司 course, Ελληνικά, Кириллица, ﷽".to_owned();
    invoice.our_reference = "👩‍💻 Karin".to_owned();
    let rendered = render(&invoice, &PdfOptions::default());
    assert_valid(&rendered);
    let text = text(&rendered);
    let replacement = MISSING_GLYPH_REPLACEMENT.to_string();
    assert!(text.contains(&format!("{} Karin", replacement)), "{text}");
    assert!(text.contains("Sushi ? ?? course"), "{text}");
    // Greek and Cyrillic are in DejaVu and print as typed.
    assert!(
        text.contains("Ελληνικά") && text.contains("Кириллица"),
        "{text}"
    );
    assert!(text.contains("???????? ?"), "{text}");
}

#[test]
fn unusable_logos_are_refused_with_a_reason() {
    let mut truncated = png(300, 100);
    truncated.truncate(truncated.len() / 3);
    let too_wide = png(12_001, 1);
    let cases: [(&[u8], &str); 4] = [
        (b"", "The logo file is empty"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "not a PNG or JPEG",
        ),
        (&truncated, "damaged"),
        (&too_wide, "too large"),
    ];
    for (bytes, reason) in cases {
        match PdfOptions::with_logo_bytes(bytes) {
            Err(PdfError::Logo(message)) => {
                assert!(message.en.contains(reason), "{reason}: {message}");
                assert!(!message.sv.is_empty());
            }
            other => panic!("{reason}: expected a logo error, got {other:?}"),
        }
    }
}

#[test]
fn big_logos_are_scaled_and_the_pdf_stays_small() {
    for bytes in [png(2400, 1800), jpeg(3000, 800), png(64, 64)] {
        let options = PdfOptions::with_logo_bytes(&bytes).expect("usable logo");
        let logo = options.logo.as_ref().expect("logo");
        assert!(logo.width_px() <= 900 && logo.height_px() <= 330);
        let rendered =
            save(render_invoice(&issued_invoice(Language::Swedish), &options).expect("render"));
        assert_valid(&rendered);
        assert!(
            rendered.bytes.len() < 1_500_000,
            "{} bytes",
            rendered.bytes.len()
        );
        let images = poppler("pdfimages", &["-list"], &rendered.path);
        assert!(
            images.lines().count() >= 3,
            "the logo is in the PDF: {images}"
        );
    }
    assert!(Logo::from_bytes(&png(1, 1)).is_ok());
}

#[test]
fn degenerate_invoices_still_render() {
    let mut empty = issued_invoice(Language::Swedish);
    empty.lines.clear();
    empty.charges.clear();
    empty.seller = Default::default();
    empty.buyer = Default::default();
    empty.our_reference.clear();
    empty.your_reference.clear();
    empty.buyer_reference.clear();
    empty.order_reference.clear();
    empty.ocr.clear();
    assert_valid(&render(&empty, &PdfOptions::default()));

    let mut huge = issued_invoice(Language::English);
    huge.lines[0].quantity = Decimal::from(999_999_999);
    huge.lines[0].unit_price = Decimal::new(999_999_999_999, 2);
    huge.lines[1].quantity = Decimal::new(-3, 0);
    assert_valid(&render(&huge, &PdfOptions::default()));
}
