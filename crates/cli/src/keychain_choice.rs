//! Which keychain the command line uses: the OS keychain (the default), or with
//! `FAKTURERA_KEYCHAIN=env` the two keys from this process's environment only, for scripts, CI and
//! the demo on machines without a keychain service. Neither ever writes a key to a file.

use std::sync::Arc;

use fakturera_app::keychain::{Keychain, KeychainError, OsKeychain, SecretName, service_name};
use fakturera_app::{AppError, ErrorCode};
use fakturera_autoinvoice::Secret;
use fakturera_core::{Language, Text};

/// The keys from `FAKTURERA_AX_API_KEY` and `FAKTURERA_AX_VENDOR_KEY`; read-only.
#[derive(Debug)]
struct EnvironmentKeychain;

fn variable(name: &SecretName) -> &'static str {
    match name {
        SecretName::ApiKey { .. } => "FAKTURERA_AX_API_KEY",
        SecretName::VendorKey => "FAKTURERA_AX_VENDOR_KEY",
    }
}

impl Keychain for EnvironmentKeychain {
    fn read(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError> {
        Ok(std::env::var(variable(name))
            .ok()
            .filter(|value| !value.trim().is_empty())
            .map(Secret::new))
    }

    /// Writing the value the environment already holds is a no-op; anything else is refused,
    /// since this keychain cannot keep a key.
    fn write(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError> {
        match self.read(name)? {
            Some(current) if current == *secret => Ok(()),
            _ => Err(KeychainError {
                message: Text::new(
                    format!(
                        "Med FAKTURERA_KEYCHAIN=env läses nycklarna från miljön; sätt {} i stället.",
                        variable(name)
                    ),
                    format!(
                        "With FAKTURERA_KEYCHAIN=env the keys come from the environment; set {} instead.",
                        variable(name)
                    ),
                ),
            }),
        }
    }

    fn delete(&self, _name: &SecretName) -> Result<(), KeychainError> {
        Ok(())
    }
}

pub fn keychain_from_env(language: Language) -> Result<Arc<dyn Keychain>, AppError> {
    match std::env::var("FAKTURERA_KEYCHAIN").as_deref() {
        Err(_) | Ok("") | Ok("os") => Ok(Arc::new(OsKeychain::new(service_name()))),
        Ok("env") => Ok(Arc::new(EnvironmentKeychain)),
        Ok(other) => Err(AppError::new(
            ErrorCode::InvalidInput,
            &Text::new(
                format!("FAKTURERA_KEYCHAIN={other} känns inte igen: använd os eller env."),
                format!("FAKTURERA_KEYCHAIN={other} is not known: use os or env."),
            ),
            language,
        )),
    }
}
