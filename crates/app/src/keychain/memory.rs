//! An in-memory keychain for tests and for the demo mode's sandbox credentials.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use fakturera_autoinvoice::Secret;

use super::{Keychain, KeychainError, SecretName};

#[derive(Debug, Default)]
pub struct MemoryKeychain {
    entries: Mutex<HashMap<SecretName, Secret>>,
}

impl Keychain for MemoryKeychain {
    fn read(&self, name: &SecretName) -> Result<Option<Secret>, KeychainError> {
        Ok(self
            .entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(name)
            .cloned())
    }

    fn write(&self, name: &SecretName, secret: &Secret) -> Result<(), KeychainError> {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name.clone(), secret.clone());
        Ok(())
    }

    fn delete(&self, name: &SecretName) -> Result<(), KeychainError> {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(name);
        Ok(())
    }
}
