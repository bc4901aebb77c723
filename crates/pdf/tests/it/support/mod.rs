//! Shared test helpers: sample invoices and poppler-utils run on rendered PDFs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::invoice::{CreditSelection, Invoice, credit_invoice};
use fakturera_core::samples;
use fakturera_pdf::{PdfOptions, render_invoice};
use rust_decimal::Decimal;
use tempfile::TempDir;

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("test date")
}

/// The core's domestic sample, issued with a number and an OCR reference.
pub fn issued_invoice(language: Language) -> Invoice {
    let mut invoice = samples::domestic_invoice(date("2026-03-02"));
    invoice.number = Some("10042".to_owned());
    invoice.ocr = "1004257".to_owned();
    invoice.order_reference = "PO-88213".to_owned();
    invoice.delivery_date = Some(date("2026-02-27"));
    invoice.language = language;
    invoice
}

/// A full credit of [`issued_invoice`], itself issued.
pub fn issued_credit(language: Language) -> Invoice {
    let mut credit = credit_invoice(
        &issued_invoice(language),
        &CreditSelection::Full,
        date("2026-03-09"),
    )
    .expect("credit");
    credit.number = Some("10043".to_owned());
    credit
}

/// An invoice with `rows` one-line rows named "Rad 001", "Rad 002", ...
pub fn many_rows(rows: usize) -> Invoice {
    let mut invoice = issued_invoice(Language::Swedish);
    invoice.lines = (1..=rows)
        .map(|index| {
            samples::line(
                &format!("Rad {index:03} arbete"),
                Decimal::from(index),
                "st",
                Decimal::new(9950, 2),
                Decimal::from(25),
            )
        })
        .collect();
    invoice
}

/// A rendered PDF on disk, deleted with the value.
pub struct Rendered {
    _dir: TempDir,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

pub fn render(invoice: &Invoice, options: &PdfOptions) -> Rendered {
    let bytes = render_invoice(invoice, options).expect("render");
    save(bytes)
}

pub fn save(bytes: Vec<u8>) -> Rendered {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("invoice.pdf");
    std::fs::write(&path, &bytes).expect("write pdf");
    Rendered {
        _dir: dir,
        path,
        bytes,
    }
}

/// Runs a poppler tool and returns its standard output; fails the test if the tool fails.
pub fn poppler(tool: &str, args: &[&str], path: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|error| panic!("{tool} could not run (install poppler-utils): {error}"));
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

/// The text of the whole document, or of one page.
pub fn text(rendered: &Rendered) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], &rendered.path)
}

pub fn page_text(rendered: &Rendered, page: usize) -> String {
    let page = page.to_string();
    poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &page, "-l", &page],
        &rendered.path,
    )
}

pub fn page_count(rendered: &Rendered) -> usize {
    let info = poppler("pdfinfo", &[], &rendered.path);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// Text with all whitespace removed, for checks that must not depend on where lines wrap.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn occurrences(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Words on page 1 with their boxes, in hundredths of a point from the top left.
pub fn word_boxes(rendered: &Rendered) -> Vec<(String, [i64; 4])> {
    let html = poppler(
        "pdftotext",
        &["-bbox", "-f", "1", "-l", "1"],
        &rendered.path,
    );
    let attribute = |tag: &str, name: &str| -> i64 {
        let start = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let value: Decimal = tag[start..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect("number");
        (value * Decimal::ONE_HUNDRED)
            .round()
            .try_into()
            .expect("fits")
    };
    html.split("<word ")
        .skip(1)
        .map(|chunk| {
            let (tag, rest) = chunk.split_once('>').expect("tag");
            let word = rest
                .split("</word>")
                .next()
                .unwrap_or_default()
                .replace("&amp;", "&");
            let bounds = ["xMin", "yMin", "xMax", "yMax"].map(|name| attribute(tag, name));
            (word, bounds)
        })
        .collect()
}
