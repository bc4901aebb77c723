//! IPC commands for an invoice's documents: the pre-send checks, "Förhandsgranska", "Spara PDF"
//! and "Spara e-faktura". Each picks where a file goes (a native dialog, or in a debug build the
//! test folder from `FAKTURERA_DOCUMENTS_DIR`) and calls one `fakturera_app` function. Previews
//! go to a private per-user folder.
//!
//! The preview opens in the system's PDF viewer rather than inside the window: WebKitGTK has no
//! built-in PDF renderer (an `<iframe>` or `<object>` shows nothing or a download prompt), and the
//! strict CSP (`object-src 'none'`, no `data:` frames) rightly forbids embedding one anyway.

use std::path::PathBuf;

use fakturera_app::documents::{
    DocumentKind, DocumentRequest, SavedDocument, documents_dir_for_tests, private_preview_folder,
};
use fakturera_app::send_check::PresendReport;
use fakturera_app::{App, AppError, Text};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::commands::Company;

fn open_app<'a>(company: &'a State<'_, Company>) -> Result<&'a App, AppError> {
    company.0.as_ref().map_err(Clone::clone)
}

/// The test folder, when the tests asked for one (debug builds only).
fn test_folder() -> Option<PathBuf> {
    documents_dir_for_tests()
}

/// Where the user wants the file: the test folder, or a native save dialog (`None` if cancelled).
fn chosen_path(handle: &AppHandle, name: &str, kind: DocumentKind) -> Option<PathBuf> {
    if let Some(folder) = test_folder() {
        return Some(folder.join(name));
    }
    let filter = match kind {
        DocumentKind::Pdf => "PDF",
        DocumentKind::EInvoice => "E-faktura (XML)",
    };
    handle
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(filter, &[kind.extension()])
        .blocking_save_file()
        .and_then(|path| path.into_path().ok())
}

#[tauri::command(async)]
pub fn presend_findings(
    company: State<'_, Company>,
    request: DocumentRequest,
) -> Result<PresendReport, AppError> {
    open_app(&company)?.presend_findings(&request)
}

#[tauri::command(async)]
pub fn invoice_findings(company: State<'_, Company>, id: i64) -> Result<PresendReport, AppError> {
    open_app(&company)?.invoice_findings(id)
}

/// Renders the editor's invoice and opens it in the system's PDF viewer; returns the file.
#[tauri::command(async)]
pub fn preview_invoice_pdf(
    handle: AppHandle,
    company: State<'_, Company>,
    request: DocumentRequest,
) -> Result<SavedDocument, AppError> {
    let app = open_app(&company)?;
    let testing = test_folder();
    let folder = match testing.clone() {
        Some(folder) => folder,
        None => private_preview_folder(app.language())?,
    };
    let saved = app.write_preview_pdf(&request, &folder)?;
    if testing.is_none() {
        handle
            .opener()
            .open_path(&saved.path, None::<&str>)
            .map_err(|error| {
                AppError::internal(
                    &Text::new(
                        format!("PDF-filen sparades i {} men kunde inte öppnas ({error}). Öppna den i en PDF-läsare.", saved.path),
                        format!("The PDF was saved in {} but could not be opened ({error}). Open it in a PDF reader.", saved.path),
                    ),
                    app.language(),
                )
            })?;
    }
    Ok(saved)
}

/// "Spara PDF" / "Spara e-faktura": asks where, then writes; `None` when the user cancelled.
#[tauri::command(async)]
pub fn save_invoice_document(
    handle: AppHandle,
    company: State<'_, Company>,
    id: i64,
    kind: DocumentKind,
) -> Result<Option<SavedDocument>, AppError> {
    let app = open_app(&company)?;
    let name = app.document_file_name(id, kind)?;
    match chosen_path(&handle, &name, kind) {
        Some(path) => app.save_invoice_document(id, kind, &path).map(Some),
        None => Ok(None),
    }
}
