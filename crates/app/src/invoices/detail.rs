//! One invoice as the editor and the invoice view show it: the form, its totals from Rust, where
//! it stands (status, number, payments, overdue) and how it is linked to credits.

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::invoice::{InvoiceStatus, PaymentState, is_overdue};
use fakturera_store::{InvoiceId, Store, StoreError, StoredInvoice};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::choices::{CustomerChoice, blank_line};
use super::codes::InvoiceStatusCode;
use super::payments::PaymentView;

use crate::invoice_form::{InvoiceForm, InvoiceLineForm, TotalsView, form_from_invoice};

/// Another invoice this one is linked to: the invoice a credit credits, or a credit of this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceLink {
    #[ts(type = "number")]
    pub id: i64,
    /// `None` while the linked invoice is a draft.
    pub number: Option<String>,
}

/// Everything the invoice screen needs about one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceDetail {
    #[ts(type = "number")]
    pub id: i64,
    pub status: InvoiceStatusCode,
    pub is_credit: bool,
    /// Set at issue.
    pub number: Option<String>,
    /// The customer as on the invoice (a snapshot once issued).
    pub customer: CustomerChoice,
    /// For a credit invoice: the invoice it credits.
    pub credited: Option<InvoiceLink>,
    /// The credit invoices made from this invoice.
    pub credits: Vec<InvoiceLink>,
    /// The OCR reference the customer pays with; empty on drafts.
    pub ocr: String,
    pub form: InvoiceForm,
    /// The row "add row" inserts, with this customer's VAT treatment.
    pub blank_line: InvoiceLineForm,
    pub totals: TotalsView,
    /// `None` for drafts.
    pub payment: Option<PaymentView>,
    pub overdue: bool,
    /// RFC 3339 timestamps.
    pub created_at: String,
    pub updated_at: String,
    pub issued_at: Option<String>,
    /// `YYYY-MM-DD`: the day the app read this, for date defaults such as a new payment's date
    /// (the UI has no clock of its own to compute dates with).
    pub today: String,
}

/// Reads invoice `id` with its links and payments, in `language`, judging overdue on `today`.
pub(crate) fn read_detail(
    store: &Store,
    id: InvoiceId,
    today: NaiveDate,
    language: Language,
) -> Result<InvoiceDetail, StoreError> {
    let stored = store.invoice(id)?;
    let payment = store.payment_status(id)?;
    let payment_state = payment.as_ref().map(|status| status.state);
    let credits = store.credits_of(id)?;
    let credited = match stored.credited_invoice_id {
        Some(original) => Some(InvoiceLink {
            id: original.0,
            number: stored
                .invoice
                .credited_invoice()
                .map(|reference| reference.number.clone()),
        }),
        None => None,
    };
    // The register's customer decides new rows; the invoice keeps its own snapshot of the buyer.
    let register_customer = store.customer(stored.customer_id).ok();
    let overdue = is_overdue(
        stored.status,
        payment_state.unwrap_or(PaymentState::Unpaid),
        stored.invoice.due_date,
        today,
    );
    Ok(InvoiceDetail {
        id: id.0,
        status: stored.status.into(),
        is_credit: stored.invoice.is_credit(),
        number: stored.invoice.number.clone(),
        customer: snapshot_customer(&stored),
        credited,
        credits: credits
            .into_iter()
            .map(|link| InvoiceLink {
                id: link.id.0,
                number: link.number,
            })
            .collect(),
        ocr: stored.invoice.ocr.clone(),
        form: form_from_invoice(&stored.invoice),
        blank_line: blank_line(register_customer.as_ref()),
        totals: TotalsView::new(
            // A draft written by an older version may hold numbers too large to add up.
            &stored.invoice.checked_totals()?,
            stored.invoice.currency.code(),
            language,
        )
        .with_text_rows(&stored.invoice.text_rows),
        payment: match payment {
            Some(status) => Some(super::payments::payment_view(store, id, status)?),
            None => None,
        },
        overdue,
        created_at: stored.created_at.to_rfc3339(),
        updated_at: stored.updated_at.to_rfc3339(),
        issued_at: stored.issued_at.map(|at| at.to_rfc3339()),
        today: today.to_string(),
    })
}

fn snapshot_customer(stored: &StoredInvoice) -> CustomerChoice {
    let buyer = &stored.invoice.buyer;
    CustomerChoice {
        id: stored.customer_id.0,
        customer_number: buyer.customer_number.clone(),
        name: buyer.name.clone(),
        city: buyer.address.city.clone(),
        currency: stored.invoice.currency.code().to_owned(),
    }
}

/// Whether the stored invoice may still be edited.
pub(crate) fn is_draft(stored: &StoredInvoice) -> bool {
    stored.status == InvoiceStatus::Draft
}
