//! The invoice list: keyset-paged, filtered by status and searched by number, customer name or
//! amount, with indexes that keep each page fast at 100,000 invoices.

use chrono::NaiveDate;
use fakturera_core::invoice::{InvoiceStatus, PaymentState};
use rust_decimal::Decimal;

use super::payments::payment_state_from_code;
use super::read::status_from_code;
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId};
use crate::register_query::like_pattern;
use crate::sql_values::{code_at, decimal_at, minor_units};

/// Which invoices the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum InvoiceFilter {
    #[default]
    All,
    Drafts,
    Issued,
    Unpaid,
    PartlyPaid,
    Paid,
    /// Issued, not fully paid, and past the due date as of the query's `today`.
    Overdue,
    Credits,
}

/// One page of the invoice list, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceListQuery {
    pub filter: InvoiceFilter,
    /// Matches an exact invoice number, a customer whose name or number contains the text, or an
    /// exact payable amount ("1 234,50" and "1234.50" both work).
    pub search: Option<String>,
    /// The cursor: the `next` of the previous page; `None` for the first page.
    pub before: Option<InvoiceId>,
    /// Rows per page; 0 means 50. At most 500.
    pub limit: u32,
    /// The date that decides what is overdue (time is passed in, never read here).
    pub today: NaiveDate,
}

impl InvoiceListQuery {
    pub fn first_page(today: NaiveDate) -> InvoiceListQuery {
        InvoiceListQuery {
            filter: InvoiceFilter::All,
            search: None,
            before: None,
            limit: 0,
            today,
        }
    }

    fn limit(&self) -> u32 {
        match self.limit {
            0 => 50,
            limit => limit.min(500),
        }
    }
}

/// One row of the invoice list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceSummary {
    pub id: InvoiceId,
    pub is_credit: bool,
    pub status: InvoiceStatus,
    pub number: Option<String>,
    pub customer_id: CustomerId,
    pub buyer_name: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: String,
    pub payable: Decimal,
    /// `None` for drafts.
    pub payment_state: Option<PaymentState>,
    pub overdue: bool,
}

/// A page of rows and the cursor for the next page (`None` at the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoicePage {
    pub rows: Vec<InvoiceSummary>,
    pub next: Option<InvoiceId>,
}

fn filter_condition(filter: InvoiceFilter) -> &'static str {
    match filter {
        InvoiceFilter::All => "1",
        InvoiceFilter::Drafts => "i.status = 'draft'",
        InvoiceFilter::Issued => "i.status = 'issued'",
        InvoiceFilter::Unpaid => "p.state = 'unpaid'",
        InvoiceFilter::PartlyPaid => "p.state = 'partly_paid'",
        InvoiceFilter::Paid => "p.state = 'paid'",
        InvoiceFilter::Overdue => "p.state IN ('unpaid', 'partly_paid') AND p.due_date < ?5",
        InvoiceFilter::Credits => "i.kind = 'credit'",
    }
}

/// An amount typed the Swedish or the English way, in minor units.
fn parse_amount(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|character| !character.is_whitespace() && *character != '\u{a0}')
        .map(|character| if character == ',' { '.' } else { character })
        .collect();
    cleaned.parse::<Decimal>().ok().map(minor_units)
}

const SEARCH_CONDITION: &str = "(?1 IS NULL
    OR i.number_text = ?1
    OR i.customer_id IN (SELECT c.id FROM customers c WHERE c.search_text LIKE ?2 ESCAPE '\\')
    OR i.payable_minor = ?3)";

impl Store {
    /// A page of the invoice list.
    pub fn list_invoices(&self, query: &InvoiceListQuery) -> Result<InvoicePage, StoreError> {
        let sql = format!(
            "SELECT i.id, i.kind, i.status, i.number_text, i.customer_id, i.buyer_name, i.issue_date,
                    i.due_date, i.currency, i.payable, p.state
             FROM invoices i LEFT JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE i.id < ?4 AND {} AND {SEARCH_CONDITION}
             ORDER BY i.id DESC
             LIMIT ?6",
            filter_condition(query.filter)
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty());
        let limit = query.limit();
        let today = query.today;
        let rows = statement
            .query_map(
                rusqlite::params![
                    search,
                    search.map(like_pattern),
                    search.and_then(parse_amount),
                    query.before.map_or(i64::MAX, |before| before.0),
                    today,
                    limit,
                ],
                |row| {
                    let status = code_at(row, 2, status_from_code)?;
                    let payment_state: Option<String> = row.get(10)?;
                    let payment_state = payment_state.as_deref().and_then(payment_state_from_code);
                    let due_date: NaiveDate = row.get(7)?;
                    Ok(InvoiceSummary {
                        id: row.get(0)?,
                        is_credit: row.get::<_, String>(1)? == "credit",
                        status,
                        number: row.get(3)?,
                        customer_id: row.get(4)?,
                        buyer_name: row.get(5)?,
                        issue_date: row.get(6)?,
                        due_date,
                        currency: row.get(8)?,
                        payable: decimal_at(row, 9)?,
                        payment_state,
                        overdue: fakturera_core::invoice::is_overdue(
                            status,
                            payment_state.unwrap_or(PaymentState::Unpaid),
                            due_date,
                            today,
                        ),
                    })
                },
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let next = if rows.len() == usize::try_from(limit).unwrap_or(usize::MAX) {
            rows.last().map(|row| row.id)
        } else {
            None
        };
        Ok(InvoicePage { rows, next })
    }

    /// How many invoices match the filter and search, for the list's scroll bar.
    pub fn count_invoices(&self, query: &InvoiceListQuery) -> Result<u64, StoreError> {
        let sql = format!(
            "SELECT count(*) FROM invoices i LEFT JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE i.id < ?4 AND {} AND {SEARCH_CONDITION} AND ?6 IS NOT NULL",
            filter_condition(query.filter)
        );
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty());
        let count: i64 = self.connection.prepare_cached(&sql)?.query_row(
            rusqlite::params![
                search,
                search.map(like_pattern),
                search.and_then(parse_amount),
                query.before.map_or(i64::MAX, |before| before.0),
                query.today,
                1,
            ],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_the_swedish_and_the_english_way() {
        let cases = [
            ("1 234,50", Some(123450)),
            ("1234.50", Some(123450)),
            ("1\u{a0}000", Some(100000)),
            ("99", Some(9900)),
            ("F-1001", None),
            ("Bygg AB", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount(text), expected, "{text}");
        }
    }
}
