//! Restoring a backup without ever handing out a number, an OCR reference or an idempotency key
//! twice.
//!
//! The policy, as a bookkeeper would want it: a restore goes back in time for what stayed inside
//! the program (drafts, registers, settings, payments), never for what has left it.
//! - A backup that lacks an invoice the file has issued is refused, with the numbers it lacks: that
//!   invoice may already be with the customer, is part of the bookkeeping, and its number and OCR
//!   reference would be issued again.
//! - What the file knows about sending (every outbox entry with its key, state and timeline) and
//!   how far each number series has come are carried forward into the restored content.
//! - Payments recorded after the backup are gone after it, and are listed in the answer so they
//!   can be entered again.
//! - A backup whose schema is not exactly what the migrations make (a dropped trigger, say) is
//!   refused, as are damaged files, other programs' databases and newer versions.
//!
//! The whole replacement happens in one IMMEDIATE transaction on the file: the checks read the
//! live file inside it, so a process issuing at the same moment either finishes first (and is
//! seen) or waits; a crash leaves the file as it was.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::backup::{BEFORE_RESTORE_PREFIX, TIME_FORMAT, backup_to_new_file};
use crate::error::{StoreError, StoreErrorKind};
use crate::migrations::{latest_version, migrate_to_latest, read_version};
use crate::open::{APPLICATION_ID, Store};
use crate::schema_check::schema_differences;

/// A payment the file had that the restored backup lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentNotInBackup {
    pub invoice_number: String,
    pub paid_on: String,
    pub amount: String,
}

/// What a restore did beyond copying the backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// The copy of the file as it was just before the restore.
    pub safety_copy: PathBuf,
    /// Outbox entries (sent or queued invoices) carried forward from the file.
    pub outbox_entries_carried: u64,
    /// Number series whose next number was carried forward: (name, next number).
    pub series_carried: Vec<(String, i64)>,
    /// Payments recorded after the backup was taken; enter them again.
    pub payments_not_in_backup: Vec<PaymentNotInBackup>,
}

impl Store {
    /// Replaces the open file's content with the backup at `backup`, after checking the backup,
    /// taking a safety copy of the current content, and refusing when the backup lacks an invoice
    /// this file has issued (see the module's policy). Migrates an older backup forward.
    pub fn restore_from_backup(
        &mut self,
        backup: &Path,
        now: DateTime<Utc>,
    ) -> Result<RestoreReport, StoreError> {
        let source = open_checked_backup(backup)?;
        let name = format!("{BEFORE_RESTORE_PREFIX}{}", now.format(TIME_FORMAT));
        let safety_copy = backup_to_new_file(&self.connection, &self.backup_dir(), &name)?;
        // The backup, brought to this version's schema in a file of its own.
        let staged = safety_copy.with_extension("restoring");
        let _ = std::fs::remove_file(&staged);
        let outcome = stage(&source, &staged).and_then(|()| {
            drop(source);
            self.replace_content_with(&staged, safety_copy.clone())
        });
        let _ = std::fs::remove_file(&staged);
        outcome
    }

    fn replace_content_with(
        &mut self,
        staged: &Path,
        safety_copy: PathBuf,
    ) -> Result<RestoreReport, StoreError> {
        self.connection
            .execute("ATTACH DATABASE ?1 AS restored", [staged.to_string_lossy()])?;
        let outcome = replace_attached(&mut self.connection, safety_copy);
        let detached = self.connection.execute_batch("DETACH DATABASE restored");
        let report = outcome?;
        detached?;
        Ok(report)
    }
}

