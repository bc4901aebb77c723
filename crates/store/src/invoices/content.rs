//! Writing an invoice's content (header, parties, lines, charges, totals, VAT summary) into the
//! rows of one draft. Shared by saving a draft and by issuing, which both run it in a transaction.
//!
//! Each table's columns are the column lists below; a row is written from the lists of the parts
//! it is made of (a line's own columns, its VAT columns, where it sits in the invoice).

use chrono::{DateTime, Utc};
use fakturera_core::invoice::{Charge, Invoice, InvoiceLine, TextRow, Totals, VatSubtotal};
use fakturera_core::party::{Buyer, Seller};
use fakturera_core::vat::LineVat;
use rusqlite::{Connection, ToSql};
use rust_decimal::Decimal;

use super::codes::{discount_columns, price_entry_code, rounding_code};
use crate::column_list::{ColumnList, RowValues, owned};
use crate::customers::buyer_kind_code;
use crate::error::StoreError;
use crate::record_ids::{CustomerId, InvoiceId};
use crate::sql_values::{StoredDecimal, minor_units};

/// The document's own columns of the invoices row.
pub(crate) const INVOICE_CONTENT_COLUMNS: ColumnList<Invoice> = ColumnList(&[
    ("buyer_name", |i| i.buyer.name.to_sql()),
    ("issue_date", |i| i.issue_date.to_sql()),
    ("due_date", |i| i.due_date.to_sql()),
    ("delivery_date", |i| i.delivery_date.to_sql()),
    ("our_reference", |i| i.our_reference.to_sql()),
    ("your_reference", |i| i.your_reference.to_sql()),
    ("buyer_reference", |i| i.buyer_reference.to_sql()),
    ("order_reference", |i| i.order_reference.to_sql()),
    ("currency", |i| i.currency.code().to_sql()),
    ("exchange_rate", |i| owned(StoredDecimal(i.exchange_rate))),
    ("language", |i| i.language.code().to_sql()),
    ("price_entry", |i| price_entry_code(i.price_entry).to_sql()),
    ("rounding_rule", |i| rounding_code(i.rounding).to_sql()),
    ("payment_terms", |i| owned(i.payment_terms.code())),
    ("ocr", |i| i.ocr.to_sql()),
    ("notes", |i| i.notes.to_sql()),
    ("discount_kind", |i| discount_columns(i.discount).0.to_sql()),
    ("discount_value", |i| {
        owned(StoredDecimal(discount_columns(i.discount).1))
    }),
]);

/// The totals the core computed, stored beside the document.
pub(crate) const TOTALS_COLUMNS: ColumnList<Totals> = ColumnList(&[
    ("line_net_total", |t| owned(StoredDecimal(t.line_net_total))),
    ("allowance_total", |t| {
        owned(StoredDecimal(t.allowance_total))
    }),
    ("charge_total", |t| owned(StoredDecimal(t.charge_total))),
    ("tax_exclusive", |t| owned(StoredDecimal(t.tax_exclusive))),
    ("vat_total", |t| owned(StoredDecimal(t.vat_total))),
    ("tax_inclusive", |t| owned(StoredDecimal(t.tax_inclusive))),
    ("rounding_amount", |t| owned(StoredDecimal(t.rounding))),
    ("payable", |t| owned(StoredDecimal(t.payable))),
    ("vat_total_sek", |t| owned(StoredDecimal(t.vat_total_sek))),
    ("payable_sek", |t| owned(StoredDecimal(t.payable_sek))),
    // The payable in minor units, for finding a payment by its amount.
    ("payable_minor", |t| owned(minor_units(t.payable))),
]);

/// Who the content is for and when it was saved.
pub(crate) struct ContentStamp {
    pub customer_id: CustomerId,
    pub updated_at: DateTime<Utc>,
}

pub(crate) const STAMP_COLUMNS: ColumnList<ContentStamp> = ColumnList(&[
    ("customer_id", |s| s.customer_id.to_sql()),
    ("updated_at", |s| s.updated_at.to_sql()),
]);

/// The invoice a party row belongs to.
pub(crate) const OF_INVOICE_COLUMNS: ColumnList<InvoiceId> =
    ColumnList(&[("invoice_id", |id| id.to_sql())]);

/// Where a line, charge, text row or VAT subtotal sits: its invoice and its place in it.
pub(crate) struct Place {
    pub invoice_id: InvoiceId,
    pub position: i64,
}

pub(crate) const PLACE_COLUMNS: ColumnList<Place> = ColumnList(&[
    ("invoice_id", |p| p.invoice_id.to_sql()),
    ("position", |p| p.position.to_sql()),
]);

