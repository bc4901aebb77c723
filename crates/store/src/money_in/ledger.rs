//! Reads the records the customer ledger is built from: issued invoices and credit invoices with
//! their money records, as of a day, for one customer or all; for the aging report only the
//! invoices still open on that day (found through the settlement row's `settled_on`).

use chrono::{Datelike, NaiveDate};
use fakturera_core::receivables::{EntryKind, LedgerDocument, LedgerRecord, to_sek};
use rusqlite::types::Value;
use rust_decimal::Decimal;

use crate::error::StoreError;
use crate::invoices::MoneyKind;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::CustomerId;
use crate::sql_values::json_ids;

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
    // order), for invoices and for the credit invoices of them: walking every issued invoice and
    // looking up its state took 3× as long at 100,000 invoices, which the dashboard's first draw
    // pays. A company file has no statistics (nothing runs ANALYZE), so the order is stated.
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
         FROM invoice_payment_state p {join} invoices o ON o.id = p.invoice_id
              {join} invoices i ON i.credited_invoice_id = o.id
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
                    id: row.get("id")?,
                    customer_id: row.get("customer_id")?,
                    number: row
                        .get::<_, Option<String>>("number_text")?
                        .unwrap_or_default(),
                    credits: row.get("credited_invoice_id")?,
                    issue_date: row.get("issue_date")?,
                    due_date: row.get("due_date")?,
                    currency: row.get("currency")?,
                    exchange_rate: row.decimal("exchange_rate")?,
                    payable: row.decimal("payable")?,
                    ocr: row.get("ocr")?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        // The records of exactly these documents, by their ids: running the documents' query
        // again as a subquery cost as much as reading them (a third of the ledger's time at
        // 100,000 invoices).
        let ids = json_ids(documents.iter().map(|document| document.id));
        let records_sql = "SELECT x.invoice_id, x.kind, x.paid_on, x.amount, x.reference
             FROM invoice_payments x
             WHERE x.paid_on <= ?1 AND x.invoice_id IN (SELECT value FROM json_each(?2))
             ORDER BY x.id";
        let records = self
            .connection
            .prepare_cached(records_sql)?
            .query_map(rusqlite::params![scope.as_of, ids], |row| {
                Ok(LedgerRecord {
                    document_id: row.get("invoice_id")?,
                    kind: entry_kind(row.code("kind", MoneyKind::from_code)?),
                    date: row.get("paid_on")?,
                    amount: row.decimal("amount")?,
                    reference: row
                        .get::<_, Option<String>>("reference")?
                        .unwrap_or_default(),
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
                    id: row.get("id")?,
                    customer_number: row.get("customer_number")?,
                    name: row.get("name")?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?)
    }
}

/// What was invoiced in one month, in SEK: invoices less credit invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoicedMonth {
    /// The month's first day.
    pub month: NaiveDate,
    /// The part issued on or before the `cut` day [`Store::invoiced_per_month`] was given.
    pub through_cut: bool,
    pub sek: Decimal,
}

impl Store {
    /// What was invoiced (and credited) from `from` to `to`, both included, per month and split
    /// at `cut`, in SEK at each document's booked rate.
    ///
    /// SQLite sums the öre of the documents booked at rate 1 (SEK, nearly all of them) per day,
    /// in the order of the index invoices_issued_by_date (named, since a company file has no
    /// statistics and SQLite would otherwise walk every issued invoice), as exact integers; documents at any
    /// other rate are converted one by one, since each is rounded to the öre on its own. Reading
    /// 100,000 rows into Rust instead took a third of Översikt's time.
    pub fn invoiced_per_month(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        cut: NaiveDate,
    ) -> Result<Vec<InvoicedMonth>, StoreError> {
        let days = self
            .connection
            .prepare_cached(&format!(
                "SELECT i.issue_date, i.kind = 'credit' AS is_credit,
                        SUM(CASE WHEN i.exchange_rate = '1' THEN i.payable_minor ELSE 0 END)
                            AS unit_rate_minor,
                        SUM(i.exchange_rate <> '1') AS other_rates
                 FROM invoices i INDEXED BY invoices_issued_by_date
                 WHERE {LEDGER_DOCUMENT} AND i.issue_date BETWEEN ?1 AND ?2
                 GROUP BY i.issue_date, i.kind
                 ORDER BY i.issue_date"
            ))?
            .query_map(rusqlite::params![from, to], |row| {
                Ok((
                    row.get::<_, NaiveDate>("issue_date")?,
                    row.get::<_, bool>("is_credit")?,
                    row.get::<_, i64>("unit_rate_minor")?,
                    row.get::<_, i64>("other_rates")?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut months: Vec<InvoicedMonth> = Vec::new();
        for (day, is_credit, unit_rate_minor, other_rates) in days {
            let mut sek = Decimal::new(unit_rate_minor, 2);
            if other_rates > 0 {
                sek += self.converted_sum(day, is_credit)?;
            }
            if is_credit {
                sek = -sek;
            }
            let month = day.with_day(1).unwrap_or(day);
            let through_cut = day <= cut;
            match months.last_mut() {
                Some(last) if last.month == month && last.through_cut == through_cut => {
                    last.sek += sek;
                }
                _ => months.push(InvoicedMonth {
                    month,
                    through_cut,
                    sek,
                }),
            }
        }
        Ok(months)
    }

    /// The SEK sum of the documents of one day and kind booked at a rate other than 1, each
    /// rounded to the öre as the ledger does.
    fn converted_sum(&self, day: NaiveDate, is_credit: bool) -> Result<Decimal, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT i.payable, i.exchange_rate FROM invoices i INDEXED BY invoices_issued_by_date
             WHERE {LEDGER_DOCUMENT} AND i.issue_date = ?1 AND (i.kind = 'credit') = ?2
               AND i.exchange_rate <> '1'"
        ))?;
        let rows = statement.query_map(rusqlite::params![day, is_credit], |row| {
            Ok((row.decimal("payable")?, row.decimal("exchange_rate")?))
        })?;
        let mut sum = Decimal::ZERO;
        for row in rows {
            let (payable, rate) = row?;
            sum += to_sek(payable, rate);
        }
        Ok(sum)
    }
}
