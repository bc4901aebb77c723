//! Forward-only schema migrations, embedded in the binary and tracked with `PRAGMA user_version`.
//!
//! rusqlite_migration does not support rusqlite 0.43 yet, and the runner we need is small:
//! apply each missing step in its own IMMEDIATE transaction, refuse files from newer builds.

use fakturera_core::Text;
use rusqlite::{Connection, TransactionBehavior};

use crate::error::{StoreError, StoreErrorKind};

/// One migration: `migrations/NNNN_name.sql`, whose number is the schema version it leads to.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration in order. A migration that has shipped is never edited; add a new one.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_company",
        sql: include_str!("../../../migrations/0001_company.sql"),
    },
    Migration {
        version: 2,
        name: "0002_registers",
        sql: include_str!("../../../migrations/0002_registers.sql"),
    },
    Migration {
        version: 3,
        name: "0003_invoices",
        sql: include_str!("../../../migrations/0003_invoices.sql"),
    },
    Migration {
        version: 4,
        name: "0004_invoice_events_payments",
        sql: include_str!("../../../migrations/0004_invoice_events_payments.sql"),
    },
    Migration {
        version: 5,
        name: "0005_outbox",
        sql: include_str!("../../../migrations/0005_outbox.sql"),
    },
    Migration {
        version: 6,
        name: "0006_invoice_ocr_index",
        sql: include_str!("../../../migrations/0006_invoice_ocr_index.sql"),
    },
];

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |migration| migration.version)
}

pub(crate) fn read_version(connection: &Connection) -> Result<u32, StoreError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    u32::try_from(version).map_err(|_| crate::error::corrupt_file_error())
}

/// Refuses a file whose schema this build does not know, before anything is written to it.
pub(crate) fn refuse_newer(file_version: u32) -> Result<(), StoreError> {
    let known = latest_version();
    if file_version > known {
        return Err(StoreError::new(
            StoreErrorKind::NewerSchema,
            Text::new(
                format!(
                    "Företagsfilen har skapats av en nyare version av Fakturera (schemaversion {file_version}, \
                     den här versionen känner till {known}). Uppdatera Fakturera för att öppna den; filen har inte ändrats."
                ),
                format!(
                    "The company file was created by a newer version of Fakturera (schema version {file_version}, \
                     this version knows {known}). Update Fakturera to open it; the file has not been changed."
                ),
            ),
        ));
    }
    Ok(())
}

/// Applies the missing migrations, each atomically with its version bump.
///
/// The version is re-read inside each write transaction so two processes opening a fresh file at
/// the same moment do not both apply a step.
pub(crate) fn migrate_to_latest(connection: &mut Connection) -> Result<(), StoreError> {
    for migration in MIGRATIONS {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = read_version(&transaction)?;
        refuse_newer(current)?;
        if current >= migration.version {
            continue;
        }
        transaction.execute_batch(migration.sql).map_err(|error| {
            StoreError::from(error).with_detail(format!("migration {} failed", migration.name))
        })?;
        transaction.pragma_update(None, "user_version", migration.version)?;
        transaction.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_migrations_is_embedded_in_order() -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
        let mut names: Vec<String> = std::fs::read_dir(dir)?
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| name.ends_with(".sql"))
            .map(|name| name.trim_end_matches(".sql").to_owned())
            .collect();
        names.sort();
        let embedded: Vec<&str> = MIGRATIONS.iter().map(|migration| migration.name).collect();
        assert_eq!(names, embedded);
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            let expected = u32::try_from(index + 1)?;
            assert_eq!(migration.version, expected, "{}", migration.name);
            assert!(
                migration.name.starts_with(&format!("{expected:04}_")),
                "{}",
                migration.name
            );
        }
        Ok(())
    }

    #[test]
    fn migrating_twice_changes_nothing() -> Result<(), StoreError> {
        let mut connection = Connection::open_in_memory()?;
        migrate_to_latest(&mut connection)?;
        migrate_to_latest(&mut connection)?;
        assert_eq!(read_version(&connection)?, latest_version());
        Ok(())
    }
}
