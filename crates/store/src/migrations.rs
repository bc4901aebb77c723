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
    Migration {
        version: 7,
        name: "0007_outbox_lease_and_series_gaps",
        sql: include_str!("../../../migrations/0007_outbox_lease_and_series_gaps.sql"),
    },
    Migration {
        version: 8,
        name: "0008_text_rows_discount",
        sql: include_str!("../../../migrations/0008_text_rows_discount.sql"),
    },
    Migration {
        version: 9,
        name: "0009_money_in",
        sql: include_str!("../../../migrations/0009_money_in.sql"),
    },
    Migration {
        version: 10,
        name: "0010_bookkeeping",
        sql: include_str!("../../../migrations/0010_bookkeeping.sql"),
    },
    Migration {
        version: 11,
        name: "0011_customer_copy_email",
        sql: include_str!("../../../migrations/0011_customer_copy_email.sql"),
    },
];

/// Work a migration needs that SQL cannot do exactly (decimal sums), run in the same transaction
/// right after its SQL. Keyed by the name after the number, so renumbering keeps it.
fn after_migration(name: &str, transaction: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    if name.ends_with("_money_in") {
        // Credits and payments recorded before this version decide the new states and amounts.
        crate::invoices::refresh_every_settlement(transaction)?;
    }
    Ok(())
}

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |migration| migration.version)
}

/// The version builds of 2026-12-04 gave the text-rows migration, now 0008: the migrations
/// numbered 9 to 11 on other branches then landed before it and were numbered without gaps.
const EARLY_TEXT_ROWS_VERSION: i64 = 12;

fn has_table(connection: &Connection, name: &str) -> Result<bool, StoreError> {
    let found: i64 = connection.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [name],
        |row| row.get(0),
    )?;
    Ok(found > 0)
}

/// The schema version of the file. A file those builds wrote says 12 but has the schema of
/// version 8 (text rows, no money-in tables): it is read as 8, so the migrations after it run
/// and it opens instead of being refused as "newer".
pub(crate) fn read_version(connection: &Connection) -> Result<u32, StoreError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version == EARLY_TEXT_ROWS_VERSION
        && has_table(connection, "invoice_text_rows")?
        && !has_table(connection, "bank_files")?
    {
        return Ok(8);
    }
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
    migrate_to(connection, latest_version())
}

/// Applies the missing migrations up to `version` (the schema a file of that version has).
pub(crate) fn migrate_to(connection: &mut Connection, version: u32) -> Result<(), StoreError> {
    for migration in MIGRATIONS
        .iter()
        .take_while(|migration| migration.version <= version)
    {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = read_version(&transaction)?;
        refuse_newer(current)?;
        if current >= migration.version {
            continue;
        }
        transaction.execute_batch(migration.sql).map_err(|error| {
            // Not `StoreError::from`: the error text can quote the migration's SQL, whose trigger
            // markers would be mistaken for the trigger firing.
            StoreError::new(
                StoreErrorKind::Internal,
                Text::new(
                    "Företagsfilen kunde inte uppdateras till den här versionen av Fakturera; inget ändrades. Kontakta supporten.",
                    "The company file could not be brought up to this version of Fakturera; nothing was changed. Contact support.",
                ),
            )
            .with_detail(format!("migration {} failed: {error}", migration.name))
        })?;
        after_migration(migration.name, &transaction)?;
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
        // Versions are 1, 2, 3, … with no gap: each file's number is its version.
        let mut previous = 0;
        for migration in MIGRATIONS {
            assert_eq!(migration.version, previous + 1, "{}", migration.name);
            assert!(
                migration
                    .name
                    .starts_with(&format!("{:04}_", migration.version)),
                "{}",
                migration.name
            );
            previous = migration.version;
        }
        Ok(())
    }

    /// A shipped migration is never edited: company files out there already ran it, and a
    /// changed migration would give them a schema the new build does not expect. A new migration
    /// adds its line to migrations/SHA256SUMS (`sha256sum *.sql > SHA256SUMS` in that folder).
    #[test]
    fn no_shipped_migration_changes() -> Result<(), Box<dyn std::error::Error>> {
        use sha2::{Digest, Sha256};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations");
        let sums = std::fs::read_to_string(dir.join("SHA256SUMS"))?;
        let recorded: Vec<(&str, &str)> = sums
            .lines()
            .filter_map(|line| line.split_once("  "))
            .collect();
        let names: Vec<&str> = recorded.iter().map(|(_, name)| *name).collect();
        let embedded: Vec<String> = MIGRATIONS
            .iter()
            .map(|migration| format!("{}.sql", migration.name))
            .collect();
        assert_eq!(
            names, embedded,
            "every migration has one line in SHA256SUMS"
        );
        for ((sum, name), migration) in recorded.iter().zip(MIGRATIONS) {
            let digest = Sha256::digest(migration.sql.as_bytes());
            let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
            assert_eq!(
                &hex, sum,
                "{name} was edited after it shipped; add a new migration instead"
            );
        }
        Ok(())
    }

    #[test]
    fn a_file_with_text_rows_numbered_12_is_read_as_8_and_migrated() -> Result<(), StoreError> {
        let mut connection = Connection::open_in_memory()?;
        migrate_to(&mut connection, 8)?;
        connection.pragma_update(None, "user_version", 12)?;
        assert_eq!(read_version(&connection)?, 8);
        migrate_to_latest(&mut connection)?;
        assert_eq!(read_version(&connection)?, latest_version());
        assert!(has_table(&connection, "bank_files")?);
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
