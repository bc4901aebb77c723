//! Credentials in the operating system's keychain (Windows Credential Manager, macOS Keychain, the
//! Secret Service on Linux), and nowhere else.
//!
//! The company file, backups, logs and IPC replies never see a secret: use cases read it from here
//! at the moment they call AutoInvoice, as a `Secret` that cannot be printed or serialized.

mod choice;
mod memory;
mod os;

pub use choice::{KEYCHAIN_ENV, KeychainChoice};
pub use memory::MemoryKeychain;
pub use os::OsKeychain;

use fakturera_autoinvoice::Secret;
use fakturera_core::Text;

/// Which secret: the company's AutoInvoice API key, or the software vendor's key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SecretName {
    /// The user's API key (`client_secret`) for one AutoInvoice company id.
    ApiKey { company_id: String },
    /// The vendor API key that identifies Fakturera to AutoInvoice.
    VendorKey,
}

impl SecretName {
    /// The account name under which the keychain stores the secret.
    pub fn account(&self) -> String {
        match self {
            SecretName::ApiKey { company_id } => {
                format!("autoinvoice-api-key:{}", company_id.trim())
            }
            SecretName::VendorKey => "autoinvoice-vendor-key".to_owned(),
        }
    }
}

/// The keychain could not be used; the message says what the user can do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct KeychainError {
    pub message: Text,
}

impl KeychainError {
    fn unavailable(detail: impl std::fmt::Display) -> KeychainError {
        KeychainError {
            message: Text::new(
                format!(
                    "Systemets nyckelring gick inte att använda ({detail}). Lås upp nyckelringen och försök igen."
                ),
                format!(
                    "The system keychain could not be used ({detail}). Unlock the keychain and try again."
                ),
            ),
        }
    }
}

/// Where secrets are kept. The real one is the OS keychain; tests use an in-memory map.
pub trait Keychain: Send + Sync + std::fmt::Debug {
    fn read(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError>;
    fn write(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError>;
    fn delete(&self, name: &SecretName) -> Result<(), KeychainError>;
}

/// The keychain service name. Development builds use their own so that trying things out never
/// overwrites the credentials a released build uses.
pub fn service_name() -> &'static str {
    if cfg!(debug_assertions) {
        "se.fakturera.desktop.dev"
    } else {
        "se.fakturera.desktop"
    }
}
