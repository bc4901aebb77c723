//! What each SIE export took. Every event keeps the verification number its first export gave it,
//! so exporting a period again gives the same file, and an export of "only what is new" can leave
//! out what an earlier file already carried.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{ToSql, TransactionBehavior};

use crate::column_list::{ColumnList, MappedTable, RowValues};
use crate::error::StoreError;
use crate::open::Store;

/// One event to export: its kind code ("invoice", "payment", ...), id and the series it goes in
/// when it is exported for the first time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieRecordKey {
    pub kind: String,
    pub id: i64,
    pub series: String,
}

/// What an export asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieExportRequest {
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// Leave out what an earlier export already took.
    pub only_new: bool,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    pub file_name: String,
    /// The events of the period in book order.
    pub records: Vec<SieRecordKey>,
}

/// The series and number an event has in the files, and whether this export gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieAssigned {
    pub series: String,
    pub number: u32,
    pub first_exported_on: NaiveDate,
    pub is_new: bool,
}

/// The export as planned: per requested event, its numbering, or `None` when left out as already
/// exported; and the day the content was made (`#GEN`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieExportPlan {
    pub assigned: Vec<Option<SieAssigned>>,
    pub generated_on: NaiveDate,
    pub new_records: usize,
    pub left_out: usize,
}

/// An earlier export, for the list in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieExportSummary {
    pub exported_at: DateTime<Utc>,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub only_new: bool,
    pub verifications: u32,
    pub new_records: u32,
    pub file_name: String,
}

/// An export as recorded when it starts.
struct ExportRow {
    exported_at: DateTime<Utc>,
    period_from: NaiveDate,
    period_to: NaiveDate,
    only_new: bool,
    file_name: String,
    counts: ExportCounts,
}

const EXPORT_COLUMNS: ColumnList<ExportRow> = ColumnList(&[
    ("exported_at", |e| e.exported_at.to_sql()),
    ("period_from", |e| e.period_from.to_sql()),
    ("period_to", |e| e.period_to.to_sql()),
    ("only_new", |e| e.only_new.to_sql()),
    ("file_name", |e| e.file_name.to_sql()),
]);

/// What an export took, set once its events are numbered.
struct ExportCounts {
    generated_on: NaiveDate,
    verifications: i64,
    new_records: i64,
}

const EXPORT_COUNT_COLUMNS: ColumnList<ExportCounts> = ColumnList(&[
    ("generated_on", |c| c.generated_on.to_sql()),
    ("verifications", |c| c.verifications.to_sql()),
    ("new_records", |c| c.new_records.to_sql()),
]);

/// An exported event and the series it was first exported in.
const EXPORTED_RECORD_COLUMNS: ColumnList<SieRecordKey> = ColumnList(&[
    ("record_kind", |r| r.kind.to_sql()),
    ("record_id", |r| r.id.to_sql()),
    ("series", |r| r.series.to_sql()),
]);

/// The number an event got in its first export, and which export that was.
struct Numbered {
    verification_number: u32,
    first_export_id: i64,
}

const NUMBERED_COLUMNS: ColumnList<Numbered> = ColumnList(&[
    ("verification_number", |n| n.verification_number.to_sql()),
    ("first_export_id", |n| n.first_export_id.to_sql()),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        (
            "sie_exports",
            EXPORT_COLUMNS
                .names()
                .chain(EXPORT_COUNT_COLUMNS.names())
                .collect(),
        ),
        (
            "sie_exported_records",
            EXPORTED_RECORD_COLUMNS
                .names()
                .chain(NUMBERED_COLUMNS.names())
                .collect(),
        ),
    ]
}

type Exported = HashMap<(String, i64), (String, u32, NaiveDate)>;

fn exported(connection: &rusqlite::Connection) -> Result<Exported, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT r.record_kind, r.record_id, r.series, r.verification_number, e.generated_on
         FROM sie_exported_records r JOIN sie_exports e ON e.id = r.first_export_id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((
            (
                row.get::<_, String>("record_kind")?,
                row.get::<_, i64>("record_id")?,
            ),
            (
                row.get::<_, String>("series")?,
                row.get::<_, u32>("verification_number")?,
                row.get::<_, NaiveDate>("generated_on")?,
            ),
        ))
    })?;
    Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
}

