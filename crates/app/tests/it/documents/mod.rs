//! The invoice's documents through `App` on real company files: the e-invoice scenario table of
//! issue 5 checked by the official validator in one call, the pre-send checks against that
//! validator, issue blocked by them, and the PDF read back with `pdftotext`.

mod blocking;
mod company;
mod pdf;
mod printing;
mod scenarios;
use fakturera_official_validator as validator;

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_app::App;
use fakturera_core::Language;

pub use company::{company_file, customer_form, line};

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("ISO date")
}

pub fn at(text: &str) -> DateTime<Utc> {
    format!("{text}T10:00:00Z").parse().expect("RFC 3339 time")
}

/// An app on a fresh company file in its own temporary folder.
#[derive(Debug)]
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub app: App,
}

impl Fixture {
    pub fn new(language: Language) -> Fixture {
        company_file(language)
    }
}
