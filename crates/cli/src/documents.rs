//! The document subcommands under `invoices`: `pdf ID --out FILE`, `ubl ID --out FILE` and
//! `check ID`. The files are written whole or not at all, by the same app code as "Spara PDF".

use std::path::PathBuf;

use clap::Subcommand;
use fakturera_app::documents::DocumentKind;
use fakturera_app::{App, AppError};
use serde_json::Value;

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
    }
}
