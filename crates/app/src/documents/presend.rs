//! The send check as the editor and the CLI see it: what would stop the invoice on its route, in
//! the user's language, for the form on screen or a saved invoice.

use fakturera_core::Language;
use fakturera_store::{Customer, InvoiceId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::request::DocumentRequest;
use super::route::DeliveryRoute;
use super::send_check::report_for;
use super::source::{DocumentSource, form_source, stored_source};
use crate::app::App;
use crate::error::{AppError, ErrorCode};
use crate::routing::{ChannelCode, channel_for_customer};

/// Whether a finding stops the invoice from being issued and sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FindingSeverity {
    /// The invoice could not be sent on its route: issuing is blocked until it is fixed.
    Error,
    /// Worth fixing, but the invoice may be issued.
    Warning,
}

/// One broken e-invoice rule, tied to the field to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresendFinding {
    /// The id the official validator reports, e.g. `PEPPOL-EN16931-R003`, or `AUTOINVOICE-ROUTE`
    /// for what the channel itself needs (an e-mail address, a postal address).
    pub rule_id: String,
    /// The editor field (`buyer_reference`, `lines[2].vat`) or a register field (`buyer.legal_id`,
    /// `seller.org_number`) that must change.
    pub field: String,
    pub message: String,
    pub severity: FindingSeverity,
}

/// The send check of one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PresendReport {
    /// `false` while the form has values that cannot be read; the editor shows those first.
    pub checked: bool,
    pub route: DeliveryRoute,
    /// The channel the invoice goes by, "automatic" resolved the way AutoInvoice resolves it.
    pub channel: ChannelCode,
    /// Some finding is an error: issuing and sending are refused.
    pub blocking: bool,
    pub findings: Vec<PresendFinding>,
    /// What the invoice file's buyer reference (BT-10) will be when the customer gave neither a
    /// reference code nor an order number, so it is no surprise.
    pub reference_note: Option<String>,
}

impl PresendReport {
    fn unchecked(customer: &Customer) -> PresendReport {
        PresendReport {
            checked: false,
            route: DeliveryRoute::for_customer(customer),
            channel: channel_for_customer(customer),
            blocking: false,
            findings: Vec::new(),
            reference_note: None,
        }
    }
}

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