/// Copies the backup to `staged` and migrates the copy to this version.
fn stage(source: &Connection, staged: &Path) -> Result<(), StoreError> {
    source.backup(
        rusqlite::MAIN_DB,
        staged,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    let mut copy = Connection::open(staged)?;
    copy.pragma_update(None, "foreign_keys", true)?;
    migrate_to_latest(&mut copy)?;
    Ok(())
}

fn replace_attached(
    connection: &mut Connection,
    safety_copy: PathBuf,
) -> Result<RestoreReport, StoreError> {
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    refuse_missing_issued_invoices(&transaction)?;
    refuse_other_outbox_keys(&transaction)?;
    let payments_not_in_backup = payments_not_in_backup(&transaction)?;
    transaction.execute_batch(
        "PRAGMA defer_foreign_keys = ON;
         CREATE TEMP TABLE carry_outbox AS SELECT * FROM main.outbox;
         CREATE TEMP TABLE carry_delivery_events AS SELECT * FROM main.delivery_events;
         CREATE TEMP TABLE carry_series AS SELECT id, name, next_number FROM main.number_series;
         CREATE TEMP TABLE carry_sequence AS SELECT name, seq FROM main.sqlite_sequence;
         CREATE TEMP TABLE carry_gaps AS SELECT * FROM main.number_series_gaps;",
    )?;
    let triggers = drop_triggers(&transaction)?;
    for table in tables(&transaction)? {
        let columns = columns(&transaction, &table)?;
        transaction.execute_batch(&format!(
            "DELETE FROM main.\"{table}\";
             INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM restored.\"{table}\";"
        ))?;
    }
    let outbox_entries_carried = transaction.execute(
        "INSERT OR REPLACE INTO main.outbox SELECT * FROM temp.carry_outbox",
        [],
    )? as u64;
    transaction.execute_batch(
        "DELETE FROM main.delivery_events
             WHERE invoice_id IN (SELECT invoice_id FROM temp.carry_outbox);
         INSERT INTO main.delivery_events SELECT * FROM temp.carry_delivery_events;
         UPDATE main.sqlite_sequence SET seq = carried.seq FROM temp.carry_sequence AS carried
             WHERE carried.name = sqlite_sequence.name AND carried.seq > sqlite_sequence.seq;
         INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM temp.carry_sequence
             WHERE name NOT IN (SELECT name FROM main.sqlite_sequence);",
    )?;
    // The confirmed gaps explain the series carried forward, so they come along.
    transaction.execute_batch(
        "INSERT OR IGNORE INTO main.number_series_gaps SELECT * FROM temp.carry_gaps
             WHERE series_id IN (SELECT id FROM main.number_series);",
    )?;
    let series_carried = carry_series_forward(&transaction)?;
    for sql in triggers {
        transaction.execute_batch(&sql)?;
    }
    let broken_links: i64 =
        transaction.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    if broken_links > 0 {
        return Err(StoreError::new(
            StoreErrorKind::Conflict,
            Text::new(
                "Säkerhetskopian och företagsfilen går inte att förena (kopplingar mellan poster skulle brytas). Välj en annan säkerhetskopia. Inget har ändrats.",
                "The backup and the company file cannot be combined (links between records would break). Choose another backup. Nothing has been changed.",
            ),
        ));
    }
    transaction.execute_batch(
        "DROP TABLE temp.carry_outbox;
         DROP TABLE temp.carry_delivery_events;
         DROP TABLE temp.carry_series;
         DROP TABLE temp.carry_sequence;
         DROP TABLE temp.carry_gaps;",
    )?;
    transaction.commit()?;
    Ok(RestoreReport {
        safety_copy,
        outbox_entries_carried,
        series_carried,
        payments_not_in_backup,
    })
}

/// Issued invoices of the file that the backup does not have with the same number and OCR.
fn refuse_missing_issued_invoices(connection: &Connection) -> Result<(), StoreError> {
    let mut statement = connection.prepare(
        "SELECT current.number_text FROM main.invoices AS current
         WHERE current.status = 'issued' AND NOT EXISTS (
             SELECT 1 FROM restored.invoices AS kept
             WHERE kept.id = current.id AND kept.status = 'issued'
               AND kept.series_id = current.series_id AND kept.number = current.number
               AND kept.ocr = current.ocr)
         ORDER BY current.series_id, current.number",
    )?;
    let missing: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if missing.is_empty() {
        return Ok(());
    }
    let shown = listing(&missing);
    let count = missing.len();
    Err(StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            format!(
                "Säkerhetskopian saknar {count} faktura/fakturor som redan är utfärdade i företagsfilen (nummer {shown}). \
                 De kan redan ha nått kunden och hör till bokföringen; en återställning skulle ta bort dem och låta deras \
                 nummer och OCR-nummer användas igen. Välj en nyare säkerhetskopia, eller rätta i den nuvarande filen. \
                 Inget har ändrats."
            ),
            format!(
                "The backup lacks {count} invoice(s) already issued in the company file (number {shown}). \
                 They may already be with the customer and belong to the bookkeeping; a restore would remove them and \
                 let their numbers and OCR references be used again. Choose a newer backup, or correct the current \
                 file. Nothing has been changed."
            ),
        ),
    ))
}

/// An outbox entry whose key differs between file and backup: the two do not share a history.
fn refuse_other_outbox_keys(connection: &Connection) -> Result<(), StoreError> {
    let differing: i64 = connection.query_row(
        "SELECT COUNT(*) FROM main.outbox AS current JOIN restored.outbox AS kept
             ON kept.invoice_id = current.invoice_id
         WHERE kept.idempotency_key IS NOT current.idempotency_key",
        [],
        |row| row.get(0),
    )?;
    if differing == 0 {
        return Ok(());
    }
    Err(StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            "Säkerhetskopian kommer inte från den här företagsfilen: samma faktura har skickats med olika nycklar. Välj en säkerhetskopia av den här filen. Inget har ändrats.",
            "The backup does not come from this company file: the same invoice was sent with different keys. Choose a backup of this file. Nothing has been changed.",
        ),
    ))
}

