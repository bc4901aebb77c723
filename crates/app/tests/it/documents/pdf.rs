//! The PDF through the app, read back with `pdftotext`: an issued invoice carries its number, OCR
//! and amount to pay; a draft is marked as one; the company logo is used; files are written whole.

use std::process::Command;

use fakturera_app::documents::{DocumentKind, DocumentRequest};
use fakturera_app::register_fields::DeliveryChoiceCode;
use fakturera_core::Language;

use super::{Fixture, at, customer_form, date, line};

fn text_of(pdf: &[u8], folder: &std::path::Path, name: &str) -> String {
    let path = folder.join(name);
    std::fs::write(&path, pdf).expect("pdf written");
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed on {name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// A small valid PNG logo, made here so the test needs no file.
fn logo_png() -> Vec<u8> {
    let image = image::RgbaImage::from_fn(120, 40, |x, _| {
        image::Rgba([20, 60, u8::try_from(x).unwrap_or(0), 255])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("png");
    bytes.into_inner()
}

#[test]
fn the_pdf_of_an_issued_invoice_and_of_a_draft_read_back() {
    let fixture = Fixture::new(Language::Swedish);
    let app = &fixture.app;
    app.set_company_logo(&logo_png()).expect("logo saved");
    let customer = app
        .add_customer(
            &customer_form("Göteborgs Byggservice AB", DeliveryChoiceCode::Einvoice),
            date("2026-03-02"),
        )
        .expect("customer")
        .id;
    let mut form = app
        .new_invoice(customer, date("2026-03-02"))
        .expect("form")
        .form;
    form.lines = vec![line("Konsultarvode mars", "8", "tim", "950", "25")];
    let draft = app
        .create_invoice_draft(customer, &form, date("2026-03-02"), at("2026-03-02"))
        .expect("draft");

    // The preview of the unsaved form and of the saved draft: marked as drafts.
    let request = DocumentRequest {
        invoice_id: None,
        customer_id: customer,
        form: form.clone(),
    };
    let preview = text_of(
        &app.form_pdf(&request).expect("preview"),
        fixture.dir.path(),
        "preview.pdf",
    );
    assert!(preview.contains("UTKAST"), "{preview}");
    assert!(preview.contains("Göteborgs Byggservice AB"), "{preview}");
    let saved_draft = text_of(
        &app.invoice_pdf(draft.id).expect("draft pdf"),
        fixture.dir.path(),
        "draft.pdf",
    );
    assert!(
        saved_draft.contains("UTKAST") && saved_draft.contains("Konsultarvode mars"),
        "{saved_draft}"
    );

    let issued = app
        .issue_invoice(draft.id, date("2026-03-02"), at("2026-03-02"))
        .expect("issued");
    let number = issued.number.clone().expect("number");
    let path = fixture.dir.path().join("Faktura.pdf");
    let saved = app
        .save_invoice_document(draft.id, DocumentKind::Pdf, &path)
        .expect("saved");
    assert_eq!(saved.path, path.display().to_string());
    let text = text_of(
        &std::fs::read(&path).expect("read"),
        fixture.dir.path(),
        "issued.pdf",
    );
    assert!(!text.contains("UTKAST"), "{text}");
    for expected in [
        number.as_str(),
        issued.ocr.as_str(),
        "Att betala",
        "9 500,00",
        "Godkänd för F-skatt",
        "Ljungberg & Åström Konsult AB",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // 8 × 950 = 7 600 + 25 % VAT 1 900 = 9 500.
    assert!(text.contains("1 900,00"), "{text}");
    // The logo is drawn as an image.
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages");
    let listing = String::from_utf8_lossy(&images.stdout);
    assert!(
        listing.lines().count() > 2,
        "no image in the PDF:\n{listing}"
    );

    assert_eq!(
        app.document_file_name(draft.id, DocumentKind::Pdf)
            .expect("name"),
        format!("Faktura {number}.pdf")
    );
}

#[test]
fn a_pdf_cannot_be_written_to_a_missing_folder_and_nothing_is_left() {
    let fixture = Fixture::new(Language::English);
    let app = &fixture.app;
    let customer = app
        .add_customer(
            &customer_form("Kund AB", DeliveryChoiceCode::Email),
            date("2026-03-02"),
        )
        .expect("customer")
        .id;
    let mut form = app
        .new_invoice(customer, date("2026-03-02"))
        .expect("form")
        .form;
    form.lines = vec![line("Konsultarvode", "1", "tim", "950", "25")];
    let draft = app
        .create_invoice_draft(customer, &form, date("2026-03-02"), at("2026-03-02"))
        .expect("draft");
    let missing = fixture.dir.path().join("nowhere").join("x.pdf");
    let error = app
        .save_invoice_document(draft.id, DocumentKind::Pdf, &missing)
        .expect_err("no folder");
    assert!(
        error.message.contains("could not be saved"),
        "{}",
        error.message
    );
    assert!(!missing.exists());
}
