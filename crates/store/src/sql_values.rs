//! How domain values that SQLite has no type for are written to and read from columns.
//!
//! Amounts are stored as TEXT decimal strings so they come back exactly as they went in.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rust_decimal::Decimal;

/// A decimal amount stored as TEXT ("1234.50").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StoredDecimal(pub Decimal);

impl ToSql for StoredDecimal {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.to_string()))
    }
}

impl FromSql for StoredDecimal {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        text.parse::<Decimal>()
            .map(StoredDecimal)
            .map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

/// Reads a decimal column by index.
pub(crate) fn decimal_at(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Decimal> {
    Ok(row.get::<_, StoredDecimal>(index)?.0)
}

/// The amount in minor units (öre, cents), rounded half away from zero, for the amount index.
pub(crate) fn minor_units(amount: Decimal) -> i64 {
    let scaled = (amount * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    i64::try_from(scaled).unwrap_or(if scaled.is_sign_negative() {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// Row ids as a JSON array, for `IN (SELECT value FROM json_each(?))`: one parameter however
/// many ids there are.
pub(crate) fn json_ids(ids: impl Iterator<Item = i64>) -> String {
    let listed: Vec<String> = ids.map(|id| id.to_string()).collect();
    format!("[{}]", listed.join(","))
}

/// SQLite keeps booleans as 0/1 integers.
pub(crate) fn bool_at(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<bool> {
    Ok(row.get::<_, i64>(index)? != 0)
}

/// Reads a column holding a stable code (payment terms, VAT treatment, ...) and parses it; a code
/// this build does not know means the file was edited by hand or by a newer version.
pub(crate) fn code_at<T>(
    row: &rusqlite::Row<'_>,
    index: usize,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown stored code {text:?}").into(),
        )
    })
}

/// Reads an optional decimal column.
pub(crate) fn optional_decimal_at(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<Decimal>> {
    Ok(row
        .get::<_, Option<StoredDecimal>>(index)?
        .map(|stored| stored.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn minor_units_round_half_away_from_zero() {
        let cases = [
            (dec!(0), 0),
            (dec!(12.34), 1234),
            (dec!(12.345), 1235),
            (dec!(-12.345), -1235),
            (dec!(1000000), 100000000),
        ];
        for (amount, expected) in cases {
            assert_eq!(minor_units(amount), expected, "{amount}");
        }
    }

    #[test]
    fn decimals_round_trip_exactly_through_sqlite() -> rusqlite::Result<()> {
        let connection = rusqlite::Connection::open_in_memory()?;
        for amount in [
            dec!(0.10),
            dec!(-1234567.89),
            dec!(0.000001),
            dec!(79228162514264.337593543950335),
        ] {
            let back: StoredDecimal =
                connection.query_row("SELECT ?1", [StoredDecimal(amount)], |row| row.get(0))?;
            assert_eq!(back.0, amount);
            assert_eq!(back.0.to_string(), amount.to_string(), "scale is kept");
        }
        Ok(())
    }
}
