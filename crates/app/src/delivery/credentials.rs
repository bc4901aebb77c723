//! Who we are at AutoInvoice and where it is: the company id and server from the company file,
//! the two keys from the keychain, put together into a client only at the moment of a call.

use std::sync::Arc;
use std::time::Duration;

use fakturera_autoinvoice::{
    AxClient, AxConfig, AxError, Credentials, PRODUCTION_URL, PermanentKind, Secret, TEST_URL,
};
use fakturera_core::{Language, Text};
use fakturera_store::{AutoInvoiceEnvironment, AutoInvoiceSettings, Store};

use super::sandbox_address::sandbox_address_problem;
use crate::error::{AppError, ErrorCode, ForUser, IntoAppError};
use crate::keychain::{Keychain, KeychainError, SecretName};

impl IntoAppError for KeychainError {
    fn into_app_error(self, language: Language) -> AppError {
        AppError::internal(&self.message, language)
    }
}

impl IntoAppError for AxError {
    fn into_app_error(self, language: Language) -> AppError {
        let code = match &self {
            AxError::Transient { .. } => ErrorCode::Offline,
            AxError::Permanent {
                kind:
                    PermanentKind::Unauthorized
                    | PermanentKind::CompanyNotVerified
                    | PermanentKind::Forbidden,
                ..
            } => ErrorCode::Unauthorized,
            AxError::Permanent {
                kind: PermanentKind::InvalidConfiguration,
                ..
            } => ErrorCode::InvalidInput,
            AxError::Permanent { .. } => ErrorCode::Internal,
        };
        let message = self.describe();
        AppError::new(code, &Text::new(message.sv, message.en), language)
    }
}

/// The AX address for the stored settings.
pub(crate) fn base_url(settings: &AutoInvoiceSettings) -> String {
    match settings.environment {
        AutoInvoiceEnvironment::Production => PRODUCTION_URL.to_owned(),
        AutoInvoiceEnvironment::Test => TEST_URL.to_owned(),
        AutoInvoiceEnvironment::Sandbox => settings.sandbox_url.clone(),
    }
}

/// Everything a client is built from; two equal values give interchangeable clients, so the
/// worker keeps its client (and its token) until one of them changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Connection {
    pub base_url: String,
    pub credentials: Credentials,
}

fn not_set_up() -> Text {
    Text::new(
        "AutoInvoice är inte inställt: ange företags-id och API-nyckel under Inställningar > AutoInvoice.",
        "AutoInvoice is not set up: enter the company id and API key under Settings > AutoInvoice.",
    )
}

/// The connection of the company file's settings and the keychain's keys, or what is missing.
pub(crate) fn connection(store: &Store, keychain: &dyn Keychain) -> Result<Connection, AppError> {
    let language = Language::Swedish;
    let company = store.company().for_user(language)?;
    let settings = store.autoinvoice_settings().for_user(language)?;
    connection_for(
        &company.autoinvoice_company_id,
        &settings,
        keychain,
        language,
    )
}

pub(crate) fn connection_for(
    company_id: &str,
    settings: &AutoInvoiceSettings,
    keychain: &dyn Keychain,
    language: Language,
) -> Result<Connection, AppError> {
    // The keys go to whatever address is chosen: a sandbox only on this computer, only in builds
    // that offer one, whatever the company file says.
    if settings.environment == AutoInvoiceEnvironment::Sandbox
        && let Some(problem) = sandbox_address_problem(&settings.sandbox_url)
    {
        return Err(AppError::new(ErrorCode::InvalidInput, &problem, language));
    }
    let company_id = company_id.trim().to_owned();
    let unauthorized = || AppError::new(ErrorCode::Unauthorized, &not_set_up(), language);
    if company_id.is_empty() {
        return Err(unauthorized());
    }
    let read = |name: SecretName| -> Result<Option<Secret>, AppError> {
        keychain
            .read(&name)
            .map(|secret| secret.filter(|secret| !secret.is_empty()))
            .for_user(language)
    };
    let api_key = read(SecretName::ApiKey {
        company_id: company_id.clone(),
    })?
    .ok_or_else(unauthorized)?;
    let vendor_api_key = read(SecretName::VendorKey)?.ok_or_else(unauthorized)?;
    Ok(Connection {
        base_url: base_url(settings),
        credentials: Credentials {
            company_id,
            api_key,
            vendor_api_key,
        },
    })
}

impl Connection {
    /// A client for this connection; every call has a timeout.
    pub(crate) fn client(&self, request_timeout: Duration) -> Result<Arc<AxClient>, AxError> {
        let config = AxConfig::new(self.base_url.clone())
            .with_timeouts(Duration::from_secs(5).min(request_timeout), request_timeout);
        AxClient::new(config, self.credentials.clone()).map(Arc::new)
    }
}
