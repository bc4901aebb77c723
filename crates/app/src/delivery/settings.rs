//! Inställningar > AutoInvoice: the on/off switch, company id, server, and the two keys, which go
//! straight to the keychain and never come back out: the screen only learns whether each is set.

use std::time::Duration;

use fakturera_autoinvoice::{AxError, CompanyState, OwnPdf, PermanentKind, Secret};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::AutoInvoiceEnvironment;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::credentials::{base_url, connection_for};
use super::sandbox_address::{SANDBOX_AVAILABLE, sandbox_address_problem};
use crate::app::App;
use crate::error::{AppError, ForUser};
use crate::keychain::{Keychain, SecretName};

/// Which AutoInvoice server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EnvironmentCode {
    #[default]
    Production,
    Test,
    Sandbox,
}

impl From<EnvironmentCode> for AutoInvoiceEnvironment {
    fn from(code: EnvironmentCode) -> AutoInvoiceEnvironment {
        match code {
            EnvironmentCode::Production => AutoInvoiceEnvironment::Production,
            EnvironmentCode::Test => AutoInvoiceEnvironment::Test,
            EnvironmentCode::Sandbox => AutoInvoiceEnvironment::Sandbox,
        }
    }
}

impl From<AutoInvoiceEnvironment> for EnvironmentCode {
    fn from(environment: AutoInvoiceEnvironment) -> EnvironmentCode {
        match environment {
            AutoInvoiceEnvironment::Production => EnvironmentCode::Production,
            AutoInvoiceEnvironment::Test => EnvironmentCode::Test,
            AutoInvoiceEnvironment::Sandbox => EnvironmentCode::Sandbox,
        }
    }
}

/// What the settings screen shows. Never a key: only whether one is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AutoInvoiceSettingsView {
    /// "Skicka alla fakturor via Visma AutoInvoice".
    pub enabled: bool,
    pub company_id: String,
    pub environment: EnvironmentCode,
    pub sandbox_url: String,
    /// The address in use for the chosen environment.
    pub base_url: String,
    pub concurrency: u32,
    pub has_api_key: bool,
    pub has_vendor_key: bool,
    /// Why sending is paused (AutoInvoice refused the credentials), in the user's language.
    pub paused: Option<String>,
}

/// What the settings screen saves. The keys are write-only: empty keeps the stored one.
/// No `Serialize` and a redacting `Debug`, so a form can never be echoed or logged with a key.
#[derive(Clone, PartialEq, Eq, Default, Deserialize, TS)]
#[ts(export)]
pub struct AutoInvoiceSettingsForm {
    pub enabled: bool,
    pub company_id: String,
    pub environment: EnvironmentCode,
    pub sandbox_url: String,
    pub concurrency: u32,
    /// The user's API key (`client_secret`); empty keeps the stored one.
    pub api_key: String,
    /// The vendor API key; empty keeps the stored one.
    pub vendor_key: String,
}

impl std::fmt::Debug for AutoInvoiceSettingsForm {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("AutoInvoiceSettingsForm")
            .field("enabled", &self.enabled)
            .field("company_id", &self.company_id)
            .field("environment", &self.environment)
            .field("sandbox_url", &self.sandbox_url)
            .field("concurrency", &self.concurrency)
            .field("api_key", &"<redacted>")
            .field("vendor_key", &"<redacted>")
            .finish()
    }
}

/// The answer of "Testa anslutningen".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConnectionReport {
    /// AutoInvoice accepted the credentials (a token was issued).
    pub credentials_ok: bool,
    /// The company is verified and may send.
    pub company_verified: bool,
    /// AutoInvoice could be reached at all.
    pub reachable: bool,
    /// One sentence for the user.
    pub message: String,
}

fn field(field: &str, sv: &str, en: &str) -> FieldError {
    FieldError::new(field, "invalid", Text::new(sv, en))
}

