//! Reminder records: which overdue invoice a reminder document names, at which level, what was
//! left and what fee it charged. Written with the document, never changed.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, ToSql};
use rust_decimal::Decimal;

use super::DOCUMENT_COLUMNS;
use crate::column_list::{ColumnList, MappedTable, RowValues, owned};
use crate::error::StoreError;
use crate::invoices::InvoiceEventKind;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::StoredDecimal;

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

const REMINDER_COLUMNS: ColumnList<NewReminder> = ColumnList(&[
    ("invoice_id", |r| r.invoice_id.to_sql()),
    ("level", |r| r.level.to_sql()),
    ("created_on", |r| r.created_on.to_sql()),
    ("remaining", |r| owned(StoredDecimal(r.remaining))),
    ("fee", |r| owned(StoredDecimal(r.fee))),
    ("pay_by", |r| r.pay_by.to_sql()),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![(
        "reminders",
        DOCUMENT_COLUMNS
            .names()
            .chain(REMINDER_COLUMNS.names())
            .collect(),
    )]
}

pub(crate) fn insert_reminder(
    connection: &Connection,
    document: InvoiceId,
    reminder: &NewReminder,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    RowValues::of(&DOCUMENT_COLUMNS, &document)?
        .and(&REMINDER_COLUMNS, reminder)?
        .insert(connection, "reminders")
        .map_err(|error| {
            if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
                StoreError::new(
                    crate::error::StoreErrorKind::Conflict,
                    fakturera_core::Text::new(
                        format!(
                            "Fakturan har redan en påminnelse nummer {}.",
                            reminder.level
                        ),
                        format!(
                            "The invoice already has reminder number {}.",
                            reminder.level
                        ),
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

/// A reminder's columns and its document's number.
fn reminder_select() -> String {
    format!(
        "r.document_id, d.number_text AS document_number, {}",
        REMINDER_COLUMNS.select_list(Some("r"))
    )
}

fn reminder_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Reminder> {
    Ok(Reminder {
        document_id: row.get("document_id")?,
        document_number: row
            .get::<_, Option<String>>("document_number")?
            .unwrap_or_default(),
        invoice_id: row.get("invoice_id")?,
        level: row.get("level")?,
        created_on: row.get("created_on")?,
        remaining: row.decimal("remaining")?,
        fee: row.decimal("fee")?,
        pay_by: row.get("pay_by")?,
    })
}

impl Store {
    /// Every reminder, newest first.
    pub fn reminders(&self) -> Result<Vec<Reminder>, StoreError> {
        Ok(self
            .connection
            .prepare_cached(&format!(
                "SELECT {} FROM reminders r JOIN invoices d ON d.id = r.document_id
                 ORDER BY r.document_id DESC",
                reminder_select()
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
                "SELECT {} FROM reminders r JOIN invoices d ON d.id = r.document_id
                 WHERE r.document_id = ?1",
                reminder_select()
            ))?
            .query_row([document], reminder_from_row)
            .optional()?)
    }
}
