//! Kundreskontra: the customer ledger as of any day (every invoice, credit, payment, refund and
//! write-off with dates and a running balance), each customer's open items with overdue days, and
//! the company's summary per customer. Amounts are the core ledger's rows, formatted only.

use std::collections::HashMap;

use chrono::NaiveDate;
use fakturera_core::receivables::{
    AgingBucket, AgingReport, EntryKind, Ledger, LedgerRow, OpenItem, without_negative_zero,
};
use fakturera_store::{CustomerId, CustomerName, LedgerScope, Store, StoreError};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::AppError;
use crate::invoices::PaymentStateCode;

/// Exact, two decimals, never "-0.00".
pub(crate) fn money(amount: Decimal) -> String {
    format!("{:.2}", without_negative_zero(amount))
}

/// What a ledger row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LedgerEntryCode {
    Invoice,
    CreditInvoice,
    Payment,
    Deduction,
    Refund,
    WriteOff,
}

impl From<EntryKind> for LedgerEntryCode {
    fn from(kind: EntryKind) -> LedgerEntryCode {
        match kind {
            EntryKind::Invoice => LedgerEntryCode::Invoice,
            EntryKind::CreditInvoice => LedgerEntryCode::CreditInvoice,
            EntryKind::Payment => LedgerEntryCode::Payment,
            EntryKind::Deduction => LedgerEntryCode::Deduction,
            EntryKind::Refund => LedgerEntryCode::Refund,
            EntryKind::WriteOff => LedgerEntryCode::WriteOff,
        }
    }
}

/// How long an open amount is overdue: ej förfallet, 1–30, 31–60, 61–90, över 90 dagar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgingBucketCode {
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

impl From<AgingBucket> for AgingBucketCode {
    fn from(bucket: AgingBucket) -> AgingBucketCode {
        match bucket {
            AgingBucket::NotDue => AgingBucketCode::NotDue,
            AgingBucket::Days1To30 => AgingBucketCode::Days1To30,
            AgingBucket::Days31To60 => AgingBucketCode::Days31To60,
            AgingBucket::Days61To90 => AgingBucketCode::Days61To90,
            AgingBucket::Over90 => AgingBucketCode::Over90,
        }
    }
}

/// One row of a customer's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LedgerRowView {
    pub date: String,
    pub kind: LedgerEntryCode,
    /// The document the row belongs to (open it with this id).
    #[ts(type = "number")]
    pub invoice_id: i64,
    /// The invoice whose balance the row moves (the original, for a credit invoice).
    #[ts(type = "number")]
    pub settles_invoice_id: i64,
    pub number: String,
    pub reference: String,
    pub currency: String,
    /// Signed for the customer's balance, in the invoice's currency.
    pub amount: String,
    /// In SEK at the invoice's booked rate.
    pub amount_sek: String,
    /// The running balance in SEK after this row.
    pub balance_sek: String,
}

/// What is left on one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenItemView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    pub number: String,
    pub issue_date: String,
    pub due_date: String,
    pub currency: String,
    pub state: PaymentStateCode,
    /// In the invoice's currency; negative when the customer has money to get back.
    pub remaining: String,
    pub remaining_sek: String,
    /// Days past the due date on the ledger's day (0 or less: not due).
    #[ts(type = "number")]
    pub days_overdue: i64,
    pub overdue: bool,
    pub bucket: AgingBucketCode,
}

/// One customer's ledger on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerLedgerView {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_number: String,
    pub customer_name: String,
    pub as_of: String,
    pub rows: Vec<LedgerRowView>,
    /// Invoices with something left either way, oldest due first.
    pub open_items: Vec<OpenItemView>,
    /// The sum of the rows.
    pub balance_sek: String,
    pub overdue_sek: String,
}

/// One customer's line of the company ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LedgerCustomerLine {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_number: String,
    pub customer_name: String,
    pub balance_sek: String,
    pub overdue_sek: String,
    #[ts(type = "number")]
    pub open_invoices: u32,
    /// The most days any of the customer's invoices is overdue; 0 when none is.
    #[ts(type = "number")]
    pub oldest_overdue_days: i64,
}

/// The company's ledger on a day: each customer with a balance, and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompanyLedgerView {
    pub as_of: String,
    pub customers: Vec<LedgerCustomerLine>,
    pub balance_sek: String,
    pub overdue_sek: String,
}

pub(crate) fn names(store: &Store) -> Result<HashMap<i64, CustomerName>, StoreError> {
    Ok(store
        .customer_names()?
        .into_iter()
        .map(|name| (name.id.0, name))
        .collect())
}

fn customer_name(names: &HashMap<i64, CustomerName>, id: i64) -> (String, String) {
    names.get(&id).map_or_else(
        || (String::new(), String::new()),
        |name| (name.customer_number.clone(), name.name.clone()),
    )
}

