//! Late-payment interest: the reference rates (data with validity dates the user extends) and the
//! lines of issued interest invoices, so a late period is never charged twice.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Text;
use rusqlite::{Connection, ToSql};
use rust_decimal::Decimal;

use super::DOCUMENT_COLUMNS;
use crate::column_list::{ColumnList, MappedTable, RowValues, owned};
use crate::error::StoreError;
use crate::invoices::InvoiceEventKind;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::StoredDecimal;

/// One line of an interest invoice: interest on `principal` of `invoice_id` at `rate` percent per
/// year for the `days` from `period_from` to `period_to` (both included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestCharge {
    pub invoice_id: InvoiceId,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub principal: Decimal,
    pub rate: Decimal,
    pub days: u32,
    pub amount: Decimal,
}

const INTEREST_CHARGE_COLUMNS: ColumnList<InterestCharge> = ColumnList(&[
    ("invoice_id", |c| c.invoice_id.to_sql()),
    ("period_from", |c| c.period_from.to_sql()),
    ("period_to", |c| c.period_to.to_sql()),
    ("principal", |c| owned(StoredDecimal(c.principal))),
    ("rate", |c| owned(StoredDecimal(c.rate))),
    ("days", |c| c.days.to_sql()),
    ("amount", |c| owned(StoredDecimal(c.amount))),
]);

/// The line's place on its interest invoice.
const POSITION_COLUMNS: ColumnList<i64> = ColumnList(&[("position", |p| p.to_sql())]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        (
            "interest_charges",
            DOCUMENT_COLUMNS
                .names()
                .chain(POSITION_COLUMNS.names())
                .chain(INTEREST_CHARGE_COLUMNS.names())
                .collect(),
        ),
        // Read and written by `reference_rates`/`set_reference_rate`.
        ("reference_rates", vec!["valid_from", "rate"]),
    ]
}

pub(crate) fn insert_interest_charges(
    connection: &Connection,
    document: InvoiceId,
    charges: &[InterestCharge],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for (position, charge) in (0_i64..).zip(charges) {
        RowValues::of(&DOCUMENT_COLUMNS, &document)?
            .and(&POSITION_COLUMNS, &position)?
            .and(&INTEREST_CHARGE_COLUMNS, charge)?
            .insert(connection, "interest_charges")?;
    }
    let mut invoices: Vec<InvoiceId> = charges.iter().map(|charge| charge.invoice_id).collect();
    invoices.dedup();
    for invoice in invoices {
        crate::invoices::append_invoice_event_in(
            connection,
            invoice,
            &InvoiceEventKind::Other("interest_invoiced".to_owned()),
            &format!("interest invoice (document {document})"),
            now,
        )?;
    }
    Ok(())
}

impl Store {
    /// The last day interest has been charged for on invoice `id`, if any.
    pub fn interest_charged_until(&self, id: InvoiceId) -> Result<Option<NaiveDate>, StoreError> {
        Ok(self
            .connection
            .prepare_cached("SELECT MAX(period_to) FROM interest_charges WHERE invoice_id = ?1")?
            .query_row([id], |row| row.get(0))?)
    }

    /// The lines of interest invoice `document`.
    pub fn interest_charges_of(
        &self,
        document: InvoiceId,
    ) -> Result<Vec<InterestCharge>, StoreError> {
        Ok(self
            .connection
            .prepare_cached(&format!(
                "SELECT {} FROM interest_charges WHERE document_id = ?1 ORDER BY position",
                INTEREST_CHARGE_COLUMNS.select_list(None)
            ))?
            .query_map([document], |row| {
                Ok(InterestCharge {
                    invoice_id: row.get("invoice_id")?,
                    period_from: row.get("period_from")?,
                    period_to: row.get("period_to")?,
                    principal: row.decimal("principal")?,
                    rate: row.decimal("rate")?,
                    days: row.get("days")?,
                    amount: row.decimal("amount")?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// Riksbanken's reference rates, oldest first: (valid from, percent per year).
    pub fn reference_rates(&self) -> Result<Vec<(NaiveDate, Decimal)>, StoreError> {
        Ok(self
            .connection
            .prepare_cached("SELECT valid_from, rate FROM reference_rates ORDER BY valid_from")?
            .query_map([], |row| Ok((row.get("valid_from")?, row.decimal("rate")?)))?
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// Adds (or corrects) the reference rate from `valid_from`, which must be 1 January or 1 July
    /// (the rate is set per half-year). Interest already invoiced keeps the rate it was charged at.
    pub fn set_reference_rate(
        &self,
        valid_from: NaiveDate,
        rate: Decimal,
    ) -> Result<(), StoreError> {
        use chrono::Datelike;
        if valid_from.day() != 1 || !matches!(valid_from.month(), 1 | 7) {
            return Err(StoreError::invalid_field(
                "valid_from",
                Text::new(
                    "Referensräntan gäller per kalenderhalvår: ange 1 januari eller 1 juli, t.ex. 2027-01-01.",
                    "The reference rate applies per half-year: enter 1 January or 1 July, e.g. 2027-01-01.",
                ),
            ));
        }
        if rate < Decimal::from(-10) || rate > Decimal::from(50) {
            return Err(StoreError::invalid_field(
                "rate",
                Text::new(
                    "Referensräntan ska vara en procentsats mellan -10 och 50, t.ex. 2,5.",
                    "The reference rate must be a percentage between -10 and 50, e.g. 2.5.",
                ),
            ));
        }
        self.connection.execute(
            "INSERT INTO reference_rates (valid_from, rate) VALUES (:valid_from, :rate)
             ON CONFLICT (valid_from) DO UPDATE SET rate = excluded.rate",
            rusqlite::named_params! { ":valid_from": valid_from, ":rate": StoredDecimal(rate) },
        )?;
        Ok(())
    }
}
