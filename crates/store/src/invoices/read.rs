//! Reading an invoice back into the core's `Invoice`, exactly as it was saved or issued.

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::Text;
use fakturera_core::invoice::{
    Charge, ChargeKind, CreditReference, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, TextRow,
    VatSubtotal,
};
use fakturera_core::money::Currency;
use fakturera_core::party::{Address, Buyer, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::unit::Unit;
use fakturera_core::vat::{Exemption, LineVat, VatTreatment};
use rusqlite::{Connection, OptionalExtension, Row};

use super::StoredInvoice;
use super::codes::{
    discount_from_columns, known_exemption_code, price_entry_from_code, rounding_from_code,
    vat_category_from_code,
};
use crate::customers::buyer_kind_from_code;
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::{bool_at, code_at, decimal_at, optional_decimal_at};

impl Store {
    /// The invoice with this id, draft or issued.
    pub fn invoice(&self, id: InvoiceId) -> Result<StoredInvoice, StoreError> {
        read_invoice(&self.connection, id)
    }
}

pub(crate) fn status_from_code(code: &str) -> Option<InvoiceStatus> {
    match code {
        "draft" => Some(InvoiceStatus::Draft),
        "issued" => Some(InvoiceStatus::Issued),
        _ => None,
    }
}

pub(crate) fn read_invoice(
    connection: &Connection,
    id: InvoiceId,
) -> Result<StoredInvoice, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT i.status, i.series_id, i.customer_id, i.credited_invoice_id, i.number_text, i.issue_date,
                i.due_date, i.delivery_date, i.our_reference, i.your_reference, i.buyer_reference,
                i.order_reference, i.currency, i.exchange_rate, i.language, i.price_entry, i.rounding_rule,
                i.payment_terms, i.ocr, i.notes, i.payable, i.created_at, i.updated_at, i.issued_at,
                o.number_text, o.issue_date, i.discount_kind, i.discount_value
         FROM invoices i LEFT JOIN invoices o ON o.id = i.credited_invoice_id
         WHERE i.id = ?1",
    )?;
    let header = statement
        .query_row([id], |row| {
            let credited_number: Option<String> = row.get(24)?;
            let credited_date: Option<NaiveDate> = row.get(25)?;
            let kind = match (credited_number, credited_date) {
                (Some(number), Some(issue_date)) => {
                    InvoiceKind::Credit(CreditReference { number, issue_date })
                }
                _ => InvoiceKind::Invoice,
            };
            let invoice = Invoice {
                kind,
                number: row.get(4)?,
                issue_date: row.get(5)?,
                due_date: row.get(6)?,
                delivery_date: row.get(7)?,
                seller: Seller::default(),
                buyer: Buyer::default(),
                our_reference: row.get(8)?,
                your_reference: row.get(9)?,
                buyer_reference: row.get(10)?,
                order_reference: row.get(11)?,
                currency: code_at(row, 12, |code| Currency::parse(code).ok())?,
                exchange_rate: decimal_at(row, 13)?,
                language: code_at(row, 14, Language::from_code)?,
                price_entry: code_at(row, 15, price_entry_from_code)?,
                lines: Vec::new(),
                text_rows: Vec::new(),
                charges: Vec::new(),
                discount: {
                    let value = decimal_at(row, 27)?;
                    code_at(row, 26, |kind| discount_from_columns(kind, value))?
                },
                rounding: code_at(row, 16, rounding_from_code)?,
                payment_terms: code_at(row, 17, |code| PaymentTerms::parse(code).ok())?,
                ocr: row.get(18)?,
                notes: row.get(19)?,
            };
            Ok(StoredInvoice {
                id,
                status: code_at(row, 0, status_from_code)?,
                series_id: row.get(1)?,
                customer_id: row.get(2)?,
                credited_invoice_id: row.get(3)?,
                invoice,
                vat_summary: Vec::new(),
                payable: decimal_at(row, 20)?,
                created_at: row.get(21)?,
                updated_at: row.get(22)?,
                issued_at: row.get(23)?,
            })
        })
        .optional()?;
    let mut stored = header.ok_or_else(|| StoreError::not_found("faktura", "invoice", id))?;
    stored.invoice.seller = read_seller(connection, id)?;
    stored.invoice.buyer = read_buyer(connection, id)?;
    stored.invoice.lines = read_lines(connection, id)?;
    stored.invoice.charges = read_charges(connection, id)?;
    stored.invoice.text_rows = read_text_rows(connection, id)?;
    stored.vat_summary = read_vat_summary(connection, id)?;
    Ok(stored)
}

fn address_at(row: &Row<'_>, first: usize) -> rusqlite::Result<Address> {
    Ok(Address {
        street: row.get(first)?,
        street2: row.get(first + 1)?,
        postal_code: row.get(first + 2)?,
        city: row.get(first + 3)?,
        country_code: row.get(first + 4)?,
    })
}

