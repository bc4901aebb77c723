//! The register subcommands: `company`, `customers`, `articles`, `series`, `backup`, `backups` and
//! `restore`. Each reads JSON (a file argument or stdin), calls one `App` use case and prints JSON.
//! The clock is read here, never below: `today` for identifiers and VAT rates, `now` for backups.

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use clap::Subcommand;
use fakturera_app::customers::CustomerForm;
use fakturera_app::number_series::NumberSeriesForm;
use fakturera_app::{App, AppError, ErrorCode, RegisterSearch, Text};
use serde_json::{Value, json};

use crate::form_input::{merge_form, read_json};
use crate::output::json as to_json;

/// Subcommands that take JSON read it from the FILE argument, or from stdin when it is left out
/// or `-`.
#[derive(Debug, Subcommand)]
pub enum RegisterCommand {
    /// Company details (Inställningar): show, set from JSON, or set the logo.
    #[command(subcommand)]
    Company(CompanyCommand),
    /// The customer register.
    #[command(subcommand)]
    Customers(RegisterRecordCommand),
    /// The article register.
    #[command(subcommand)]
    Articles(RegisterRecordCommand),
    /// Invoice number series.
    #[command(subcommand)]
    Series(SeriesCommand),
    /// Takes a backup of the company file now (into its backup folder, or with --to into a folder
    /// of your choice, e.g. on another disk).
    Backup {
        /// A folder on another disk ("Säkerhetskopiera till…"); the copy is named after the file
        /// and the time and never overwrites an earlier one.
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// Lists the backups of the company file.
    Backups,
    /// Replaces the company file's content with a backup (a safety copy is taken first).
    Restore {
        /// The backup file, e.g. one listed by `fakturera backups`.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum CompanyCommand {
    /// Prints the company's details as JSON.
    Show,
    /// Sets the fields given in the JSON object; the others keep their values.
    Set { file: Option<PathBuf> },
    /// Sets the logo from a PNG or JPEG file.
    Logo { image: PathBuf },
    /// Creates a new company file at --db with the details in the JSON (name and org number at
    /// least); refused when the file exists.
    New { file: Option<PathBuf> },
}

#[derive(Debug, Subcommand)]
pub enum RegisterRecordCommand {
    /// Adds a record from a JSON object; missing fields take their defaults.
    Add { file: Option<PathBuf> },
    /// Lists records ordered by name, optionally filtered.
    List {
        /// Found anywhere in the name or number, ignoring case (Unicode-aware).
        #[arg(long)]
        search: Option<String>,
        /// Include archived records.
        #[arg(long)]
        archived: bool,
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
    },
    /// Shows one record by its customer or article number.
    Show { number: String },
    /// Changes the fields given in the JSON object of the record with this number.
    Update {
        number: String,
        file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SeriesCommand {
    /// Lists the number series, the default first.
    List,
    /// Adds a series from JSON: {"name": "Export", "prefix": "EX-", "next_number": "5001"}.
    Add { file: Option<PathBuf> },
    /// Makes the series with this name the default for new invoices.
    Default { name: String },
    /// Changes the series with this name from partial JSON: {"prefix": "F-"}, or
    /// {"next_number": "200", "gap_reason": "…"} (a series that has issued invoices moves forward
    /// only over a gap confirmed with a reason, which is kept with the series).
    Update { name: String, file: Option<PathBuf> },
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

pub fn run(app: &App, command: RegisterCommand) -> Result<Value, AppError> {
    match command {
        RegisterCommand::Company(command) => company(app, command),
        RegisterCommand::Customers(command) => customers(app, command),
        RegisterCommand::Articles(command) => articles(app, command),
        RegisterCommand::Series(command) => series(app, command),
        RegisterCommand::Backup { to: None } => to_json(&app.backup_now(Utc::now())?),
        RegisterCommand::Backup { to: Some(folder) } => {
            to_json(&app.backup_to_folder(&folder, Utc::now())?)
        }
        RegisterCommand::Backups => to_json(&app.backups()?),
        RegisterCommand::Restore { file } => {
            let restored = app.restore_backup(&file, Utc::now())?;
            let mut answer = to_json(&restored)?;
            answer["company"] = to_json(&app.company_settings()?.form)?;
            Ok(answer)
        }
    }
}

fn company(app: &App, command: CompanyCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        CompanyCommand::Show => to_json(&app.company_settings()?.form),
        CompanyCommand::Set { file } => {
            let form = merge_form(
                &app.company_settings()?.form,
                read_json(file.as_deref(), language)?,
                language,
            )?;
            to_json(&app.save_company_settings(&form, today())?.form)
        }
        CompanyCommand::New { file } => crate::transfer::new_company(app, file),
        CompanyCommand::Logo { image } => {
            let bytes = std::fs::read(&image).map_err(|error| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    &Text::new(
                        format!("Kunde inte läsa {}: {error}", image.display()),
                        format!("Could not read {}: {error}", image.display()),
                    ),
                    language,
                )
            })?;
            let settings = app.set_company_logo(&bytes)?;
            Ok(json!({ "logo": settings.logo_data_url.is_some(), "bytes": bytes.len() }))
        }
    }
}

fn search(search: Option<String>, archived: bool, limit: u32, offset: u32) -> RegisterSearch {
    RegisterSearch {
        search: search.unwrap_or_default(),
        include_archived: archived,
        offset,
        limit,
    }
}

fn customers(app: &App, command: RegisterRecordCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        RegisterRecordCommand::Add { file } => {
            let start: CustomerForm = app.new_customer_form()?;
            let form = merge_form(&start, read_json(file.as_deref(), language)?, language)?;
            to_json(&app.add_customer(&form, today())?)
        }
        RegisterRecordCommand::List {
            search: text,
            archived,
            limit,
            offset,
        } => to_json(&app.customers(&search(text, archived, limit, offset))?),
        RegisterRecordCommand::Show { number } => to_json(&app.customer_by_number(&number)?),
        RegisterRecordCommand::Update { number, file } => {
            let current = app.customer_by_number(&number)?;
            let form = merge_form(
                &current.form,
                read_json(file.as_deref(), language)?,
                language,
            )?;
            to_json(&app.update_customer(current.id, &form, today())?)
        }
    }
}

fn articles(app: &App, command: RegisterRecordCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        RegisterRecordCommand::Add { file } => {
            let start = app.new_article_form();
            let form = merge_form(&start, read_json(file.as_deref(), language)?, language)?;
            to_json(&app.add_article(&form, today())?)
        }
        RegisterRecordCommand::List {
            search: text,
            archived,
            limit,
            offset,
        } => to_json(&app.articles(&search(text, archived, limit, offset), today())?),
        RegisterRecordCommand::Show { number } => {
            to_json(&app.article_by_number(&number, today())?)
        }
        RegisterRecordCommand::Update { number, file } => {
            let current = app.article_by_number(&number, today())?;
            let form = merge_form(
                &current.form,
                read_json(file.as_deref(), language)?,
                language,
            )?;
            to_json(&app.update_article(current.id, &form, today())?)
        }
    }
}

