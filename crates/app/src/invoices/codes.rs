//! The invoice states and list filters as they cross IPC, with their mapping to the core and
//! the store.

use fakturera_core::invoice::{InvoiceStatus, PaymentState};
use fakturera_store::InvoiceFilter;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Draft or issued (numbered and locked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvoiceStatusCode {
    Draft,
    Issued,
}

impl From<InvoiceStatus> for InvoiceStatusCode {
    fn from(status: InvoiceStatus) -> InvoiceStatusCode {
        match status {
            InvoiceStatus::Draft => InvoiceStatusCode::Draft,
            InvoiceStatus::Issued => InvoiceStatusCode::Issued,
        }
    }
}

/// Where an issued invoice stands with its payments, credits and write-offs; kept apart from its
/// status. `credited`: a credit invoice cancels it in full; `applied`: it is a credit invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PaymentStateCode {
    Unpaid,
    PartlyPaid,
    Paid,
    Overpaid,
    Credited,
    Applied,
}

impl From<PaymentState> for PaymentStateCode {
    fn from(state: PaymentState) -> PaymentStateCode {
        match state {
            PaymentState::Unpaid => PaymentStateCode::Unpaid,
            PaymentState::PartlyPaid => PaymentStateCode::PartlyPaid,
            PaymentState::Paid => PaymentStateCode::Paid,
            PaymentState::Overpaid => PaymentStateCode::Overpaid,
            PaymentState::Credited => PaymentStateCode::Credited,
            PaymentState::Applied => PaymentStateCode::Applied,
        }
    }
}

/// The status filter of the invoice list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvoiceFilterCode {
    #[default]
    All,
    Drafts,
    Issued,
    Unpaid,
    PartlyPaid,
    Paid,
    Overdue,
    Credits,
    /// Invoices a credit invoice cancels in full.
    Credited,
}

impl From<InvoiceFilterCode> for InvoiceFilter {
    fn from(code: InvoiceFilterCode) -> InvoiceFilter {
        match code {
            InvoiceFilterCode::All => InvoiceFilter::All,
            InvoiceFilterCode::Drafts => InvoiceFilter::Drafts,
            InvoiceFilterCode::Issued => InvoiceFilter::Issued,
            InvoiceFilterCode::Unpaid => InvoiceFilter::Unpaid,
            InvoiceFilterCode::PartlyPaid => InvoiceFilter::PartlyPaid,
            InvoiceFilterCode::Paid => InvoiceFilter::Paid,
            InvoiceFilterCode::Overdue => InvoiceFilter::Overdue,
            InvoiceFilterCode::Credits => InvoiceFilter::Credits,
            InvoiceFilterCode::Credited => InvoiceFilter::Credited,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_cross_ipc_in_snake_case() {
        let cases = [
            (InvoiceFilterCode::All, "all", InvoiceFilter::All),
            (InvoiceFilterCode::Drafts, "drafts", InvoiceFilter::Drafts),
            (InvoiceFilterCode::Issued, "issued", InvoiceFilter::Issued),
            (InvoiceFilterCode::Unpaid, "unpaid", InvoiceFilter::Unpaid),
            (
                InvoiceFilterCode::PartlyPaid,
                "partly_paid",
                InvoiceFilter::PartlyPaid,
            ),
            (InvoiceFilterCode::Paid, "paid", InvoiceFilter::Paid),
            (
                InvoiceFilterCode::Overdue,
                "overdue",
                InvoiceFilter::Overdue,
            ),
            (
                InvoiceFilterCode::Credits,
                "credits",
                InvoiceFilter::Credits,
            ),
            (
                InvoiceFilterCode::Credited,
                "credited",
                InvoiceFilter::Credited,
            ),
        ];
        for (code, json, filter) in cases {
            assert_eq!(serde_json::to_value(code).expect("serialises"), json);
            assert_eq!(InvoiceFilter::from(code), filter, "{json}");
        }
    }
}
