//! Writing documents to files (an invoice's PDF and e-invoice, a statement's PDF): names a person
//! recognises ("Faktura 1001.pdf"), and a write that never leaves half a file behind (a temporary
//! file in the same folder, renamed).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fakturera_core::invoice::Invoice;
use fakturera_core::{Language, Text};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::AppError;

/// Which document of an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    Pdf,
    /// The Peppol UBL XML.
    EInvoice,
}

impl DocumentKind {
    pub fn extension(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "pdf",
            DocumentKind::EInvoice => "xml",
        }
    }
}

/// Where a document was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedDocument {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The file name for `kind` of `invoice`, e.g. "Faktura 1001.pdf", "Kreditfaktura 1002.xml" or
/// "Fakturautkast.pdf". Characters that are not safe in file names are replaced.
pub(crate) fn file_name(invoice: &Invoice, kind: DocumentKind, language: Language) -> String {
    let title = match (invoice.is_credit(), language) {
        (false, Language::Swedish) => "Faktura",
        (true, Language::Swedish) => "Kreditfaktura",
        (false, Language::English) => "Invoice",
        (true, Language::English) => "Credit note",
    };
    let name = match invoice.number.as_deref() {
        Some(number) if !number.trim().is_empty() => format!("{title} {}", number.trim()),
        _ => match language {
            Language::Swedish => format!("{title} (utkast)"),
            Language::English => format!("{title} (draft)"),
        },
    };
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_().".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}.{}", kind.extension())
}

fn write_failed(path: &Path, error: &std::io::Error, language: Language) -> AppError {
    let shown = path.display();
    AppError::internal(
        &Text::new(
            format!(
                "Filen {shown} kunde inte sparas ({error}). Välj en annan mapp eller kontrollera att det finns plats."
            ),
            format!(
                "The file {shown} could not be saved ({error}). Choose another folder or check that there is space."
            ),
        ),
        language,
    )
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so the file is either the
/// old one or complete.
pub(crate) fn write_whole(
    path: &Path,
    bytes: &[u8],
    language: Language,
) -> Result<SavedDocument, AppError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(&folder)
        .map_err(|error| write_failed(path, &error, language))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|error| write_failed(path, &error, language))?;
    file.persist(path)
        .map_err(|error| write_failed(path, &error.error, language))?;
    Ok(SavedDocument {
        path: path.display().to_string(),
        bytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
    })
}

/// When set, "Spara PDF", "Spara e-faktura" and "Förhandsgranska" write into this folder without a
/// dialog and open no viewer: for end-to-end tests, which cannot drive a native dialog. Only debug
/// builds read it (see [`documents_dir_for_tests`]).
pub const DOCUMENTS_DIR_ENV: &str = "FAKTURERA_DOCUMENTS_DIR";

/// The folder from [`DOCUMENTS_DIR_ENV`] in a debug build (the end-to-end tests run one); always
/// `None` in a release build, where every document goes through the native dialog.
pub fn documents_dir_for_tests() -> Option<PathBuf> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var_os(DOCUMENTS_DIR_ENV)
        .filter(|folder| !folder.is_empty())
        .map(PathBuf::from)
}

/// Where preview PDFs go: a folder of this user's own (the OS cache folder, not the shared temp
/// folder), readable and writable by this user only, so no other account can read an invoice or
/// plant a file or a link under the name the viewer opens.
pub fn private_preview_folder(language: Language) -> Result<PathBuf, AppError> {
    let folder = dirs::cache_dir()
        .or_else(dirs::data_local_dir)
        .map(|base| base.join("se.fakturera.desktop").join("preview"))
        .ok_or_else(|| {
            AppError::internal(
                &Text::new(
                    "Det finns ingen egen mapp för förhandsgranskningar. Spara PDF:en i stället.",
                    "There is no folder of your own for previews. Save the PDF instead.",
                ),
                language,
            )
        })?;
    std::fs::create_dir_all(&folder).map_err(|error| write_failed(&folder, &error, language))?;
    make_private(&folder).map_err(|error| write_failed(&folder, &error, language))?;
    Ok(folder)
}

