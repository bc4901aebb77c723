//! "Exportera SIE": the period's invoices, credit invoices and payments as an SIE 4 file (type 4I)
//! for the accountant's program. Each event keeps the verification number its first export gave
//! it, so the same period exported again gives the same file, and "only new" leaves out what an
//! earlier file carried and says how much it left out.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_bookkeeping::period::financial_year;
use fakturera_bookkeeping::sie::{NumberedVerification, SieHeader, accounts_used, write_sie4};
use fakturera_bookkeeping::{LedgerRecord, RecordKind, ReportPeriod, Verification};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{SieExportRequest, SieRecordKey, Store, StoreError, StoreErrorKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period_input::period_from_input;
use super::records::{account_map, period_records};
use crate::app::App;
use crate::documents::write_whole;
use crate::error::{AppError, ForUser, IntoAppError};

/// What to export: a named period (`2026-03`, `2026-K1`, `2026`) or two dates, and whether to
/// take only what no earlier export took.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SieExportForm {
    pub period: String,
    pub from: String,
    pub to: String,
    pub only_new: bool,
}

/// What an export of the form would take, before it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SieExportPreview {
    pub from: String,
    pub to: String,
    pub invoices: u32,
    pub payments: u32,
    /// Of those, how many an earlier export already took.
    pub already_exported: u32,
    /// A file name to suggest, e.g. "SIE 2026-01-01–2026-03-31.si".
    pub file_name: String,
    /// The earlier exports, newest first, described in the user's language.
    pub earlier_exports: Vec<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SieExportResult {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub verifications: u32,
    /// Verifications no earlier export carried.
    pub new_verifications: u32,
    /// Verifications left out because an earlier export carried them ("only new").
    pub left_out: u32,
    /// `#GEN` of the file.
    pub generated_on: String,
    /// What happened, in the user's language.
    pub message: String,
}

/// The period, checked to lie within one financial year (an SIE file describes one year).
fn checked_period(
    form: &SieExportForm,
    first_month: u32,
) -> Result<(ReportPeriod, (NaiveDate, NaiveDate)), FieldErrors> {
    let period = period_from_input(&form.period, &form.from, &form.to)?;
    let year = financial_year(period.first_day(), first_month);
    if period.last_day() > year.1 {
        return Err(FieldError::new(
            "to",
            "financial_year",
            Text::new(
                format!(
                    "Perioden går över räkenskapsårets slut {}. Exportera ett räkenskapsår i taget.",
                    year.1
                ),
                format!(
                    "The period runs past the end of the financial year {}. Export one financial year at a time.",
                    year.1
                ),
            ),
        )
        .into());
    }
    Ok((period, year))
}

fn file_name(period: ReportPeriod) -> String {
    format!("SIE {}–{}.si", period.first_day(), period.last_day())
}

fn count(records: &[LedgerRecord], kind: RecordKind) -> u32 {
    u32::try_from(
        records
            .iter()
            .filter(|record| record.kind() == kind)
            .count(),
    )
    .unwrap_or(u32::MAX)
}

/// Events with something to book, each with its verification and its key for the export log.
fn bookable(
    store: &Store,
    records: &[LedgerRecord],
) -> Result<Vec<(Verification, SieRecordKey)>, StoreError> {
    let accounts = account_map(store)?;
    let settings = store.bookkeeping_settings()?;
    Ok(records
        .iter()
        .map(|record| {
            let series = match record.kind() {
                RecordKind::Invoice => settings.invoice_series.clone(),
                RecordKind::Payment => settings.payment_series.clone(),
            };
            (
                record.verification(&accounts),
                SieRecordKey {
                    kind: record.kind().code().to_owned(),
                    id: record.id(),
                    series,
                },
            )
        })
        .filter(|(verification, _)| !verification.rows.is_empty())
        .collect())
}

