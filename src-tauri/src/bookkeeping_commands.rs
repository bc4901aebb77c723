//! IPC commands for Bokföring (SIE export, VAT report, EU sales list, the account map) and for the
//! registers' import and export. Files are chosen with native dialogs, or go to the test folder
//! of `FAKTURERA_DOCUMENTS_DIR`; each command then calls one `App` method.

use std::path::PathBuf;

use chrono::{Local, Utc};
use fakturera_app::AppError;
use fakturera_app::bookkeeping::{
    BookkeepingSettingsForm, BookkeepingSettingsView, EuSalesExport, EuSalesForm, SieExportForm,
    SieExportPreview, SieExportResult, VatReport,
};
use fakturera_app::documents::DOCUMENTS_DIR_ENV;
use fakturera_app::transfer::{
    ExportRequest, ExportedFile, ImportOutcome, ImportPreview, ImportRequest, export_file_name,
};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::Company;

/// Where a file is saved: the test folder, or a native save dialog (`None` if cancelled).
fn save_path(handle: &AppHandle, name: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os(DOCUMENTS_DIR_ENV) {
        return Some(PathBuf::from(folder).join(name));
    }
    handle
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|path| path.into_path().ok())
}

#[tauri::command(async)]
pub fn bookkeeping_settings(
    company: State<'_, Company>,
) -> Result<BookkeepingSettingsView, AppError> {
    company.app()?.bookkeeping_settings()
}

#[tauri::command(async)]
pub fn save_bookkeeping_settings(
    company: State<'_, Company>,
    form: BookkeepingSettingsForm,
) -> Result<BookkeepingSettingsView, AppError> {
    company.app()?.save_bookkeeping_settings(&form)
}

#[tauri::command(async)]
pub fn sie_export_preview(
    company: State<'_, Company>,
    form: SieExportForm,
) -> Result<SieExportPreview, AppError> {
    company.app()?.sie_export_preview(&form)
}

/// "Exportera SIE": `None` when the user cancels the dialog.
#[tauri::command(async)]
pub fn export_sie(
    handle: AppHandle,
    company: State<'_, Company>,
    form: SieExportForm,
) -> Result<Option<SieExportResult>, AppError> {
    let app = company.app()?;
    let name = app.sie_export_preview(&form)?.file_name;
    let Some(path) = save_path(&handle, &name, ("SIE", &["si", "se"])) else {
        return Ok(None);
    };
    app.export_sie(&form, &path, Local::now().date_naive(), Utc::now())
        .map(Some)
}

#[tauri::command(async)]
pub fn vat_report(company: State<'_, Company>, period: String) -> Result<VatReport, AppError> {
    company.app()?.vat_report(&period, "", "")
}

#[tauri::command(async)]
pub fn eu_sales_list(
    company: State<'_, Company>,
    form: EuSalesForm,
) -> Result<EuSalesExport, AppError> {
    company.app()?.eu_sales_list(&form, None)
}

#[tauri::command(async)]
pub fn save_eu_sales_list(
    handle: AppHandle,
    company: State<'_, Company>,
    form: EuSalesForm,
) -> Result<Option<EuSalesExport>, AppError> {
    let name = format!("Periodisk sammanställning {}.csv", form.period.trim());
    let Some(path) = save_path(&handle, &name, ("CSV", &["csv", "txt"])) else {
        return Ok(None);
    };
    company.app()?.eu_sales_list(&form, Some(&path)).map(Some)
}

/// The import file: the native open dialog, or `FAKTURERA_IMPORT_FILE` in tests.
#[tauri::command(async)]
pub fn choose_import_file(handle: AppHandle) -> Option<String> {
    if let Some(file) = std::env::var_os("FAKTURERA_IMPORT_FILE") {
        return Some(PathBuf::from(file).display().to_string());
    }
    handle
        .dialog()
        .file()
        .add_filter("CSV / Excel", &["csv", "txt", "xlsx", "xls", "ods"])
        .blocking_pick_file()
        .and_then(|path| path.into_path().ok())
        .map(|path| path.display().to_string())
}

#[tauri::command(async)]
pub fn preview_import(
    company: State<'_, Company>,
    request: ImportRequest,
) -> Result<ImportPreview, AppError> {
    company
        .app()?
        .preview_import(&request, Local::now().date_naive())
}

#[tauri::command(async)]
pub fn run_import(
    company: State<'_, Company>,
    request: ImportRequest,
) -> Result<ImportOutcome, AppError> {
    company
        .app()?
        .run_import(&request, Local::now().date_naive(), Utc::now())
}

#[tauri::command(async)]
pub fn export_register(
    handle: AppHandle,
    company: State<'_, Company>,
    request: ExportRequest,
) -> Result<Option<ExportedFile>, AppError> {
    let app = company.app()?;
    let name = export_file_name(request.kind, request.format, app.language());
    let Some(path) = save_path(&handle, &name, ("CSV / Excel", &["csv", "xlsx"])) else {
        return Ok(None);
    };
    app.export_register(&request, &path).map(Some)
}
