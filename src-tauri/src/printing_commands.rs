//! IPC commands for "Skriv ut", "Skriv ut kopia" and "Skriv ut alla": the printers the operating
//! system offers and printing through its print system. Each reads the clock, calls one `App`
//! method and returns its result.

use chrono::Utc;
use fakturera_app::AppError;
use fakturera_app::printing::{OsPrintSystem, PrintReceipt, PrinterView};
use tauri::State;

use crate::commands::Company;

#[tauri::command(async)]
pub fn printers(company: State<'_, Company>) -> Result<Vec<PrinterView>, AppError> {
    company.app()?.printers(&OsPrintSystem)
}

/// Prints the issued invoice on `printer` (the default when empty); `copy` logs it as a copy.
#[tauri::command(async)]
pub fn print_invoice(
    company: State<'_, Company>,
    id: i64,
    printer: String,
    copy: bool,
) -> Result<PrintReceipt, AppError> {
    company
        .app()?
        .print_invoice(id, Some(&printer), copy, &OsPrintSystem, Utc::now())
}

#[tauri::command(async)]
pub fn unprinted_count(company: State<'_, Company>) -> Result<usize, AppError> {
    company.app()?.unprinted_count()
}

#[tauri::command(async)]
pub fn print_all_invoices(company: State<'_, Company>) -> Result<Vec<PrintReceipt>, AppError> {
    company
        .app()?
        .print_all_unprinted(&OsPrintSystem, Utc::now())
}
