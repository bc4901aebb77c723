//! The aging report (åldersanalys) for any day, per customer and in total, in SEK at the booked
//! rates with each open invoice's currency amount beside it.

use chrono::NaiveDate;
use fakturera_core::receivables::{AgingAmounts, AgingBucket, AgingReport};
use fakturera_store::{CustomerId, LedgerScope, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ledger::{OpenItemView, ledger_of, money, names, open_item_view};
use crate::app::App;
use crate::error::AppError;

/// SEK per bucket, what the customer has to get back, and the balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgingAmountsView {
    pub not_due: String,
    pub days_1_30: String,
    pub days_31_60: String,
    pub days_61_90: String,
    pub over_90: String,
    /// Money the customer has to get back (negative), kept out of the buckets.
    pub credit_balance: String,
    pub balance: String,
}

impl From<&AgingAmounts> for AgingAmountsView {
    fn from(amounts: &AgingAmounts) -> AgingAmountsView {
        AgingAmountsView {
            not_due: money(amounts.bucket(AgingBucket::NotDue)),
            days_1_30: money(amounts.bucket(AgingBucket::Days1To30)),
            days_31_60: money(amounts.bucket(AgingBucket::Days31To60)),
            days_61_90: money(amounts.bucket(AgingBucket::Days61To90)),
            over_90: money(amounts.bucket(AgingBucket::Over90)),
            credit_balance: money(amounts.credit_balance),
            balance: money(amounts.balance()),
        }
    }
}

/// One customer's line of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgingCustomerView {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_number: String,
    pub customer_name: String,
    pub amounts: AgingAmountsView,
}

/// The report on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgingReportView {
    pub as_of: String,
    pub customers: Vec<AgingCustomerView>,
    pub total: AgingAmountsView,
    /// Every open invoice with its bucket, by customer and due date.
    pub invoices: Vec<OpenItemView>,
}

impl App {
    /// The aging report on `as_of`, for one customer or all.
    pub fn aging_report(
        &self,
        as_of: NaiveDate,
        customer_id: Option<i64>,
    ) -> Result<AgingReportView, AppError> {
        self.with_store(|store| {
            let ledger = ledger_of(
                store,
                &LedgerScope {
                    customer: customer_id.map(CustomerId),
                    as_of,
                    open_only: true,
                },
            )?;
            let names = names(store)?;
            let report = AgingReport::of(&ledger);
            let mut customers: Vec<AgingCustomerView> = report
                .per_customer
                .iter()
                .map(|(id, amounts)| {
                    let name = names.get(id);
                    AgingCustomerView {
                        customer_id: *id,
                        customer_number: name
                            .map(|n| n.customer_number.clone())
                            .unwrap_or_default(),
                        customer_name: name.map(|n| n.name.clone()).unwrap_or_default(),
                        amounts: amounts.into(),
                    }
                })
                .collect();
            customers.sort_by(|a, b| a.customer_name.cmp(&b.customer_name));
            Ok::<_, StoreError>(AgingReportView {
                as_of: as_of.to_string(),
                customers,
                total: (&report.total).into(),
                invoices: ledger
                    .open_items()
                    .map(|item| open_item_view(item, &names))
                    .collect(),
            })
        })
    }
}
