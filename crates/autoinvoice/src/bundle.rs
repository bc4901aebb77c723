//! The ZIP the operator takes when the invoice carries our PDF: the UBL XML first, then the PDF under
//! the same base name, which is what makes the PDF the invoice's image rather than an attachment
//! (Maventa Connector: "the .pdf with the same name is the invoice image and all other files are
//! attachments", support.maventa.fi article 77000468383). Names hold only a–z, digits, `.` and `_`
//! and are at most 50 characters (support.maventa.fi article 77000468465, e-invoice attachments).
//! Entries get a fixed timestamp so the same invoice always gives the same bytes.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The longest file name the operator takes, extension included.
pub const MAX_FILE_NAME: usize = 50;

/// Why a ZIP could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error(
        "file name {0:?} must be 1 to 46 characters of a-z, digits, `.` and `_` (use `file_stem`)"
    )]
    BadName(String),
    #[error("the ZIP could not be written: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the ZIP could not be written: {0}")]
    Io(#[from] std::io::Error),
}

/// A base name the operator accepts, made from any text (an invoice number, say): lower case,
/// å ä → a and ö → o, é → e, anything else outside a–z and digits → `_`, no runs of `_`, and short
/// enough for `.xml` or `.pdf` to follow within 50 characters. Never empty.
pub fn file_stem(text: &str) -> String {
    let mut stem = String::new();
    for character in text.chars().flat_map(char::to_lowercase) {
        let mapped = match character {
            'a'..='z' | '0'..='9' | '.' => character,
            'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            _ => '_',
        };
        if !(mapped == '_' && stem.ends_with('_')) {
            stem.push(mapped);
        }
    }
    let stem: String = stem
        .trim_matches(|character| character == '_' || character == '.')
        .chars()
        .take(MAX_FILE_NAME - ".xml".len())
        .collect();
    if stem.is_empty() {
        "invoice".to_owned()
    } else {
        stem
    }
}

/// A ZIP holding the UBL XML as `<stem>.xml` and the invoice PDF as `<stem>.pdf`.
pub fn zip_invoice(stem: &str, xml: &[u8], pdf: &[u8]) -> Result<Vec<u8>, BundleError> {
    check_stem(stem)?;
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    // The PDF's streams are deflated already; deflating it again cost CPU on every send (perf on
    // the outbox benchmark) and saved almost nothing, so it is stored as it is.
    for (extension, bytes, method) in [
        ("xml", xml, CompressionMethod::Deflated),
        ("pdf", pdf, CompressionMethod::Stored),
    ] {
        writer.start_file(
            format!("{stem}.{extension}"),
            options.compression_method(method),
        )?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Whether `name` is a file name the operator accepts.
pub fn is_acceptable_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_FILE_NAME
        && name
            .chars()
            .all(|character| matches!(character, 'a'..='z' | '0'..='9' | '.' | '_'))
        && !name.starts_with('.')
}

fn check_stem(stem: &str) -> Result<(), BundleError> {
    if is_acceptable_file_name(&format!("{stem}.xml")) && !stem.ends_with('.') {
        Ok(())
    } else {
        Err(BundleError::BadName(stem.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_zip_holds_both_files_byte_for_byte_under_one_stem_and_is_reproducible() {
        let xml = b"<Invoice/>".as_slice();
        let pdf = b"%PDF-1.7 fake".as_slice();
        let bytes = zip_invoice("faktura_1001", xml, pdf).expect("zip");
        assert_eq!(bytes, zip_invoice("faktura_1001", xml, pdf).expect("zip"));
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("readable");
        let mut read = |index: usize| {
            let mut entry = archive.by_index(index).expect("entry");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("read");
            (
                String::from_utf8_lossy(entry.name_raw()).into_owned(),
                content,
            )
        };
        assert_eq!(read(0), ("faktura_1001.xml".to_owned(), xml.to_vec()));
        assert_eq!(read(1), ("faktura_1001.pdf".to_owned(), pdf.to_vec()));
    }

    #[test]
    fn stems_hold_only_what_the_operator_accepts() {
        let long = "x".repeat(80);
        let cases = [
            ("1001", "1001"),
            ("F-2026/17", "f_2026_17"),
            ("Faktura Åsa & Örjan", "faktura_asa_orjan"),
            ("  --  ", "invoice"),
            ("", "invoice"),
            ("a..b", "a..b"),
            (long.as_str(), &long[..46]),
        ];
        for (text, expected) in cases {
            let stem = file_stem(text);
            assert_eq!(stem, expected, "{text:?}");
            assert!(is_acceptable_file_name(&format!("{stem}.pdf")), "{stem}");
        }
    }

    #[test]
    fn bad_stems_are_refused() {
        for stem in [
            "",
            "F-1001",
            "a/b",
            "Faktura",
            "å",
            ".hidden",
            "x.",
            &"y".repeat(47),
        ] {
            assert!(zip_invoice(stem, b"x", b"y").is_err(), "{stem:?}");
        }
    }
}