fn series(app: &App, command: SeriesCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        SeriesCommand::List => to_json(&app.number_series()?),
        SeriesCommand::Add { file } => {
            let form = merge_form(
                &NumberSeriesForm::default(),
                read_json(file.as_deref(), language)?,
                language,
            )?;
            to_json(&app.add_number_series(&form)?)
        }
        SeriesCommand::Update { name, file } => {
            let series = series_named(app, &name)?;
            let current = NumberSeriesForm {
                name: series.name.clone(),
                prefix: series.prefix.clone(),
                next_number: series.next_number.to_string(),
                gap_reason: String::new(),
            };
            let form = merge_form(&current, read_json(file.as_deref(), language)?, language)?;
            to_json(&app.update_number_series(series.id, &form, chrono::Utc::now())?)
        }
        SeriesCommand::Default { name } => {
            let series = series_named(app, &name)?;
            to_json(&app.set_default_number_series(series.id)?)
        }
    }
}

/// The series called `name`, or a refusal that lists the names there are.
fn series_named(
    app: &App,
    name: &str,
) -> Result<fakturera_app::number_series::NumberSeriesView, AppError> {
    let all = app.number_series()?;
    if let Some(series) = all.iter().find(|series| series.name == name.trim()) {
        return Ok(series.clone());
    }
    let names = all
        .iter()
        .map(|series| series.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Err(AppError::new(
        ErrorCode::NotFound,
        &Text::new(
            format!("Det finns ingen nummerserie som heter \"{name}\". Serierna är: {names}."),
            format!("There is no number series called \"{name}\". The series are: {names}."),
        ),
        app.language(),
    ))
}
