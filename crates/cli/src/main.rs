//! `fakturera`: the same use cases as the desktop app, for scripts, tests and power users.
//!
//! Input and output are JSON; exit code 0 means success, 2 bad input (the message on stderr),
//! and 1 any other failure. See docs/cli.md.

mod bookkeeping;
mod delivery;
mod documents;
mod form_input;
mod invoices;
mod money_in;
mod output;
mod registers;
mod transfer;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fakturera_app::{App, AppError, Language, company_file_path};

#[derive(Debug, Parser)]
#[command(
    name = "fakturera",
    version,
    about = "Fakturera från kommandoraden / Fakturera from the command line"
)]
struct Cli {
    /// The company file; defaults to $FAKTURERA_DB, then the app-data folder.
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Language of messages: sv or en.
    #[arg(long, global = true, default_value = "sv")]
    lang: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The company file's name, schema version and path.
    Overview,
    #[command(flatten)]
    Registers(registers::RegisterCommand),
    /// Invoices and credit invoices: create, issue, credit, pay, list, show.
    #[command(subcommand)]
    Invoices(invoices::InvoiceCommand),
    #[command(flatten)]
    Delivery(delivery::DeliveryCommand),
    #[command(flatten)]
    MoneyIn(money_in::MoneyInCommand),
    /// SIE 4 export of invoices and payments for the accounting program.
    #[command(subcommand)]
    Sie(bookkeeping::SieCommand),
    /// The VAT return's sales figures.
    #[command(subcommand)]
    Vat(bookkeeping::VatCommand),
    /// The EU sales list (periodisk sammanställning).
    #[command(subcommand, name = "eu-sales")]
    EuSales(bookkeeping::EuSalesCommand),
    /// The account map, verification series and financial year used by `sie export`.
    #[command(subcommand)]
    Bookkeeping(bookkeeping::BookkeepingCommand),
    #[command(flatten)]
    Transfer(transfer::TransferCommand),
    /// Fills an empty company file with a demo company, customers, articles and a year of invoices.
    Demo {
        /// The last day of the demo year (YYYY-MM-DD); today when left out.
        #[arg(long)]
        today: Option<String>,
    },
}

fn run(cli: Cli) -> Result<serde_json::Value, AppError> {
    let language = Language::from_code(&cli.lang).unwrap_or_default();
    let file = match cli.db {
        Some(file) => file,
        None => company_file_path(language)?,
    };
    let app = App::for_one_command(file, language);
    match cli.command {
        Command::Overview => output::json(&app.overview()?),
        Command::Registers(command) => registers::run(&app, command),
        Command::Invoices(command) => invoices::run(&app, command),
        Command::Delivery(command) => delivery::run(&app, command),
        Command::MoneyIn(command) => money_in::run(&app, command),
        Command::Sie(command) => bookkeeping::sie(&app, command),
        Command::Vat(command) => bookkeeping::vat(&app, command),
        Command::EuSales(command) => bookkeeping::eu_sales(&app, command),
        Command::Bookkeeping(command) => bookkeeping::settings(&app, command),
        Command::Transfer(command) => transfer::run(&app, command),
        Command::Demo { today } => invoices::demo(&app, today.as_deref()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(value) => output::print(&value),
        Err(error) => output::fail(&error),
    }
}
