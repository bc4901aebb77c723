//! The columns an invoices row is created with; its content follows at once from
//! [`super::content::write_content`] in the same transaction.

use chrono::{DateTime, Utc};
use fakturera_core::invoice::Invoice;
use rusqlite::{Connection, ToSql};

use super::content::{ContentStamp, INVOICE_CONTENT_COLUMNS, STAMP_COLUMNS};
use crate::column_list::{ColumnList, RowValues};
use crate::record_ids::{CustomerId, InvoiceId, SeriesId};

/// What a new document is and where it is numbered.
pub(crate) struct NewInvoiceRow {
    pub series_id: SeriesId,
    pub customer_id: CustomerId,
    /// For a credit invoice: the invoice it credits.
    pub credited_invoice_id: Option<InvoiceId>,
    /// `invoice`, `reminder`, `interest` or `statement`.
    pub document_kind: &'static str,
    pub created_at: DateTime<Utc>,
}

pub(crate) const NEW_INVOICE_COLUMNS: ColumnList<NewInvoiceRow> = ColumnList(&[
    ("kind", |r| {
        if r.credited_invoice_id.is_some() {
            "credit"
        } else {
            "invoice"
        }
        .to_sql()
    }),
    ("series_id", |r| r.series_id.to_sql()),
    ("credited_invoice_id", |r| r.credited_invoice_id.to_sql()),
    ("document_kind", |r| r.document_kind.to_sql()),
    ("created_at", |r| r.created_at.to_sql()),
]);

/// Inserts the invoices row of a new draft with `invoice`'s header; returns its id.
pub(crate) fn insert_invoice_row(
    connection: &Connection,
    row: &NewInvoiceRow,
    invoice: &Invoice,
) -> rusqlite::Result<InvoiceId> {
    let stamp = ContentStamp {
        customer_id: row.customer_id,
        updated_at: row.created_at,
    };
    RowValues::of(&NEW_INVOICE_COLUMNS, row)?
        .and(&INVOICE_CONTENT_COLUMNS, invoice)?
        .and(&STAMP_COLUMNS, &stamp)?
        .insert(connection, "invoices")?;
    Ok(InvoiceId(connection.last_insert_rowid()))
}
