//! Inställningar: the company register (details, identifiers, defaults) and its logo.

mod form;
mod logo;
mod to_company;

use chrono::NaiveDate;
use fakturera_store::{Store, StoreError};

pub use form::{CompanySettings, CompanySettingsForm};
pub use logo::{LOGO_MAX_BYTES, decode_base64, logo_from_bytes};
pub use to_company::{company_from_form, form_from_company};

use crate::app::App;
use crate::error::{AppError, ForUser};

fn settings_of(store: &Store) -> Result<CompanySettings, StoreError> {
    Ok(CompanySettings {
        form: form_from_company(&store.company()?),
        logo_data_url: store.company_logo()?.as_ref().map(logo::data_url),
    })
}

impl App {
    /// The company's details as the settings screen shows them.
    pub fn company_settings(&self) -> Result<CompanySettings, AppError> {
        self.with_store(|store| settings_of(store))
    }

    /// Checks and saves the company's details; `today` decides the century of a ten-digit
    /// personal number (sole traders).
    pub fn save_company_settings(
        &self,
        form: &CompanySettingsForm,
        today: NaiveDate,
    ) -> Result<CompanySettings, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let current = store.company().for_user(language)?;
            let company = company_from_form(form, &current, today).for_user(language)?;
            store.set_company(&company).for_user(language)?;
            settings_of(store).for_user(language)
        })
    }

    /// Sets the logo from the image file's bytes (PNG or JPEG).
    pub fn set_company_logo(&self, bytes: &[u8]) -> Result<CompanySettings, AppError> {
        let language = self.language();
        let logo = logo_from_bytes(bytes).for_user(language)?;
        self.with_store(|store| {
            store.set_company_logo(Some(&logo))?;
            settings_of(store)
        })
    }

    /// Like [`App::set_company_logo`], with the bytes as base64 (or a `data:` URL), as IPC sends them.
    pub fn set_company_logo_base64(&self, base64: &str) -> Result<CompanySettings, AppError> {
        let bytes = decode_base64(base64).for_user(self.language())?;
        self.set_company_logo(&bytes)
    }

    pub fn remove_company_logo(&self) -> Result<CompanySettings, AppError> {
        self.with_store(|store| {
            store.set_company_logo(None)?;
            settings_of(store)
        })
    }
}
