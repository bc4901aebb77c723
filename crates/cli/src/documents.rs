//! The document subcommands under `invoices`: `pdf ID --out FILE`, `ubl ID --out FILE`,
//! `check ID`, and printing (`print ID`, `print-all`, `printers`). The files are written whole or
//! not at all, by the same app code as "Spara PDF"; printing goes through the operating system's
//! print system by the same code as "Skriv ut" and "Skriv ut alla".

use std::path::PathBuf;

use chrono::Utc;
use clap::Subcommand;
use fakturera_app::documents::DocumentKind;
use fakturera_app::printing::OsPrintSystem;
use fakturera_app::{App, AppError};
use serde_json::{Value, json};

use crate::output::json as to_json;

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// Writes the invoice as a PDF; a draft comes out as the preview, marked as a draft.
    Pdf {
        id: i64,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Writes the issued invoice's Peppol BIS Billing 3.0 e-invoice (UBL XML, with the PDF inside).
    Ubl {
        id: i64,
        /// Where to write the XML.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The e-invoice checks of the invoice: the rule id, field and message of each finding, and
    /// whether they block issuing (only when the customer gets e-invoices).
    Check { id: i64 },
    /// "Skriv ut": prints the issued invoice through the operating system's print system and
    /// logs it in the invoice's history (as printed, or with --copy as a printed copy).
    Print {
        id: i64,
        /// The printer; the system's default printer when left out (see `invoices printers`).
        #[arg(long, value_name = "NAME")]
        printer: Option<String>,
        /// A copy ("Skriv ut kopia"): logged as a copy, so the invoice still counts as unprinted
        /// if it was never printed or sent.
        #[arg(long)]
        copy: bool,
    },
    /// "Skriv ut alla": prints every issued invoice for a letter customer that was never
    /// printed, in number order, on the default printer, and marks each printed.
    PrintAll,
    /// The printers the operating system offers, the default one marked.
    Printers,
}

pub fn run(app: &App, command: DocumentCommand) -> Result<Value, AppError> {
    match command {
        DocumentCommand::Pdf { id, out } => {
            to_json(&app.save_invoice_document(id, DocumentKind::Pdf, &out)?)
        }
        DocumentCommand::Ubl { id, out } => {
            to_json(&app.save_invoice_document(id, DocumentKind::EInvoice, &out)?)
        }
        DocumentCommand::Check { id } => to_json(&app.invoice_findings(id)?),
        DocumentCommand::Print { id, printer, copy } => {
            to_json(&app.print_invoice(id, printer.as_deref(), copy, &OsPrintSystem, Utc::now())?)
        }
        DocumentCommand::PrintAll => Ok(
            json!({ "printed": to_json(&app.print_all_unprinted(&OsPrintSystem, Utc::now())?)? }),
        ),
        DocumentCommand::Printers => to_json(&app.printers(&OsPrintSystem)?),
    }
}
