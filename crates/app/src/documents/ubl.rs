//! The Peppol e-invoice through the app: only issued invoices have one, and it carries our PDF as
//! an attachment so receivers that want an image get our layout.

use fakturera_core::Text;
use fakturera_peppol::{Attachment, write_ubl};
use fakturera_store::InvoiceId;

use super::files::{DocumentKind, file_name};
use super::pdf::render_with;
use super::source::stored_source;
use crate::app::App;
use crate::error::{AppError, ErrorCode, ForUser};

fn not_issued() -> Text {
    Text::new(
        "Fakturan är inte utfärdad än. Utfärda den först; ett utkast har ingen e-faktura.",
        "The invoice has not been issued yet. Issue it first; a draft has no e-invoice.",
    )
}

/// An issued invoice's two documents: the UBL with the PDF embedded, and that same PDF.
#[derive(Debug, Clone)]
pub struct IssuedDocuments {
    pub xml: String,
    pub pdf: Vec<u8>,
}

impl App {
    /// The Peppol BIS Billing 3.0 UBL of the issued invoice `id`, with its PDF embedded.
    /// A draft is refused with `conflict`.
    pub fn invoice_ubl(&self, id: i64) -> Result<String, AppError> {
        self.issued_documents(id).map(|documents| documents.xml)
    }

    /// The UBL and the PDF of the issued invoice `id`, the PDF rendered once for both. Only the
    /// reading holds the store; rendering runs outside it, so the delivery worker's tasks render
    /// side by side instead of one after another.
    pub fn issued_documents(&self, id: i64) -> Result<IssuedDocuments, AppError> {
        let language = self.language();
        let (source, logo, letter) = self.with_store(|store| {
            let source = stored_source(store, InvoiceId(id)).for_user(language)?;
            if !source.issued {
                return Err(AppError::new(ErrorCode::Conflict, &not_issued(), language));
            }
            let logo = store.company_logo().for_user(language)?;
            // A reminder or statement is printed as a letter; the UBL still carries its lines.
            let letter = crate::money_in::letters::letter_for_document(
                store,
                InvoiceId(id),
                &source.invoice,
            )
            .for_user(language)?;
            Ok((source, logo, letter))
        })?;
        let bytes = match &letter {
            Some(letter) => crate::money_in::letters::render(letter, logo.as_ref(), language)?,
            None => render_with(&source.invoice, logo.as_ref(), language)?,
        };
        let attachment = Attachment {
            filename: file_name(&source.invoice, DocumentKind::Pdf, language),
            mime: "application/pdf".to_owned(),
            bytes,
        };
        let xml = write_ubl(&source.invoice, Some(&attachment)).for_user(language)?;
        Ok(IssuedDocuments {
            xml,
            pdf: attachment.bytes,
        })
    }
}