fn read_seller(connection: &Connection, id: InvoiceId) -> Result<Seller, StoreError> {
    let seller = connection
        .prepare_cached(
            "SELECT name, org_number, vat_number, f_tax_approved, street, street2, postal_code, city,
                    country_code, phone, email, website, contact_name, bankgiro, plusgiro, iban, bic,
                    late_payment_interest
             FROM invoice_seller WHERE invoice_id = ?1",
        )?
        .query_row([id], |row| {
            Ok(Seller {
                name: row.get(0)?,
                org_number: row.get(1)?,
                vat_number: row.get(2)?,
                f_tax_approved: bool_at(row, 3)?,
                address: address_at(row, 4)?,
                phone: row.get(9)?,
                email: row.get(10)?,
                website: row.get(11)?,
                contact_name: row.get(12)?,
                bankgiro: row.get(13)?,
                plusgiro: row.get(14)?,
                iban: row.get(15)?,
                bic: row.get(16)?,
                late_payment_interest: optional_decimal_at(row, 17)?,
            })
        })?;
    Ok(seller)
}

fn read_buyer(connection: &Connection, id: InvoiceId) -> Result<Buyer, StoreError> {
    let buyer = connection
        .prepare_cached(
            "SELECT customer_number, kind, name, legal_id, vat_number, street, street2, postal_code, city,
                    country_code, has_delivery_address, delivery_street, delivery_street2,
                    delivery_postal_code, delivery_city, delivery_country_code, email, phone,
                    contact_name, einvoice_address, language
             FROM invoice_buyer WHERE invoice_id = ?1",
        )?
        .query_row([id], |row| {
            Ok(Buyer {
                customer_number: row.get(0)?,
                kind: code_at(row, 1, buyer_kind_from_code)?,
                name: row.get(2)?,
                legal_id: row.get(3)?,
                vat_number: row.get(4)?,
                address: address_at(row, 5)?,
                delivery_address: if bool_at(row, 10)? { Some(address_at(row, 11)?) } else { None },
                email: row.get(16)?,
                phone: row.get(17)?,
                contact_name: row.get(18)?,
                einvoice_address: row.get(19)?,
                language: code_at(row, 20, Language::from_code)?,
            })
        })?;
    Ok(buyer)
}

fn line_vat_at(row: &Row<'_>, first: usize) -> rusqlite::Result<LineVat> {
    Ok(LineVat {
        treatment: code_at(row, first, VatTreatment::from_code)?,
        rate: decimal_at(row, first + 1)?,
    })
}

fn read_lines(connection: &Connection, id: InvoiceId) -> Result<Vec<InvoiceLine>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT article_number, description, quantity, unit, unit_price, discount_kind, discount_value,
                vat_treatment, vat_rate
         FROM invoice_lines WHERE invoice_id = ?1 ORDER BY position",
    )?;
    let lines = statement.query_map([id], |row| {
        let discount_kind: String = row.get(5)?;
        let discount_value = decimal_at(row, 6)?;
        Ok(InvoiceLine {
            article_number: row.get(0)?,
            description: row.get(1)?,
            quantity: decimal_at(row, 2)?,
            unit: Unit::new(row.get::<_, String>(3)?),
            unit_price: decimal_at(row, 4)?,
            discount: discount_from_columns(&discount_kind, discount_value).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    5,
                    rusqlite::types::Type::Text,
                    format!("unknown discount kind {discount_kind:?}").into(),
                )
            })?,
            vat: line_vat_at(row, 7)?,
        })
    })?;
    Ok(lines.collect::<Result<Vec<_>, _>>()?)
}

fn read_charges(connection: &Connection, id: InvoiceId) -> Result<Vec<Charge>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT kind, amount, vat_treatment, vat_rate FROM invoice_charges
         WHERE invoice_id = ?1 ORDER BY position",
    )?;
    let charges = statement.query_map([id], |row| {
        Ok(Charge {
            kind: code_at(row, 0, ChargeKind::from_code)?,
            amount: decimal_at(row, 1)?,
            vat: line_vat_at(row, 2)?,
        })
    })?;
    Ok(charges.collect::<Result<Vec<_>, _>>()?)
}

fn read_text_rows(connection: &Connection, id: InvoiceId) -> Result<Vec<TextRow>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT before_line, text FROM invoice_text_rows WHERE invoice_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([id], |row| {
        Ok(TextRow {
            before_line: usize::try_from(row.get::<_, i64>(0)?).unwrap_or(usize::MAX),
            text: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn read_vat_summary(
    connection: &Connection,
    id: InvoiceId,
) -> Result<Vec<VatSubtotal>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT vat_category, vat_rate, taxable_amount, vat_amount, vat_exemption_code, vat_exemption_sv,
                vat_exemption_en
         FROM invoice_vat_summary WHERE invoice_id = ?1 ORDER BY position",
    )?;
    let summary = statement.query_map([id], |row| {
        let exemption_code: Option<String> = row.get(4)?;
        let exemption_sv: Option<String> = row.get(5)?;
        let exemption_en: Option<String> = row.get(6)?;
        Ok(VatSubtotal {
            category: code_at(row, 0, vat_category_from_code)?,
            rate: decimal_at(row, 1)?,
            taxable_amount: decimal_at(row, 2)?,
            vat_amount: decimal_at(row, 3)?,
            exemption: exemption_sv.zip(exemption_en).map(|(sv, en)| Exemption {
                code: exemption_code.as_deref().and_then(known_exemption_code),
                text: Text::new(sv, en),
            }),
        })
    })?;
    Ok(summary.collect::<Result<Vec<_>, _>>()?)
}