pub(crate) const SELLER_COLUMNS: ColumnList<Seller> = ColumnList(&[
    ("name", |s| s.name.to_sql()),
    ("org_number", |s| s.org_number.to_sql()),
    ("vat_number", |s| s.vat_number.to_sql()),
    ("f_tax_approved", |s| s.f_tax_approved.to_sql()),
    ("street", |s| s.address.street.to_sql()),
    ("street2", |s| s.address.street2.to_sql()),
    ("postal_code", |s| s.address.postal_code.to_sql()),
    ("city", |s| s.address.city.to_sql()),
    ("country_code", |s| s.address.country_code.to_sql()),
    ("phone", |s| s.phone.to_sql()),
    ("email", |s| s.email.to_sql()),
    ("website", |s| s.website.to_sql()),
    ("contact_name", |s| s.contact_name.to_sql()),
    ("bankgiro", |s| s.bankgiro.to_sql()),
    ("plusgiro", |s| s.plusgiro.to_sql()),
    ("iban", |s| s.iban.to_sql()),
    ("bic", |s| s.bic.to_sql()),
    ("late_payment_interest", |s| {
        owned(s.late_payment_interest.map(StoredDecimal))
    }),
]);

pub(crate) const BUYER_COLUMNS: ColumnList<Buyer> = ColumnList(&[
    ("customer_number", |b| b.customer_number.to_sql()),
    ("kind", |b| buyer_kind_code(b.kind).to_sql()),
    ("name", |b| b.name.to_sql()),
    ("legal_id", |b| b.legal_id.to_sql()),
    ("vat_number", |b| b.vat_number.to_sql()),
    ("street", |b| b.address.street.to_sql()),
    ("street2", |b| b.address.street2.to_sql()),
    ("postal_code", |b| b.address.postal_code.to_sql()),
    ("city", |b| b.address.city.to_sql()),
    ("country_code", |b| b.address.country_code.to_sql()),
    ("has_delivery_address", |b| {
        owned(b.delivery_address.is_some())
    }),
    ("delivery_street", |b| delivery(b, |a| &a.street).to_sql()),
    ("delivery_street2", |b| delivery(b, |a| &a.street2).to_sql()),
    ("delivery_postal_code", |b| {
        delivery(b, |a| &a.postal_code).to_sql()
    }),
    ("delivery_city", |b| delivery(b, |a| &a.city).to_sql()),
    ("delivery_country_code", |b| {
        delivery(b, |a| &a.country_code).to_sql()
    }),
    ("email", |b| b.email.to_sql()),
    ("phone", |b| b.phone.to_sql()),
    ("contact_name", |b| b.contact_name.to_sql()),
    ("einvoice_address", |b| b.einvoice_address.to_sql()),
    ("language", |b| b.language.code().to_sql()),
]);

/// One part of the buyer's delivery address, `""` when there is none.
fn delivery(buyer: &Buyer, part: fn(&fakturera_core::party::Address) -> &String) -> &str {
    buyer
        .delivery_address
        .as_ref()
        .map_or("", |address| part(address))
}

pub(crate) const LINE_COLUMNS: ColumnList<InvoiceLine> = ColumnList(&[
    ("article_number", |l| l.article_number.to_sql()),
    ("description", |l| l.description.to_sql()),
    ("quantity", |l| owned(StoredDecimal(l.quantity))),
    ("unit", |l| l.unit.as_str().to_sql()),
    ("unit_price", |l| owned(StoredDecimal(l.unit_price))),
    ("discount_kind", |l| discount_columns(l.discount).0.to_sql()),
    ("discount_value", |l| {
        owned(StoredDecimal(discount_columns(l.discount).1))
    }),
]);

pub(crate) const CHARGE_COLUMNS: ColumnList<Charge> = ColumnList(&[
    ("kind", |c| c.kind.code().to_sql()),
    ("amount", |c| owned(StoredDecimal(c.amount))),
]);

/// The VAT snapshot of a line or charge: treatment, rate, category and exemption text.
pub(crate) const LINE_VAT_COLUMNS: ColumnList<LineVat> = ColumnList(&[
    ("vat_treatment", |v| v.treatment.code().to_sql()),
    ("vat_rate", |v| owned(StoredDecimal(v.rate))),
    ("vat_category", |v| v.category().code().to_sql()),
    ("vat_exemption_code", |v| {
        owned(
            v.treatment
                .exemption()
                .and_then(|exemption| exemption.code)
                .map(str::to_owned),
        )
    }),
    ("vat_exemption_sv", |v| {
        owned(v.treatment.exemption().map(|exemption| exemption.text.sv))
    }),
    ("vat_exemption_en", |v| {
        owned(v.treatment.exemption().map(|exemption| exemption.text.en))
    }),
]);

