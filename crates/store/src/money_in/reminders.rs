//! Reminder records: which overdue invoice a reminder document names, at which level, what was
//! left and what fee it charged. Written with the document, never changed.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;

use crate::error::StoreError;
use crate::invoices::InvoiceEventKind;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::{StoredDecimal, decimal_at};

/// A reminder about to be written with its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    /// The overdue invoice.
    pub invoice_id: InvoiceId,
    /// 1 for the first reminder, 2 for the second.
    pub level: u8,
    pub created_on: NaiveDate,
    /// What was left on the invoice, in its currency.
    pub remaining: Decimal,
    pub fee: Decimal,
    pub pay_by: NaiveDate,
}

/// A reminder as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// The reminder document (numbered, sent through the outbox).
    pub document_id: InvoiceId,
    pub document_number: String,
    pub invoice_id: InvoiceId,
    pub level: u8,
    pub created_on: NaiveDate,
    pub remaining: Decimal,
    pub fee: Decimal,
    pub pay_by: NaiveDate,
}

pub(crate) fn insert_reminder(
    connection: &Connection,
    document: InvoiceId,
    reminder: &NewReminder,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO reminders (document_id, invoice_id, level, created_on, remaining, fee, pay_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![
            document,
            reminder.invoice_id,
            reminder.level,
            reminder.created_on,
            StoredDecimal(reminder.remaining),
            StoredDecimal(reminder.fee),
            reminder.pay_by,
        ])
        .map_err(|error| {
            if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
                StoreError::new(
                    crate::error::StoreErrorKind::Conflict,
                    fakturera_core::Text::new(
                        format!("Fakturan har redan en påminnelse nummer {}.", reminder.level),
                        format!("The invoice already has reminder number {}.", reminder.level),
                    ),
                )
            } else {
                StoreError::from(error)
            }
        })?;
    crate::invoices::append_invoice_event_in(
        connection,
        reminder.invoice_id,
        &InvoiceEventKind::Other("reminded".to_owned()),
        &format!("reminder {} (document {document})", reminder.level),
        now,
    )
}

const REMINDER_COLUMNS: &str = "r.document_id, d.number_text, r.invoice_id, r.level, r.created_on, \
    r.remaining, r.fee, r.pay_by";

fn reminder_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Reminder> {
    Ok(Reminder {
        document_id: row.get(0)?,
        document_number: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
        invoice_id: row.get(2)?,
        level: row.get(3)?,
        created_on: row.get(4)?,
        remaining: decimal_at(row, 5)?,
        fee: decimal_at(row, 6)?,
        pay_by: row.get(7)?,
    })
}

impl Store {
    /// Every reminder, newest first.
    pub fn reminders(&self) -> Result<Vec<Reminder>, StoreError> {
        Ok(self
            .connection
            .prepare_cached(&format!(
                "SELECT {REMINDER_COLUMNS} FROM reminders r JOIN invoices d ON d.id = r.document_id
                 ORDER BY r.document_id DESC"
            ))?
            .query_map([], reminder_from_row)?
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// The reminder a reminder document stands for.
    pub fn reminder_of_document(
        &self,
        document: InvoiceId,
    ) -> Result<Option<Reminder>, StoreError> {
        Ok(self
            .connection
            .prepare_cached(&format!(
                "SELECT {REMINDER_COLUMNS} FROM reminders r JOIN invoices d ON d.id = r.document_id
                 WHERE r.document_id = ?1"
            ))?
            .query_row([document], reminder_from_row)
            .optional()?)
    }
}
