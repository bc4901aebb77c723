//! Opening a company file: the connection settings every caller relies on, the health check,
//! and bringing the schema up to date with a backup first.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use fakturera_core::Text;
use rusqlite::{Connection, InterruptHandle, OpenFlags};

use crate::backup::{backup_dir_for, backup_to_new_file};
use crate::error::{StoreError, StoreErrorKind};
use crate::integrity::{IntegrityCheck, IntegrityStatus, check_integrity};
use crate::migrations::{latest_version, migrate_to_latest, read_version, refuse_newer};

/// Marks a SQLite file as a Fakturera company file ("FAKT"), so we never migrate a stranger's database.
pub(crate) const APPLICATION_ID: i32 = 0x4641_4B54;

/// How long a write waits for another process holding the file before giving up with `Busy`.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open company file. One per file per process; wrap it in a mutex to share between threads.
pub struct Store {
    pub(crate) connection: Connection,
    pub(crate) path: PathBuf,
    integrity: Arc<IntegrityCheck>,
    stop_integrity_check: Option<InterruptHandle>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("integrity", &self.integrity.status())
            .finish_non_exhaustive()
    }
}

impl Drop for Store {
    /// A check still running is stopped, so closing the file never waits for it.
    fn drop(&mut self) {
        if let Some(interrupt) = &self.stop_integrity_check {
            interrupt.interrupt();
        }
    }
}

impl Store {
    /// Opens the company file at `path`, creating it (and its folder) when missing.
    ///
    /// Refuses files from newer versions (and other programs' databases) without touching them,
    /// checks and backs up an existing file before migrating it, then applies the missing
    /// migrations. The full integrity check of an up-to-date file runs in the background; see
    /// [`Store::integrity_status`] and [`Store::wait_for_integrity_check`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, true)
    }

    /// Opens the file like [`Store::open`] for a process that does one thing and exits (a CLI
    /// command): the same refusals, checks before migrating and migrations, but no background
    /// integrity check of an up-to-date file, which such a process would start, compete with for
    /// the CPU and interrupt at exit without ever reading its verdict. The desktop app checks
    /// every time it opens the file; [`Store::open_verified`] waits for the check.
    pub fn open_for_one_command(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, false)
    }

    fn open_with(path: &Path, check_in_background: bool) -> Result<Store, StoreError> {
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent)?;
        }
        let existed = std::fs::metadata(path)
            .map(|meta| meta.len() > 0)
            .unwrap_or(false);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut connection =
            Connection::open_with_flags(path, flags).map_err(|error| open_error(path, error))?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        // Every statement the store runs stays prepared; the default cache of 16 would thrash.
        connection.set_prepared_statement_cache_capacity(128);

        let version = if existed {
            let version =
                read_version(&connection).map_err(|error| named_file_error(path, error))?;
            check_belongs_to_us(&connection, version)
                .map_err(|error| named_file_error(path, error))?;
            refuse_newer(version)?;
            if version < latest_version() {
                check_integrity(&connection).map_err(|error| named_file_error(path, error))?;
            }
            version
        } else {
            0
        };

        connection.pragma_update(None, "journal_mode", "WAL")?;
        // FULL makes each commit durable on power loss: an issued number must never be forgotten.
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", true)?;
        connection.pragma_update(None, "trusted_schema", false)?;
        // REPLACE (and UPDATE OR REPLACE) deletes the row it replaces; only with recursive
        // triggers does that deletion fire the delete triggers that keep issued invoices, their
        // outbox keys and used number series. Without it one REPLACE could rewrite them.
        connection.pragma_update(None, "recursive_triggers", true)?;

        if version < latest_version() {
            if version > 0 {
                let backup_dir = backup_dir_for(path);
                let name = format!("before-migration-v{version}-to-v{}", latest_version());
                backup_to_new_file(&connection, &backup_dir, &name)?;
            }
            if version == 0 {
                connection.pragma_update(None, "application_id", APPLICATION_ID)?;
            }
            migrate_to_latest(&mut connection)?;
        }
        let (integrity, stop_integrity_check) =
            if check_in_background && existed && version == latest_version() {
                let (check, interrupt) = IntegrityCheck::start(path)?;
                (check, Some(interrupt))
            } else {
                // Just created, or checked before migrating.
                (IntegrityCheck::healthy(), None)
            };
        Ok(Store {
            connection,
            path: path.to_owned(),
            integrity,
            stop_integrity_check,
        })
    }

    /// Opens the file like [`Store::open`] and waits for the integrity check, refusing a
    /// damaged file. For the command line, restores and tests.
    pub fn open_verified(path: &Path) -> Result<Store, StoreError> {
        let store = Store::open(path)?;
        store.wait_for_integrity_check()?;
        Ok(store)
    }

    /// Where the background integrity check stands; the app polls this after opening and
    /// tells the user to restore a backup when it reports damage.
    pub fn integrity_status(&self) -> IntegrityStatus {
        match self.integrity.status() {
            IntegrityStatus::Damaged(error) => {
                IntegrityStatus::Damaged(named_file_error(&self.path, error))
            }
            other => other,
        }
    }

    /// Waits for the integrity check of this opening; `Corrupt` when the file is damaged.
    pub fn wait_for_integrity_check(&self) -> Result<(), StoreError> {
        self.integrity
            .wait()
            .map_err(|error| named_file_error(&self.path, error))
    }

    /// The schema version of the open file (the number of the last migration applied).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        read_version(&self.connection)
    }

    /// The company file this store has open.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for diagnostics and for tests that prove the file's own
    /// rules (triggers, constraints) hold against raw SQL. Application code uses the typed API.
    pub fn raw_connection(&self) -> &Connection {
        &self.connection
    }
}

/// A file with tables but no Fakturera version, or another program's application id, is not ours.
fn check_belongs_to_us(connection: &Connection, version: u32) -> Result<(), StoreError> {
    let application_id: i32 =
        connection.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let foreign_id = application_id != 0 && application_id != APPLICATION_ID;
    let table_count: i64 =
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    if foreign_id || (version == 0 && table_count > 0) {
        return Err(StoreError::new(
            StoreErrorKind::Corrupt,
            Text::new(
                "Filen är en databas från ett annat program, inte en Fakturera-företagsfil. Välj en annan fil.",
                "The file is a database from another program, not a Fakturera company file. Choose another file.",
            ),
        ));
    }
    Ok(())
}

fn open_error(path: &Path, error: rusqlite::Error) -> StoreError {
    named_file_error(path, StoreError::from(error))
}

/// Puts the file's path in front of a message about the file, so the user knows which one.
fn named_file_error(path: &Path, error: StoreError) -> StoreError {
    let shown = path.display();
    let message = error.message();
    let mut named = StoreError::new(
        error.kind(),
        Text::new(
            format!("{shown}: {}", message.sv),
            format!("{shown}: {}", message.en),
        ),
    );
    if let Some(detail) = error.detail() {
        named = named.with_detail(detail.to_owned());
    }
    named
}
