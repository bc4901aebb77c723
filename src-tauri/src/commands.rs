//! IPC commands: each parses its arguments, calls one `fakturera_app` function and returns the
//! result; no logic lives here. They run on Tauri's worker threads (`async`) so SQLite never
//! blocks the window.

use fakturera_app::{App, AppError, LanguageCode, Overview};
use tauri::State;

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

#[tauri::command(async)]
pub fn set_language(company: State<'_, Company>, language: LanguageCode) -> Result<(), AppError> {
    company.app()?.set_language(language.into());
    Ok(())
}
