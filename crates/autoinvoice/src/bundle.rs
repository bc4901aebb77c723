//! The ZIP the operator takes when the invoice carries our PDF: the UBL XML first, then the PDF.
//! Entries get a fixed timestamp so the same invoice always gives the same bytes.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Why a ZIP could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("file name {0:?} must be a plain name (no folders), end in {1}, and not be empty")]
    BadName(String, &'static str),
    #[error("the XML and the PDF need different names")]
    SameName,
    #[error("the ZIP could not be written: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("the ZIP could not be written: {0}")]
    Io(#[from] std::io::Error),
}

/// A ZIP holding the UBL XML and the invoice PDF under the given names.
pub fn zip_invoice(
    xml_name: &str,
    xml: &[u8],
    pdf_name: &str,
    pdf: &[u8],
) -> Result<Vec<u8>, BundleError> {
    check_name(xml_name, ".xml")?;
    check_name(pdf_name, ".pdf")?;
    if xml_name.eq_ignore_ascii_case(pdf_name) {
        return Err(BundleError::SameName);
    }
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    // The PDF's streams are deflated already; deflating it again cost CPU on every send (perf on
    // the outbox benchmark) and saved almost nothing, so it is stored as it is.
    for (name, bytes, method) in [
        (xml_name, xml, CompressionMethod::Deflated),
        (pdf_name, pdf, CompressionMethod::Stored),
    ] {
        writer.start_file(name, options.compression_method(method))?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

fn check_name(name: &str, extension: &'static str) -> Result<(), BundleError> {
    let plain =
        !name.trim().is_empty() && !name.contains(['/', '\\']) && name != "." && name != "..";
    if plain && name.to_ascii_lowercase().ends_with(extension) && name.len() > extension.len() {
        Ok(())
    } else {
        Err(BundleError::BadName(name.to_owned(), extension))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_zip_holds_both_files_byte_for_byte_and_is_reproducible() {
        let xml = b"<Invoice/>".as_slice();
        let pdf = b"%PDF-1.7 fake".as_slice();
        let bytes = zip_invoice("F-1001.xml", xml, "F-1001.pdf", pdf).expect("zip");
        assert_eq!(
            bytes,
            zip_invoice("F-1001.xml", xml, "F-1001.pdf", pdf).expect("zip")
        );
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
        assert_eq!(read(0), ("F-1001.xml".to_owned(), xml.to_vec()));
        assert_eq!(read(1), ("F-1001.pdf".to_owned(), pdf.to_vec()));
    }

    #[test]
    fn bad_names_are_refused() {
        let cases = [
            ("", "a.pdf"),
            ("a.pdf", "b.pdf"),
            ("dir/a.xml", "a.pdf"),
            ("a.xml", "a.xml"),
            ("a.xml", ".pdf"),
        ];
        for (xml_name, pdf_name) in cases {
            assert!(
                zip_invoice(xml_name, b"x", pdf_name, b"y").is_err(),
                "{xml_name} {pdf_name}"
            );
        }
    }
}
