//! "Kopiera till ny faktura": a new draft with another invoice's rows, texts, discount and fees,
//! for the same customer, dated today. From a credit invoice it copies the invoice it credits,
//! which is what a user correcting a mistake wants to invoice again.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::invoice::InvoiceKind;
use fakturera_store::{InvoiceId, StoreError};

use super::detail::{InvoiceDetail, read_detail};
use super::drafts::invoice_for;
use crate::app::App;
use crate::error::{AppError, IntoAppError};
use crate::invoice_form::form_from_invoice;

impl App {
    /// A new draft copied from invoice `id` (or, for a credit invoice, from its original), with
    /// today's date and the due date the terms give; seller and buyer are taken from the
    /// registers as they are now, like any new draft.
    pub fn copy_invoice(
        &self,
        id: i64,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<InvoiceDetail, AppError> {
        let language = self.language();
        let to_app = |error: StoreError| error.into_app_error(language);
        self.with_store(|store| {
            let stored = store.invoice(InvoiceId(id)).map_err(to_app)?;
            let source = match stored.credited_invoice_id {
                Some(original) => store.invoice(original).map_err(to_app)?,
                None => stored,
            };
            let mut form = form_from_invoice(&source.invoice);
            form.issue_date = today.to_string();
            form.due_date = String::new();
            form.delivery_date = String::new();
            let invoice = invoice_for(
                store,
                source.customer_id,
                &form,
                InvoiceKind::Invoice,
                language,
            )?;
            let copy = store
                .create_draft(source.customer_id, &invoice, now)
                .map_err(to_app)?;
            read_detail(store, copy, today, language).map_err(to_app)
        })
    }
}