/// `5567212047` as `556721-2047`; anything else as stored.
fn printed_org_number(stored: &str) -> String {
    if stored.len() == 10 && stored.chars().all(|c| c.is_ascii_digit()) {
        format!("{}-{}", &stored[..6], &stored[6..])
    } else {
        stored.to_owned()
    }
}

fn plural(count: usize, language: Language) -> String {
    match (count, language) {
        (1, Language::Swedish) => "1 verifikation".to_owned(),
        (n, Language::Swedish) => format!("{n} verifikationer"),
        (1, Language::English) => "1 verification".to_owned(),
        (n, Language::English) => format!("{n} verifications"),
    }
}

impl App {
    /// How many invoices and payments an export of `form` would take, and how many of them an
    /// earlier export took.
    pub fn sie_export_preview(&self, form: &SieExportForm) -> Result<SieExportPreview, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let first_month = store
                .bookkeeping_settings()
                .for_user(language)?
                .fiscal_year_first_month;
            let (period, _) = checked_period(form, first_month).for_user(language)?;
            let run = || -> Result<SieExportPreview, StoreError> {
                let records = period_records(store, period)?;
                let keys: Vec<SieRecordKey> = bookable(store, &records)?
                    .into_iter()
                    .map(|(_, key)| key)
                    .collect();
                let earlier = store
                    .sie_exports(5)?
                    .into_iter()
                    .map(|export| {
                        let new = usize::try_from(export.new_records).unwrap_or(0);
                        Text::new(
                            format!(
                                "{}: {}–{}, {} varav {} nya{}",
                                export.exported_at.format("%Y-%m-%d %H:%M"),
                                export.period_from,
                                export.period_to,
                                plural(
                                    usize::try_from(export.verifications).unwrap_or(0),
                                    Language::Swedish
                                ),
                                new,
                                if export.only_new { " (bara nya)" } else { "" }
                            ),
                            format!(
                                "{}: {}–{}, {} of which {} new{}",
                                export.exported_at.format("%Y-%m-%d %H:%M"),
                                export.period_from,
                                export.period_to,
                                plural(
                                    usize::try_from(export.verifications).unwrap_or(0),
                                    Language::English
                                ),
                                new,
                                if export.only_new { " (only new)" } else { "" }
                            ),
                        )
                        .in_language(language)
                        .to_owned()
                    })
                    .collect();
                Ok(SieExportPreview {
                    from: period.first_day().to_string(),
                    to: period.last_day().to_string(),
                    invoices: count(&records, RecordKind::Invoice),
                    payments: count(&records, RecordKind::Payment),
                    already_exported: u32::try_from(store.sie_already_exported(&keys)?)
                        .unwrap_or(u32::MAX),
                    file_name: file_name(period),
                    earlier_exports: earlier,
                })
            };
            run().for_user(language)
        })
    }

    /// Writes the SIE file for `form` to `path` and remembers what it took; a file that cannot be
    /// written is not remembered. `today` is `#GEN` for content made now.
    pub fn export_sie(
        &self,
        form: &SieExportForm,
        path: &Path,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<SieExportResult, AppError> {
        let language = self.language();
        let program_version = env!("CARGO_PKG_VERSION");
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let first_month = store
                .bookkeeping_settings()
                .map_err(to_app)?
                .fiscal_year_first_month;
            let (period, year) = checked_period(form, first_month).for_user(language)?;
            let records = period_records(store, period).map_err(to_app)?;
            let bookable = bookable(store, &records).map_err(to_app)?;
            let accounts = account_map(store).map_err(to_app)?;
            let company = store.company().map_err(to_app)?;
            if bookable.is_empty() {
                return Err(nothing_to_export(period, false, language));
            }
            let request = SieExportRequest {
                period_from: period.first_day(),
                period_to: period.last_day(),
                only_new: form.only_new,
                today,
                now,
                file_name: path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                records: bookable.iter().map(|(_, key)| key.clone()).collect(),
            };
            let mut failure: Option<AppError> = None;
            let mut written = None;
            let outcome = store.record_sie_export(&request, |plan| {
                let numbered: Vec<NumberedVerification> = bookable
                    .iter()
                    .zip(&plan.assigned)
                    .filter_map(|((verification, _), assigned)| {
                        assigned.as_ref().map(|assigned| NumberedVerification {
                            series: assigned.series.clone(),
                            number: assigned.number,
                            verification: verification.clone(),
                        })
                    })
                    .collect();
                if numbered.is_empty() {
                    failure = Some(nothing_to_export(period, true, language));
                    return Err(StoreError::new(StoreErrorKind::Conflict, Text::new("", "")));
                }
                let used = accounts_used(numbered.iter().map(|n| &n.verification), |number| {
                    accounts.name_of(number).unwrap_or("Konto").to_owned()
                });
                let header = SieHeader {
                    program_version: program_version.to_owned(),
                    generated_on: plan.generated_on,
                    company_name: company.name.clone(),
                    org_number: printed_org_number(&company.org_number),
                    financial_year: year,
                };
                let bytes = write_sie4(&header, &used, &numbered);
                match write_whole(path, &bytes, language) {
                    Ok(saved) => {
                        written = Some((saved, numbered.len()));
                        Ok(())
                    }
                    Err(error) => {
                        failure = Some(error);
                        Err(StoreError::new(StoreErrorKind::Io, Text::new("", "")))
                    }
                }
            });
            let plan = match (outcome, failure) {
                (_, Some(error)) => return Err(error),
                (Err(error), None) => return Err(to_app(error)),
                (Ok(plan), None) => plan,
            };
            let Some((saved, verifications)) = written else {
                return Err(to_app(StoreError::new(
                    StoreErrorKind::Internal,
                    Text::new("Filen skrevs inte.", "The file was not written."),
                )));
            };
            let message = match (plan.left_out, language) {
                (0, Language::Swedish) => format!(
                    "{} exporterades till {}, varav {} nya.",
                    plural(verifications, language),
                    saved.path,
                    plan.new_records
                ),
                (0, Language::English) => format!(
                    "{} exported to {}, {} of them new.",
                    plural(verifications, language),
                    saved.path,
                    plan.new_records
                ),
                (left_out, Language::Swedish) => format!(
                    "Bara nya: {} exporterades till {}. {} som redan exporterats togs inte med.",
                    plural(verifications, language),
                    saved.path,
                    plural(left_out, language)
                ),
                (left_out, Language::English) => format!(
                    "Only new: {} exported to {}. {} already exported were left out.",
                    plural(verifications, language),
                    saved.path,
                    plural(left_out, language)
                ),
            };
            Ok(SieExportResult {
                path: saved.path,
                bytes: saved.bytes,
                verifications: u32::try_from(verifications).unwrap_or(u32::MAX),
                new_verifications: u32::try_from(plan.new_records).unwrap_or(u32::MAX),
                left_out: u32::try_from(plan.left_out).unwrap_or(u32::MAX),
                generated_on: plan.generated_on.to_string(),
                message,
            })
        })
    }
}

fn nothing_to_export(period: ReportPeriod, only_new: bool, language: Language) -> AppError {
    let (from, to) = (period.first_day(), period.last_day());
    let text = if only_new {
        Text::new(
            format!(
                "Allt i perioden {from}–{to} har redan exporterats; det finns inget nytt. Ingen fil skrevs."
            ),
            format!(
                "Everything in the period {from}–{to} has already been exported; there is nothing new. No file was written."
            ),
        )
    } else {
        Text::new(
            format!(
                "Det finns inga utfärdade fakturor eller betalningar i perioden {from}–{to}. Ingen fil skrevs."
            ),
            format!(
                "There are no issued invoices or payments in the period {from}–{to}. No file was written."
            ),
        )
    };
    FieldErrors::from(FieldError::new(
        if only_new { "only_new" } else { "period" },
        "nothing",
        text,
    ))
    .into_app_error(language)
}
