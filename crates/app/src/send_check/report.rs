//! The send check's answer as the editor and the CLI show it: the route, the channel and every
//! finding with the field to change, in the user's language.

use fakturera_store::Customer;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::route::DeliveryRoute;
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
    /// The report of a form that cannot be read yet: nothing checked, the route as the customer
    /// stands.
    pub(crate) fn unchecked(customer: &Customer) -> PresendReport {
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
