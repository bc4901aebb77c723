//! The operating system's keychain through the `keyring` crate.

use fakturera_autoinvoice::Secret;

use super::{Keychain, KeychainError, SecretName};

/// The OS keychain under one service name (see `service_name`).
#[derive(Debug, Clone)]
pub struct OsKeychain {
    service: String,
}

impl OsKeychain {
    pub fn new(service: impl Into<String>) -> OsKeychain {
        OsKeychain {
            service: service.into(),
        }
    }

    fn entry(&self, name: &SecretName) -> Result<keyring::Entry, KeychainError> {
        keyring::Entry::new(&self.service, &name.account()).map_err(KeychainError::unavailable)
    }
}

impl Keychain for OsKeychain {
    fn read(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError> {
        match self.entry(name)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(KeychainError::unavailable(error)),
        }
    }

    fn write(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError> {
        self.entry(name)?
            .set_password(secret.expose())
            .map_err(KeychainError::unavailable)
    }

    fn delete(&self, name: &SecretName) -> Result<(), KeychainError> {
        match self.entry(name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(KeychainError::unavailable(error)),
        }
    }
}
