//! How domain values that SQLite has no type for are written to and read from columns.
//!
//! Amounts are stored as TEXT decimal strings so they come back exactly as they went in.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Value, ValueRef};
use rust_decimal::Decimal;

/// A decimal amount stored as TEXT ("1234.50").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StoredDecimal(pub Decimal);

impl ToSql for StoredDecimal {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::from(*self)))
    }
}

impl From<StoredDecimal> for Value {
    fn from(stored: StoredDecimal) -> Value {
        Value::Text(stored.0.to_string())
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
