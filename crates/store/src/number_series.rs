//! Invoice number series: a prefix and the next number, several series per company.
//!
//! Numbers are only taken inside the issue transaction (see `invoices::issue`); this module
//! manages the series themselves.

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::SeriesId;

/// One number series, e.g. prefix "F-" with next number 1001 gives "F-1001".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSeries {
    pub id: SeriesId,
    pub name: String,
    pub prefix: String,
    pub next_number: i64,
    pub is_default: bool,
}

/// Numbers a series skipped over a gap the user confirmed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesGap {
    pub series_id: SeriesId,
    pub first_skipped: i64,
    pub last_skipped: i64,
    pub reason: String,
    pub confirmed_at: DateTime<Utc>,
}

/// The fields the user edits on a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesInput {
    pub name: String,
    pub prefix: String,
    pub next_number: i64,
}

impl Store {
    /// Every series, the default first.
    pub fn number_series(&self) -> Result<Vec<NumberSeries>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id, name, prefix, next_number, is_default FROM number_series
             ORDER BY is_default DESC, name",
        )?;
        let series = statement
            .query_map([], |row| {
                Ok(NumberSeries {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    prefix: row.get(2)?,
                    next_number: row.get(3)?,
                    is_default: row.get::<_, i64>(4)? != 0,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(series)
    }

    /// The series new invoices use unless another is chosen.
    pub fn default_series(&self) -> Result<NumberSeries, StoreError> {
        self.number_series()?
            .into_iter()
            .find(|series| series.is_default)
            .ok_or_else(|| {
                StoreError::not_found("standardnummerserie", "default number series", "-")
            })
    }

    pub fn add_number_series(&self, input: &SeriesInput) -> Result<SeriesId, StoreError> {
        check_series_input(input)?;
        self.connection
            .execute(
                "INSERT INTO number_series (name, prefix, next_number) VALUES (?1, ?2, ?3)",
                (&input.name, &input.prefix, input.next_number),
            )
            .map_err(|error| duplicate_name_or(error, &input.name))?;
        Ok(SeriesId(self.connection.last_insert_rowid()))
    }

    /// The numbers a move of series `id` to `next_number` would skip, when the series has issued
    /// invoices: such a move is a gap in the bookkeeping and needs a confirmed reason.
    pub fn series_gap(
        &self,
        id: SeriesId,
        next_number: i64,
    ) -> Result<Option<(i64, i64)>, StoreError> {
        let (current, issued): (i64, bool) = self
            .connection
            .query_row(
                "SELECT next_number,
                        EXISTS (SELECT 1 FROM invoices WHERE series_id = ?1 AND status = 'issued')
                 FROM number_series WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("nummerserie", "number series", id))?;
        Ok((issued && next_number > current).then(|| (current, next_number - 1)))
    }

    /// Moves series `id` forward over a gap the user confirmed: the gap (its numbers and `reason`)
    /// is recorded and the series changed in one transaction.
    pub fn move_series_over_gap(
        &mut self,
        id: SeriesId,
        input: &SeriesInput,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        check_series_input(input)?;
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = transaction
            .query_row(
                "SELECT next_number FROM number_series WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("nummerserie", "number series", id))?;
        if input.next_number > current {
            transaction.execute(
                "INSERT INTO number_series_gaps (series_id, first_skipped, last_skipped, reason, confirmed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![id, current, input.next_number - 1, reason.trim(), now],
            )?;
        }
        transaction
            .execute(
                "UPDATE number_series SET name = ?1, prefix = ?2, next_number = ?3 WHERE id = ?4",
                (&input.name, &input.prefix, input.next_number, id),
            )
            .map_err(|error| duplicate_name_or(error, &input.name))?;
        transaction.commit()?;
        Ok(())
    }

    /// The confirmed gaps of series `id`, oldest first.
    pub fn series_gaps(&self, id: SeriesId) -> Result<Vec<SeriesGap>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT series_id, first_skipped, last_skipped, reason, confirmed_at
             FROM number_series_gaps WHERE series_id = ?1 ORDER BY first_skipped",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok(SeriesGap {
                series_id: row.get(0)?,
                first_skipped: row.get(1)?,
                last_skipped: row.get(2)?,
                reason: row.get(3)?,
                confirmed_at: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Renames a series or moves its next number forward. Moving it back onto numbers already
    /// used is refused by the database itself, and so is moving a series that has issued invoices
    /// forward without a confirmed gap ([`Store::move_series_over_gap`]).
    pub fn update_number_series(
        &self,
        id: SeriesId,
        input: &SeriesInput,
    ) -> Result<(), StoreError> {
        check_series_input(input)?;
        let changed = self
            .connection
            .execute(
                "UPDATE number_series SET name = ?1, prefix = ?2, next_number = ?3 WHERE id = ?4",
                (&input.name, &input.prefix, input.next_number, id),
            )
            .map_err(|error| duplicate_name_or(error, &input.name))?;
        if changed == 0 {
            return Err(StoreError::not_found("nummerserie", "number series", id));
        }
        Ok(())
    }

    /// Makes `id` the default series.
    pub fn set_default_series(&mut self, id: SeriesId) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "UPDATE number_series SET is_default = 0 WHERE is_default = 1",
            [],
        )?;
        let changed = transaction.execute(
            "UPDATE number_series SET is_default = 1 WHERE id = ?1",
            [id],
        )?;
        if changed == 0 {
            return Err(StoreError::not_found("nummerserie", "number series", id));
        }
        transaction.commit()?;
        Ok(())
    }
}

fn check_series_input(input: &SeriesInput) -> Result<(), StoreError> {
    if input.name.trim().is_empty() {
        return Err(StoreError::invalid_field(
            "name",
            Text::new(
                "Ge nummerserien ett namn.",
                "Give the number series a name.",
            ),
        ));
    }
    if input.next_number < 1 {
        return Err(StoreError::invalid_field(
            "next_number",
            Text::new(
                "Nästa nummer måste vara 1 eller högre.",
                "The next number must be 1 or higher.",
            ),
        ));
    }
    if input.prefix.chars().count() > 20 {
        return Err(StoreError::invalid_field(
            "prefix",
            Text::new(
                "Prefixet får vara högst 20 tecken.",
                "The prefix may be at most 20 characters.",
            ),
        ));
    }
    Ok(())
}

fn duplicate_name_or(error: rusqlite::Error, name: &str) -> StoreError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && error.to_string().contains("number_series.name")
    {
        return StoreError::invalid_field(
            "name",
            Text::new(
                format!(
                    "Det finns redan en nummerserie som heter \"{name}\". Välj ett annat namn."
                ),
                format!("A number series called \"{name}\" already exists. Choose another name."),
            ),
        );
    }
    StoreError::from(error)
}
