//! Reading an invoice back into the core's `Invoice`, exactly as it was saved or issued.

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::Text;
use fakturera_core::invoice::{
    Charge, ChargeKind, CreditReference, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, TextRow,
    VatSubtotal,
};
use fakturera_core::money::Currency;
use fakturera_core::party::{Buyer, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::unit::Unit;
use fakturera_core::vat::{Exemption, LineVat, VatTreatment};
use rusqlite::{Connection, OptionalExtension, Row};

use super::StoredInvoice;
use super::codes::{
    discount_from_columns, known_exemption_code, price_entry_from_code, rounding_from_code,
    vat_category_from_code,
};
use super::content::{BUYER_COLUMNS, SELLER_COLUMNS};
use crate::customers::buyer_kind_from_code;
use crate::error::StoreError;
use crate::named_columns::{NamedColumns, address_named};
use crate::open::Store;
use crate::record_ids::InvoiceId;

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
    let sql = format!(
        "SELECT {}, o.number_text AS credited_number, o.issue_date AS credited_issue_date
         FROM invoices i LEFT JOIN invoices o ON o.id = i.credited_invoice_id
         WHERE i.id = ?1",
        header_select_list()
    );
    let header = connection
        .prepare_cached(&sql)?
        .query_row([id], |row| header_from_row(row, id))
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

/// The columns of the invoices row an invoice is read from.
pub(crate) const INVOICE_HEADER_READS: &[&str] = &[
    "status",
    "series_id",
    "customer_id",
    "credited_invoice_id",
    "number_text",
    "issue_date",
    "due_date",
    "delivery_date",
    "our_reference",
    "your_reference",
    "buyer_reference",
    "order_reference",
    "currency",
    "exchange_rate",
    "language",
    "price_entry",
    "rounding_rule",
    "payment_terms",
    "ocr",
    "notes",
    "payable",
    "created_at",
    "updated_at",
    "issued_at",
    "discount_kind",
    "discount_value",
];

fn header_select_list() -> String {
    INVOICE_HEADER_READS
        .iter()
        .map(|name| format!("i.{name}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The invoice row as a stored invoice without its parties, lines and summary.
fn header_from_row(row: &Row<'_>, id: InvoiceId) -> rusqlite::Result<StoredInvoice> {
    let credited_number: Option<String> = row.get("credited_number")?;
    let credited_date: Option<NaiveDate> = row.get("credited_issue_date")?;
    let kind = match (credited_number, credited_date) {
        (Some(number), Some(issue_date)) => {
            InvoiceKind::Credit(CreditReference { number, issue_date })
        }
        _ => InvoiceKind::Invoice,
    };
    let discount_value = row.decimal("discount_value")?;
    let invoice = Invoice {
        kind,
        number: row.get("number_text")?,
        issue_date: row.get("issue_date")?,
        due_date: row.get("due_date")?,
        delivery_date: row.get("delivery_date")?,
        seller: Seller::default(),
        buyer: Buyer::default(),
        our_reference: row.get("our_reference")?,
        your_reference: row.get("your_reference")?,
        buyer_reference: row.get("buyer_reference")?,
        order_reference: row.get("order_reference")?,
        currency: row.code("currency", |code| Currency::parse(code).ok())?,
        exchange_rate: row.decimal("exchange_rate")?,
        language: row.code("language", Language::from_code)?,
        price_entry: row.code("price_entry", price_entry_from_code)?,
        lines: Vec::new(),
        text_rows: Vec::new(),
        charges: Vec::new(),
        discount: row.code("discount_kind", |kind| {
            discount_from_columns(kind, discount_value)
        })?,
        rounding: row.code("rounding_rule", rounding_from_code)?,
        payment_terms: row.code("payment_terms", |code| PaymentTerms::parse(code).ok())?,
        ocr: row.get("ocr")?,
        notes: row.get("notes")?,
    };
    Ok(StoredInvoice {
        id,
        status: row.code("status", status_from_code)?,
        series_id: row.get("series_id")?,
        customer_id: row.get("customer_id")?,
        credited_invoice_id: row.get("credited_invoice_id")?,
        invoice,
        vat_summary: Vec::new(),
        payable: row.decimal("payable")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        issued_at: row.get("issued_at")?,
    })
}

fn read_seller(connection: &Connection, id: InvoiceId) -> Result<Seller, StoreError> {
    let sql = format!(
        "SELECT {} FROM invoice_seller WHERE invoice_id = ?1",
        SELLER_COLUMNS.select_list(None)
    );
    let seller = connection.prepare_cached(&sql)?.query_row([id], |row| {
        Ok(Seller {
            name: row.get("name")?,
            org_number: row.get("org_number")?,
            vat_number: row.get("vat_number")?,
            f_tax_approved: row.get("f_tax_approved")?,
            address: address_named(row, "")?,
            phone: row.get("phone")?,
            email: row.get("email")?,
            website: row.get("website")?,
            contact_name: row.get("contact_name")?,
            bankgiro: row.get("bankgiro")?,
            plusgiro: row.get("plusgiro")?,
            iban: row.get("iban")?,
            bic: row.get("bic")?,
            late_payment_interest: row.optional_decimal("late_payment_interest")?,
        })
    })?;
    Ok(seller)
}

fn read_buyer(connection: &Connection, id: InvoiceId) -> Result<Buyer, StoreError> {
    let sql = format!(
        "SELECT {} FROM invoice_buyer WHERE invoice_id = ?1",
        BUYER_COLUMNS.select_list(None)
    );
    let buyer = connection.prepare_cached(&sql)?.query_row([id], |row| {
        Ok(Buyer {
            customer_number: row.get("customer_number")?,
            kind: row.code("kind", buyer_kind_from_code)?,
            name: row.get("name")?,
            legal_id: row.get("legal_id")?,
            vat_number: row.get("vat_number")?,
            address: address_named(row, "")?,
            delivery_address: if row.get("has_delivery_address")? {
                Some(address_named(row, "delivery_")?)
            } else {
                None
            },
            email: row.get("email")?,
            phone: row.get("phone")?,
            contact_name: row.get("contact_name")?,
            einvoice_address: row.get("einvoice_address")?,
            language: row.code("language", Language::from_code)?,
        })
    })?;
    Ok(buyer)
}

fn line_vat_named(row: &Row<'_>) -> rusqlite::Result<LineVat> {
    Ok(LineVat {
        treatment: row.code("vat_treatment", VatTreatment::from_code)?,
        rate: row.decimal("vat_rate")?,
    })
}

fn read_lines(connection: &Connection, id: InvoiceId) -> Result<Vec<InvoiceLine>, StoreError> {
    let mut statement = connection.prepare_cached(
        "SELECT article_number, description, quantity, unit, unit_price, discount_kind, discount_value,
                vat_treatment, vat_rate
         FROM invoice_lines WHERE invoice_id = ?1 ORDER BY position",
    )?;
    let lines = statement.query_map([id], |row| {
        let discount_value = row.decimal("discount_value")?;
        Ok(InvoiceLine {
            article_number: row.get("article_number")?,
            description: row.get("description")?,
            quantity: row.decimal("quantity")?,
            unit: Unit::new(row.get::<_, String>("unit")?),
            unit_price: row.decimal("unit_price")?,
            discount: row.code("discount_kind", |kind| {
                discount_from_columns(kind, discount_value)
            })?,
            vat: line_vat_named(row)?,
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
            kind: row.code("kind", ChargeKind::from_code)?,
            amount: row.decimal("amount")?,
            vat: line_vat_named(row)?,
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
            before_line: usize::try_from(row.get::<_, i64>("before_line")?).unwrap_or(usize::MAX),
            text: row.get("text")?,
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
        let exemption_code: Option<String> = row.get("vat_exemption_code")?;
        let exemption_sv: Option<String> = row.get("vat_exemption_sv")?;
        let exemption_en: Option<String> = row.get("vat_exemption_en")?;
        Ok(VatSubtotal {
            category: row.code("vat_category", vat_category_from_code)?,
            rate: row.decimal("vat_rate")?,
            taxable_amount: row.decimal("taxable_amount")?,
            vat_amount: row.decimal("vat_amount")?,
            exemption: exemption_sv.zip(exemption_en).map(|(sv, en)| Exemption {
                code: exemption_code.as_deref().and_then(known_exemption_code),
                text: Text::new(sv, en),
            }),
        })
    })?;
    Ok(summary.collect::<Result<Vec<_>, _>>()?)
}
