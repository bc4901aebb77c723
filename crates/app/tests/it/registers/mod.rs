//! The register use cases (Inställningar, Kunder, Artiklar, number series, backups) through `App`
//! against real company files in a temp folder, including the bad input the UI and CLI may send.

mod articles;
mod backups;
mod company;
mod customers;
mod hostile_forms;
mod series;

use chrono::NaiveDate;
use fakturera_app::App;
use fakturera_core::Language;

/// An app on a fresh company file that lives as long as the returned folder.
pub fn fresh_app(language: Language) -> (tempfile::TempDir, App) {
    let folder = tempfile::tempdir().expect("temp dir");
    let app =
        App::open(folder.path().join("company.fakturera"), language).expect("a new file opens");
    (folder, app)
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).expect("date")
}

/// The field names an error points at.
pub fn fields(error: &fakturera_app::AppError) -> Vec<&str> {
    error
        .fields
        .iter()
        .map(|field| field.field.as_str())
        .collect()
}
