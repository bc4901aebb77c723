//! Opening items: unpaid invoices from the previous program, imported so reminders, payment
//! matching by OCR and the customer ledger work from the first day. Each becomes an issued invoice
//! in a series of its own ("Ingående poster"), shown with its old number, so the company's own
//! series goes on unchanged. All items of one import are written in one transaction.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use fakturera_core::invoice::Invoice;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use super::content::write_content;
use super::events::{InvoiceEventKind, append_event};
use super::issue::mark_issued;
use super::new_row::{NewInvoiceRow, insert_invoice_row};
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId, SeriesId};

/// The columns of an opening item, written by `import_one`.
pub(crate) const OPENING_ITEM_WRITES: &[&str] = &["invoice_id", "original_number", "imported_at"];

/// The series that holds opening items.
pub const OPENING_SERIES_NAME: &str = "Ingående poster";

/// One unpaid invoice of the previous program, as a document with one line for the amount left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningItem {
    pub customer_id: CustomerId,
    /// The number it had in the previous program; shown as its number here.
    pub original_number: String,
    pub invoice: Invoice,
}

impl Store {
    /// The old numbers of the opening items already imported.
    pub fn opening_item_numbers(&self) -> Result<HashSet<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT original_number FROM opening_items")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<Result<HashSet<_>, _>>()?)
    }

    /// Every OCR reference in use, so an import can refuse one that is taken before it writes.
    pub fn ocr_references(&self) -> Result<HashSet<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT ocr FROM invoices WHERE ocr <> ''")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<Result<HashSet<_>, _>>()?)
    }

    /// Whether the invoice is an opening item from the previous program.
    pub fn is_opening_item(&self, id: InvoiceId) -> Result<bool, StoreError> {
        Ok(self
            .connection
            .prepare_cached("SELECT 1 FROM opening_items WHERE invoice_id = ?1")?
            .exists([id])?)
    }

    /// Imports every item as an issued, unpaid invoice, all or none.
    pub fn import_opening_items(
        &mut self,
        items: &[OpeningItem],
        now: DateTime<Utc>,
    ) -> Result<Vec<InvoiceId>, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let series = opening_series(&transaction)?;
        let mut ids = Vec::with_capacity(items.len());
        for item in items {
            ids.push(import_one(&transaction, series, item, now)?);
        }
        transaction.commit()?;
        Ok(ids)
    }
}

fn opening_series(transaction: &Transaction<'_>) -> Result<SeriesId, StoreError> {
    let found: Option<SeriesId> = transaction
        .query_row(
            "SELECT id FROM number_series WHERE name = ?1",
            [OPENING_SERIES_NAME],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    transaction.execute(
        "INSERT INTO number_series (name, prefix, next_number, is_default) VALUES (?1, '', 1, 0)",
        [OPENING_SERIES_NAME],
    )?;
    Ok(SeriesId(transaction.last_insert_rowid()))
}

fn import_one(
    transaction: &Transaction<'_>,
    series: SeriesId,
    item: &OpeningItem,
    now: DateTime<Utc>,
) -> Result<InvoiceId, StoreError> {
    let number = item.original_number.trim();
    let taken = transaction
        .prepare_cached("SELECT 1 FROM opening_items WHERE original_number = ?1")?
        .exists([number])?;
    if taken {
        return Err(StoreError::invalid_field(
            "number",
            Text::new(
                format!("Faktura {number} finns redan som ingående post. Ta bort raden ur filen."),
                format!(
                    "Invoice {number} is already an opening item. Remove the row from the file."
                ),
            ),
        ));
    }
    let invoice = &item.invoice;
    let totals = invoice.totals();
    let row = NewInvoiceRow {
        series_id: series,
        customer_id: item.customer_id,
        credited_invoice_id: None,
        document_kind: "invoice",
        created_at: now,
    };
    let id = insert_invoice_row(transaction, &row, invoice)?;
    write_content(transaction, id, item.customer_id, invoice, &totals, now)?;
    if !invoice.ocr.is_empty() {
        let in_use = transaction
            .prepare_cached(
                "SELECT 1 FROM invoices WHERE ocr = ?1 AND ocr <> '' AND id <> ?2 LIMIT 1",
            )?
            .exists(rusqlite::params![invoice.ocr, id])?;
        if in_use {
            return Err(StoreError::invalid_field(
                "ocr",
                Text::new(
                    format!(
                        "OCR-numret {} för faktura {number} används redan av en annan faktura. Betalningar matchas på OCR-numret, så det måste vara unikt.",
                        invoice.ocr
                    ),
                    format!(
                        "The OCR reference {} of invoice {number} is already used by another invoice. Payments are matched by it, so it must be unique.",
                        invoice.ocr
                    ),
                ),
            ));
        }
    }
    transaction
        .prepare_cached("UPDATE number_series SET next_number = next_number + 1 WHERE id = ?1")?
        .execute([series])?;
    let serial: i64 = transaction
        .prepare_cached("SELECT next_number - 1 FROM number_series WHERE id = ?1")?
        .query_row([series], |row| row.get(0))?;
    mark_issued(transaction, id, serial, number, invoice.due_date, now)?;
    append_event(
        transaction,
        id,
        &InvoiceEventKind::Other("opening_item_imported".to_owned()),
        &format!("number {number}"),
        now,
    )?;
    transaction
        .prepare_cached(
            "INSERT INTO opening_items (invoice_id, original_number, imported_at)
             VALUES (:id, :number, :now)",
        )?
        .execute(rusqlite::named_params! { ":id": id, ":number": number, ":now": now })?;
    Ok(id)
}
