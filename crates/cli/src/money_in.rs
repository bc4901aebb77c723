//! Money in from the command line: `ledger`, `aging`, `statement`, `bankfile`, `reminders`,
//! `interest`, `receivables` and `dashboard`. JSON in and out, the clock read here; sending goes
//! through the same outbox as `send`.

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use clap::Subcommand;
use fakturera_app::money_in::ReceivablesSettingsForm;
use fakturera_app::{App, AppError, ErrorCode, Language, Text};
use serde_json::{Value, json};

use crate::form_input::{merge_form, read_json};
use crate::output::json as to_json;

#[derive(Debug, Subcommand)]
pub enum MoneyInCommand {
    /// Kundreskontra: the company's ledger per customer, or one customer's every row.
    Ledger {
        /// A customer number: that customer's ledger (every invoice, credit, payment, write-off).
        #[arg(long)]
        customer: Option<String>,
        /// The day (YYYY-MM-DD); today when left out. Nothing after it is counted.
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Åldersanalys: what is open, by days overdue, per customer and in total, in SEK.
    Aging {
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long)]
        customer: Option<String>,
    },
    /// Kontoutdrag for a customer: as a PDF file (--out), or made a document and sent (--send).
    Statement {
        customer: String,
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Make it a numbered document and send it by the customer's delivery choice.
        #[arg(long)]
        send: bool,
        /// With --send: keep delivering up to this many seconds.
        #[arg(long)]
        wait: Option<u64>,
    },
    /// The bank's payment file (BgMax): preview, import, unplaced payments.
    #[command(subcommand)]
    Bankfile(BankFileCommand),
    /// Betalningspåminnelser: what is due, make them, send them.
    #[command(subcommand)]
    Reminders(ReminderCommand),
    /// Räntefakturor: late-payment interest, and the reference rates.
    #[command(subcommand)]
    Interest(InterestCommand),
    /// The money-in settings: `show`, `set [FILE]`.
    #[command(subcommand)]
    Receivables(SettingsCommand),
    /// Översikt: the dashboard's figures.
    Dashboard {
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BankFileCommand {
    /// What importing FILE would book (nothing is written).
    Preview {
        file: PathBuf,
        /// Write off small differences within the öresdifferens limit.
        #[arg(long)]
        write_off: bool,
    },
    /// Imports FILE: books the matched payments, keeps the rest to place by hand.
    Import {
        file: PathBuf,
        /// Only show what would be booked (the same as `preview`).
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        write_off: bool,
    },
    /// Bank payments with money still to place, with suggestions.
    Unplaced,
    /// Places AMOUNT of bank payment ID on the invoice numbered INVOICE (a confirmed suggestion).
    Place {
        id: i64,
        #[arg(long)]
        invoice: String,
        #[arg(long)]
        amount: String,
    },
    /// Records that AMOUNT of bank payment ID was paid back to the payer.
    Refund {
        id: i64,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Writes a BgMax file paying some of the company's open invoices (full, half, too much)
    /// and one unknown reference: for trying the import.
    Sample {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReminderCommand {
    /// The reminders due (first and second) and the inkasso hand-over list.
    List {
        #[arg(long)]
        today: Option<String>,
    },
    /// Makes the reminders due for the invoices given (all due ones when none are given).
    Create {
        invoices: Vec<i64>,
        #[arg(long)]
        today: Option<String>,
    },
    /// Sends reminder documents by the customer's delivery choice (--all: every unsent one).
    Send {
        documents: Vec<i64>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        wait: Option<u64>,
    },
    /// Every reminder made.
    Made,
}

#[derive(Debug, Subcommand)]
pub enum InterestCommand {
    /// The interest each customer owes, not yet invoiced.
    List {
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Issues interest invoices (for the customers given by number, or all at or above the minimum).
    Create {
        customers: Vec<String>,
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Riksbanken's reference rates; `rates add FROM RATE` adds a half-year's rate.
    #[command(subcommand)]
    Rates(RateCommand),
}

#[derive(Debug, Subcommand)]
pub enum RateCommand {
    List,
    Add { valid_from: String, rate: String },
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    Show,
    /// Sets the fields given (FILE or stdin): reminder_grace_days, reminder_min_amount,
    /// reminder_fee_agreed, reminder_fee, reminder_pay_days, next_step_days, write_off_limit,
    /// interest_min_amount, exempt_customers.
    Set {
        file: Option<PathBuf>,
    },
}

fn bad_input(language: Language, sv: String, en: String) -> AppError {
    AppError::new(ErrorCode::InvalidInput, &Text::new(sv, en), language)
}

fn day(text: Option<&str>, option: &str, language: Language) -> Result<NaiveDate, AppError> {
    match text {
        None => Ok(Local::now().date_naive()),
        Some(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            bad_input(
                language,
                format!("{option} \"{text}\" är inget datum. Skriv ÅÅÅÅ-MM-DD, t.ex. 2026-11-26."),
                format!("{option} \"{text}\" is not a date. Write YYYY-MM-DD, e.g. 2026-11-26."),
            )
        }),
    }
}

fn customer_id(app: &App, number: &str) -> Result<i64, AppError> {
    Ok(app.invoice_customer_by_number(number)?.id)
}

fn read_file(path: &PathBuf, language: Language) -> Result<Vec<u8>, AppError> {
    std::fs::read(path).map_err(|error| {
        bad_input(
            language,
            format!("Filen {} kunde inte läsas: {error}.", path.display()),
            format!("The file {} could not be read: {error}.", path.display()),
        )
    })
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn run(app: &App, command: MoneyInCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        MoneyInCommand::Ledger { customer, as_of } => {
            let as_of = day(as_of.as_deref(), "--as-of", language)?;
            match customer {
                Some(number) => to_json(&app.customer_ledger_by_number(&number, as_of)?),
                None => to_json(&app.company_ledger(as_of)?),
            }
        }
        MoneyInCommand::Aging { as_of, customer } => {
            let as_of = day(as_of.as_deref(), "--as-of", language)?;
            let customer = match customer {
                Some(number) => Some(customer_id(app, &number)?),
                None => None,
            };
            to_json(&app.aging_report(as_of, customer)?)
        }
        MoneyInCommand::Statement {
            customer,
            as_of,
            out,
            send,
            wait,
        } => {
            let as_of = day(as_of.as_deref(), "--as-of", language)?;
            let id = customer_id(app, &customer)?;
            match (out, send) {
                (Some(out), false) => to_json(&app.save_statement_pdf(id, as_of, &out)?),
                (None, true) => {
                    let today = Local::now().date_naive();
                    let document = app.create_statement(id, as_of, today, Utc::now())?;
                    let sent = crate::delivery::send_ids(app, vec![document.document_id], wait)?;
                    Ok(json!({"statement": to_json(&document)?, "send": sent}))
                }
                _ => Err(bad_input(
                    language,
                    "Ange --out FIL för en PDF, eller --send för att skicka kontoutdraget."
                        .to_owned(),
                    "Give --out FILE for a PDF, or --send to send the statement.".to_owned(),
                )),
            }
        }
        MoneyInCommand::Bankfile(command) => bank_file(app, command),
        MoneyInCommand::Reminders(command) => reminders(app, command),
        MoneyInCommand::Interest(command) => interest(app, command),
        MoneyInCommand::Receivables(SettingsCommand::Show) => to_json(&app.receivables_settings()?),
        MoneyInCommand::Receivables(SettingsCommand::Set { file }) => {
            let current: ReceivablesSettingsForm = app.receivables_settings()?;
            let patch = read_json(file.as_deref(), language)?;
            let form = merge_form(&current, patch, language)?;
            to_json(&app.save_receivables_settings(&form)?)
        }
        MoneyInCommand::Dashboard { today } => {
            let today = day(today.as_deref(), "--today", language)?;
            to_json(&app.dashboard(today)?)
        }
    }
}

fn bank_file(app: &App, command: BankFileCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        BankFileCommand::Preview { file, write_off } => {
            let bytes = read_file(&file, language)?;
            to_json(&app.preview_bank_file(&bytes, &file_name(&file), write_off)?)
        }
        BankFileCommand::Import {
            file,
            dry_run,
            write_off,
        } => {
            let bytes = read_file(&file, language)?;
            if dry_run {
                to_json(&app.preview_bank_file(&bytes, &file_name(&file), write_off)?)
            } else {
                to_json(&app.import_bank_file(&bytes, &file_name(&file), write_off, Utc::now())?)
            }
        }
        BankFileCommand::Unplaced => to_json(&app.unplaced_bank_payments()?),
        BankFileCommand::Place {
            id,
            invoice,
            amount,
        } => to_json(&app.place_bank_payment(id, &invoice, &amount, Utc::now())?),
        BankFileCommand::Refund {
            id,
            amount,
            date,
            note,
        } => {
            let on = day(date.as_deref(), "--date", language)?;
            to_json(&app.refund_bank_payment(id, &amount, on, &note, Utc::now())?)
        }
        BankFileCommand::Sample { out, today } => {
            let today = day(today.as_deref(), "--today", language)?;
            let sample = app.sample_bank_file(today)?;
            std::fs::write(&out, &sample.bytes).map_err(|error| {
                bad_input(
                    language,
                    format!("Filen {} kunde inte skrivas: {error}.", out.display()),
                    format!("The file {} could not be written: {error}.", out.display()),
                )
            })?;
            Ok(json!({"path": out.display().to_string(), "payments": to_json(&sample.payments)?}))
        }
    }
}

fn reminders(app: &App, command: ReminderCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        ReminderCommand::List { today } => {
            to_json(&app.reminder_proposal(day(today.as_deref(), "--today", language)?)?)
        }
        ReminderCommand::Create { invoices, today } => {
            let today = day(today.as_deref(), "--today", language)?;
            let chosen = (!invoices.is_empty()).then_some(invoices.as_slice());
            to_json(&app.create_reminders(chosen, today, Utc::now())?)
        }
        ReminderCommand::Send {
            documents,
            all,
            wait,
        } => {
            let mut ids = documents;
            if all {
                let unsent = app.unsent_invoice_ids(false)?;
                ids.extend(
                    app.reminders()?
                        .iter()
                        .map(|reminder| reminder.document_id)
                        .filter(|id| unsent.contains(id)),
                );
            }
            if ids.is_empty() {
                return Ok(json!({"queued": [], "message": Text::new(
                    "Inga påminnelser att skicka.",
                    "No reminders to send.",
                ).in_language(language)}));
            }
            crate::delivery::send_ids(app, ids, wait)
        }
        ReminderCommand::Made => to_json(&app.reminders()?),
    }
}

fn interest(app: &App, command: InterestCommand) -> Result<Value, AppError> {
    let language = app.language();
    match command {
        InterestCommand::List { as_of } => {
            to_json(&app.interest_proposal(day(as_of.as_deref(), "--as-of", language)?)?)
        }
        InterestCommand::Create { customers, as_of } => {
            let as_of = day(as_of.as_deref(), "--as-of", language)?;
            let ids = customers
                .iter()
                .map(|number| customer_id(app, number))
                .collect::<Result<Vec<_>, _>>()?;
            let chosen = (!ids.is_empty()).then_some(ids.as_slice());
            to_json(&app.create_interest_invoices(
                chosen,
                as_of,
                Local::now().date_naive(),
                Utc::now(),
            )?)
        }
        InterestCommand::Rates(RateCommand::List) => to_json(&app.reference_rates()?),
        InterestCommand::Rates(RateCommand::Add { valid_from, rate }) => {
            to_json(&app.set_reference_rate(&valid_from, &rate)?)
        }
    }
}
