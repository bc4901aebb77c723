//! Statement records: for which customer and day a statement document was made, and the balance
//! it showed. Written with the document, never changed.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, ToSql};
use rust_decimal::Decimal;

use super::DOCUMENT_COLUMNS;
use crate::column_list::{ColumnList, MappedTable, RowValues, owned};
use crate::error::StoreError;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId};
use crate::sql_values::StoredDecimal;

/// A statement about to be written with its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStatement {
    pub customer_id: CustomerId,
    pub as_of: NaiveDate,
    /// The balance in SEK on that day.
    pub balance: Decimal,
}

const STATEMENT_COLUMNS: ColumnList<NewStatement> = ColumnList(&[
    ("customer_id", |s| s.customer_id.to_sql()),
    ("as_of", |s| s.as_of.to_sql()),
    ("balance", |s| owned(StoredDecimal(s.balance))),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![(
        "statements",
        DOCUMENT_COLUMNS
            .names()
            .chain(STATEMENT_COLUMNS.names())
            .collect(),
    )]
}

pub(crate) fn insert_statement(
    connection: &Connection,
    document: InvoiceId,
    statement: &NewStatement,
) -> Result<(), StoreError> {
    RowValues::of(&DOCUMENT_COLUMNS, &document)?
        .and(&STATEMENT_COLUMNS, statement)?
        .insert(connection, "statements")?;
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
            .prepare_cached(&format!(
                "SELECT {} FROM statements WHERE document_id = ?1",
                STATEMENT_COLUMNS.select_list(None)
            ))?
            .query_row([document], |row| {
                Ok(NewStatement {
                    customer_id: row.get("customer_id")?,
                    as_of: row.get("as_of")?,
                    balance: row.decimal("balance")?,
                })
            })
            .optional()?)
    }
}
