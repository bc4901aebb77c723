//! The append-only log of what happened to each invoice, with time and what changed.
//! Triggers refuse UPDATE and DELETE on it, so history cannot be rewritten.

use chrono::{DateTime, Utc};
use fakturera_core::invoice::Invoice;
use rusqlite::{Connection, ToSql};

use crate::column_list::ColumnList;
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::InvoiceId;

/// What happened. The store logs the first five itself; the app adds its own (sent, delivered,
/// reminded, ...) as `Other` with a stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvoiceEventKind {
    Created,
    Edited,
    Issued,
    Deleted,
    PaymentRecorded,
    Other(String),
}

impl InvoiceEventKind {
    pub fn code(&self) -> &str {
        match self {
            InvoiceEventKind::Created => "created",
            InvoiceEventKind::Edited => "edited",
            InvoiceEventKind::Issued => "issued",
            InvoiceEventKind::Deleted => "deleted",
            InvoiceEventKind::PaymentRecorded => "payment_recorded",
            InvoiceEventKind::Other(code) => code,
        }
    }

    pub fn from_code(code: &str) -> InvoiceEventKind {
        match code {
            "created" => InvoiceEventKind::Created,
            "edited" => InvoiceEventKind::Edited,
            "issued" => InvoiceEventKind::Issued,
            "deleted" => InvoiceEventKind::Deleted,
            "payment_recorded" => InvoiceEventKind::PaymentRecorded,
            other => InvoiceEventKind::Other(other.to_owned()),
        }
    }
}

/// One entry of an invoice's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceEvent {
    pub at: DateTime<Utc>,
    pub kind: InvoiceEventKind,
    /// What changed, in a few words ("number F-1001", "lines, due_date").
    pub detail: String,
}

impl Store {
    /// The history of one invoice, oldest first.
    pub fn invoice_events(&self, id: InvoiceId) -> Result<Vec<InvoiceEvent>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT at, kind, detail FROM invoice_events WHERE invoice_id = ?1 ORDER BY id",
        )?;
        let events = statement.query_map([id], |row| {
            Ok(InvoiceEvent {
                at: row.get("at")?,
                kind: InvoiceEventKind::from_code(&row.get::<_, String>("kind")?),
                detail: row.get("detail")?,
            })
        })?;
        Ok(events.collect::<Result<Vec<_>, _>>()?)
    }

    /// Adds an event of the app's own, e.g. "sent" with the channel.
    pub fn append_invoice_event(
        &self,
        id: InvoiceId,
        kind: &InvoiceEventKind,
        detail: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let exists: bool = self.connection.query_row(
            "SELECT EXISTS (SELECT 1 FROM invoices WHERE id = ?1)",
            [id],
            |row| row.get(0),
        )?;
        if !exists {
            return Err(StoreError::not_found("faktura", "invoice", id));
        }
        append_event(&self.connection, id, kind, detail, now)
    }
}

/// An event as written.
pub(crate) struct NewEvent {
    pub invoice_id: InvoiceId,
    pub at: DateTime<Utc>,
    pub kind: String,
    pub detail: String,
}

pub(crate) const INVOICE_EVENT_COLUMNS: ColumnList<NewEvent> = ColumnList(&[
    ("invoice_id", |e| e.invoice_id.to_sql()),
    ("at", |e| e.at.to_sql()),
    ("kind", |e| e.kind.to_sql()),
    ("detail", |e| e.detail.to_sql()),
]);

pub(crate) fn append_event(
    connection: &Connection,
    id: InvoiceId,
    kind: &InvoiceEventKind,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let event = NewEvent {
        invoice_id: id,
        at: now,
        kind: kind.code().to_owned(),
        detail: detail.to_owned(),
    };
    INVOICE_EVENT_COLUMNS.insert(connection, "invoice_events", &event)?;
    Ok(())
}

/// The names of the parts of an invoice that differ, for the "edited" event.
pub(crate) fn describe_changes(before: &Invoice, after: &Invoice) -> String {
    let checks: [(&str, bool); 16] = [
        ("buyer", before.buyer != after.buyer),
        ("seller", before.seller != after.seller),
        ("issue_date", before.issue_date != after.issue_date),
        ("due_date", before.due_date != after.due_date),
        ("delivery_date", before.delivery_date != after.delivery_date),
        (
            "references",
            (
                &before.our_reference,
                &before.your_reference,
                &before.buyer_reference,
                &before.order_reference,
            ) != (
                &after.our_reference,
                &after.your_reference,
                &after.buyer_reference,
                &after.order_reference,
            ),
        ),
        (
            "currency",
            before.currency != after.currency || before.exchange_rate != after.exchange_rate,
        ),
        ("language", before.language != after.language),
        ("price_entry", before.price_entry != after.price_entry),
        ("lines", before.lines != after.lines),
        ("text_rows", before.text_rows != after.text_rows),
        ("charges", before.charges != after.charges),
        ("discount", before.discount != after.discount),
        ("rounding", before.rounding != after.rounding),
        ("payment_terms", before.payment_terms != after.payment_terms),
        (
            "notes",
            before.notes != after.notes || before.ocr != after.ocr,
        ),
    ];
    let changed: Vec<&str> = checks
        .iter()
        .filter(|(_, differs)| *differs)
        .map(|(name, _)| *name)
        .collect();
    if changed.is_empty() {
        "no changes".to_owned()
    } else {
        changed.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::samples;

    #[test]
    fn changes_are_named() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 5, 4).expect("date");
        let before = samples::domestic_invoice(date);
        let mut after = before.clone();
        assert_eq!(describe_changes(&before, &after), "no changes");
        after.notes = "Tack!".to_owned();
        after.lines.pop();
        assert_eq!(describe_changes(&before, &after), "lines, notes");
    }

    #[test]
    fn kinds_round_trip() {
        for kind in [
            InvoiceEventKind::Created,
            InvoiceEventKind::Edited,
            InvoiceEventKind::Issued,
            InvoiceEventKind::Deleted,
            InvoiceEventKind::PaymentRecorded,
            InvoiceEventKind::Other("sent".to_owned()),
        ] {
            assert_eq!(InvoiceEventKind::from_code(kind.code()), kind);
        }
    }
}
