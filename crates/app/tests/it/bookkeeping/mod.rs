//! Bookkeeping and switching through `App` on real company files: the SIE 4 export read back by an
//! independent SIE reader, the VAT return's sales boxes and the EU sales list against hand
//! computations, and import and export of the registers.

mod import;
mod opening;
mod sie;
mod vat;

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_app::App;
use fakturera_core::Language;

/// An app on a fresh company file that lives as long as the returned folder.
pub fn fresh_app() -> (tempfile::TempDir, App) {
    let folder = tempfile::tempdir().expect("temp dir");
    let app = App::open(folder.path().join("company.fakturera"), Language::Swedish)
        .expect("a new file opens");
    (folder, app)
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("ISO date")
}

pub fn at(text: &str) -> DateTime<Utc> {
    format!("{text}T10:00:00Z").parse().expect("RFC 3339 time")
}
