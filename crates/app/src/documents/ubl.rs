//! The Peppol e-invoice through the app: only issued invoices have one, and it carries our PDF as
//! an attachment so receivers that want an image get our layout.

use fakturera_core::Text;
use fakturera_peppol::{Attachment, write_ubl};
use fakturera_store::InvoiceId;

use super::files::{DocumentKind, file_name};
use super::pdf::render_with_logo;
use super::source::stored_source;
use crate::app::App;
use crate::error::{AppError, ErrorCode, IntoAppError};

fn not_issued() -> Text {
    Text::new(
        "Fakturan är inte utfärdad än. Utfärda den först; ett utkast har ingen e-faktura.",
        "The invoice has not been issued yet. Issue it first; a draft has no e-invoice.",
    )
}

impl App {
    /// The Peppol BIS Billing 3.0 UBL of the issued invoice `id`, with its PDF embedded.
    /// A draft is refused with `conflict`.
    pub fn invoice_ubl(&self, id: i64) -> Result<String, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let source = stored_source(store, InvoiceId(id))
                .map_err(|error| error.into_app_error(language))?;
            if !source.issued {
                return Err(AppError::new(ErrorCode::Conflict, &not_issued(), language));
            }
            let pdf = render_with_logo(store, &source.invoice, language)?;
            let attachment = Attachment {
                filename: file_name(&source.invoice, DocumentKind::Pdf, language),
                mime: "application/pdf".to_owned(),
                bytes: pdf,
            };
            write_ubl(&source.invoice, Some(&attachment))
                .map_err(|error| error.into_app_error(language))
        })
    }
}
