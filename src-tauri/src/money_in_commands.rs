//! IPC commands for money in: the dashboard, the customer ledger and aging, the bank's payment
//! file, reminders, interest invoices, statements and the settings. Each reads the clock when the
//! use case needs it, calls one `App` method and returns its result. Sending a reminder, an
//! interest invoice or a statement is the invoices' `send_invoice`.

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use fakturera_app::documents::{DOCUMENTS_DIR_ENV, SavedDocument};
use fakturera_app::invoices::{PaymentRequest, PaymentView};
use fakturera_app::money_in::{
    AgingReportView, BankFilePreview, CompanyLedgerView, CustomerLedgerView, DashboardView,
    InterestInvoiceView, InterestProposal, ReceivablesSettingsForm, ReferenceRateView,
    ReminderProposal, ReminderView, StatementDocument, UnplacedPaymentView,
};
use fakturera_app::{App, AppError, FieldError, FieldErrors, IntoAppError, Text};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{Company, today};

/// The day the user asked for (`YYYY-MM-DD`), or today when none was given.
fn day(app: &App, text: Option<String>, field: &str) -> Result<NaiveDate, AppError> {
    match text
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
    {
        None => Ok(today()),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            FieldErrors::from(FieldError::new(
                field,
                "date",
                Text::new(
                    "Ange ett datum som ÅÅÅÅ-MM-DD.",
                    "Enter a date as YYYY-MM-DD.",
                ),
            ))
            .into_app_error(app.language())
        }),
    }
}

#[tauri::command(async)]
pub fn record_invoice_refund(
    company: State<'_, Company>,
    id: i64,
    request: PaymentRequest,
) -> Result<PaymentView, AppError> {
    company
        .app()?
        .record_invoice_refund(id, &request, Utc::now())
}

#[tauri::command(async)]
pub fn write_off_invoice_difference(
    company: State<'_, Company>,
    id: i64,
) -> Result<PaymentView, AppError> {
    company
        .app()?
        .write_off_invoice_difference(id, today(), Utc::now())
}

#[tauri::command(async)]
pub fn reverse_invoice_payment(
    company: State<'_, Company>,
    record: i64,
    note: String,
) -> Result<PaymentView, AppError> {
    company
        .app()?
        .reverse_invoice_payment(record, today(), &note, Utc::now())
}

#[tauri::command(async)]
pub fn dashboard(company: State<'_, Company>) -> Result<DashboardView, AppError> {
    company.app()?.dashboard(today())
}

#[tauri::command(async)]
pub fn company_ledger(
    company: State<'_, Company>,
    as_of: Option<String>,
) -> Result<CompanyLedgerView, AppError> {
    let app = company.app()?;
    app.company_ledger(day(app, as_of, "as_of")?)
}

#[tauri::command(async)]
pub fn customer_ledger(
    company: State<'_, Company>,
    customer: i64,
    as_of: Option<String>,
) -> Result<CustomerLedgerView, AppError> {
    let app = company.app()?;
    app.customer_ledger(customer, day(app, as_of, "as_of")?)
}

#[tauri::command(async)]
pub fn aging_report(
    company: State<'_, Company>,
    as_of: Option<String>,
    customer: Option<i64>,
) -> Result<AgingReportView, AppError> {
    let app = company.app()?;
    app.aging_report(day(app, as_of, "as_of")?, customer)
}

/// The bank file to read: a native open dialog, or `bankfil.txt` in the test folder.
#[tauri::command(async)]
pub fn pick_bank_file(handle: AppHandle) -> Option<String> {
    if let Some(folder) = std::env::var_os(DOCUMENTS_DIR_ENV).map(PathBuf::from) {
        let path = folder.join("bankfil.txt");
        return path.is_file().then(|| path.display().to_string());
    }
    handle
        .dialog()
        .file()
        .add_filter("BgMax", &["txt", "bgm", "bgmax", "dat"])
        .blocking_pick_file()
        .and_then(|path| path.into_path().ok())
        .map(|path| path.display().to_string())
}

fn read(app: &App, path: &str) -> Result<(Vec<u8>, String), AppError> {
    let bytes = std::fs::read(path).map_err(|error| {
        FieldErrors::from(FieldError::new(
            "file",
            "unreadable",
            Text::new(
                format!("Filen {path} kunde inte läsas: {error}."),
                format!("The file {path} could not be read: {error}."),
            ),
        ))
        .into_app_error(app.language())
    })?;
    let name = std::path::Path::new(path)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, name))
}

