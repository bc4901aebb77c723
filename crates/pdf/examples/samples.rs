//! Writes the sample invoices to a directory, for looking at them:
//! `cargo run -p fakturera-pdf --example samples -- /tmp/pdf-samples`, then
//! `pdftoppm -png -r 80 /tmp/pdf-samples/faktura.pdf /tmp/pdf-samples/faktura`.

use std::io::Cursor;
use std::path::PathBuf;

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::invoice::{CreditSelection, Invoice, credit_invoice};
use fakturera_core::money::Currency;
use fakturera_core::samples;
use fakturera_core::vat::{LineVat, VatTreatment};
use fakturera_pdf::{PdfOptions, render_invoice};
use image::{DynamicImage, ImageBuffer, ImageFormat, Rgba};
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "pdf-samples".to_owned()),
    );
    std::fs::create_dir_all(&dir)?;
    let date = |text: &str| text.parse::<NaiveDate>();

    let mut invoice = samples::domestic_invoice(date("2026-03-02")?);
    invoice.number = Some("10042".to_owned());
    invoice.ocr = "1004257".to_owned();
    invoice.order_reference = "PO-88213".to_owned();
    invoice.delivery_date = Some(date("2026-02-27")?);
    invoice.notes =
        "Tack för att ni anlitar oss! Frågor om fakturan besvaras av Karin Åström, 08-123 456 70."
            .to_owned();

    let mut credit = credit_invoice(&invoice, &CreditSelection::Full, date("2026-03-09")?)?;
    credit.number = Some("10043".to_owned());

    let mut export: Invoice = invoice.clone();
    export.buyer = samples::eu_buyer();
    export.language = Language::English;
    export.currency = Currency::parse("EUR")?;
    export.exchange_rate = Decimal::new(112345, 4);
    export.notes.clear();
    for line in &mut export.lines {
        line.vat = LineVat::untaxed(VatTreatment::EuServices);
    }
    export.charges.clear();

    let mut long = invoice.clone();
    long.lines = (1..=120)
        .map(|index| {
            samples::line(
                &format!("Rad {index:03} arbete enligt avtal"),
                Decimal::from(index),
                "tim",
                Decimal::new(95000, 2),
                Decimal::from(25),
            )
        })
        .collect();

    // Characters outside the common faces: this one embeds the full DejaVu faces.
    let mut scripts = invoice.clone();
    scripts.buyer.name = "ООО «Северный ветер»".to_owned();
    scripts.lines[0].description = "Översättning till grekiska: Ελληνικά κείμενα".to_owned();

    let logo = PdfOptions::with_logo_bytes(&sample_logo()?)?;
    let plain = PdfOptions::default();
    for (name, document, options) in [
        ("faktura", &invoice, &logo),
        ("kreditfaktura", &credit, &logo),
        ("invoice-eu-eur", &export, &plain),
        ("faktura-120-rader", &long, &logo),
        ("faktura-kyrilliska-grekiska", &scripts, &logo),
    ] {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, render_invoice(document, options)?)?;
        println!("{}", path.display());
    }
    Ok(())
}

/// A simple two-colour mark standing in for a company logo.
fn sample_logo() -> Result<Vec<u8>, image::ImageError> {
    let image = ImageBuffer::from_fn(480, 160, |x, y| {
        let in_mark = x < 160 && (x + y) % 160 < 110;
        let in_bar = x > 190 && (60..100).contains(&y);
        if in_mark {
            Rgba([29, 78, 137, 255])
        } else if in_bar {
            Rgba([120, 160, 210, 255])
        } else {
            Rgba([255, 255, 255, 0])
        }
    });
    let mut bytes = Vec::new();
    DynamicImage::ImageRgba8(image).write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)?;
    Ok(bytes)
}