/// The net amount of a line or charge as the core computed it.
pub(crate) const NET_AMOUNT_COLUMNS: ColumnList<Decimal> =
    ColumnList(&[("net_amount", |net| owned(StoredDecimal(*net)))]);

pub(crate) const TEXT_ROW_COLUMNS: ColumnList<TextRow> = ColumnList(&[
    ("before_line", |r| {
        owned(i64::try_from(r.before_line).unwrap_or(i64::MAX))
    }),
    ("text", |r| r.text.to_sql()),
]);

pub(crate) const VAT_SUMMARY_COLUMNS: ColumnList<VatSubtotal> = ColumnList(&[
    ("vat_category", |s| s.category.code().to_sql()),
    ("vat_rate", |s| owned(StoredDecimal(s.rate))),
    ("taxable_amount", |s| owned(StoredDecimal(s.taxable_amount))),
    ("vat_amount", |s| owned(StoredDecimal(s.vat_amount))),
    ("vat_exemption_code", |s| {
        owned(
            s.exemption
                .as_ref()
                .and_then(|exemption| exemption.code)
                .map(str::to_owned),
        )
    }),
    ("vat_exemption_sv", |s| {
        owned(
            s.exemption
                .as_ref()
                .map(|exemption| exemption.text.sv.clone()),
        )
    }),
    ("vat_exemption_en", |s| {
        owned(
            s.exemption
                .as_ref()
                .map(|exemption| exemption.text.en.clone()),
        )
    }),
]);

/// Replaces everything the draft `id` says with `invoice` and its `totals`.
pub(crate) fn write_content(
    connection: &Connection,
    id: InvoiceId,
    customer_id: CustomerId,
    invoice: &Invoice,
    totals: &Totals,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let stamp = ContentStamp {
        customer_id,
        updated_at: now,
    };
    RowValues::of(&INVOICE_CONTENT_COLUMNS, invoice)?
        .and(&TOTALS_COLUMNS, totals)?
        .and(&STAMP_COLUMNS, &stamp)?
        .update(connection, "invoices", "id", &id)?;
    for table in [
        "invoice_seller",
        "invoice_buyer",
        "invoice_lines",
        "invoice_charges",
        "invoice_vat_summary",
        "invoice_text_rows",
    ] {
        connection
            .prepare_cached(&format!("DELETE FROM {table} WHERE invoice_id = ?1"))?
            .execute([id])?;
    }
    RowValues::of(&OF_INVOICE_COLUMNS, &id)?
        .and(&SELLER_COLUMNS, &invoice.seller)?
        .insert(connection, "invoice_seller")?;
    RowValues::of(&OF_INVOICE_COLUMNS, &id)?
        .and(&BUYER_COLUMNS, &invoice.buyer)?
        .insert(connection, "invoice_buyer")?;
    for (place, (line, amounts)) in places(id).zip(invoice.lines.iter().zip(&totals.lines)) {
        RowValues::of(&PLACE_COLUMNS, &place)?
            .and(&LINE_COLUMNS, line)?
            .and(&LINE_VAT_COLUMNS, &line.vat)?
            .and(&NET_AMOUNT_COLUMNS, &amounts.net)?
            .insert(connection, "invoice_lines")?;
    }
    for (place, (charge, net)) in places(id).zip(invoice.charges.iter().zip(&totals.charges)) {
        RowValues::of(&PLACE_COLUMNS, &place)?
            .and(&CHARGE_COLUMNS, charge)?
            .and(&LINE_VAT_COLUMNS, &charge.vat)?
            .and(&NET_AMOUNT_COLUMNS, net)?
            .insert(connection, "invoice_charges")?;
    }
    for (place, row) in places(id).zip(&invoice.text_rows) {
        RowValues::of(&PLACE_COLUMNS, &place)?
            .and(&TEXT_ROW_COLUMNS, row)?
            .insert(connection, "invoice_text_rows")?;
    }
    for (place, subtotal) in places(id).zip(&totals.vat_breakdown) {
        RowValues::of(&PLACE_COLUMNS, &place)?
            .and(&VAT_SUMMARY_COLUMNS, subtotal)?
            .insert(connection, "invoice_vat_summary")?;
    }
    Ok(())
}

/// Positions 0, 1, 2, ... in invoice `id`.
fn places(invoice_id: InvoiceId) -> impl Iterator<Item = Place> {
    (0_i64..).map(move |position| Place {
        invoice_id,
        position,
    })
}