#[tauri::command(async)]
pub fn preview_bank_file(
    company: State<'_, Company>,
    path: String,
    write_off: bool,
) -> Result<BankFilePreview, AppError> {
    let app = company.app()?;
    let (bytes, name) = read(app, &path)?;
    app.preview_bank_file(&bytes, &name, write_off)
}

#[tauri::command(async)]
pub fn import_bank_file(
    company: State<'_, Company>,
    path: String,
    write_off: bool,
) -> Result<BankFilePreview, AppError> {
    let app = company.app()?;
    let (bytes, name) = read(app, &path)?;
    app.import_bank_file(&bytes, &name, write_off, Utc::now())
}

#[tauri::command(async)]
pub fn unplaced_bank_payments(
    company: State<'_, Company>,
) -> Result<Vec<UnplacedPaymentView>, AppError> {
    company.app()?.unplaced_bank_payments()
}

#[tauri::command(async)]
pub fn place_bank_payment(
    company: State<'_, Company>,
    id: i64,
    invoice: String,
    amount: String,
) -> Result<Vec<UnplacedPaymentView>, AppError> {
    company
        .app()?
        .place_bank_payment(id, &invoice, &amount, Utc::now())
}

#[tauri::command(async)]
pub fn refund_bank_payment(
    company: State<'_, Company>,
    id: i64,
    amount: String,
    note: String,
) -> Result<Vec<UnplacedPaymentView>, AppError> {
    company
        .app()?
        .refund_bank_payment(id, &amount, today(), &note, Utc::now())
}

#[tauri::command(async)]
pub fn reminder_proposal(company: State<'_, Company>) -> Result<ReminderProposal, AppError> {
    company.app()?.reminder_proposal(today())
}

#[tauri::command(async)]
pub fn create_reminders(
    company: State<'_, Company>,
    invoices: Option<Vec<i64>>,
) -> Result<Vec<ReminderView>, AppError> {
    company
        .app()?
        .create_reminders(invoices.as_deref(), today(), Utc::now())
}

#[tauri::command(async)]
pub fn reminders(company: State<'_, Company>) -> Result<Vec<ReminderView>, AppError> {
    company.app()?.reminders()
}

#[tauri::command(async)]
pub fn interest_proposal(company: State<'_, Company>) -> Result<InterestProposal, AppError> {
    company.app()?.interest_proposal(today())
}

#[tauri::command(async)]
pub fn create_interest_invoices(
    company: State<'_, Company>,
    customers: Option<Vec<i64>>,
) -> Result<Vec<InterestInvoiceView>, AppError> {
    company
        .app()?
        .create_interest_invoices(customers.as_deref(), today(), today(), Utc::now())
}

#[tauri::command(async)]
pub fn reference_rates(company: State<'_, Company>) -> Result<Vec<ReferenceRateView>, AppError> {
    company.app()?.reference_rates()
}

#[tauri::command(async)]
pub fn set_reference_rate(
    company: State<'_, Company>,
    valid_from: String,
    rate: String,
) -> Result<Vec<ReferenceRateView>, AppError> {
    company.app()?.set_reference_rate(&valid_from, &rate)
}

#[tauri::command(async)]
pub fn receivables_settings(
    company: State<'_, Company>,
) -> Result<ReceivablesSettingsForm, AppError> {
    company.app()?.receivables_settings()
}

#[tauri::command(async)]
pub fn save_receivables_settings(
    company: State<'_, Company>,
    form: ReceivablesSettingsForm,
) -> Result<ReceivablesSettingsForm, AppError> {
    company.app()?.save_receivables_settings(&form)
}

/// Makes the statement of `customer` today a document; the UI then sends it with `send_invoice`.
#[tauri::command(async)]
pub fn create_statement(
    company: State<'_, Company>,
    customer: i64,
) -> Result<StatementDocument, AppError> {
    company
        .app()?
        .create_statement(customer, today(), today(), Utc::now())
}

/// "Spara kontoutdrag": asks where (or the test folder), then writes the PDF.
#[tauri::command(async)]
pub fn save_statement_pdf(
    handle: AppHandle,
    company: State<'_, Company>,
    customer: i64,
) -> Result<Option<SavedDocument>, AppError> {
    let app = company.app()?;
    let name = format!("kontoutdrag-{customer}-{}.pdf", today());
    let path = match std::env::var_os(DOCUMENTS_DIR_ENV).map(PathBuf::from) {
        Some(folder) => Some(folder.join(&name)),
        None => handle
            .dialog()
            .file()
            .set_file_name(&name)
            .add_filter("PDF", &["pdf"])
            .blocking_save_file()
            .and_then(|path| path.into_path().ok()),
    };
    match path {
        Some(path) => app.save_statement_pdf(customer, today(), &path).map(Some),
        None => Ok(None),
    }
}
