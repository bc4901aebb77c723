//! IPC commands for Inställningar, Kunder and Artiklar, and the backup schedule. Each command
//! parses its arguments, reads the clock when the use case needs the date, calls one `App` method
//! and returns its result.

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use fakturera_app::articles::{ArticleDetails, ArticleForm, ArticleRow};
use fakturera_app::backups::{BackupView, RestoreView};
use fakturera_app::company_settings::{CompanySettings, CompanySettingsForm};
use fakturera_app::customers::{CustomerDetails, CustomerForm, CustomerRow};
use fakturera_app::number_series::{NumberSeriesForm, NumberSeriesView};
use fakturera_app::register_choices::{PaymentTermsChoice, RegisterChoices};
use fakturera_app::{AppError, RegisterSearch};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{Company, today};

/// How often the shell asks whether a scheduled backup is due; the store decides (daily).
const BACKUP_CHECK_INTERVAL: Duration = Duration::from_secs(60 * 60);

/// Takes a backup at start when one is due, then checks every hour, for as long as the app runs.
pub fn start_backup_schedule(handle: AppHandle) {
    std::thread::spawn(move || {
        loop {
            // No backup of a company file that has not been created yet (the first start).
            if let Ok(app) = handle.state::<Company>().0.as_ref()
                && app.file_path().exists()
                && let Err(error) = app.backup_if_due(Utc::now())
            {
                eprintln!(
                    "Automatisk säkerhetskopiering misslyckades / Automatic backup failed: {}",
                    error.message
                );
            }
            std::thread::sleep(BACKUP_CHECK_INTERVAL);
        }
    });
}

#[tauri::command(async)]
pub fn company_settings(company: State<'_, Company>) -> Result<CompanySettings, AppError> {
    company.app()?.company_settings()
}

#[tauri::command(async)]
pub fn save_company_settings(
    company: State<'_, Company>,
    form: CompanySettingsForm,
) -> Result<CompanySettings, AppError> {
    company.app()?.save_company_settings(&form, today())
}

#[tauri::command(async)]
pub fn set_company_logo(
    company: State<'_, Company>,
    base64: String,
) -> Result<CompanySettings, AppError> {
    company.app()?.set_company_logo_base64(&base64)
}

#[tauri::command(async)]
pub fn remove_company_logo(company: State<'_, Company>) -> Result<CompanySettings, AppError> {
    company.app()?.remove_company_logo()
}

#[tauri::command(async)]
pub fn register_choices(company: State<'_, Company>) -> Result<RegisterChoices, AppError> {
    Ok(company.app()?.register_choices(today()))
}

#[tauri::command(async)]
pub fn payment_terms_choice(
    company: State<'_, Company>,
    code: String,
) -> Result<PaymentTermsChoice, AppError> {
    company.app()?.payment_terms_choice(&code)
}

#[tauri::command(async)]
pub fn number_series(company: State<'_, Company>) -> Result<Vec<NumberSeriesView>, AppError> {
    company.app()?.number_series()
}

#[tauri::command(async)]
pub fn add_number_series(
    company: State<'_, Company>,
    form: NumberSeriesForm,
) -> Result<Vec<NumberSeriesView>, AppError> {
    company.app()?.add_number_series(&form)
}

#[tauri::command(async)]
pub fn update_number_series(
    company: State<'_, Company>,
    id: i64,
    form: NumberSeriesForm,
) -> Result<Vec<NumberSeriesView>, AppError> {
    company.app()?.update_number_series(id, &form, Utc::now())
}

#[tauri::command(async)]
pub fn set_default_number_series(
    company: State<'_, Company>,
    id: i64,
) -> Result<Vec<NumberSeriesView>, AppError> {
    company.app()?.set_default_number_series(id)
}

#[tauri::command(async)]
pub fn list_backups(company: State<'_, Company>) -> Result<Vec<BackupView>, AppError> {
    company.app()?.backups()
}

#[tauri::command(async)]
pub fn backup_now(company: State<'_, Company>) -> Result<BackupView, AppError> {
    company.app()?.backup_now(Utc::now())
}

/// Restores a backup from the company's backup folder, named by its file name: the web view can
/// never point a restore at another path.
#[tauri::command(async)]
pub fn restore_backup(
    company: State<'_, Company>,
    file_name: String,
) -> Result<RestoreView, AppError> {
    company.app()?.restore_listed_backup(&file_name, Utc::now())
}

/// "Återställ från fil…": the user picks a backup in the native dialog (Rust opens it, so the
/// path never comes from the web view); `None` when cancelled.
#[tauri::command(async)]
pub fn restore_backup_from_file(
    handle: AppHandle,
    company: State<'_, Company>,
) -> Result<Option<RestoreView>, AppError> {
    let app = company.app()?;
    let picked = handle
        .dialog()
        .file()
        .add_filter("Fakturera", &["sqlite", "fakturera"])
        .blocking_pick_file()
        .and_then(|path| path.into_path().ok());
    match picked {
        Some(path) => app.restore_backup(&path, Utc::now()).map(Some),
        None => Ok(None),
    }
}

/// "Säkerhetskopiera till…": a copy in a folder the user picks in the native dialog (another
/// disk); `None` when cancelled.
#[tauri::command(async)]
pub fn backup_to_folder(
    handle: AppHandle,
    company: State<'_, Company>,
) -> Result<Option<BackupView>, AppError> {
    let app = company.app()?;
    let picked: Option<PathBuf> = handle
        .dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|path| path.into_path().ok());
    match picked {
        Some(folder) => app.backup_to_folder(&folder, Utc::now()).map(Some),
        None => Ok(None),
    }
}

#[tauri::command(async)]
pub fn list_customers(
    company: State<'_, Company>,
    search: RegisterSearch,
) -> Result<Vec<CustomerRow>, AppError> {
    company.app()?.customers(&search)
}

#[tauri::command(async)]
pub fn get_customer(company: State<'_, Company>, id: i64) -> Result<CustomerDetails, AppError> {
    company.app()?.customer(id)
}

#[tauri::command(async)]
pub fn new_customer_form(company: State<'_, Company>) -> Result<CustomerForm, AppError> {
    company.app()?.new_customer_form()
}

#[tauri::command(async)]
pub fn add_customer(
    company: State<'_, Company>,
    form: CustomerForm,
) -> Result<CustomerDetails, AppError> {
    company.app()?.add_customer(&form, today())
}

#[tauri::command(async)]
pub fn update_customer(
    company: State<'_, Company>,
    id: i64,
    form: CustomerForm,
) -> Result<CustomerDetails, AppError> {
    company.app()?.update_customer(id, &form, today())
}

#[tauri::command(async)]
pub fn list_articles(
    company: State<'_, Company>,
    search: RegisterSearch,
) -> Result<Vec<ArticleRow>, AppError> {
    company.app()?.articles(&search, today())
}

#[tauri::command(async)]
pub fn get_article(company: State<'_, Company>, id: i64) -> Result<ArticleDetails, AppError> {
    company.app()?.article(id, today())
}

#[tauri::command(async)]
pub fn new_article_form(company: State<'_, Company>) -> Result<ArticleForm, AppError> {
    Ok(company.app()?.new_article_form())
}

#[tauri::command(async)]
pub fn add_article(
    company: State<'_, Company>,
    form: ArticleForm,
) -> Result<ArticleDetails, AppError> {
    company.app()?.add_article(&form, today())
}

#[tauri::command(async)]
pub fn update_article(
    company: State<'_, Company>,
    id: i64,
    form: ArticleForm,
) -> Result<ArticleDetails, AppError> {
    company.app()?.update_article(id, &form, today())
}
