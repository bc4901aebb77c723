//! Statement records: for which customer and day a statement document was made, and the balance
//! it showed. Written with the document, never changed.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;

use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId};
use crate::sql_values::{StoredDecimal, decimal_at};

/// A statement about to be written with its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStatement {
    pub customer_id: CustomerId,
    pub as_of: NaiveDate,
    /// The balance in SEK on that day.
    pub balance: Decimal,
}

pub(crate) fn insert_statement(
    connection: &Connection,
    document: InvoiceId,
    statement: &NewStatement,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "INSERT INTO statements (document_id, customer_id, as_of, balance) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(rusqlite::params![
            document,
            statement.customer_id,
            statement.as_of,
            StoredDecimal(statement.balance),
        ])?;
    Ok(())
}

impl Store {
    /// The statement a statement document stands for.
    pub fn statement_of_document(
        &self,
        document: InvoiceId,
    ) -> Result<Option<NewStatement>, StoreError> {
        Ok(self
            .connection
            .prepare_cached(
                "SELECT customer_id, as_of, balance FROM statements WHERE document_id = ?1",
            )?
            .query_row([document], |row| {
                Ok(NewStatement {
                    customer_id: row.get(0)?,
                    as_of: row.get(1)?,
                    balance: decimal_at(row, 2)?,
                })
            })
            .optional()?)
    }
}