fn check_form(form: &AutoInvoiceSettingsForm, has_api_key: bool) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    if form.enabled && form.company_id.trim().is_empty() {
        errors.push(field(
            "company_id",
            "Ange företags-id från AutoInvoice för att kunna skicka.",
            "Enter the company id from AutoInvoice to be able to send.",
        ));
    }
    if form.environment == EnvironmentCode::Sandbox
        && let Some(problem) = sandbox_address_problem(&form.sandbox_url)
    {
        let field_name = if SANDBOX_AVAILABLE {
            "sandbox_url"
        } else {
            "environment"
        };
        errors.push(FieldError::new(field_name, "invalid", problem));
    }
    if !(1..=32).contains(&form.concurrency) {
        errors.push(field(
            "concurrency",
            "Ange hur många fakturor som skickas samtidigt, 1 till 32.",
            "Enter how many invoices are sent at the same time, 1 to 32.",
        ));
    }
    if form.enabled && !has_api_key && form.api_key.trim().is_empty() {
        errors.push(field(
            "api_key",
            "Ange API-nyckeln från AutoInvoice.",
            "Enter the API key from AutoInvoice.",
        ));
    }
    errors.into_result(())
}

fn has(keychain: &dyn Keychain, name: &SecretName) -> Result<bool, AppError> {
    keychain
        .read(name)
        .map(|secret| secret.is_some_and(|secret| !secret.is_empty()))
        .for_user(Language::Swedish)
}

impl App {
    /// The AutoInvoice settings, with whether each key is in the keychain.
    pub fn autoinvoice_settings(
        &self,
        keychain: &dyn Keychain,
    ) -> Result<AutoInvoiceSettingsView, AppError> {
        let language = self.language();
        let (company, settings) = self.with_store(|store| {
            Ok::<_, fakturera_store::StoreError>((store.company()?, store.autoinvoice_settings()?))
        })?;
        let has_api_key = !company.autoinvoice_company_id.trim().is_empty()
            && has(
                keychain,
                &SecretName::ApiKey {
                    company_id: company.autoinvoice_company_id.clone(),
                },
            )
            .for_user(language)?;
        Ok(AutoInvoiceSettingsView {
            enabled: company.autoinvoice_enabled,
            company_id: company.autoinvoice_company_id.clone(),
            environment: settings.environment.into(),
            sandbox_url: settings.sandbox_url.clone(),
            base_url: base_url(&settings),
            concurrency: settings.concurrency,
            has_api_key,
            has_vendor_key: has(keychain, &SecretName::VendorKey)?,
            paused: settings
                .paused
                .as_ref()
                .map(|text| text.in_language(language).to_owned()),
        })
    }

    /// The AutoInvoice company id of the company file ("" when not set up).
    pub fn autoinvoice_company_id(&self) -> Result<String, AppError> {
        self.with_store(|store| {
            store
                .company()
                .map(|company| company.autoinvoice_company_id)
        })
    }

    /// Checks and saves the settings; given keys go to the keychain only. Saving lifts a pause.
    pub fn save_autoinvoice_settings(
        &self,
        form: &AutoInvoiceSettingsForm,
        keychain: &dyn Keychain,
    ) -> Result<AutoInvoiceSettingsView, AppError> {
        let language = self.language();
        let company_id = form.company_id.trim().to_owned();
        let api_key_name = SecretName::ApiKey {
            company_id: company_id.clone(),
        };
        let has_api_key = !company_id.is_empty() && has(keychain, &api_key_name)?;
        check_form(form, has_api_key).for_user(language)?;
        let write = |name: &SecretName, value: &str| -> Result<(), AppError> {
            if value.trim().is_empty() {
                return Ok(());
            }
            keychain
                .write(name, &Secret::new(value.trim().to_owned()))
                .for_user(language)
        };
        if !company_id.is_empty() {
            write(&api_key_name, &form.api_key)?;
        }
        write(&SecretName::VendorKey, &form.vendor_key)?;
        self.with_store(|store| {
            store.set_autoinvoice_settings(
                form.environment.into(),
                &form.sandbox_url,
                form.concurrency,
            )?;
            store.set_autoinvoice_company(form.enabled, &company_id)
        })?;
        self.autoinvoice_settings(keychain)
    }

