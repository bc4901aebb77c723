//! Who is sending, and whether they are still there.
//!
//! Each worker claims outbox entries under a lease in its own name (a random id). While it lives,
//! it holds an exclusive OS lock on `<company file>.senders/<id>.lock`; the OS lets go of that
//! lock when the process ends, however it ends (a crash, SIGKILL, power loss). Another worker that
//! finds the file unlocked knows the owner is gone and ends its leases at once, so a crashed
//! sender's invoices go again without waiting for the lease to run out. When the lock file cannot
//! be made (a read-only folder) or is missing, nothing is proved and the lease is waited out.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// This process's name as a sender, and the lock that says it is alive.
#[derive(Debug)]
pub struct SenderIdentity {
    owner: String,
    /// The held lock file; `None` when it could not be made.
    lock: Option<(File, PathBuf)>,
}

/// The folder of lock files for the company file at `company_file`.
fn lock_dir(company_file: &Path) -> PathBuf {
    let mut name = company_file
        .file_name()
        .map(|name| name.to_os_string())
        .unwrap_or_default();
    name.push(".senders");
    company_file.with_file_name(name)
}

/// Only names we made ourselves are turned into paths: a lease owner read from the file could
/// otherwise point anywhere.
fn is_owner_name(owner: &str) -> bool {
    owner.len() == 36
        && owner
            .chars()
            .all(|character| character.is_ascii_hexdigit() || character == '-')
}

impl SenderIdentity {
    /// A new sender for the company file at `company_file`, holding its lock when it can.
    pub fn acquire(company_file: &Path) -> SenderIdentity {
        let owner = uuid::Uuid::new_v4().to_string();
        let dir = lock_dir(company_file);
        let path = dir.join(format!("{owner}.lock"));
        let lock = std::fs::create_dir_all(&dir)
            .and_then(|()| {
                OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create_new(true)
                    .open(&path)
            })
            .ok()
            .and_then(|file| file.try_lock().ok().map(|()| (file, path)));
        SenderIdentity { owner, lock }
    }

    pub fn owner(&self) -> &str {
        &self.owner
    }
}

impl Drop for SenderIdentity {
    fn drop(&mut self) {
        if let Some((file, path)) = self.lock.take() {
            drop(file);
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Removes the lock files of senders that ended without tidying up (a kill leaves its file), so
/// the folder does not grow with every crash. Call it after the leases of gone senders were ended:
/// a removed file can no longer prove its owner gone.
pub fn sweep_gone(company_file: &Path, own: &str) {
    let Ok(entries) = std::fs::read_dir(lock_dir(company_file)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(owner) = name.strip_suffix(".lock")
            && owner != own
        {
            owner_is_gone(company_file, owner);
        }
    }
}

/// Whether `owner`'s process has provably ended: its lock file is there and nobody holds it. The
/// stale lock file is removed then.
pub fn owner_is_gone(company_file: &Path, owner: &str) -> bool {
    if !is_owner_name(owner) {
        return false;
    }
    let path = lock_dir(company_file).join(format!("{owner}.lock"));
    let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => {
            drop(file);
            let _ = std::fs::remove_file(&path);
            true
        }
        Err(TryLockError::WouldBlock | TryLockError::Error(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_sender_is_not_gone_and_a_dropped_one_leaves_no_lock() {
        let dir = tempfile::tempdir().expect("folder");
        let file = dir.path().join("Bolaget.fakturera");
        let sender = SenderIdentity::acquire(&file);
        assert!(is_owner_name(sender.owner()));
        assert!(!owner_is_gone(&file, sender.owner()), "alive while held");
        let owner = sender.owner().to_owned();
        drop(sender);
        assert!(
            !owner_is_gone(&file, &owner),
            "a normal exit removes the file: nothing left to prove, no lease left either"
        );
    }

    #[test]
    fn an_unlocked_lock_file_means_the_owner_is_gone() {
        let dir = tempfile::tempdir().expect("folder");
        let file = dir.path().join("Bolaget.fakturera");
        let owner = uuid::Uuid::new_v4().to_string();
        std::fs::create_dir_all(lock_dir(&file)).expect("folder");
        // What a killed process leaves behind: the file, with no lock on it.
        std::fs::write(lock_dir(&file).join(format!("{owner}.lock")), "").expect("file");
        assert!(owner_is_gone(&file, &owner));
        assert!(!owner_is_gone(&file, &owner), "the stale file was removed");
        assert!(!owner_is_gone(&file, "../../etc/passwd"));
    }
}
