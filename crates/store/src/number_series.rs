//! Invoice number series: a prefix and the next number, several series per company.
//!
//! Numbers are only taken inside the issue transaction (see `invoices::issue`); this module
//! manages the series themselves.

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use rusqlite::{OptionalExtension, ToSql, TransactionBehavior};

use crate::column_list::{ColumnList, MappedTable};
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

/// The columns the user edits.
const SERIES_INPUT_COLUMNS: ColumnList<SeriesInput> = ColumnList(&[
    ("name", |s| s.name.to_sql()),
    ("prefix", |s| s.prefix.to_sql()),
    ("next_number", |s| s.next_number.to_sql()),
]);

const GAP_COLUMNS: ColumnList<SeriesGap> = ColumnList(&[
    ("series_id", |g| g.series_id.to_sql()),
    ("first_skipped", |g| g.first_skipped.to_sql()),
    ("last_skipped", |g| g.last_skipped.to_sql()),
    ("reason", |g| g.reason.to_sql()),
    ("confirmed_at", |g| g.confirmed_at.to_sql()),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        // `is_default` is set by `set_default_series` on its own.
        (
            "number_series",
            SERIES_INPUT_COLUMNS
                .names()
                .chain(["id", "is_default"])
                .collect(),
        ),
        ("number_series_gaps", GAP_COLUMNS.names().collect()),
    ]
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
                    id: row.get("id")?,
                    name: row.get("name")?,
                    prefix: row.get("prefix")?,
                    next_number: row.get("next_number")?,
                    is_default: row.get("is_default")?,
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
        SERIES_INPUT_COLUMNS
            .insert(&self.connection, "number_series", input)
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
                            AS has_issued
                 FROM number_series WHERE id = ?1",
                [id],
                |row| Ok((row.get("next_number")?, row.get("has_issued")?)),
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
            let gap = SeriesGap {
                series_id: id,
                first_skipped: current,
                last_skipped: input.next_number - 1,
                reason: reason.trim().to_owned(),
                confirmed_at: now,
            };
            GAP_COLUMNS.insert(&transaction, "number_series_gaps", &gap)?;
        }
        SERIES_INPUT_COLUMNS
            .update(&transaction, "number_series", input, "id", &id)
            .map_err(|error| duplicate_name_or(error, &input.name))?;
        transaction.commit()?;
        Ok(())
    }

    /// The confirmed gaps of series `id`, oldest first.
    pub fn series_gaps(&self, id: SeriesId) -> Result<Vec<SeriesGap>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM number_series_gaps WHERE series_id = ?1 ORDER BY first_skipped",
            GAP_COLUMNS.select_list(None)
        ))?;
        let rows = statement.query_map([id], |row| {
            Ok(SeriesGap {
                series_id: row.get("series_id")?,
                first_skipped: row.get("first_skipped")?,
                last_skipped: row.get("last_skipped")?,
                reason: row.get("reason")?,
                confirmed_at: row.get("confirmed_at")?,
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
        let changed = SERIES_INPUT_COLUMNS
            .update(&self.connection, "number_series", input, "id", &id)
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
