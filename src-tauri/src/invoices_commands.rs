//! IPC commands for Fakturor: the list, the editor (new, preview, save, issue), credits,
//! payments, the event log and demo data. Each reads the clock when the use case needs it,
//! calls one `App` method and returns its result.

use chrono::{NaiveDate, Utc};
use fakturera_app::demo::DemoSummary;
use fakturera_app::invoice_form::InvoiceForm;
use fakturera_app::invoices::{
    ArticleChoice, CreditRequest, CustomerChoice, InvoiceDetail, InvoiceEventView, InvoiceListPage,
    InvoiceListRequest, NewInvoice, PaymentRequest, PaymentView,
};
use fakturera_app::{AppError, EditorPreview, ErrorCode};
use tauri::State;

use crate::commands::{Company, today};

/// Set to `1` to fill an empty company file with demo data when the app starts.
pub const DEMO_ENV: &str = "FAKTURERA_DEMO";

/// In demo mode, fills the company file with demo data unless it already has records.
pub fn fill_demo_data_on_start(company: &Company) {
    if std::env::var(DEMO_ENV).as_deref() != Ok("1") {
        return;
    }
    if let Ok(app) = company.0.as_ref() {
        match app.fill_demo_data(today()) {
            Ok(_) => {}
            // A file that already has records keeps them: demo mode then just opens it.
            Err(error) if error.code == ErrorCode::Conflict => {}
            Err(error) => eprintln!(
                "Demodata kunde inte fyllas i / Demo data could not be filled in: {}",
                error.message
            ),
        }
    }
}

#[tauri::command(async)]
pub fn list_invoices(
    company: State<'_, Company>,
    request: InvoiceListRequest,
) -> Result<InvoiceListPage, AppError> {
    company.app()?.list_invoices(&request, today())
}

#[tauri::command(async)]
pub fn invoice_detail(company: State<'_, Company>, id: i64) -> Result<InvoiceDetail, AppError> {
    company.app()?.invoice_detail(id, today())
}

#[tauri::command(async)]
pub fn new_invoice(company: State<'_, Company>, customer: i64) -> Result<NewInvoice, AppError> {
    company.app()?.new_invoice(customer, today())
}

#[tauri::command(async)]
pub fn preview_invoice(
    company: State<'_, Company>,
    form: InvoiceForm,
) -> Result<EditorPreview, AppError> {
    Ok(company.app()?.preview_invoice(&form))
}

#[tauri::command(async)]
pub fn create_invoice_draft(
    company: State<'_, Company>,
    customer: i64,
    form: InvoiceForm,
) -> Result<InvoiceDetail, AppError> {
    company
        .app()?
        .create_invoice_draft(customer, &form, today(), Utc::now())
}

#[tauri::command(async)]
pub fn update_invoice_draft(
    company: State<'_, Company>,
    id: i64,
    customer: i64,
    form: InvoiceForm,
) -> Result<InvoiceDetail, AppError> {
    company
        .app()?
        .update_invoice_draft(id, customer, &form, today(), Utc::now())
}

#[tauri::command(async)]
pub fn delete_invoice_draft(company: State<'_, Company>, id: i64) -> Result<(), AppError> {
    company.app()?.delete_invoice_draft(id, Utc::now())
}

#[tauri::command(async)]
pub fn issue_invoice(company: State<'_, Company>, id: i64) -> Result<InvoiceDetail, AppError> {
    company.app()?.issue_invoice(id, today(), Utc::now())
}

/// "Kopiera till ny faktura" (from a credit invoice: its original).
#[tauri::command(async)]
pub fn copy_invoice(company: State<'_, Company>, id: i64) -> Result<InvoiceDetail, AppError> {
    company.app()?.copy_invoice(id, today(), Utc::now())
}

#[tauri::command(async)]
pub fn credit_invoice(
    company: State<'_, Company>,
    id: i64,
    request: CreditRequest,
) -> Result<InvoiceDetail, AppError> {
    company
        .app()?
        .credit_invoice(id, &request, today(), Utc::now())
}

#[tauri::command(async)]
pub fn record_invoice_payment(
    company: State<'_, Company>,
    id: i64,
    request: PaymentRequest,
) -> Result<PaymentView, AppError> {
    company
        .app()?
        .record_invoice_payment(id, &request, Utc::now())
}

#[tauri::command(async)]
pub fn invoice_events(
    company: State<'_, Company>,
    id: i64,
) -> Result<Vec<InvoiceEventView>, AppError> {
    company.app()?.invoice_events(id)
}

#[tauri::command(async)]
pub fn invoice_customer_choices(
    company: State<'_, Company>,
    search: String,
) -> Result<Vec<CustomerChoice>, AppError> {
    company.app()?.invoice_customer_choices(&search)
}

/// `date` is the invoice date as typed; rates follow it, or today while it cannot be read.
#[tauri::command(async)]
pub fn invoice_article_choices(
    company: State<'_, Company>,
    search: String,
    customer: Option<i64>,
    date: String,
) -> Result<Vec<ArticleChoice>, AppError> {
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").unwrap_or_else(|_| today());
    company
        .app()?
        .invoice_article_choices(&search, customer, date)
}

#[tauri::command(async)]
pub fn fill_demo_data(company: State<'_, Company>) -> Result<DemoSummary, AppError> {
    company.app()?.fill_demo_data(today())
}
