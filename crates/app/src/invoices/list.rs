//! The invoice list: keyset pages from the store, with status, customer, dates, amount and
//! overdue marking as of the `today` the caller passes in.

use chrono::NaiveDate;
use fakturera_store::{InvoiceId, InvoiceListQuery, InvoiceSummary, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::codes::{InvoiceFilterCode, InvoiceStatusCode, PaymentStateCode};
use crate::app::App;
use crate::error::AppError;

/// Which page of the list to read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceListRequest {
    pub filter: InvoiceFilterCode,
    /// An invoice number, part of a customer's name or number, or an amount ("1 234,50").
    pub search: String,
    /// The `next` of the previous page; `None` for the first page.
    #[ts(type = "number | null")]
    pub after: Option<i64>,
    /// Rows per page; 0 means 50, at most 500.
    pub limit: u32,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceRow {
    #[ts(type = "number")]
    pub id: i64,
    pub is_credit: bool,
    pub status: InvoiceStatusCode,
    pub number: Option<String>,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    pub issue_date: String,
    pub due_date: String,
    pub currency: String,
    /// Exact, two decimals.
    pub payable: String,
    pub payment_state: Option<PaymentStateCode>,
    /// "Kvar att betala": exact, two decimals, never below zero; `None` for drafts. A credit
    /// invoice and a fully credited invoice have nothing to pay.
    pub to_pay: Option<String>,
    /// What the customer has to get back (an overpayment, or a credit after payment), if anything.
    pub to_refund: Option<String>,
    pub overdue: bool,
    /// `invoice`, or `interest` for an interest invoice.
    pub document_kind: String,
}

impl From<InvoiceSummary> for InvoiceRow {
    fn from(summary: InvoiceSummary) -> InvoiceRow {
        InvoiceRow {
            id: summary.id.0,
            is_credit: summary.is_credit,
            status: summary.status.into(),
            number: summary.number,
            customer_id: summary.customer_id.0,
            customer_name: summary.buyer_name,
            issue_date: summary.issue_date.to_string(),
            due_date: summary.due_date.to_string(),
            currency: summary.currency,
            payable: format!("{:.2}", summary.payable),
            payment_state: summary.payment_state.map(Into::into),
            to_pay: summary.remaining.map(|remaining| {
                format!(
                    "{:.2}",
                    fakturera_core::receivables::without_negative_zero(
                        remaining.max(rust_decimal::Decimal::ZERO)
                    )
                )
            }),
            to_refund: summary
                .remaining
                .filter(|remaining| remaining.is_sign_negative() && !remaining.is_zero())
                .map(|remaining| format!("{:.2}", -remaining)),
            overdue: summary.overdue,
            document_kind: summary.document_kind,
        }
    }
}

/// A page of rows, the cursor for the next one and, on the first page, how many match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceListPage {
    pub rows: Vec<InvoiceRow>,
    #[ts(type = "number | null")]
    pub next: Option<i64>,
    /// Counted on the first page only (it costs a scan); `None` on later pages.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

impl App {
    /// A page of the invoice list, newest first.
    pub fn list_invoices(
        &self,
        request: &InvoiceListRequest,
        today: NaiveDate,
    ) -> Result<InvoiceListPage, AppError> {
        let query = InvoiceListQuery {
            filter: request.filter.into(),
            search: Some(request.search.trim().to_owned()).filter(|text| !text.is_empty()),
            before: request.after.map(InvoiceId),
            limit: request.limit,
            today,
        };
        self.with_store(|store| {
            let page = store.list_invoices(&query)?;
            let total = match query.before {
                None => Some(store.count_invoices(&query)?),
                Some(_) => None,
            };
            Ok::<_, StoreError>(InvoiceListPage {
                rows: page.rows.into_iter().map(Into::into).collect(),
                next: page.next.map(|id| id.0),
                total,
            })
        })
    }
}
