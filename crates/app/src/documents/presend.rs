//! The send check (`crate::send_check`) run where the editor and the CLI need it: on the form on
//! screen, and on a saved invoice.

use fakturera_core::Language;
use fakturera_store::InvoiceId;

use super::request::DocumentRequest;
use super::source::{DocumentSource, form_source, stored_source};
use crate::app::App;
use crate::error::{AppError, ErrorCode};
use crate::send_check::{PresendReport, report_for};

fn report_for_source(source: &DocumentSource, language: Language) -> PresendReport {
    report_for(&source.invoice, &source.customer, language)
}

impl App {
    /// The send check of what the editor shows right now, run while the user works.
    ///
    /// A form that cannot be read yet gives `checked: false` rather than an error: the editor's
    /// preview already marks those fields.
    pub fn presend_findings(&self, request: &DocumentRequest) -> Result<PresendReport, AppError> {
        let language = self.language();
        self.with_store(|store| match form_source(store, request, language) {
            Ok(source) => Ok(report_for_source(&source, language)),
            Err(error) if error.code == ErrorCode::InvalidInput => {
                let customer = store
                    .customer(fakturera_store::CustomerId(request.customer_id))
                    .map_err(|error| crate::IntoAppError::into_app_error(error, language))?;
                Ok(PresendReport::unchecked(&customer))
            }
            Err(error) => Err(error),
        })
    }

    /// The send check of the saved invoice `id` (a draft as it would be issued, an issued invoice
    /// as it is, for its customer's delivery choice now).
    pub fn invoice_findings(&self, id: i64) -> Result<PresendReport, AppError> {
        let language = self.language();
        self.with_store(|store| {
            stored_source(store, InvoiceId(id)).map(|source| report_for_source(&source, language))
        })
    }
}
