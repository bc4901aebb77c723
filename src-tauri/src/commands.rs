//! IPC commands: each parses its arguments, calls one `fakturera_app` function and returns the
//! result; no logic lives here. They run on Tauri's worker threads (`async`) so SQLite never
//! blocks the window.

use chrono::{Local, NaiveDate};
use fakturera_app::company_files::recent_companies_file;
use fakturera_app::{App, AppError, LanguageCode, Overview, StartView};
use tauri::State;

/// Today in the user's time zone: the day invoices are dated and figures are counted on.
pub(crate) fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The company file's `App`, or why there is none (no app-data folder and no `FAKTURERA_DB`).
#[derive(Debug)]
pub struct Company(pub Result<App, AppError>);

impl Company {
    /// The open company file's `App`; every command starts here.
    pub(crate) fn app(&self) -> Result<&App, AppError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

#[tauri::command(async)]
pub fn overview(company: State<'_, Company>) -> Result<Overview, AppError> {
    company.app()?.overview()
}

/// The first screen in one round trip (`App::start_view`), asked for before the UI draws anything.
#[tauri::command(async)]
pub fn start_view(
    company: State<'_, Company>,
    language: LanguageCode,
) -> Result<StartView, AppError> {
    Ok(company
        .app()?
        .start_view(language.into(), recent_companies_file().as_deref(), today()))
}

#[tauri::command(async)]
pub fn set_language(company: State<'_, Company>, language: LanguageCode) -> Result<(), AppError> {
    company.app()?.set_language(language.into());
    Ok(())
}