impl Store {
    /// How many of `records` an earlier export already took.
    pub fn sie_already_exported(&self, records: &[SieRecordKey]) -> Result<usize, StoreError> {
        let done = exported(&self.connection)?;
        Ok(records
            .iter()
            .filter(|record| done.contains_key(&(record.kind.clone(), record.id)))
            .count())
    }

    /// Numbers the export's events and remembers them, in one transaction that commits only when
    /// `write` (which writes the file from the plan) succeeds: a failed write remembers nothing.
    pub fn record_sie_export(
        &mut self,
        request: &SieExportRequest,
        write: impl FnOnce(&SieExportPlan) -> Result<(), StoreError>,
    ) -> Result<SieExportPlan, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done = exported(&transaction)?;
        let started = ExportRow {
            exported_at: request.now,
            period_from: request.period_from,
            period_to: request.period_to,
            only_new: request.only_new,
            file_name: request.file_name.clone(),
            counts: ExportCounts {
                generated_on: request.today,
                verifications: 0,
                new_records: 0,
            },
        };
        RowValues::of(&EXPORT_COLUMNS, &started)?
            .and(&EXPORT_COUNT_COLUMNS, &started.counts)?
            .insert(&transaction, "sie_exports")?;
        let export_id = transaction.last_insert_rowid();
        let mut next_numbers: HashMap<String, u32> = HashMap::new();
        let mut assigned = Vec::with_capacity(request.records.len());
        let mut new_records = 0;
        let mut left_out = 0;
        {
            let mut highest = transaction.prepare_cached(
                "SELECT COALESCE(MAX(verification_number), 0) FROM sie_exported_records WHERE series = ?1",
            )?;
            for record in &request.records {
                if let Some((series, number, first)) = done.get(&(record.kind.clone(), record.id)) {
                    if request.only_new {
                        left_out += 1;
                        assigned.push(None);
                    } else {
                        assigned.push(Some(SieAssigned {
                            series: series.clone(),
                            number: *number,
                            first_exported_on: *first,
                            is_new: false,
                        }));
                    }
                    continue;
                }
                let next = match next_numbers.get_mut(&record.series) {
                    Some(next) => next,
                    None => {
                        let highest: u32 = highest.query_row([&record.series], |row| row.get(0))?;
                        next_numbers.entry(record.series.clone()).or_insert(highest)
                    }
                };
                *next += 1;
                let numbered = Numbered {
                    verification_number: *next,
                    first_export_id: export_id,
                };
                RowValues::of(&EXPORTED_RECORD_COLUMNS, record)?
                    .and(&NUMBERED_COLUMNS, &numbered)?
                    .insert(&transaction, "sie_exported_records")?;
                new_records += 1;
                assigned.push(Some(SieAssigned {
                    series: record.series.clone(),
                    number: *next,
                    first_exported_on: request.today,
                    is_new: true,
                }));
            }
        }
        let generated_on = assigned
            .iter()
            .flatten()
            .map(|assigned| assigned.first_exported_on)
            .max()
            .unwrap_or(request.today);
        let verifications = assigned.iter().flatten().count();
        let counts = ExportCounts {
            generated_on,
            verifications: i64::try_from(verifications).unwrap_or(i64::MAX),
            new_records: i64::try_from(new_records).unwrap_or(i64::MAX),
        };
        EXPORT_COUNT_COLUMNS.update(&transaction, "sie_exports", &counts, "id", &export_id)?;
        let plan = SieExportPlan {
            assigned,
            generated_on,
            new_records,
            left_out,
        };
        write(&plan)?;
        transaction.commit()?;
        Ok(plan)
    }

    /// Earlier exports, newest first.
    pub fn sie_exports(&self, limit: u32) -> Result<Vec<SieExportSummary>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {}, {} FROM sie_exports ORDER BY id DESC LIMIT ?1",
            EXPORT_COLUMNS.select_list(None),
            EXPORT_COUNT_COLUMNS.select_list(None)
        ))?;
        let rows = statement.query_map([limit], |row| {
            Ok(SieExportSummary {
                exported_at: row.get("exported_at")?,
                period_from: row.get("period_from")?,
                period_to: row.get("period_to")?,
                only_new: row.get("only_new")?,
                verifications: row.get("verifications")?,
                new_records: row.get("new_records")?,
                file_name: row.get("file_name")?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
