//! The invoice a document is made from: an issued invoice exactly as stored, a draft with the
//! company and customer as they are now (what issuing will freeze), or the editor's unsaved form.

use fakturera_core::Language;
use fakturera_core::invoice::{Invoice, InvoiceKind, InvoiceStatus};
use fakturera_store::{Customer, CustomerId, InvoiceId, Store, StoreError};

use super::request::DocumentRequest;
use crate::error::{AppError, ForUser};
use crate::invoices::drafts::invoice_for;
use crate::invoices::issue::refreshed;

/// An invoice ready to be written as a document, with the customer whose delivery choice decides
/// how it is sent.
#[derive(Debug, Clone)]
pub(crate) struct DocumentSource {
    pub invoice: Invoice,
    pub customer: Customer,
    pub issued: bool,
}

/// The saved invoice `id` as its documents show it.
pub(crate) fn stored_source(store: &Store, id: InvoiceId) -> Result<DocumentSource, StoreError> {
    let stored = store.invoice(id)?;
    let customer = store.customer(stored.customer_id)?;
    let issued = stored.status != InvoiceStatus::Draft;
    let invoice = if issued {
        stored.invoice
    } else {
        refreshed(store, id)?
    };
    Ok(DocumentSource {
        invoice,
        customer,
        issued,
    })
}

/// What the editor shows, as it would be issued. An issued invoice is never re-read from a form:
/// its stored version is the one that counts.
///
/// Fails with `invalid_input` (and the fields) while some value in the form cannot be read.
pub(crate) fn form_source(
    store: &Store,
    request: &DocumentRequest,
    language: Language,
) -> Result<DocumentSource, AppError> {
    let kind = match request.invoice_id {
        Some(id) => {
            let stored = store.invoice(InvoiceId(id)).for_user(language)?;
            if stored.status != InvoiceStatus::Draft {
                return stored_source(store, InvoiceId(id)).for_user(language);
            }
            stored.invoice.kind
        }
        None => InvoiceKind::Invoice,
    };
    let customer_id = CustomerId(request.customer_id);
    let invoice = invoice_for(store, customer_id, &request.form, kind, language)?;
    let customer = store.customer(customer_id).for_user(language)?;
    Ok(DocumentSource {
        invoice,
        customer,
        issued: false,
    })
}