pub(crate) fn open_item_view(item: &OpenItem, names: &HashMap<i64, CustomerName>) -> OpenItemView {
    OpenItemView {
        invoice_id: item.invoice_id,
        customer_id: item.customer_id,
        customer_name: customer_name(names, item.customer_id).1,
        number: item.number.clone(),
        issue_date: item.issue_date.to_string(),
        due_date: item.due_date.to_string(),
        currency: item.currency.clone(),
        state: item.settlement.state.into(),
        remaining: money(item.settlement.remaining),
        remaining_sek: money(item.remaining_sek),
        days_overdue: item.days_overdue,
        overdue: item.is_overdue(),
        bucket: AgingBucket::for_days(item.days_overdue).into(),
    }
}

fn row_views(rows: &[LedgerRow]) -> Vec<LedgerRowView> {
    let mut balance = Decimal::ZERO;
    rows.iter()
        .map(|row| {
            balance += row.amount_sek;
            LedgerRowView {
                date: row.date.to_string(),
                kind: row.kind.into(),
                invoice_id: row.document_id,
                settles_invoice_id: row.settles,
                number: row.number.clone(),
                reference: row.reference.clone(),
                currency: row.currency.clone(),
                amount: money(row.amount),
                amount_sek: money(row.amount_sek),
                balance_sek: money(balance),
            }
        })
        .collect()
}

/// The ledger of `scope`, built by the core from the store's records.
pub(crate) fn ledger_of(store: &Store, scope: &LedgerScope) -> Result<Ledger, StoreError> {
    let (documents, records) = store.ledger_records(scope)?;
    Ok(Ledger::build(&documents, &records, scope.as_of))
}

fn overdue_sum<'a>(items: impl Iterator<Item = &'a OpenItem>) -> Decimal {
    items
        .filter(|item| item.is_overdue())
        .map(|item| item.remaining_sek)
        .sum()
}

impl App {
    /// The ledger of customer `customer_id` on `as_of`: every row up to that day, open items and
    /// the balance.
    pub fn customer_ledger(
        &self,
        customer_id: i64,
        as_of: NaiveDate,
    ) -> Result<CustomerLedgerView, AppError> {
        self.with_store(|store| {
            let customer = store.customer(CustomerId(customer_id))?;
            let ledger = ledger_of(
                store,
                &LedgerScope {
                    customer: Some(CustomerId(customer_id)),
                    as_of,
                    open_only: false,
                },
            )?;
            let names = names(store)?;
            Ok::<_, StoreError>(CustomerLedgerView {
                customer_id,
                customer_number: customer.customer_number,
                customer_name: customer.name,
                as_of: as_of.to_string(),
                rows: row_views(&ledger.rows),
                open_items: ledger
                    .open_items()
                    .map(|item| open_item_view(item, &names))
                    .collect(),
                balance_sek: money(ledger.balance_sek()),
                overdue_sek: money(overdue_sum(ledger.open_items())),
            })
        })
    }

    /// The customer ledger of the customer with number `customer_number`.
    pub fn customer_ledger_by_number(
        &self,
        customer_number: &str,
        as_of: NaiveDate,
    ) -> Result<CustomerLedgerView, AppError> {
        let id = self.with_store(|store| {
            let number = customer_number.trim();
            store
                .customer_by_number(number)?
                .map(|(id, _)| id)
                .ok_or_else(|| {
                    StoreError::not_found("kund med kundnummer", "customer with number", number)
                })
        })?;
        self.customer_ledger(id.0, as_of)
    }

    /// The company's ledger on `as_of`: each customer with something open, and the totals.
    pub fn company_ledger(&self, as_of: NaiveDate) -> Result<CompanyLedgerView, AppError> {
        self.with_store(|store| {
            let ledger = ledger_of(
                store,
                &LedgerScope {
                    customer: None,
                    as_of,
                    open_only: true,
                },
            )?;
            let names = names(store)?;
            let report = AgingReport::of(&ledger);
            let mut customers: Vec<LedgerCustomerLine> = report
                .per_customer
                .iter()
                .map(|(customer_id, amounts)| {
                    let items: Vec<&OpenItem> = ledger
                        .open_items()
                        .filter(|item| item.customer_id == *customer_id)
                        .collect();
                    let (customer_number, customer_name) = customer_name(&names, *customer_id);
                    LedgerCustomerLine {
                        customer_id: *customer_id,
                        customer_number,
                        customer_name,
                        balance_sek: money(amounts.balance()),
                        overdue_sek: money(overdue_sum(items.iter().copied())),
                        open_invoices: u32::try_from(items.len()).unwrap_or(u32::MAX),
                        oldest_overdue_days: items
                            .iter()
                            .filter(|item| item.is_overdue())
                            .map(|item| item.days_overdue)
                            .max()
                            .unwrap_or(0),
                    }
                })
                .collect();
            customers.sort_by(|a, b| a.customer_name.cmp(&b.customer_name));
            Ok::<_, StoreError>(CompanyLedgerView {
                as_of: as_of.to_string(),
                customers,
                balance_sek: money(report.total.balance()),
                overdue_sek: money(overdue_sum(ledger.open_items())),
            })
        })
    }
}
