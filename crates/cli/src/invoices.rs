//! The invoice subcommands (`invoices create|update|issue|credit|pay|refund|write-off|
//! reverse-payment|list|show|events|delete`) and
//! `demo`. JSON in, JSON out; the clock is read here and passed down.

use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use clap::Subcommand;
use fakturera_app::invoice_form::{InvoiceForm, InvoiceLineForm};
use fakturera_app::invoices::{
    CreditRequest, InvoiceFilterCode, InvoiceListRequest, PaymentRequest,
};
use fakturera_app::{App, AppError, ErrorCode, Language, Text};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::form_input::{merge_form, read_json};
use crate::output::json as to_json;

#[derive(Debug, Subcommand)]
pub enum InvoiceCommand {
    /// Saves a draft from JSON: {"customer_number": "1001", "form": {...}}; the form's missing
    /// fields take the customer's defaults and each line the defaults of a new row.
    Create { file: Option<PathBuf> },
    /// Changes the fields given in the JSON form of the draft with this id.
    Update { id: i64, file: Option<PathBuf> },
    /// Issues the draft: it gets its number and OCR reference and is locked.
    Issue { id: i64 },
    /// Makes a draft credit invoice of the issued invoice; all of it unless --lines says which.
    Credit {
        id: i64,
        /// JSON list of lines to credit, e.g. '[{"line": 0, "quantity": "2"}]' (lines count from 0).
        #[arg(long)]
        lines: Option<String>,
    },
    /// Copies the invoice (of a credit invoice: the invoice it credits) to a new draft dated today.
    Copy { id: i64 },
    /// Records a payment on an issued invoice.
    Pay {
        id: i64,
        /// The amount paid, e.g. 1250.50 or "1 250,50".
        #[arg(long)]
        amount: String,
        /// The payment date (YYYY-MM-DD); today when left out.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        reference: String,
    },
    /// Records money paid back to the customer on an invoice that is overpaid or credited after
    /// payment (at most what the customer has to get back).
    Refund {
        id: i64,
        #[arg(long)]
        amount: String,
        /// The day the money left (YYYY-MM-DD); today when left out.
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        reference: String,
    },
    /// Writes off what is left on an invoice (either way) when it is within the öresdifferens
    /// limit of `receivables settings`.
    WriteOff {
        id: i64,
        /// The day of the write-off (YYYY-MM-DD); today when left out.
        #[arg(long)]
        date: Option<String>,
    },
    /// Reverses a booked payment, refund or write-off (by its record id from `invoices show`)
    /// with a new record of the opposite amount; the original stays.
    ReversePayment {
        record: i64,
        #[arg(long)]
        date: Option<String>,
        /// Why, kept on the reversal.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Lists invoices, newest first.
    List {
        /// An invoice number, part of a customer's name or number, or an amount.
        #[arg(long)]
        search: Option<String>,
        /// all, drafts, issued, unpaid, partly_paid, paid, overdue, credits or credited.
        #[arg(long, default_value = "all")]
        status: String,
        /// The `next` of the previous page.
        #[arg(long)]
        after: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// The day that decides what is overdue (YYYY-MM-DD); today when left out.
        #[arg(long)]
        today: Option<String>,
    },
    /// Shows one invoice with its totals, payments and credits.
    Show { id: i64 },
    /// The invoice's history.
    Events { id: i64 },
    /// Deletes a draft (issued invoices are never deleted).
    Delete { id: i64 },
    #[command(flatten)]
    Documents(crate::documents::DocumentCommand),
}

fn bad_input(language: Language, sv: String, en: String) -> AppError {
    AppError::new(ErrorCode::InvalidInput, &Text::new(sv, en), language)
}

pub(crate) fn day(
    text: Option<&str>,
    option: &str,
    language: Language,
) -> Result<NaiveDate, AppError> {
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

/// A JSON value of a closed set of codes, with the codes listed when it is none of them.
fn code<T: DeserializeOwned>(
    text: &str,
    option: &str,
    codes: &str,
    language: Language,
) -> Result<T, AppError> {
    serde_json::from_value(Value::String(text.trim().to_owned())).map_err(|_| {
        bad_input(
            language,
            format!("{option} \"{text}\" finns inte. Välj en av: {codes}."),
            format!("{option} \"{text}\" does not exist. Choose one of: {codes}."),
        )
    })
}

/// The row a line of a patch is laid over: a new row for the customer, or, for a line that names
/// an article in the register, that article's row (its name, unit, price, and the VAT for the
/// customer and the invoice date: "EU, varor"/"EU, tjänster" by the article's kind).
fn base_line(
    app: &App,
    customer_id: i64,
    issue_date: NaiveDate,
    blank: &InvoiceLineForm,
    line: &Value,
) -> Result<InvoiceLineForm, AppError> {
    let Some(number) = line
        .get("article_number")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|number| !number.is_empty())
    else {
        return Ok(blank.clone());
    };
    let found = app
        .invoice_article_choices(number, Some(customer_id), issue_date)?
        .into_iter()
        .find(|choice| choice.article_number == number);
    Ok(found.map_or_else(|| blank.clone(), |choice| choice.line))
}

/// The form `patch` describes, laid over `start`; each line of the patch over a new row, or the
/// row of the article it names.
fn form_from_patch(
    app: &App,
    customer_id: i64,
    start: &InvoiceForm,
    blank: &InvoiceLineForm,
    mut patch: Value,
) -> Result<InvoiceForm, AppError> {
    let language = app.language();
    let issue_date = patch
        .get("issue_date")
        .and_then(Value::as_str)
        .unwrap_or(&start.issue_date)
        .trim()
        .parse::<NaiveDate>()
        .unwrap_or_else(|_| Local::now().date_naive());
    let lines = match patch
        .as_object_mut()
        .and_then(|object| object.remove("lines"))
    {
        None => None,
        Some(Value::Array(lines)) => Some(
            lines
                .into_iter()
                .map(|line| {
                    let base = base_line(app, customer_id, issue_date, blank, &line)?;
                    merge_form(&base, line, language)
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        Some(_) => {
            return Err(bad_input(
                language,
                "\"lines\" ska vara en lista med rader, t.ex. [{\"description\": \"Konsult\", \"quantity\": \"2\", \"unit_price\": \"1150\"}].".to_owned(),
                "\"lines\" must be a list of rows, e.g. [{\"description\": \"Consulting\", \"quantity\": \"2\", \"unit_price\": \"1150\"}].".to_owned(),
            ));
        }
    };
    let mut form = merge_form(start, patch, language)?;
    if let Some(lines) = lines {
        form.lines = lines;
    }
    Ok(form)
}

/// Reads `{"customer_number": ..., "form": {...}}` into the customer's id and the full form.
fn draft_input(
    app: &App,
    file: Option<&std::path::Path>,
    today: NaiveDate,
) -> Result<(i64, InvoiceForm), AppError> {
    let language = app.language();
    let input = read_json(file, language)?;
    let shape_error = || {
        bad_input(
            language,
            "Indata ska vara {\"customer_number\": \"1001\", \"form\": {...}}. Se docs/cli.md."
                .to_owned(),
            "The input must be {\"customer_number\": \"1001\", \"form\": {...}}. See docs/cli.md."
                .to_owned(),
        )
    };
    let Value::Object(mut input) = input else {
        return Err(shape_error());
    };
    let customer_number = match input.remove("customer_number") {
        Some(Value::String(number)) => number,
        Some(Value::Number(number)) => number.to_string(),
        _ => return Err(shape_error()),
    };
    let patch = input
        .remove("form")
        .unwrap_or_else(|| Value::Object(serde_json::Map::new()));
    if let Some(unknown) = input.keys().next() {
        return Err(bad_input(
            language,
            format!("Okänt fält \"{unknown}\". Fälten är: customer_number, form."),
            format!("Unknown field \"{unknown}\". The fields are: customer_number, form."),
        ));
    }
    let customer = app.invoice_customer_by_number(&customer_number)?;
    let mut new = app.new_invoice(customer.id, today)?;
    // A script lists its rows; the editor's empty first row would only be an error here.
    new.form.lines.clear();
    let form = form_from_patch(app, customer.id, &new.form, &new.blank_line, patch)?;
    Ok((customer.id, form))
}

pub fn run(app: &App, command: InvoiceCommand) -> Result<Value, AppError> {
    let language = app.language();
    let today = Local::now().date_naive();
    match command {
        InvoiceCommand::Documents(command) => crate::documents::run(app, command),
        InvoiceCommand::Create { file } => {
            let (customer, form) = draft_input(app, file.as_deref(), today)?;
            to_json(&app.create_invoice_draft(customer, &form, today, Utc::now())?)
        }
        InvoiceCommand::Update { id, file } => {
            let current = app.invoice_detail(id, today)?;
            let form = form_from_patch(
                app,
                current.customer.id,
                &current.form,
                &current.blank_line,
                read_json(file.as_deref(), language)?,
            )?;
            to_json(&app.update_invoice_draft(id, current.customer.id, &form, today, Utc::now())?)
        }
        InvoiceCommand::Issue { id } => to_json(&app.issue_invoice(id, today, Utc::now())?),
        InvoiceCommand::Copy { id } => to_json(&app.copy_invoice(id, today, Utc::now())?),
        InvoiceCommand::Credit { id, lines } => {
            let request = match lines {
                None => CreditRequest::default(),
                Some(lines) => CreditRequest {
                    lines: Some(serde_json::from_str(&lines).map_err(|error| {
                        bad_input(
                            language,
                            format!("--lines är inte en giltig lista ({error}). Skriv t.ex. '[{{\"line\": 0, \"quantity\": \"2\"}}]'."),
                            format!("--lines is not a valid list ({error}). Write e.g. '[{{\"line\": 0, \"quantity\": \"2\"}}]'."),
                        )
                    })?),
                },
            };
            to_json(&app.credit_invoice(id, &request, today, Utc::now())?)
        }
        InvoiceCommand::Pay {
            id,
            amount,
            date,
            reference,
        } => {
            let paid_on = day(date.as_deref(), "--date", language)?;
            let request = PaymentRequest {
                paid_on: paid_on.to_string(),
                amount,
                reference,
            };
            to_json(&app.record_invoice_payment(id, &request, Utc::now())?)
        }
        InvoiceCommand::Refund {
            id,
            amount,
            date,
            reference,
        } => {
            let paid_on = day(date.as_deref(), "--date", language)?;
            let request = PaymentRequest {
                paid_on: paid_on.to_string(),
                amount,
                reference,
            };
            to_json(&app.record_invoice_refund(id, &request, Utc::now())?)
        }
        InvoiceCommand::WriteOff { id, date } => {
            let on = day(date.as_deref(), "--date", language)?;
            to_json(&app.write_off_invoice_difference(id, on, Utc::now())?)
        }
        InvoiceCommand::ReversePayment { record, date, note } => {
            let on = day(date.as_deref(), "--date", language)?;
            to_json(&app.reverse_invoice_payment(record, on, &note, Utc::now())?)
        }
        InvoiceCommand::List {
            search,
            status,
            after,
            limit,
            today,
        } => {
            let filter: InvoiceFilterCode = code(
                &status,
                "--status",
                "all, drafts, issued, unpaid, partly_paid, paid, overdue, credits, credited",
                language,
            )?;
            let request = InvoiceListRequest {
                filter,
                search: search.unwrap_or_default(),
                after,
                limit,
            };
            to_json(&app.list_invoices(&request, day(today.as_deref(), "--today", language)?)?)
        }
        InvoiceCommand::Show { id } => to_json(&app.invoice_detail(id, today)?),
        InvoiceCommand::Events { id } => to_json(&app.invoice_events(id)?),
        InvoiceCommand::Delete { id } => {
            app.delete_invoice_draft(id, Utc::now())?;
            Ok(serde_json::json!({ "deleted": id }))
        }
    }
}

/// `demo [--today YYYY-MM-DD]`: fills an empty company file with the demo company's year.
pub fn demo(app: &App, today: Option<&str>) -> Result<Value, AppError> {
    let today = day(today, "--today", app.language())?;
    to_json(&app.fill_demo_data(today)?)
}
