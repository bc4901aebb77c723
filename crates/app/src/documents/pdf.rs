//! The invoice PDF through the app: the company logo from the company file, errors in the user's
//! language, a draft rendered as the preview the user checks before issuing.

use fakturera_core::Language;
use fakturera_core::invoice::Invoice;
use fakturera_pdf::{PdfError, PdfOptions, render_invoice};
use fakturera_store::{InvoiceId, Logo, Store};

use super::request::DocumentRequest;
use super::source::{form_source, stored_source};
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};

impl IntoAppError for PdfError {
    fn into_app_error(self, language: Language) -> AppError {
        match self {
            // A broken logo is the user's to fix in the settings; name the field.
            PdfError::Logo(_) => self.to_field_error().into_app_error(language),
            PdfError::Font(_) | PdfError::Write(_) => AppError::internal(self.message(), language),
        }
    }
}

/// Renders `invoice` with the company logo as stored.
pub(crate) fn render_with_logo(
    store: &Store,
    invoice: &Invoice,
    language: Language,
) -> Result<Vec<u8>, AppError> {
    let logo = store.company_logo().for_user(language)?;
    render_with(invoice, logo.as_ref(), language)
}

/// Renders `invoice` with `logo` already read from the store, so the caller can render outside
/// the store's lock.
pub(crate) fn render_with(
    invoice: &Invoice,
    logo: Option<&Logo>,
    language: Language,
) -> Result<Vec<u8>, AppError> {
    let options = match logo {
        Some(logo) => PdfOptions::with_logo_bytes(&logo.bytes).for_user(language)?,
        None => PdfOptions::default(),
    };
    render_invoice(invoice, &options).for_user(language)
}

impl App {
    /// The PDF of the saved invoice `id`: an issued invoice exactly as issued, a draft as a
    /// preview (marked as a draft, no number yet) with today's company and customer details.
    pub fn invoice_pdf(&self, id: i64) -> Result<Vec<u8>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let source = stored_source(store, InvoiceId(id)).for_user(language)?;
            if source.issued {
                let letter = crate::money_in::letters::letter_for_document(
                    store,
                    InvoiceId(id),
                    &source.invoice,
                )
                .for_user(language)?;
                if let Some(letter) = letter {
                    let logo = store.company_logo().for_user(language)?;
                    return crate::money_in::letters::render(&letter, logo.as_ref(), language);
                }
            }
            render_with_logo(store, &source.invoice, language)
        })
    }

    /// The preview PDF of what the editor shows, saved or not ("Förhandsgranska").
    pub fn form_pdf(&self, request: &DocumentRequest) -> Result<Vec<u8>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let source = form_source(store, request, language)?;
            render_with_logo(store, &source.invoice, language)
        })
    }
}
