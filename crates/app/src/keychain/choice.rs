//! Which keychain a shell uses, from `FAKTURERA_KEYCHAIN`, read here for both the desktop app and
//! the command line so the two take the same words and refuse the same typos:
//!
//! - `os` (or unset): the operating system's keychain, the only one a user's keys belong in;
//! - `env`: the two keys from this process's environment (`FAKTURERA_AX_API_KEY`,
//!   `FAKTURERA_AX_VENDOR_KEY`), read-only, for scripts, CI and machines without a keychain service;
//! - `memory`: the same keys copied into memory, where Settings may change them until the process
//!   ends; demo mode and end-to-end tests. Development builds only, since keys typed into a
//!   released app must never vanish at exit.
//!
//! None of them ever writes a key to a file.

use std::sync::Arc;

use fakturera_autoinvoice::Secret;
use fakturera_core::{Language, Text};

use super::{Keychain, KeychainError, MemoryKeychain, OsKeychain, SecretName, service_name};
use crate::error::{AppError, ErrorCode};

/// The environment variable that chooses the keychain.
pub const KEYCHAIN_ENV: &str = "FAKTURERA_KEYCHAIN";

/// The keychain `FAKTURERA_KEYCHAIN` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeychainChoice {
    Os,
    Environment,
    Memory,
}

impl KeychainChoice {
    /// The choice in this process's environment, or a message naming the value and the words
    /// that work.
    pub fn from_env(language: Language) -> Result<KeychainChoice, AppError> {
        let value = std::env::var(KEYCHAIN_ENV).unwrap_or_default();
        KeychainChoice::parse(&value, cfg!(debug_assertions))
            .map_err(|message| AppError::new(ErrorCode::InvalidInput, &message, language))
    }

    /// The decision itself, with the build kind passed in so a test can try both.
    fn parse(value: &str, development_build: bool) -> Result<KeychainChoice, Text> {
        match value.trim() {
            "" | "os" => Ok(KeychainChoice::Os),
            "env" => Ok(KeychainChoice::Environment),
            "memory" if development_build => Ok(KeychainChoice::Memory),
            "memory" => Err(Text::new(
                format!(
                    "{KEYCHAIN_ENV}=memory gäller bara utvecklingsbyggen; ta bort variabeln så används systemets nyckelring."
                ),
                format!(
                    "{KEYCHAIN_ENV}=memory applies to development builds only; unset it to use the system keychain."
                ),
            )),
            other => Err(Text::new(
                format!("{KEYCHAIN_ENV}={other} känns inte igen: använd os, env eller memory."),
                format!("{KEYCHAIN_ENV}={other} is not known: use os, env or memory."),
            )),
        }
    }

    /// The keychain itself. `company_id` names the API key that `memory` copies from the
    /// environment (the keys are looked up by company id); only `memory` asks for it, so the
    /// other choices never open the company file to find it (the desktop opens its keychain
    /// before its window, and a company file read there would delay the window).
    pub fn open(self, company_id: impl FnOnce() -> String) -> Arc<dyn Keychain> {
        match self {
            KeychainChoice::Os => Arc::new(OsKeychain::new(service_name())),
            KeychainChoice::Environment => Arc::new(EnvironmentKeychain),
            KeychainChoice::Memory => {
                let keychain = MemoryKeychain::default();
                let api_key = SecretName::ApiKey {
                    company_id: company_id(),
                };
                for name in [api_key, SecretName::VendorKey] {
                    if let Some(secret) = from_environment(&name) {
                        // An in-memory write cannot fail.
                        let _ = keychain.write(&name, &secret);
                    }
                }
                Arc::new(keychain)
            }
        }
    }
}

/// The environment variable that holds `name`.
fn variable(name: &SecretName) -> &'static str {
    match name {
        SecretName::ApiKey { .. } => "FAKTURERA_AX_API_KEY",
        SecretName::VendorKey => "FAKTURERA_AX_VENDOR_KEY",
    }
}

fn from_environment(name: &SecretName) -> Option<Secret> {
    std::env::var(variable(name))
        .ok()
        .filter(|value| !value.trim().is_empty())
        .map(Secret::new)
}

/// The keys from `FAKTURERA_AX_API_KEY` and `FAKTURERA_AX_VENDOR_KEY`; read-only.
#[derive(Debug)]
struct EnvironmentKeychain;

impl Keychain for EnvironmentKeychain {
    fn read(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError> {
        Ok(from_environment(name))
    }

    /// Writing the value the environment already holds is a no-op; anything else is refused,
    /// since this keychain cannot keep a key.
    fn write(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError> {
        match self.read(name)? {
            Some(current) if current == *secret => Ok(()),
            _ => Err(KeychainError {
                message: Text::new(
                    format!(
                        "Med {KEYCHAIN_ENV}=env läses nycklarna från miljön; sätt {} i stället.",
                        variable(name)
                    ),
                    format!(
                        "With {KEYCHAIN_ENV}=env the keys come from the environment; set {} instead.",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shells_take_the_same_words() {
        assert_eq!(KeychainChoice::parse("", true), Ok(KeychainChoice::Os));
        assert_eq!(KeychainChoice::parse("os", false), Ok(KeychainChoice::Os));
        assert_eq!(
            KeychainChoice::parse("env", false),
            Ok(KeychainChoice::Environment)
        );
        assert_eq!(
            KeychainChoice::parse("memory", true),
            Ok(KeychainChoice::Memory)
        );
    }

    #[test]
    fn a_typo_and_memory_in_a_release_build_are_refused_by_name() {
        let typo = KeychainChoice::parse("memroy", true).expect_err("a typo");
        assert!(typo.sv.contains("memroy") && typo.en.contains("use os, env or memory"));
        let release =
            KeychainChoice::parse("memory", false).expect_err("memory in a release build");
        assert!(release.en.contains("development builds only"));
    }
}
