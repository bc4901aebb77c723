//! The bookkeeping subcommands: `sie export`, `vat report`, `eu-sales export` and `bookkeeping
//! show|set` (the account map and series). The clock is read here and passed down.

use std::path::PathBuf;

use chrono::Utc;
use clap::{Args, Subcommand};
use fakturera_app::bookkeeping::{BookkeepingSettingsForm, EuSalesForm, SieExportForm};
use fakturera_app::{App, AppError};
use serde_json::Value;

use crate::form_input::{merge_form, read_json};
use crate::invoices::day;
use crate::output::json as to_json;

/// A period: `--period 2026-03` (a month), `2026-K1` (a quarter), `2026` (a year), or two dates.
#[derive(Debug, Args)]
pub struct PeriodArgs {
    #[arg(long)]
    period: Option<String>,
    /// The first day (YYYY-MM-DD), with --to, instead of --period.
    #[arg(long)]
    from: Option<String>,
    /// The last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SieCommand {
    /// Writes the period's invoices, credit invoices and payments as an SIE 4 file (type 4I).
    Export {
        #[command(flatten)]
        period: PeriodArgs,
        /// The file to write, e.g. bokforing.si.
        #[arg(long)]
        out: PathBuf,
        /// Only what no earlier export took.
        #[arg(long)]
        only_new: bool,
        /// The day the file is made (#GEN), YYYY-MM-DD; today when left out.
        #[arg(long)]
        today: Option<String>,
    },
    /// What an export of the period would take, and how much of it was exported before.
    Preview {
        #[command(flatten)]
        period: PeriodArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum VatCommand {
    /// The VAT return's sales boxes (05–08, 10–12, 35–42) with the invoices behind each figure.
    Report {
        #[command(flatten)]
        period: PeriodArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum EuSalesCommand {
    /// The EU sales list (periodisk sammanställning) of a month or quarter; with --out the file
    /// for Skatteverket's upload, otherwise a preview.
    Export {
        /// 2026-03 or 2026-K1.
        #[arg(long)]
        period: String,
        #[arg(long)]
        out: Option<PathBuf>,
        /// The responsible person; Inställningar's contact person when left out.
        #[arg(long, default_value = "")]
        contact_name: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum BookkeepingCommand {
    /// The account map (BAS defaults and your changes), series and financial year.
    Show,
    /// Sets the fields given in JSON, e.g. {"accounts": [{"key": "bank", "account": "1920"}]}.
    Set { file: Option<PathBuf> },
}

fn sie_form(period: PeriodArgs, only_new: bool) -> SieExportForm {
    SieExportForm {
        period: period.period.unwrap_or_default(),
        from: period.from.unwrap_or_default(),
        to: period.to.unwrap_or_default(),
        only_new,
    }
}

pub fn sie(app: &App, command: SieCommand) -> Result<Value, AppError> {
    match command {
        SieCommand::Export {
            period,
            out,
            only_new,
            today,
        } => {
            let today = day(today.as_deref(), "--today", app.language())?;
            to_json(&app.export_sie(&sie_form(period, only_new), &out, today, Utc::now())?)
        }
        SieCommand::Preview { period } => {
            to_json(&app.sie_export_preview(&sie_form(period, false))?)
        }
    }
}

pub fn vat(app: &App, command: VatCommand) -> Result<Value, AppError> {
    match command {
        VatCommand::Report { period } => to_json(&app.vat_report(
            period.period.as_deref().unwrap_or_default(),
            period.from.as_deref().unwrap_or_default(),
            period.to.as_deref().unwrap_or_default(),
        )?),
    }
}

pub fn eu_sales(app: &App, command: EuSalesCommand) -> Result<Value, AppError> {
    match command {
        EuSalesCommand::Export {
            period,
            out,
            contact_name,
            phone,
            email,
        } => {
            let form = EuSalesForm {
                period,
                contact_name,
                phone,
                email,
            };
            to_json(&app.eu_sales_list(&form, out.as_deref())?)
        }
    }
}

pub fn settings(app: &App, command: BookkeepingCommand) -> Result<Value, AppError> {
    match command {
        BookkeepingCommand::Show => to_json(&app.bookkeeping_settings()?),
        BookkeepingCommand::Set { file } => {
            let current = app.bookkeeping_settings()?;
            let start = BookkeepingSettingsForm {
                accounts: Vec::new(),
                invoice_series: current.invoice_series,
                payment_series: current.payment_series,
                fiscal_year_first_month: current.fiscal_year_first_month,
            };
            let form = merge_form(
                &start,
                read_json(file.as_deref(), app.language())?,
                app.language(),
            )?;
            to_json(&app.save_bookkeeping_settings(&form)?)
        }
    }
}
