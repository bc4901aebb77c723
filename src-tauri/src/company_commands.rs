//! IPC commands for company files in the window: where the window stands, "Nytt företag",
//! "Öppna företag…" (a native dialog), the demo company, recent companies and the window title.
//! Switching opens the new file first, then moves the screens and the delivery worker to it.

use std::path::{Path, PathBuf};

use chrono::{Local, Utc};
use fakturera_app::company_files::{
    CompanyFileStatus, NewCompanyRequest, create_company_file, recent_companies_file,
    remember_company,
};
use fakturera_app::{AppError, ErrorCode, Overview, Text};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::Company;
use crate::delivery_commands::Delivery;

/// The demo company's file, beside the open company file.
const DEMO_FILE_NAME: &str = "Demoföretaget.fakturera";

/// Opens `file` in the window: the screens and the worker move to it and it goes first in the
/// recent list. Answers the new file's overview.
async fn switch(
    company: &State<'_, Company>,
    delivery: &State<'_, Delivery>,
    file: &Path,
) -> Result<Overview, AppError> {
    let app = company.app()?;
    app.switch_to(file)?;
    delivery.switch_to(file, app.language()).await;
    let overview = app.overview()?;
    if let Some(list) = recent_companies_file() {
        remember_company(&list, file, &overview.company_name, Utc::now());
    }
    Ok(overview)
}

#[tauri::command(async)]
pub fn company_file_status(company: State<'_, Company>) -> Result<CompanyFileStatus, AppError> {
    Ok(company
        .app()?
        .company_file_status(recent_companies_file().as_deref()))
}

#[tauri::command]
pub async fn create_company(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    request: NewCompanyRequest,
) -> Result<Overview, AppError> {
    let app = company.app()?;
    let path = app.new_company_path(&request);
    create_company_file(
        &path,
        &request.form,
        Local::now().date_naive(),
        app.language(),
    )?;
    switch(&company, &delivery, &path).await
}

#[tauri::command]
pub async fn open_company(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    path: String,
) -> Result<Overview, AppError> {
    let file = PathBuf::from(path);
    if !file.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            &Text::new(
                format!(
                    "Företagsfilen {} finns inte längre. Välj en annan fil.",
                    file.display()
                ),
                format!(
                    "The company file {} no longer exists. Choose another file.",
                    file.display()
                ),
            ),
            company.app()?.language(),
        ));
    }
    switch(&company, &delivery, &file).await
}

/// "Öppna företag…": the native open dialog; `None` when the user cancels.
#[tauri::command(async)]
pub fn choose_company_file(handle: AppHandle) -> Option<String> {
    handle
        .dialog()
        .file()
        .add_filter("Fakturera", &["fakturera"])
        .blocking_pick_file()
        .and_then(|path| path.into_path().ok())
        .map(|path| path.display().to_string())
}

/// Opens the demo company, filling it the first time.
#[tauri::command]
pub async fn open_demo_company(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
) -> Result<Overview, AppError> {
    let app = company.app()?;
    let folder = app
        .file_path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let file = folder.join(DEMO_FILE_NAME);
    let fresh = !file.is_file();
    let demo = fakturera_app::App::open(&file, app.language())?;
    if fresh {
        demo.fill_demo_data(Local::now().date_naive())?;
    }
    drop(demo);
    switch(&company, &delivery, &file).await
}

/// Shows the open company in the window's title bar.
#[tauri::command(async)]
pub fn set_window_title(handle: AppHandle, company_name: String) {
    let title = if company_name.trim().is_empty() {
        "Fakturera".to_owned()
    } else {
        format!("{} – Fakturera", company_name.trim())
    };
    if let Some(window) = handle.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
}
