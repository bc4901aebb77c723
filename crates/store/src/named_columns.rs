//! Reading a result row's columns by name, with the conversions SQLite has no type for: amounts
//! kept as decimal text and stable codes. A mapping that names its columns reads the same whatever
//! order the query lists them in, and a column added to a query shifts nothing.
//!
//! Plain values are read with rusqlite's own `row.get("column")`; booleans too (0/1 → `bool`).

use fakturera_core::party::Address;
use rusqlite::types::Type;
use rusqlite::{Row, RowIndex, Statement};
use rust_decimal::Decimal;

use crate::sql_values::StoredDecimal;

pub(crate) trait NamedColumns {
    /// A decimal amount column.
    fn decimal(&self, column: impl RowIndex) -> rusqlite::Result<Decimal>;

    /// A decimal amount column that may be NULL.
    fn optional_decimal(&self, column: &str) -> rusqlite::Result<Option<Decimal>>;

    /// A column holding a stable code (payment terms, VAT treatment, ...), parsed; a code this
    /// build does not know means the file was edited by hand or by a newer version.
    fn code<T>(
        &self,
        column: impl RowIndex,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> rusqlite::Result<T>;
}

impl NamedColumns for Row<'_> {
    fn decimal(&self, column: impl RowIndex) -> rusqlite::Result<Decimal> {
        Ok(self.get::<_, StoredDecimal>(column)?.0)
    }

    fn optional_decimal(&self, column: &str) -> rusqlite::Result<Option<Decimal>> {
        Ok(self
            .get::<_, Option<StoredDecimal>>(column)?
            .map(|stored| stored.0))
    }

    fn code<T>(
        &self,
        column: impl RowIndex,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> rusqlite::Result<T> {
        let text: String = self.get(column)?;
        parse(&text).ok_or_else(|| unknown_code(self, column, &text))
    }
}

/// The error for a code no parser knows, naming the column it was read from.
fn unknown_code(row: &Row<'_>, column: impl RowIndex, text: &str) -> rusqlite::Error {
    let statement = row.as_ref();
    let index = column.idx(statement).unwrap_or_default();
    let name = statement.column_name(index).unwrap_or_default();
    rusqlite::Error::FromSqlConversionFailure(
        index,
        Type::Text,
        format!("unknown stored code {text:?} in column {name}").into(),
    )
}

/// The indices of `names` among a statement's columns, found once for a query that reads many
/// rows: `row.get("name")` searches the columns on every call, which cost 14 % of the CPU time of
/// an SIE export (500,000 lines). Bind them by name:
/// `let [id, amount] = column_indices(&statement, ["id", "amount"])?;`
pub(crate) fn column_indices<const N: usize>(
    statement: &Statement<'_>,
    names: [&str; N],
) -> rusqlite::Result<[usize; N]> {
    let mut indices = [0; N];
    for (index, name) in indices.iter_mut().zip(names) {
        *index = statement.column_index(name)?;
    }
    Ok(indices)
}

/// The address whose columns are `street`, `street2`, ... with `prefix` before each name.
pub(crate) fn address_named(row: &rusqlite::Row<'_>, prefix: &str) -> rusqlite::Result<Address> {
    Ok(Address {
        street: row.get(format!("{prefix}street").as_str())?,
        street2: row.get(format!("{prefix}street2").as_str())?,
        postal_code: row.get(format!("{prefix}postal_code").as_str())?,
        city: row.get(format!("{prefix}city").as_str())?,
        country_code: row.get(format!("{prefix}country_code").as_str())?,
    })
}
