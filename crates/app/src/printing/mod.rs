//! "Skriv ut" as Visma Administration users know it: the invoice PDF goes to a printer through the
//! operating system's print system, and the invoice's history says it was printed. "Skriv ut alla"
//! prints every issued invoice for letter customers that was never printed, in number order, on
//! the default printer. With AutoInvoice on, the same PDF printed by hand is a copy ("Skriv ut
//! kopia"), logged as such so it never counts as the letter.
//!
//! The print system is a trait so the use cases are tested against the real one (CUPS with a PDF
//! printer in CI, see `tests/printing`) and the shells pick the one for their OS.

mod os;

use std::path::Path;

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use fakturera_store::{InvoiceEventKind, InvoiceId, PRINTED_EVENT, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use os::OsPrintSystem;

use crate::app::App;
use crate::error::{AppError, ErrorCode};

/// The event kind of a printed copy (the original was sent or printed before).
pub const PRINTED_COPY_EVENT: &str = "printed_copy";

/// A printer the operating system offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrinterView {
    pub name: String,
    pub is_default: bool,
}

/// What was printed where: the OS print job, for the history and the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrintReceipt {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: Option<String>,
    /// The printer's name; "" when the system's default printer took it without naming itself.
    pub printer: String,
    /// The print system's job id, e.g. "Kontor-12".
    pub job: String,
}

/// Why printing failed, in both languages, with what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintError(pub Text);

/// The operating system's print system.
pub trait PrintSystem: Send + Sync + std::fmt::Debug {
    /// The printers the system knows, the default one marked.
    fn printers(&self) -> Result<Vec<PrinterView>, PrintError>;
    /// Sends the PDF at `path` to `printer` (the default printer when `None`) under the job
    /// name `title`; returns the printer that took it and the job id.
    fn print_pdf(
        &self,
        path: &Path,
        printer: Option<&str>,
        title: &str,
    ) -> Result<(String, String), PrintError>;
}

fn print_failed(error: PrintError, language: fakturera_core::Language) -> AppError {
    AppError::new(ErrorCode::Internal, &error.0, language)
}

impl App {
    /// The printers the print system offers, for the print dialog.
    pub fn printers(&self, system: &dyn PrintSystem) -> Result<Vec<PrinterView>, AppError> {
        system
            .printers()
            .map_err(|error| print_failed(error, self.language()))
    }

    /// Prints the issued invoice `id` on `printer` (the default when `None`) and logs it in the
    /// invoice's history: as printed, or with `copy` as a printed copy.
    pub fn print_invoice(
        &self,
        id: i64,
        printer: Option<&str>,
        copy: bool,
        system: &dyn PrintSystem,
        now: DateTime<Utc>,
    ) -> Result<PrintReceipt, AppError> {
        let language = self.language();
        let number = self.with_store(|store| {
            Ok::<_, StoreError>(store.invoice(InvoiceId(id))?.invoice.number)
        })?;
        let Some(number) = number else {
            return Err(AppError::new(ErrorCode::Conflict, &not_issued(), language));
        };
        let pdf = self.invoice_pdf(id)?;
        let folder = tempfile::tempdir()
            .map_err(|error| AppError::internal(&no_temp_folder(&error.to_string()), language))?;
        let path = folder.path().join(format!("Faktura {number}.pdf"));
        std::fs::write(&path, &pdf)
            .map_err(|error| AppError::internal(&no_temp_folder(&error.to_string()), language))?;
        let title = format!("Faktura {number}");
        let (printer, job) = system
            .print_pdf(
                &path,
                printer.filter(|name| !name.trim().is_empty()),
                &title,
            )
            .map_err(|error| print_failed(error, language))?;
        let kind = if copy {
            PRINTED_COPY_EVENT
        } else {
            PRINTED_EVENT
        };
        let detail = format!("{printer} {job}").trim().to_owned();
        self.with_store(|store| {
            store.append_invoice_event(
                InvoiceId(id),
                &InvoiceEventKind::Other(kind.to_owned()),
                &detail,
                now,
            )
        })?;
        Ok(PrintReceipt {
            invoice_id: id,
            number: Some(number),
            printer,
            job,
        })
    }

    /// "Skriv ut alla": every issued invoice for a letter customer not yet printed, in number
    /// order, on the default printer, each marked printed as it goes. Stops at the first failure
    /// (a printer out of order fails them all alike); what was printed stays marked.
    pub fn print_all_unprinted(
        &self,
        system: &dyn PrintSystem,
        now: DateTime<Utc>,
    ) -> Result<Vec<PrintReceipt>, AppError> {
        let ids = self.with_store(|store| store.unprinted_letter_invoices())?;
        ids.into_iter()
            .map(|id| self.print_invoice(id.0, None, false, system, now))
            .collect()
    }

    /// How many invoices "Skriv ut alla" would print now.
    pub fn unprinted_count(&self) -> Result<usize, AppError> {
        self.with_store(|store| Ok::<_, StoreError>(store.unprinted_letter_invoices()?.len()))
    }
}

fn not_issued() -> Text {
    Text::new(
        "Bara utfärdade fakturor skrivs ut. Utfärda fakturan först.",
        "Only issued invoices are printed. Issue the invoice first.",
    )
}

fn no_temp_folder(detail: &str) -> Text {
    Text::new(
        format!(
            "Utskriftsfilen kunde inte skrivas i den tillfälliga mappen ({detail}). Kontrollera diskutrymmet."
        ),
        format!(
            "The file to print could not be written to the temporary folder ({detail}). Check the free disk space."
        ),
    )
}
