//! Import and export of the registers: customers, articles and (export only) invoices with their
//! lines, as CSV or Excel; and opening items, the unpaid invoices of the previous program. An import
//! is first previewed (which column is which field, every bad row with its reasons), then all valid
//! rows are written in one transaction, existing numbers skipped or updated as the user chose.

mod columns;
mod export;
mod opening_rows;
mod rows;
mod table;
mod values;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{ExistingNumbers, Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use export::{ExportFormat, ExportRequest, ExportedFile, export_file_name};

use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use columns::{ARTICLE_FIELDS, CUSTOMER_FIELDS, FieldSpec, OPENING_FIELDS, guess_columns};
use rows::{MappedRow, article_row, customer_row, reasons};
use table::{Table, read_table};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RegisterKind {
    #[default]
    Customers,
    Articles,
    /// Unpaid invoices of the previous program (import only).
    OpeningInvoices,
    /// Issued invoices with their lines (export only).
    Invoices,
}

/// What to do with a row whose number is already in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExistingChoice {
    #[default]
    Skip,
    Update,
}

/// An import to preview or run.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportRequest {
    pub kind: RegisterKind,
    pub path: String,
    /// The field key of each column ("" to leave it out); empty to use the guess.
    pub columns: Vec<String>,
    pub existing: ExistingChoice,
}

/// One column of the file and the field it goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportColumn {
    pub header: String,
    /// The field key, or "" when the column is left out.
    pub field: String,
    /// The first rows' values, to recognise the column by.
    pub samples: Vec<String>,
}

/// A field the columns can go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportField {
    pub key: String,
    pub label: String,
    pub required: bool,
}

/// A row that will not be imported, and every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    /// The line in the file (the headings are line 1).
    pub line: u32,
    pub number: String,
    pub name: String,
    pub reasons: Vec<String>,
}

/// What an import would do (or, after running, did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub kind: RegisterKind,
    /// "CSV, semikolon, Windows-1252", "Excel (xlsx), första bladet", …
    pub format: String,
    pub columns: Vec<ImportColumn>,
    pub fields: Vec<ImportField>,
    pub rows: u32,
    pub valid: u32,
    /// Valid rows whose number is already in the register.
    pub existing: u32,
    pub problems: Vec<ImportProblem>,
    /// Required fields no column goes to.
    pub missing_fields: Vec<String>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub added: u32,
    pub updated: u32,
    pub skipped: u32,
    /// Rows left out because of their problems (listed in the preview).
    pub invalid: u32,
    pub message: String,
}

fn fields_of(kind: RegisterKind) -> &'static [FieldSpec] {
    match kind {
        RegisterKind::Customers => CUSTOMER_FIELDS,
        RegisterKind::Articles => ARTICLE_FIELDS,
        RegisterKind::OpeningInvoices | RegisterKind::Invoices => OPENING_FIELDS,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The rows of a file, checked: what would be written, and what would not and why.
struct Checked<T> {
    table: Table,
    columns: Vec<Option<&'static str>>,
    valid: Vec<T>,
    existing: usize,
    problems: Vec<ImportProblem>,
    missing: Vec<String>,
}

fn read_file(path: &Path, language: Language) -> Result<Table, AppError> {
    let bytes = std::fs::read(path).map_err(|error| {
        FieldErrors::from(FieldError::new(
            "path",
            "unreadable",
            Text::new(
                format!("Filen {} kunde inte öppnas ({error}).", path.display()),
                format!("The file {} could not be opened ({error}).", path.display()),
            ),
        ))
        .into_app_error(language)
    })?;
    read_table(&bytes).for_user(language)
}

/// The mapping the user chose, or the guess from the headings.
fn column_mapping(
    request: &ImportRequest,
    table: &Table,
    fields: &'static [FieldSpec],
    language: Language,
) -> Result<Vec<Option<&'static str>>, AppError> {
    if request.columns.is_empty() {
        return Ok(guess_columns(&table.headers, fields));
    }
    let mut errors = FieldErrors::default();
    let mapping = request
        .columns
        .iter()
        .enumerate()
        .map(|(index, key)| {
            if key.is_empty() {
                return None;
            }
            let found = fields
                .iter()
                .find(|field| field.key == key)
                .map(|field| field.key);
            if found.is_none() {
                errors.push(FieldError::new(
                    format!("columns[{index}]"),
                    "unknown",
                    Text::new(
                        format!("Fältet \"{key}\" finns inte."),
                        format!("The field \"{key}\" does not exist."),
                    ),
                ));
            }
            found
        })
        .collect();
    errors.into_result(mapping).for_user(language)
}

