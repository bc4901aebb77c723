//! The invoice list: keyset-paged, filtered by status and searched by number, customer name or
//! amount, with indexes that keep each page fast at 100,000 invoices.

use chrono::NaiveDate;
use fakturera_core::invoice::{InvoiceStatus, PaymentState};
use rust_decimal::Decimal;

use super::payments::payment_state_from_code;
use super::read::status_from_code;
use crate::error::StoreError;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId};
use crate::register_query::like_pattern;
use crate::sql_values::minor_units;

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
    /// Something left to pay and past the due date as of the query's `today`.
    Overdue,
    /// Credit invoices.
    Credits,
    /// Invoices a credit invoice cancels in full.
    Credited,
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
    /// What is left to pay (negative: the customer has money to get back); `None` for drafts.
    pub remaining: Option<Decimal>,
    pub overdue: bool,
    /// `invoice` for a sale, `interest` for an interest invoice.
    pub document_kind: String,
}

/// A page of rows and the cursor for the next page (`None` at the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoicePage {
    pub rows: Vec<InvoiceSummary>,
    pub next: Option<InvoiceId>,
}

/// The list shows sales and interest invoices; reminders and statements have lists of their own.
fn filter_condition(filter: InvoiceFilter) -> String {
    let condition = match filter {
        InvoiceFilter::All => "1",
        InvoiceFilter::Drafts => "i.status = 'draft'",
        InvoiceFilter::Issued => "i.status = 'issued'",
        InvoiceFilter::Unpaid => "p.state = 'unpaid'",
        InvoiceFilter::PartlyPaid => "p.state = 'partly_paid'",
        InvoiceFilter::Paid => "p.state IN ('paid', 'overpaid')",
        // The core's `is_overdue`: something left to pay and past the due date.
        InvoiceFilter::Overdue => "p.state IN ('unpaid', 'partly_paid') AND p.due_date < ?5",
        InvoiceFilter::Credits => "i.kind = 'credit'",
        InvoiceFilter::Credited => "p.state = 'credited'",
    };
    format!("{condition} AND i.document_kind IN ('invoice', 'interest')")
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

/// The columns of a list row, read by `summary_from_row`.
const SUMMARY_COLUMNS: &str =
    "i.id, i.kind, i.status, i.number_text, i.customer_id, i.buyer_name, i.issue_date,
    i.due_date, i.currency, i.payable, p.state, p.remaining, i.document_kind";

/// The ids a search matches, newest first, at most ?6 from each way of matching. Each branch
/// walks an index (number, customer, amount) and stops after one page, so a search costs about
/// the same whether it matches ten invoices or ninety thousand.
fn search_branches(filter: &str) -> String {
    let branch = |condition: &str| {
        format!(
            "SELECT id FROM (SELECT i.id FROM invoices i LEFT JOIN invoice_payment_state p ON p.invoice_id = i.id
                 WHERE {condition} AND i.id < ?4 AND {filter} ORDER BY i.id DESC LIMIT ?6)"
        )
    };
    [
        branch("i.number_text = ?1"),
        branch(
            "i.customer_id IN (SELECT c.id FROM customers c WHERE c.search_text LIKE ?2 ESCAPE '\\')",
        ),
        branch("i.payable_minor = ?3"),
    ]
    .join(" UNION ")
}

fn list_sql(filter: InvoiceFilter, searching: bool) -> String {
    let filter = &filter_condition(filter);
    if searching {
        format!(
            "SELECT {SUMMARY_COLUMNS}
             FROM invoices i LEFT JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE i.id IN ({})
             ORDER BY i.id DESC LIMIT ?6",
            search_branches(filter)
        )
    } else {
        format!(
            "SELECT {SUMMARY_COLUMNS}
             FROM invoices i LEFT JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE i.id < ?4 AND {filter}
             ORDER BY i.id DESC LIMIT ?6"
        )
    }
}

fn count_sql(filter: InvoiceFilter, searching: bool) -> String {
    let filter = &filter_condition(filter);
    let search = if searching {
        "(i.number_text = ?1
          OR i.customer_id IN (SELECT c.id FROM customers c WHERE c.search_text LIKE ?2 ESCAPE '\\')
          OR i.payable_minor = ?3)"
    } else {
        "1"
    };
    format!(
        "SELECT count(*) FROM invoices i LEFT JOIN invoice_payment_state p ON p.invoice_id = i.id
         WHERE i.id < ?4 AND {filter} AND {search} AND ?6 IS NOT NULL"
    )
}

fn summary_from_row(row: &rusqlite::Row<'_>, today: NaiveDate) -> rusqlite::Result<InvoiceSummary> {
    let status = row.code("status", status_from_code)?;
    let payment_state: Option<String> = row.get("state")?;
    let payment_state = payment_state.as_deref().and_then(payment_state_from_code);
    let due_date: NaiveDate = row.get("due_date")?;
    Ok(InvoiceSummary {
        id: row.get("id")?,
        is_credit: row.get::<_, String>("kind")? == "credit",
        status,
        number: row.get("number_text")?,
        customer_id: row.get("customer_id")?,
        buyer_name: row.get("buyer_name")?,
        issue_date: row.get("issue_date")?,
        due_date,
        currency: row.get("currency")?,
        payable: row.decimal("payable")?,
        payment_state,
        remaining: row.optional_decimal("remaining")?,
        overdue: fakturera_core::invoice::is_overdue(
            status,
            payment_state.unwrap_or(PaymentState::Unpaid),
            due_date,
            today,
        ),
        document_kind: row.get("document_kind")?,
    })
}

/// The parameters of every list and count statement, by number: ?1 the search text, ?2 its
/// LIKE pattern, ?3 its amount in minor units, ?4 the cursor, ?5 today, ?6 the page size.
/// A statement may leave some unused, but always uses ?6 so the count matches.
fn list_params(query: &InvoiceListQuery, search: Option<&str>) -> [rusqlite::types::Value; 6] {
    use rusqlite::types::Value;
    let text = |value: Option<String>| value.map_or(Value::Null, Value::Text);
    [
        text(search.map(str::to_owned)),
        text(search.map(like_pattern)),
        search
            .and_then(parse_amount)
            .map_or(Value::Null, Value::Integer),
        Value::Integer(query.before.map_or(i64::MAX, |before| before.0)),
        Value::Text(query.today.to_string()),
        Value::Integer(i64::from(query.limit())),
    ]
}

impl Store {
    /// A page of the invoice list.
    pub fn list_invoices(&self, query: &InvoiceListQuery) -> Result<InvoicePage, StoreError> {
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty());
        let mut statement = self
            .connection
            .prepare_cached(&list_sql(query.filter, search.is_some()))?;
        let rows = statement
            .query_map(list_params(query, search), |row| {
                summary_from_row(row, query.today)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let next = if rows.len() == usize::try_from(query.limit()).unwrap_or(usize::MAX) {
            rows.last().map(|row| row.id)
        } else {
            None
        };
        Ok(InvoicePage { rows, next })
    }

    /// How many invoices match the filter and search, for the list's scroll bar.
    pub fn count_invoices(&self, query: &InvoiceListQuery) -> Result<u64, StoreError> {
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty());
        let count: i64 = self
            .connection
            .prepare_cached(&count_sql(query.filter, search.is_some()))?
            .query_row(list_params(query, search), |row| row.get(0))?;
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
