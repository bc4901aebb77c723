//! The AutoInvoice settings that are not secret: which server (production, test or a sandbox),
//! how many invoices are sent at once, and the pause after AutoInvoice refused the credentials.
//! The on/off switch and the company id live in the company record; keys live in the keychain.

use fakturera_core::Text;

use crate::column_list::MappedTable;
use crate::error::StoreError;
use crate::open::Store;

/// Which AutoInvoice the company talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AutoInvoiceEnvironment {
    #[default]
    Production,
    Test,
    /// A local sandbox at `sandbox_url` (demos, development, tests).
    Sandbox,
}

impl AutoInvoiceEnvironment {
    pub const ALL: [AutoInvoiceEnvironment; 3] = [
        AutoInvoiceEnvironment::Production,
        AutoInvoiceEnvironment::Test,
        AutoInvoiceEnvironment::Sandbox,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AutoInvoiceEnvironment::Production => "production",
            AutoInvoiceEnvironment::Test => "test",
            AutoInvoiceEnvironment::Sandbox => "sandbox",
        }
    }

    pub fn from_code(code: &str) -> Option<AutoInvoiceEnvironment> {
        Self::ALL
            .into_iter()
            .find(|environment| environment.code() == code)
    }
}

/// The stored settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoInvoiceSettings {
    pub environment: AutoInvoiceEnvironment,
    pub sandbox_url: String,
    /// How many invoices the worker sends at the same time (1 to 32).
    pub concurrency: u32,
    /// Why sending is paused, when AutoInvoice refused the credentials.
    pub paused: Option<Text>,
}

/// The settings row's columns, read and written by the SQL below.
pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![(
        "autoinvoice_settings",
        vec![
            "environment",
            "sandbox_url",
            "concurrency",
            "paused_sv",
            "paused_en",
        ],
    )]
}

impl Store {
    pub fn autoinvoice_settings(&self) -> Result<AutoInvoiceSettings, StoreError> {
        let settings = self.connection.query_row(
            "SELECT environment, sandbox_url, concurrency, paused_sv, paused_en
             FROM autoinvoice_settings WHERE id = 1",
            [],
            |row| {
                let environment: String = row.get("environment")?;
                let paused_sv: Option<String> = row.get("paused_sv")?;
                let paused_en: Option<String> = row.get("paused_en")?;
                Ok(AutoInvoiceSettings {
                    environment: AutoInvoiceEnvironment::from_code(&environment)
                        .unwrap_or_default(),
                    sandbox_url: row.get("sandbox_url")?,
                    concurrency: row.get("concurrency")?,
                    paused: paused_sv.zip(paused_en).map(|(sv, en)| Text::new(sv, en)),
                })
            },
        )?;
        Ok(settings)
    }

    /// Saves the server and concurrency; saving settings also lifts a pause, since the user has
    /// had the chance to correct what AutoInvoice refused.
    pub fn set_autoinvoice_settings(
        &self,
        environment: AutoInvoiceEnvironment,
        sandbox_url: &str,
        concurrency: u32,
    ) -> Result<(), StoreError> {
        self.connection.execute(
            "UPDATE autoinvoice_settings SET environment = :environment, sandbox_url = :sandbox_url,
                 concurrency = :concurrency, paused_sv = NULL, paused_en = NULL
             WHERE id = 1",
            rusqlite::named_params! {
                ":environment": environment.code(),
                ":sandbox_url": sandbox_url.trim(),
                ":concurrency": concurrency.clamp(1, 32),
            },
        )?;
        Ok(())
    }

    /// Pauses sending with the reason (`Some`), or resumes it (`None`).
    pub fn set_autoinvoice_paused(&self, reason: Option<&Text>) -> Result<(), StoreError> {
        self.connection.execute(
            "UPDATE autoinvoice_settings SET paused_sv = :sv, paused_en = :en WHERE id = 1",
            rusqlite::named_params! {
                ":sv": reason.map(|text| text.sv.as_str()),
                ":en": reason.map(|text| text.en.as_str()),
            },
        )?;
        Ok(())
    }

    /// Turns sending through AutoInvoice on or off and sets the company id, leaving the rest of
    /// the company record as it is.
    pub fn set_autoinvoice_company(
        &self,
        enabled: bool,
        company_id: &str,
    ) -> Result<(), StoreError> {
        self.connection.execute(
            "UPDATE company SET autoinvoice_enabled = :enabled, autoinvoice_company_id = :company_id
             WHERE id = 1",
            rusqlite::named_params! { ":enabled": enabled, ":company_id": company_id.trim() },
        )?;
        Ok(())
    }
}
