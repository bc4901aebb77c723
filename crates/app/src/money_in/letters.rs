//! The PDF of a reminder or statement document is a letter, not an invoice: the same look, made
//! from the record that says what the document is. Sales and interest invoices keep the invoice
//! layout.

use fakturera_core::Language;
use fakturera_core::invoice::Invoice;
use fakturera_pdf::{Letter, PdfOptions, render_letter};
use fakturera_store::{DocumentKind, InvoiceId, Logo, Store, StoreError};

use super::reminders::reminder_letter;
use super::statement::statement_letter;
use crate::error::{AppError, ForUser};

/// The letter issued document `id` prints as, or `None` when it prints as an invoice.
pub(crate) fn letter_for_document(
    store: &Store,
    id: InvoiceId,
    document: &Invoice,
) -> Result<Option<Letter>, StoreError> {
    match store.document_kind(id)? {
        DocumentKind::Reminder => match store.reminder_of_document(id)? {
            Some(reminder) => Ok(Some(reminder_letter(store, document, &reminder)?)),
            None => Ok(None),
        },
        DocumentKind::Statement => match store.statement_of_document(id)? {
            Some(statement) => {
                let (letter, _) = statement_letter(
                    store,
                    statement.customer_id,
                    statement.as_of,
                    document.number.as_deref(),
                )?;
                Ok(Some(letter))
            }
            None => Ok(None),
        },
        DocumentKind::Invoice | DocumentKind::Interest => Ok(None),
    }
}

/// Renders `letter` with the company logo.
pub(crate) fn render(
    letter: &Letter,
    logo: Option<&Logo>,
    language: Language,
) -> Result<Vec<u8>, AppError> {
    let options = match logo {
        Some(logo) => PdfOptions::with_logo_bytes(&logo.bytes).for_user(language)?,
        None => PdfOptions::default(),
    };
    render_letter(letter, &options).for_user(language)
}
