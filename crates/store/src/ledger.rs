//! Reading what the books need in bulk: every issued invoice and payment of a period as the core's
//! ledger facts, in a handful of queries however many there are (an SIE export of a year with
//! 100,000 invoices reads them in well under a second). Opening items from a previous program are
//! already in the books and are left out of the invoices; payments on them are not.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use fakturera_core::ledger::{LedgerInvoice, LedgerPart, LedgerPayment, LedgerVat, PartKind};
use fakturera_core::vat::VatTreatment;
use rust_decimal::Decimal;

use crate::error::StoreError;
use crate::named_columns::{NamedColumns, column_indices};
use crate::open::Store;

/// Issued invoices of the period, not opening items: the condition every query below shares.
/// The invoices of a period. Their lines and charges are read invoice by invoice in id order
/// (`CROSS JOIN` keeps invoices first), so SQLite needs no sort of 500,000 lines for a year.
const IN_PERIOD: &str = "i.status = 'issued' AND i.issue_date BETWEEN ?1 AND ?2
     AND NOT EXISTS (SELECT 1 FROM opening_items o WHERE o.invoice_id = i.id)";

fn effective_rate(treatment: VatTreatment, rate: Decimal) -> Decimal {
    if treatment.charges_vat() {
        rate
    } else {
        Decimal::ZERO
    }
}