#[cfg(unix)]
fn make_private(folder: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
}

/// Elsewhere the per-user cache folder is already the user's own.
#[cfg(not(unix))]
fn make_private(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

impl App {
    /// Writes the preview PDF of what the editor shows into `folder` and returns where, so the
    /// shell can open it in the system's PDF viewer.
    pub fn write_preview_pdf(
        &self,
        request: &super::DocumentRequest,
        folder: &Path,
    ) -> Result<SavedDocument, AppError> {
        let language = self.language();
        let bytes = self.form_pdf(request)?;
        let name = match language {
            Language::Swedish => "Förhandsgranskning",
            Language::English => "Preview",
        };
        let id = request
            .invoice_id
            .map_or_else(|| "ny".to_owned(), |id| id.to_string());
        std::fs::create_dir_all(folder).map_err(|error| write_failed(folder, &error, language))?;
        write_whole(&folder.join(format!("{name} {id}.pdf")), &bytes, language)
    }

    /// The name to offer when saving `kind` of invoice `id`.
    pub fn document_file_name(&self, id: i64, kind: DocumentKind) -> Result<String, AppError> {
        let language = self.language();
        self.with_store(|store| {
            super::source::stored_source(store, fakturera_store::InvoiceId(id))
                .map(|source| file_name(&source.invoice, kind, language))
        })
    }

    /// Writes `kind` of invoice `id` to `path` ("Spara PDF", "Spara e-faktura").
    pub fn save_invoice_document(
        &self,
        id: i64,
        kind: DocumentKind,
        path: &Path,
    ) -> Result<SavedDocument, AppError> {
        let bytes = match kind {
            DocumentKind::Pdf => self.invoice_pdf(id)?,
            DocumentKind::EInvoice => self.invoice_ubl(id)?.into_bytes(),
        };
        write_whole(path, &bytes, self.language())
    }

    /// Writes the statement PDF of `customer_id` on `as_of` to `path` (whole or not at all).
    pub fn save_statement_pdf(
        &self,
        customer_id: i64,
        as_of: NaiveDate,
        path: &Path,
    ) -> Result<SavedDocument, AppError> {
        let bytes = self.statement_pdf(customer_id, as_of)?;
        write_whole(path, &bytes, self.language())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::samples;

    #[test]
    fn file_names_say_what_the_document_is() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        let mut invoice = samples::domestic_invoice(date);
        invoice.number = None;
        let cases: [(Option<&str>, DocumentKind, Language, &str); 4] = [
            (
                Some("1001"),
                DocumentKind::Pdf,
                Language::Swedish,
                "Faktura 1001.pdf",
            ),
            (
                Some("F/17"),
                DocumentKind::EInvoice,
                Language::English,
                "Invoice F_17.xml",
            ),
            (
                None,
                DocumentKind::Pdf,
                Language::Swedish,
                "Faktura (utkast).pdf",
            ),
            (
                None,
                DocumentKind::Pdf,
                Language::English,
                "Invoice (draft).pdf",
            ),
        ];
        for (number, kind, language, expected) in cases {
            invoice.number = number.map(str::to_owned);
            assert_eq!(file_name(&invoice, kind, language), expected);
        }
    }

    #[test]
    fn a_write_is_whole_or_refused() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("Faktura 1.pdf");
        let saved = write_whole(&path, b"%PDF-1.7 test", Language::Swedish).expect("written");
        assert_eq!(saved.bytes, 13);
        assert_eq!(std::fs::read(&path).expect("read back"), b"%PDF-1.7 test");
        let missing = folder.path().join("no such folder").join("x.pdf");
        let error = write_whole(&missing, b"x", Language::English).expect_err("no folder");
        assert!(
            error.message.contains("could not be saved"),
            "{}",
            error.message
        );
        // Nothing but the one file was left behind.
        assert_eq!(std::fs::read_dir(folder.path()).expect("list").count(), 1);
    }
}
