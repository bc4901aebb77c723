//! What each SIE export took. Every event keeps the verification number its first export gave it,
//! so exporting a period again gives the same file, and an export of "only what is new" can leave
//! out what an earlier file already carried.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::TransactionBehavior;

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

type Exported = HashMap<(String, i64), (String, u32, NaiveDate)>;

fn exported(connection: &rusqlite::Connection) -> Result<Exported, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT r.record_kind, r.record_id, r.series, r.verification_number, e.generated_on
         FROM sie_exported_records r JOIN sie_exports e ON e.id = r.first_export_id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((
            (row.get::<_, String>(0)?, row.get::<_, i64>(1)?),
            (
                row.get::<_, String>(2)?,
                row.get::<_, u32>(3)?,
                row.get::<_, NaiveDate>(4)?,
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
        transaction.execute(
            "INSERT INTO sie_exports (exported_at, generated_on, period_from, period_to, only_new,
                    verifications, new_records, file_name)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, 0, ?6)",
            rusqlite::params![
                request.now,
                request.today,
                request.period_from,
                request.period_to,
                request.only_new,
                request.file_name
            ],
        )?;
        let export_id = transaction.last_insert_rowid();
        let mut next_numbers: HashMap<String, u32> = HashMap::new();
        let mut assigned = Vec::with_capacity(request.records.len());
        let mut new_records = 0;
        let mut left_out = 0;
        {
            let mut insert = transaction.prepare_cached(
                "INSERT INTO sie_exported_records (record_kind, record_id, series, verification_number,
                        first_export_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
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
                insert.execute(rusqlite::params![
                    record.kind,
                    record.id,
                    record.series,
                    *next,
                    export_id
                ])?;
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
        transaction.execute(
            "UPDATE sie_exports SET generated_on = ?1, verifications = ?2, new_records = ?3 WHERE id = ?4",
            rusqlite::params![
                generated_on,
                i64::try_from(verifications).unwrap_or(i64::MAX),
                i64::try_from(new_records).unwrap_or(i64::MAX),
                export_id
            ],
        )?;
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
        let mut statement = self.connection.prepare_cached(
            "SELECT exported_at, period_from, period_to, only_new, verifications, new_records, file_name
             FROM sie_exports ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = statement.query_map([limit], |row| {
            Ok(SieExportSummary {
                exported_at: row.get(0)?,
                period_from: row.get(1)?,
                period_to: row.get(2)?,
                only_new: row.get(3)?,
                verifications: row.get(4)?,
                new_records: row.get(5)?,
                file_name: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
