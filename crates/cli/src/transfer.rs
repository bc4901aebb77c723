//! `import customers|articles|opening-invoices FILE [--dry-run]`, `export customers|articles|invoices
//! --out FILE` and `company new`: registers in and out as CSV or Excel, and new company files.

use std::path::PathBuf;

use chrono::{Local, Utc};
use clap::{Subcommand, ValueEnum};
use fakturera_app::company_files::{create_company_file, recent_companies_file, remember_company};
use fakturera_app::company_settings::CompanySettingsForm;
use fakturera_app::transfer::{
    ExistingChoice, ExportFormat, ExportRequest, ImportRequest, RegisterKind,
};
use fakturera_app::{App, AppError};
use serde_json::{Value, json};

use crate::form_input::{merge_form, read_json};
use crate::output::json as to_json;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportKind {
    Customers,
    Articles,
    OpeningInvoices,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportKind {
    Customers,
    Articles,
    Invoices,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

/// `import KIND FILE`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    kind: ImportKind,
    /// A CSV file (semicolon or comma, UTF-8 or Windows-1252) or a spreadsheet (xlsx, xls, ods).
    file: PathBuf,
    /// Only check the file: the columns found and every bad row with its reasons; nothing is written.
    #[arg(long)]
    dry_run: bool,
    /// Rows whose number exists replace the record (default: they are skipped).
    #[arg(long)]
    update_existing: bool,
    /// The field of each column as JSON, e.g. '["customer_number","name",""]' ("" leaves a column out).
    #[arg(long)]
    columns: Option<String>,
}

/// `export KIND --out FILE`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    kind: ExportKind,
    #[arg(long)]
    out: PathBuf,
    /// csv or xlsx; from the file name when left out.
    #[arg(long, value_enum)]
    format: Option<FileFormat>,
    /// Invoices from this invoice date (YYYY-MM-DD).
    #[arg(long, default_value = "")]
    from: String,
    #[arg(long, default_value = "")]
    to: String,
}

pub fn import(app: &App, args: ImportArgs) -> Result<Value, AppError> {
    let columns = match args.columns {
        Some(text) => merge_form(
            &Vec::<String>::new(),
            serde_json::from_str(&text).unwrap_or(Value::Null),
            app.language(),
        )?,
        None => Vec::new(),
    };
    let request = ImportRequest {
        kind: match args.kind {
            ImportKind::Customers => RegisterKind::Customers,
            ImportKind::Articles => RegisterKind::Articles,
            ImportKind::OpeningInvoices => RegisterKind::OpeningInvoices,
        },
        path: args.file.display().to_string(),
        columns,
        existing: if args.update_existing {
            ExistingChoice::Update
        } else {
            ExistingChoice::Skip
        },
    };
    let today = Local::now().date_naive();
    if args.dry_run {
        to_json(&app.preview_import(&request, today)?)
    } else {
        let preview = app.preview_import(&request, today)?;
        let outcome = app.run_import(&request, today, Utc::now())?;
        Ok(json!({ "outcome": outcome, "problems": preview.problems }))
    }
}

pub fn export(app: &App, args: ExportArgs) -> Result<Value, AppError> {
    let format = match args.format {
        Some(FileFormat::Xlsx) => ExportFormat::Xlsx,
        Some(FileFormat::Csv) => ExportFormat::Csv,
        None if args
            .out
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("xlsx")) =>
        {
            ExportFormat::Xlsx
        }
        None => ExportFormat::Csv,
    };
    let request = ExportRequest {
        kind: match args.kind {
            ExportKind::Customers => RegisterKind::Customers,
            ExportKind::Articles => RegisterKind::Articles,
            ExportKind::Invoices => RegisterKind::Invoices,
        },
        format,
        from: args.from,
        to: args.to,
    };
    to_json(&app.export_register(&request, &args.out)?)
}

/// `company new [FILE]`: a new company file at --db with the details in the JSON.
pub fn new_company(app: &App, file: Option<PathBuf>) -> Result<Value, AppError> {
    let language = app.language();
    let start = CompanySettingsForm {
        default_payment_terms: "net:30".into(),
        invoice_fee: "0".into(),
        cash_rounding: true,
        ..CompanySettingsForm::default()
    };
    let form = merge_form(&start, read_json(file.as_deref(), language)?, language)?;
    let path = app.file_path();
    create_company_file(&path, &form, Local::now().date_naive(), language)?;
    if let Some(list) = recent_companies_file() {
        remember_company(&list, &path, form.name.trim(), Utc::now());
    }
    Ok(json!({ "path": path.display().to_string(), "company": app.company_settings()?.form }))
}

#[derive(Debug, Subcommand)]
pub enum TransferCommand {
    /// Imports customers, articles or opening invoices from CSV or Excel.
    Import(ImportArgs),
    /// Exports customers, articles or invoices (with lines) to CSV or Excel.
    Export(ExportArgs),
}

pub fn run(app: &App, command: TransferCommand) -> Result<Value, AppError> {
    match command {
        TransferCommand::Import(args) => import(app, args),
        TransferCommand::Export(args) => export(app, args),
    }
}