    /// "Testa anslutningen": fetches a token, reads the company's authorization state
    /// (`company_state` VERIFIED / UNVERIFIED / UNKNOWN) and, for a verified company, makes one
    /// invoice call and makes sure letters are printed from our PDF. It says whether the
    /// credentials work, whether the company is verified, and what to do otherwise. A verified
    /// company lifts a pause.
    pub async fn test_autoinvoice_connection(
        &self,
        keychain: &dyn Keychain,
    ) -> Result<ConnectionReport, AppError> {
        let language = self.language();
        let (company, settings) = self.with_store(|store| {
            Ok::<_, fakturera_store::StoreError>((store.company()?, store.autoinvoice_settings()?))
        })?;
        let connection = connection_for(
            &company.autoinvoice_company_id,
            &settings,
            keychain,
            language,
        )?;
        let client = connection
            .client(Duration::from_secs(20))
            .for_user(language)?;
        let outcome = client.check_connection().await;
        let say = |text: Text| text.in_language(language).to_owned();
        let report = match &outcome {
            Ok(authorization) if authorization.company_state == CompanyState::Verified => {
                let own_pdf = client.ensure_own_pdf().await;
                ConnectionReport {
                    credentials_ok: true,
                    company_verified: true,
                    reachable: true,
                    message: format!(
                        "{} {}",
                        say(Text::new(
                            "Anslutningen fungerar: inloggningen godtas och företaget är verifierat.",
                            "The connection works: the login is accepted and the company is verified.",
                        )),
                        say(own_pdf_sentence(&own_pdf)),
                    ),
                }
            }
            Ok(authorization) => ConnectionReport {
                credentials_ok: true,
                company_verified: false,
                reachable: true,
                message: format!(
                    "{} ({})",
                    say(not_verified()),
                    state_detail(
                        authorization.company_state,
                        authorization.auth_state.as_deref()
                    ),
                ),
            },
            Err(AxError::Transient { .. }) => ConnectionReport {
                credentials_ok: false,
                company_verified: false,
                reachable: false,
                message: outcome_message(&outcome, language),
            },
            Err(AxError::Permanent {
                kind: PermanentKind::CompanyNotVerified,
                ..
            }) => ConnectionReport {
                credentials_ok: true,
                company_verified: false,
                reachable: true,
                message: outcome_message(&outcome, language),
            },
            Err(_) => ConnectionReport {
                credentials_ok: false,
                company_verified: false,
                reachable: true,
                message: outcome_message(&outcome, language),
            },
        };
        if report.credentials_ok && report.company_verified {
            self.with_store(|store| store.set_autoinvoice_paused(None))?;
        }
        Ok(report)
    }
}

fn not_verified() -> Text {
    let message = AxError::Permanent {
        kind: PermanentKind::CompanyNotVerified,
        status: None,
        code: None,
        message: String::new(),
        reasons: Vec::new(),
    }
    .describe();
    Text::new(message.sv, message.en)
}

/// "AutoInvoice: UNVERIFIED, signing: SENT", for the user to quote to support.
fn state_detail(state: CompanyState, auth_state: Option<&str>) -> String {
    match auth_state.filter(|text| !text.is_empty()) {
        Some(signing) => format!(
            "AutoInvoice: company_state {}, auth_state {signing}",
            state.as_str()
        ),
        None => format!("AutoInvoice: company_state {}", state.as_str()),
    }
}

/// What became of "print letters from our PDF" (`send_invoice_print.use_own_pdf`).
fn own_pdf_sentence(outcome: &Result<OwnPdf, AxError>) -> Text {
    match outcome {
        Ok(OwnPdf::AlreadyOn) => Text::new(
            "Brev skrivs ut med Faktureras PDF.",
            "Letters are printed from Fakturera's PDF.",
        ),
        Ok(OwnPdf::TurnedOn) => Text::new(
            "Brev skrivs nu ut med Faktureras PDF (inställningen för egen PDF slogs på hos AutoInvoice).",
            "Letters are now printed from Fakturera's PDF (the own-PDF setting was turned on at AutoInvoice).",
        ),
        Err(error) => {
            let reason = error.describe();
            Text::new(
                format!(
                    "Kunde inte slå på egen PDF för brev hos AutoInvoice, så brev skrivs ut med AutoInvoice egen mall. Be företagets administratör i AutoInvoice slå på \"Använd egen PDF\" under utskriftstjänsten. ({})",
                    reason.sv
                ),
                format!(
                    "Could not turn on the own PDF for letters at AutoInvoice, so letters are printed on AutoInvoice's template. Ask the company's administrator in AutoInvoice to turn on \"Use own PDF\" for the print service. ({})",
                    reason.en
                ),
            )
        }
    }
}

fn outcome_message<T>(outcome: &Result<T, AxError>, language: Language) -> String {
    match outcome {
        Ok(_) => String::new(),
        Err(error) => {
            let message = error.describe();
            Text::new(message.sv, message.en)
                .in_language(language)
                .to_owned()
        }
    }
}