impl Store {
    /// Every issued invoice and credit invoice dated `from`–`to` (both included), by date then
    /// issue order, with its parts, VAT per rate and totals as issued.
    pub fn ledger_invoices(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<LedgerInvoice>, StoreError> {
        let mut invoices = self.ledger_invoice_headers(from, to)?;
        let index: HashMap<i64, usize> = invoices
            .iter()
            .enumerate()
            .map(|(position, invoice)| (invoice.id, position))
            .collect();
        let services = self.service_article_numbers()?;

        let mut lines = self.connection.prepare_cached(&format!(
            "SELECT l.invoice_id, l.article_number, l.vat_treatment, l.vat_rate, l.net_amount
             FROM invoices i CROSS JOIN invoice_lines l ON l.invoice_id = i.id
             WHERE {IN_PERIOD} ORDER BY i.id, l.position"
        ))?;
        let [
            invoice_id,
            article_number,
            vat_treatment,
            vat_rate,
            net_amount,
        ] = column_indices(
            &lines,
            [
                "invoice_id",
                "article_number",
                "vat_treatment",
                "vat_rate",
                "net_amount",
            ],
        )?;
        let rows = lines.query_map(rusqlite::params![from, to], |row| {
            let treatment = row.code(vat_treatment, VatTreatment::from_code)?;
            let article: String = row.get(article_number)?;
            let kind = if treatment == VatTreatment::EuServices || services.contains(&article) {
                PartKind::Service
            } else {
                PartKind::Goods
            };
            Ok((
                row.get::<_, i64>(invoice_id)?,
                LedgerPart {
                    kind,
                    treatment,
                    rate: effective_rate(treatment, row.decimal(vat_rate)?),
                    net: row.decimal(net_amount)?,
                },
            ))
        })?;
        for row in rows {
            let (id, part) = row?;
            if let Some(&position) = index.get(&id) {
                invoices[position].parts.push(part);
            }
        }

        let mut charges = self.connection.prepare_cached(&format!(
            "SELECT c.invoice_id, c.kind, c.vat_treatment, c.vat_rate, c.net_amount
             FROM invoices i CROSS JOIN invoice_charges c ON c.invoice_id = i.id
             WHERE {IN_PERIOD} ORDER BY i.id, c.position"
        ))?;
        let [invoice_id, kind, vat_treatment, vat_rate, net_amount] = column_indices(
            &charges,
            [
                "invoice_id",
                "kind",
                "vat_treatment",
                "vat_rate",
                "net_amount",
            ],
        )?;
        let rows = charges.query_map(rusqlite::params![from, to], |row| {
            let treatment = row.code(vat_treatment, VatTreatment::from_code)?;
            let kind = row.code(kind, |code| match code {
                "invoice_fee" => Some(PartKind::InvoiceFee),
                "freight" => Some(PartKind::Freight),
                _ => None,
            })?;
            Ok((
                row.get::<_, i64>(invoice_id)?,
                LedgerPart {
                    kind,
                    treatment,
                    rate: effective_rate(treatment, row.decimal(vat_rate)?),
                    net: row.decimal(net_amount)?,
                },
            ))
        })?;
        for row in rows {
            let (id, part) = row?;
            if let Some(&position) = index.get(&id) {
                invoices[position].parts.push(part);
            }
        }

        let mut vat = self.connection.prepare_cached(&format!(
            "SELECT s.invoice_id, s.vat_rate, s.vat_amount
             FROM invoice_vat_summary s JOIN invoices i ON i.id = s.invoice_id
             WHERE {IN_PERIOD} AND s.vat_category = 'S' ORDER BY s.invoice_id, s.position"
        ))?;
        let [invoice_id, vat_rate, vat_amount] =
            column_indices(&vat, ["invoice_id", "vat_rate", "vat_amount"])?;
        let rows = vat.query_map(rusqlite::params![from, to], |row| {
            Ok((
                row.get::<_, i64>(invoice_id)?,
                LedgerVat {
                    rate: row.decimal(vat_rate)?,
                    amount: row.decimal(vat_amount)?,
                },
            ))
        })?;
        for row in rows {
            let (id, vat) = row?;
            if let Some(&position) = index.get(&id) {
                invoices[position].vat.push(vat);
            }
        }
        Ok(invoices)
    }

    fn ledger_invoice_headers(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<LedgerInvoice>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT i.id, i.kind, i.number_text, i.issue_date, b.customer_number,
                    b.name AS customer_name, b.vat_number, b.country_code, i.currency,
                    i.exchange_rate, i.rounding_amount, i.payable, i.payable_sek, i.vat_total_sek
             FROM invoices i JOIN invoice_buyer b ON b.invoice_id = i.id
             WHERE {IN_PERIOD} ORDER BY i.issue_date, i.id"
        ))?;
        let rows = statement.query_map(rusqlite::params![from, to], |row| {
            Ok(LedgerInvoice {
                id: row.get("id")?,
                is_credit: row.get::<_, String>("kind")? == "credit",
                number: row.get("number_text")?,
                date: row.get("issue_date")?,
                customer_number: row.get("customer_number")?,
                customer_name: row.get("customer_name")?,
                buyer_vat_number: row.get("vat_number")?,
                buyer_country: row.get("country_code")?,
                currency: row.get("currency")?,
                exchange_rate: row.decimal("exchange_rate")?,
                parts: Vec::new(),
                vat: Vec::new(),
                rounding: row.decimal("rounding_amount")?,
                payable: row.decimal("payable")?,
                payable_sek: row.decimal("payable_sek")?,
                vat_total_sek: row.decimal("vat_total_sek")?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The article numbers of services: an export line of a service article is reported and booked
    /// as a service sold abroad, other lines as goods.
    fn service_article_numbers(&self) -> Result<HashSet<String>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT article_number FROM articles WHERE is_service = 1")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        Ok(rows.collect::<Result<HashSet<_>, _>>()?)
    }

    /// Every money record (payment, deduction, refund, write-off, reversal) with a date `from`–`to`,
    /// by date then recording order; the amount keeps its stored sign.
    pub fn ledger_payments(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<LedgerPayment>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT p.id, p.invoice_id, i.number_text, i.kind AS invoice_kind,
                    b.name AS customer_name, p.paid_on, p.amount, i.currency, i.exchange_rate,
                    p.kind AS record_kind
             FROM invoice_payments p
             JOIN invoices i ON i.id = p.invoice_id
             JOIN invoice_buyer b ON b.invoice_id = i.id
             WHERE p.paid_on BETWEEN ?1 AND ?2
             ORDER BY p.paid_on, p.id",
        )?;
        let rows = statement.query_map(rusqlite::params![from, to], |row| {
            Ok(LedgerPayment {
                id: row.get("id")?,
                invoice_id: row.get("invoice_id")?,
                invoice_number: row
                    .get::<_, Option<String>>("number_text")?
                    .unwrap_or_default(),
                is_credit: row.get::<_, String>("invoice_kind")? == "credit",
                customer_name: row.get("customer_name")?,
                date: row.get("paid_on")?,
                amount: row.decimal("amount")?,
                currency: row.get("currency")?,
                exchange_rate: row.decimal("exchange_rate")?,
                is_write_off: row.get::<_, String>("record_kind")? == "write_off",
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
