//! SQLite's full `PRAGMA integrity_check`, run every time a company file is opened.
//!
//! The check reads every page and index entry, which takes a second or more on a file with
//! 100,000 invoices, so it runs on its own read-only connection in a background thread while
//! the user starts working (WAL lets it read alongside writes). The app shows the result when
//! it comes; `Store::open_verified` waits for it instead, and a file about to be migrated is
//! always checked before anything is written.

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use fakturera_core::Text;
use rusqlite::{Connection, InterruptHandle, OpenFlags};

use crate::error::{StoreError, StoreErrorKind};

/// Where the integrity check of the open file stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrityStatus {
    /// Still running in the background.
    Checking,
    /// SQLite found no problem (or the file was created by this session).
    Healthy,
    /// The file is damaged; the error says what to do.
    Damaged(StoreError),
}

/// The shared result of a background check, with a way to wait for it.
#[derive(Debug)]
pub(crate) struct IntegrityCheck {
    status: Mutex<IntegrityStatus>,
    finished: Condvar,
}

impl IntegrityCheck {
    pub(crate) fn healthy() -> Arc<IntegrityCheck> {
        Arc::new(IntegrityCheck {
            status: Mutex::new(IntegrityStatus::Healthy),
            finished: Condvar::new(),
        })
    }

    /// Starts checking the file at `path` on a thread of its own. The handle stops the check
    /// early when the store is closed.
    pub(crate) fn start(path: &Path) -> Result<(Arc<IntegrityCheck>, InterruptHandle), StoreError> {
        let connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let interrupt = connection.get_interrupt_handle();
        let check = Arc::new(IntegrityCheck {
            status: Mutex::new(IntegrityStatus::Checking),
            finished: Condvar::new(),
        });
        let shared = Arc::clone(&check);
        std::thread::Builder::new()
            .name("fakturera-integrity-check".to_owned())
            .spawn(move || {
                let result = check_integrity(&connection);
                drop(connection);
                shared.finish(match result {
                    Ok(()) => IntegrityStatus::Healthy,
                    Err(error) => IntegrityStatus::Damaged(error),
                });
            })?;
        Ok((check, interrupt))
    }

    fn finish(&self, status: IntegrityStatus) {
        *self.status.lock().unwrap_or_else(PoisonError::into_inner) = status;
        self.finished.notify_all();
    }

    pub(crate) fn status(&self) -> IntegrityStatus {
        self.status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Blocks until the check has finished and gives its verdict.
    pub(crate) fn wait(&self) -> Result<(), StoreError> {
        let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        while *status == IntegrityStatus::Checking {
            status = self
                .finished
                .wait(status)
                .unwrap_or_else(PoisonError::into_inner);
        }
        match &*status {
            IntegrityStatus::Damaged(error) => Err(error.clone()),
            IntegrityStatus::Checking | IntegrityStatus::Healthy => Ok(()),
        }
    }
}

/// Runs SQLite's own consistency check over the whole file.
pub(crate) fn check_integrity(connection: &Connection) -> Result<(), StoreError> {
    let problems = match run_integrity_check(connection) {
        Ok(problems) if problems.len() == 1 && problems[0] == "ok" => return Ok(()),
        Ok(problems) => problems,
        // SQLite gives up on pages too damaged to walk; that is a failed check, too.
        Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            vec![error.to_string()]
        }
        Err(error) => return Err(error.into()),
    };
    Err(StoreError::new(
        StoreErrorKind::Corrupt,
        Text::new(
            "Integritetskontrollen hittade fel i företagsfilen, så den är skadad. Återställ den från en \
             säkerhetskopia och kontakta supporten om felet kommer tillbaka.",
            "The integrity check found errors in the company file, so it is damaged. Restore it from a \
             backup and contact support if the problem comes back.",
        ),
    )
    .with_detail(problems.join("\n")))
}

fn run_integrity_check(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare("PRAGMA integrity_check(20)")?;
    let problems = statement.query_map([], |row| row.get::<_, String>(0))?;
    problems.collect()
}