fn payments_not_in_backup(connection: &Connection) -> Result<Vec<PaymentNotInBackup>, StoreError> {
    let mut statement = connection.prepare(
        "SELECT COALESCE(invoice.number_text, '') AS invoice_number, payment.paid_on, payment.amount
         FROM main.invoice_payments AS payment
         JOIN main.invoices AS invoice ON invoice.id = payment.invoice_id
         WHERE payment.id NOT IN (SELECT id FROM restored.invoice_payments)
         ORDER BY payment.id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(PaymentNotInBackup {
            invoice_number: row.get("invoice_number")?,
            paid_on: row.get("paid_on")?,
            amount: row.get("amount")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Drops every trigger of the file and returns their definitions, to be created again after the
/// content is replaced (inside the same transaction, so no other connection ever sees them gone).
fn drop_triggers(connection: &Connection) -> Result<Vec<String>, StoreError> {
    let mut statement = connection
        .prepare("SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' ORDER BY name")?;
    let triggers: Vec<(String, String)> = statement
        .query_map([], |row| Ok((row.get("name")?, row.get("sql")?)))?
        .collect::<Result<_, _>>()?;
    for (name, _) in &triggers {
        connection.execute_batch(&format!("DROP TRIGGER main.\"{name}\""))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

fn tables(connection: &Connection) -> Result<Vec<String>, StoreError> {
    let mut statement = connection.prepare(
        "SELECT name FROM main.sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let names = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names)
}

fn columns(connection: &Connection, table: &str) -> Result<String, StoreError> {
    let mut statement = connection.prepare("SELECT name FROM pragma_table_info(?1, 'main')")?;
    let names: Vec<String> = statement
        .query_map([table], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", "))
}

/// Each series continues from where the file had come, never from where the backup was.
fn carry_series_forward(connection: &Connection) -> Result<Vec<(String, i64)>, StoreError> {
    let mut statement = connection.prepare(
        "UPDATE main.number_series SET next_number = carried.next_number
         FROM temp.carry_series AS carried
         WHERE carried.id = number_series.id AND carried.next_number > number_series.next_number
         RETURNING number_series.name, number_series.next_number",
    )?;
    let mut carried: Vec<(String, i64)> = statement
        .query_map([], |row| Ok((row.get("name")?, row.get("next_number")?)))?
        .collect::<Result<_, _>>()?;
    carried.sort();
    Ok(carried)
}

/// At most ten numbers, then how many more.
fn listing(numbers: &[String]) -> String {
    let mut shown = numbers
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if numbers.len() > 10 {
        shown.push_str(&format!(" … (+{})", numbers.len() - 10));
    }
    shown
}

/// Opens a backup read-only and makes sure it is a healthy Fakturera file this build can read,
/// with exactly the schema our migrations make for its version.
fn open_checked_backup(path: &Path) -> Result<Connection, StoreError> {
    let refuse =
        |sv: String, en: String| StoreError::new(StoreErrorKind::Invalid, Text::new(sv, en));
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(refuse(
            format!(
                "Säkerhetskopian {shown} finns inte. Välj en fil i listan över säkerhetskopior."
            ),
            format!("The backup {shown} does not exist. Choose a file from the list of backups."),
        ));
    }
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let application_id: i32 = source
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|_| unusable_backup(&shown))?;
    if application_id != APPLICATION_ID {
        return Err(unusable_backup(&shown));
    }
    let check: String = source.query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(unusable_backup(&shown).with_detail(check));
    }
    let version = read_version(&source)?;
    if version > latest_version() {
        return Err(refuse(
            format!(
                "Säkerhetskopian {shown} kommer från en nyare version av Fakturera. Uppdatera programmet först."
            ),
            format!(
                "The backup {shown} comes from a newer version of Fakturera. Update the program first."
            ),
        ));
    }
    let differences = schema_differences(&source, "main", version)?;
    if !differences.is_empty() {
        return Err(refuse(
            format!(
                "Säkerhetskopian {shown} har inte den uppbyggnad Fakturera ger sina filer (tabeller, index eller regler \
                 saknas eller har ändrats utanför programmet), så den kan inte skydda utfärdade fakturor. Välj en annan \
                 säkerhetskopia; inget har ändrats."
            ),
            format!(
                "The backup {shown} does not have the structure Fakturera gives its files (tables, indexes or rules \
                 are missing or were changed outside the program), so it cannot protect issued invoices. Choose \
                 another backup; nothing has been changed."
            ),
        )
        .with_detail(differences.join("; ")));
    }
    Ok(source)
}

fn unusable_backup(shown: &str) -> StoreError {
    StoreError::new(
        StoreErrorKind::Invalid,
        Text::new(
            format!(
                "{shown} är inte en hel Fakturera-säkerhetskopia. Välj en annan säkerhetskopia; inget har ändrats."
            ),
            format!(
                "{shown} is not an intact Fakturera backup. Choose another backup; nothing has been changed."
            ),
        ),
    )
}