fn missing_fields(
    columns: &[Option<&'static str>],
    fields: &[FieldSpec],
    language: Language,
) -> Vec<String> {
    fields
        .iter()
        .filter(|field| field.required && !columns.contains(&Some(field.key)))
        .map(|field| {
            Text::new(field.label.0, field.label.1)
                .in_language(language)
                .to_owned()
        })
        .collect()
}

fn duplicate(line: u32, first: u32, language: Language) -> String {
    Text::new(
        format!("Numret finns redan på rad {first} i filen; rad {line} tas inte med."),
        format!("The number is already on line {first} of the file; line {line} is left out."),
    )
    .in_language(language)
    .to_owned()
}

/// Checks every row of a register file with `check`, which gives the row's number and its record.
fn check_rows<T>(
    table: Table,
    columns: Vec<Option<&'static str>>,
    fields: &'static [FieldSpec],
    known: &HashSet<String>,
    language: Language,
    check: impl Fn(&MappedRow<'_>) -> Result<(String, T), FieldErrors>,
) -> Checked<T> {
    let missing = missing_fields(&columns, fields, language);
    let mut valid = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut existing = 0;
    for (line, cells) in &table.rows {
        let row = MappedRow {
            cells,
            columns: &columns,
        };
        let number = row.get(fields[0].key).trim().to_owned();
        let name = row.get("name").trim().to_owned();
        match check(&row) {
            Ok((number, record)) => {
                if !number.is_empty() {
                    if let Some(first) = seen.get(&number) {
                        problems.push(ImportProblem {
                            line: *line,
                            number,
                            name,
                            reasons: vec![duplicate(*line, *first, language)],
                        });
                        continue;
                    }
                    seen.insert(number.clone(), *line);
                    if known.contains(&number) {
                        existing += 1;
                    }
                }
                valid.push(record);
            }
            Err(errors) => problems.push(ImportProblem {
                line: *line,
                number,
                name,
                reasons: reasons(&errors, fields, language),
            }),
        }
    }
    Checked {
        table,
        columns,
        valid,
        existing,
        problems,
        missing,
    }
}

fn preview_of<T>(
    kind: RegisterKind,
    checked: &Checked<T>,
    fields: &[FieldSpec],
    language: Language,
) -> ImportPreview {
    let columns = checked
        .table
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| ImportColumn {
            header: header.clone(),
            field: checked
                .columns
                .get(index)
                .copied()
                .flatten()
                .unwrap_or_default()
                .to_owned(),
            samples: checked
                .table
                .rows
                .iter()
                .take(3)
                .map(|(_, cells)| cells.get(index).cloned().unwrap_or_default())
                .collect(),
        })
        .collect();
    ImportPreview {
        kind,
        format: checked.table.format.in_language(language).to_owned(),
        columns,
        fields: fields
            .iter()
            .map(|field| ImportField {
                key: field.key.to_owned(),
                label: Text::new(field.label.0, field.label.1)
                    .in_language(language)
                    .to_owned(),
                required: field.required,
            })
            .collect(),
        rows: count(checked.table.rows.len()),
        valid: count(checked.valid.len()),
        existing: count(checked.existing),
        problems: checked.problems.clone(),
        missing_fields: checked.missing.clone(),
    }
}

/// Every record of a file checked for the register, with what the file maps to and what is in
/// the register already.
enum CheckedFile {
    Customers(Checked<fakturera_store::Customer>),
    Articles(Checked<fakturera_store::Article>),
    Opening(Checked<fakturera_store::OpeningItem>),
}

fn check_file(
    store: &Store,
    request: &ImportRequest,
    today: NaiveDate,
    language: Language,
) -> Result<CheckedFile, AppError> {
    let to_app = |error: StoreError| error.into_app_error(language);
    let fields = fields_of(request.kind);
    let table = read_file(Path::new(&request.path), language)?;
    let columns = column_mapping(request, &table, fields, language)?;
    Ok(match request.kind {
        RegisterKind::Customers => {
            let known: HashSet<String> = store
                .all_customers()
                .map_err(to_app)?
                .into_iter()
                .map(|(_, c)| c.customer_number)
                .collect();
            CheckedFile::Customers(check_rows(
                table,
                columns,
                fields,
                &known,
                language,
                |row| {
                    customer_row(row, today)
                        .map(|customer| (customer.customer_number.clone(), customer))
                },
            ))
        }
        RegisterKind::Articles => {
            let known: HashSet<String> = store
                .all_articles()
                .map_err(to_app)?
                .into_iter()
                .map(|(_, a)| a.article_number)
                .collect();
            CheckedFile::Articles(check_rows(
                table,
                columns,
                fields,
                &known,
                language,
                |row| article_row(row).map(|article| (article.article_number.clone(), article)),
            ))
        }
        RegisterKind::OpeningInvoices | RegisterKind::Invoices => {
            let company = store.company().map_err(to_app)?;
            let customers: HashMap<String, _> = store
                .all_customers()
                .map_err(to_app)?
                .into_iter()
                .map(|(id, customer)| (customer.customer_number.clone(), (id, customer)))
                .collect();
            let imported = store.opening_item_numbers().map_err(to_app)?;
            let ocr_in_use = store.ocr_references().map_err(to_app)?;
            let checked = check_rows(table, columns, fields, &HashSet::new(), language, |row| {
                let item = opening_rows::opening_row(row, &company, &customers)?;
                if imported.contains(&item.original_number) {
                    return Err(FieldErrors::from(FieldError::new(
                        "number",
                        "imported",
                        Text::new(
                            "Fakturan är redan importerad som ingående post.",
                            "The invoice has already been imported as an opening item.",
                        ),
                    )));
                }
                if !item.invoice.ocr.is_empty() && ocr_in_use.contains(&item.invoice.ocr) {
                    return Err(FieldErrors::from(FieldError::new(
                        "ocr",
                        "in_use",
                        Text::new(
                            format!(
                                "OCR-numret {} används redan av en faktura i företagsfilen.",
                                item.invoice.ocr
                            ),
                            format!(
                                "The OCR reference {} is already used by an invoice in the company file.",
                                item.invoice.ocr
                            ),
                        ),
                    )));
                }
                Ok((item.original_number.clone(), item))
            });
            CheckedFile::Opening(checked)
        }
    })
}

impl App {
    /// Reads the file, maps its columns (the user's choice or the guess) and checks every row;
    /// nothing is written.
    pub fn preview_import(
        &self,
        request: &ImportRequest,
        today: NaiveDate,
    ) -> Result<ImportPreview, AppError> {
        let language = self.language();
        let fields = fields_of(request.kind);
        self.with_store(|store| {
            Ok::<_, AppError>(match check_file(store, request, today, language)? {
                CheckedFile::Customers(checked) => {
                    preview_of(request.kind, &checked, fields, language)
                }
                CheckedFile::Articles(checked) => {
                    preview_of(request.kind, &checked, fields, language)
                }
                CheckedFile::Opening(checked) => {
                    preview_of(request.kind, &checked, fields, language)
                }
            })
        })
    }

    /// Writes every valid row of the file in one transaction; rows with problems are left out
    /// (the preview lists them). A required field without a column stops the whole import.
    pub fn run_import(
        &self,
        request: &ImportRequest,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome, AppError> {
        let language = self.language();
        let existing = match request.existing {
            ExistingChoice::Skip => ExistingNumbers::Skip,
            ExistingChoice::Update => ExistingNumbers::Update,
        };
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let checked = check_file(store, request, today, language)?;
            let (missing, invalid) = match &checked {
                CheckedFile::Customers(c) => (c.missing.clone(), c.problems.len()),
                CheckedFile::Articles(c) => (c.missing.clone(), c.problems.len()),
                CheckedFile::Opening(c) => (c.missing.clone(), c.problems.len()),
            };
            if !missing.is_empty() {
                return Err(FieldErrors::from(FieldError::new(
                    "columns",
                    "missing",
                    Text::new(
                        format!("Ingen kolumn innehåller {}. Välj kolumnen i förhandsgranskningen; inget importerades.", missing.join(", ")),
                        format!("No column holds {}. Choose the column in the preview; nothing was imported.", missing.join(", ")),
                    ),
                ))
                .into_app_error(language));
            }
            let counts = match checked {
                CheckedFile::Customers(checked) => {
                    let mut customers = checked.valid;
                    let mut next: u64 = store.next_customer_number().map_err(to_app)?.parse().unwrap_or(1001);
                    let taken: HashSet<String> = customers.iter().map(|c| c.customer_number.clone()).collect();
                    for customer in customers.iter_mut().filter(|c| c.customer_number.is_empty()) {
                        while taken.contains(&next.to_string()) {
                            next += 1;
                        }
                        customer.customer_number = next.to_string();
                        next += 1;
                    }
                    store.import_customers(&customers, existing).map_err(to_app)?
                }
                CheckedFile::Articles(checked) => store.import_articles(&checked.valid, existing).map_err(to_app)?,
                CheckedFile::Opening(checked) => {
                    let ids = store.import_opening_items(&checked.valid, now).map_err(to_app)?;
                    fakturera_store::ImportCounts { added: ids.len(), updated: 0, skipped: 0 }
                }
            };
            let message = Text::new(
                format!(
                    "{} tillagda, {} uppdaterade, {} fanns redan och hoppades över, {} rader med fel togs inte med.",
                    counts.added, counts.updated, counts.skipped, invalid
                ),
                format!(
                    "{} added, {} updated, {} already there and skipped, {} rows with problems left out.",
                    counts.added, counts.updated, counts.skipped, invalid
                ),
            )
            .in_language(language)
            .to_owned();
            Ok(ImportOutcome {
                added: count(counts.added),
                updated: count(counts.updated),
                skipped: count(counts.skipped),
                invalid: count(invalid),
                message,
            })
        })
    }
}
