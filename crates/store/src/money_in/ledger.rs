//! Reads the records the customer ledger is built from: issued invoices and credit invoices with
//! their money records, as of a day, for one customer or all; for the aging report only the
//! invoices still open on that day (found through the settlement row's `settled_on`).

use chrono::NaiveDate;
use fakturera_core::receivables::{EntryKind, LedgerDocument, LedgerRecord};
use rusqlite::types::Value;

use crate::error::StoreError;
use crate::invoices::MoneyKind;
use crate::open::Store;
use crate::record_ids::CustomerId;
use crate::sql_values::{code_at, decimal_at};

/// Which part of the ledger to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerScope {
    /// One customer, or all.
    pub customer: Option<CustomerId>,
    /// Nothing dated after this day is read.
    pub as_of: NaiveDate,
    /// Only invoices with something left on `as_of` (either way), and their credits and records.
    pub open_only: bool,
}

/// Documents that belong in the ledger: sales and interest invoices, credit invoices, and
/// reminders that charge a fee. Statements and fee-less reminders ask for nothing.
const LEDGER_DOCUMENT: &str =
    "i.status = 'issued' AND (i.document_kind IN ('invoice', 'interest') OR i.payable_minor <> 0)
     AND i.document_kind <> 'statement'";

fn document_sql(scope: &LedgerScope) -> String {
    let customer = if scope.customer.is_some() {
        "AND i.customer_id = ?2"
    } else {
        "AND ?2 IS NULL"
    };
    let open = if scope.open_only {
        "AND (p.settled_on IS NULL OR p.settled_on > ?1)"
    } else {
        ""
    };
    // For open items the few unsettled states drive the loop (SQLite's CROSS JOIN keeps that
    // order): walking every invoice by date and looking up its state took 3× as long at 100,000
    // invoices, which the dashboard's first draw pays.
    let join = if scope.open_only {
        "CROSS JOIN"
    } else {
        "JOIN"
    };
    format!(
        "SELECT i.id, i.customer_id, i.number_text, i.credited_invoice_id, i.issue_date, i.due_date,
                i.currency, i.exchange_rate, i.payable, i.ocr
         FROM invoice_payment_state p {join} invoices i ON i.id = p.invoice_id
         WHERE {LEDGER_DOCUMENT} AND i.kind = 'invoice' AND i.issue_date <= ?1 {customer} {open}
         UNION ALL
         SELECT i.id, i.customer_id, i.number_text, i.credited_invoice_id, i.issue_date, i.due_date,
                i.currency, i.exchange_rate, i.payable, i.ocr
         FROM invoice_payment_state p JOIN invoices o ON o.id = p.invoice_id
              JOIN invoices i ON i.credited_invoice_id = o.id
         WHERE i.status = 'issued' AND i.kind = 'credit' AND i.issue_date <= ?1 {customer} {open}"
    )
}

fn entry_kind(kind: MoneyKind) -> EntryKind {
    match kind {
        MoneyKind::Payment => EntryKind::Payment,
        MoneyKind::Deduction => EntryKind::Deduction,
        MoneyKind::Refund => EntryKind::Refund,
        MoneyKind::WriteOff => EntryKind::WriteOff,
    }
}

impl Store {
    /// The documents and money records of `scope`, for `Ledger::build`.
    pub fn ledger_records(
        &self,
        scope: &LedgerScope,
    ) -> Result<(Vec<LedgerDocument>, Vec<LedgerRecord>), StoreError> {
        let documents_sql = document_sql(scope);
        let params = [
            Value::Text(scope.as_of.to_string()),
            scope
                .customer
                .map_or(Value::Null, |id| Value::Integer(id.0)),
        ];
        let documents = self
            .connection
            .prepare_cached(&documents_sql)?
            .query_map(rusqlite::params_from_iter(params.iter()), |row| {
                Ok(LedgerDocument {
                    id: row.get(0)?,
                    customer_id: row.get(1)?,
                    number: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    credits: row.get(3)?,
                    issue_date: row.get(4)?,
                    due_date: row.get(5)?,
                    currency: row.get(6)?,
                    exchange_rate: decimal_at(row, 7)?,
                    payable: decimal_at(row, 8)?,
                    ocr: row.get(9)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let records_sql = format!(
            "SELECT x.invoice_id, x.kind, x.paid_on, x.amount, x.reference
             FROM invoice_payments x
             WHERE x.paid_on <= ?1 AND x.invoice_id IN (SELECT id FROM ({documents_sql}))
             ORDER BY x.id"
        );
        let records = self
            .connection
            .prepare_cached(&records_sql)?
            .query_map(rusqlite::params_from_iter(params.iter()), |row| {
                Ok(LedgerRecord {
                    document_id: row.get(0)?,
                    kind: entry_kind(code_at(row, 1, MoneyKind::from_code)?),
                    date: row.get(2)?,
                    amount: decimal_at(row, 3)?,
                    reference: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((documents, records))
    }
}

/// A customer as the ledger names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerName {
    pub id: CustomerId,
    pub customer_number: String,
    pub name: String,
}

impl Store {
    /// Every customer's number and name, for the ledger's and the aging report's rows.
    pub fn customer_names(&self) -> Result<Vec<CustomerName>, StoreError> {
        Ok(self
            .connection
            .prepare_cached("SELECT id, customer_number, name FROM customers ORDER BY id")?
            .query_map([], |row| {
                Ok(CustomerName {
                    id: row.get(0)?,
                    customer_number: row.get(1)?,
                    name: row.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?)
    }
}

/// One issued document's ledger amount for the invoiced-per-month chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoicedAmount {
    pub issue_date: NaiveDate,
    pub is_credit: bool,
    pub payable: rust_decimal::Decimal,
    pub exchange_rate: rust_decimal::Decimal,
}

impl Store {
    /// What was invoiced (and credited) from `from` to `to`, both included: the invoice and
    /// credit rows of the ledger, read through a covering index.
    pub fn invoiced_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<InvoicedAmount>, StoreError> {
        let sql = "SELECT i.issue_date, i.kind, i.payable, i.exchange_rate FROM invoices i
             WHERE i.status = 'issued' AND i.issue_date BETWEEN ?1 AND ?2
               AND (i.document_kind IN ('invoice', 'interest') OR i.payable_minor <> 0)
               AND i.document_kind <> 'statement'";
        Ok(self
            .connection
            .prepare_cached(sql)?
            .query_map(rusqlite::params![from, to], |row| {
                Ok(InvoicedAmount {
                    issue_date: row.get(0)?,
                    is_credit: row.get::<_, String>(1)? == "credit",
                    payable: decimal_at(row, 2)?,
                    exchange_rate: decimal_at(row, 3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?)
    }
}
