//! Opening a company file: the connection settings every caller relies on, the health check,
//! and bringing the schema up to date with a backup first.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fakturera_core::Text;
use rusqlite::{Connection, OpenFlags};

use crate::backup::{backup_dir_for, backup_to_new_file};
use crate::error::{StoreError, StoreErrorKind};
use crate::migrations::{latest_version, migrate_to_latest, read_version, refuse_newer};

/// Marks a SQLite file as a Fakturera company file ("FAKT"), so we never migrate a stranger's database.
pub(crate) const APPLICATION_ID: i32 = 0x4641_4B54;

/// How long a write waits for another process holding the file before giving up with `Busy`.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open company file. One per file per process; wrap it in a mutex to share between threads.
#[derive(Debug)]
pub struct Store {
    pub(crate) connection: Connection,
    pub(crate) path: PathBuf,
}

impl Store {
    /// Opens the company file at `path`, creating it (and its folder) when missing.
    ///
    /// Checks the file's integrity, refuses files from newer versions without touching them,
    /// backs up an existing file before migrating it, then applies the missing migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
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

        let version = if existed {
            let version =
                read_version(&connection).map_err(|error| named_file_error(path, error))?;
            check_belongs_to_us(&connection, version)
                .map_err(|error| named_file_error(path, error))?;
            check_integrity(&connection).map_err(|error| named_file_error(path, error))?;
            refuse_newer(version)?;
            version
        } else {
            0
        };

        connection.pragma_update(None, "journal_mode", "WAL")?;
        // FULL makes each commit durable on power loss: an issued number must never be forgotten.
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", true)?;
        connection.pragma_update(None, "trusted_schema", false)?;

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
        Ok(Store {
            connection,
            path: path.to_owned(),
        })
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

/// Runs SQLite's own consistency check, so damage is reported at open instead of mid-work.
fn check_integrity(connection: &Connection) -> Result<(), StoreError> {
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
            "Integritetskontrollen hittade fel i företagsfilen, så den är skadad. Återställ den från en säkerhetskopia \
             och kontakta supporten om felet kommer tillbaka.",
            "The integrity check found errors in the company file, so it is damaged. Restore it from a backup and \
             contact support if the problem comes back.",
        ),
    )
    .with_detail(problems.join("\n")))
}

fn run_integrity_check(connection: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare("PRAGMA integrity_check(20)")?;
    let problems = statement.query_map([], |row| row.get::<_, String>(0))?;
    problems.collect()
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
