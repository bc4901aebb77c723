//! Writing an invoice's content (header, parties, lines, charges, totals, VAT summary) into the
//! rows of one draft. Shared by saving a draft and by issuing, which both run it in a transaction.

use chrono::{DateTime, Utc};
use fakturera_core::invoice::{Invoice, Totals};
use fakturera_core::vat::LineVat;
use rusqlite::{Connection, params};

use super::codes::{discount_columns, price_entry_code, rounding_code};
use crate::customers::buyer_kind_code;
use crate::error::StoreError;
use crate::record_ids::{CustomerId, InvoiceId};
use crate::sql_values::{StoredDecimal, minor_units};

/// Replaces everything the draft `id` says with `invoice` and its `totals`.
pub(crate) fn write_content(
    connection: &Connection,
    id: InvoiceId,
    customer_id: CustomerId,
    invoice: &Invoice,
    totals: &Totals,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    connection
        .prepare_cached(
            "UPDATE invoices SET customer_id = ?1, buyer_name = ?2, issue_date = ?3, due_date = ?4,
                delivery_date = ?5, our_reference = ?6, your_reference = ?7, buyer_reference = ?8,
                order_reference = ?9, currency = ?10, exchange_rate = ?11, language = ?12,
                price_entry = ?13, rounding_rule = ?14, payment_terms = ?15, ocr = ?16, notes = ?17,
                line_net_total = ?18, charge_total = ?19, tax_exclusive = ?20, vat_total = ?21,
                tax_inclusive = ?22, rounding_amount = ?23, payable = ?24, vat_total_sek = ?25,
                payable_sek = ?26, payable_minor = ?27, updated_at = ?28, discount_kind = ?30,
                discount_value = ?31, allowance_total = ?32
             WHERE id = ?29",
        )?
        .execute(params![
            customer_id,
            invoice.buyer.name,
            invoice.issue_date,
            invoice.due_date,
            invoice.delivery_date,
            invoice.our_reference,
            invoice.your_reference,
            invoice.buyer_reference,
            invoice.order_reference,
            invoice.currency.code(),
            StoredDecimal(invoice.exchange_rate),
            invoice.language.code(),
            price_entry_code(invoice.price_entry),
            rounding_code(invoice.rounding),
            invoice.payment_terms.code(),
            invoice.ocr,
            invoice.notes,
            StoredDecimal(totals.line_net_total),
            StoredDecimal(totals.charge_total),
            StoredDecimal(totals.tax_exclusive),
            StoredDecimal(totals.vat_total),
            StoredDecimal(totals.tax_inclusive),
            StoredDecimal(totals.rounding),
            StoredDecimal(totals.payable),
            StoredDecimal(totals.vat_total_sek),
            StoredDecimal(totals.payable_sek),
            minor_units(totals.payable),
            now,
            id,
            discount_columns(invoice.discount).0,
            StoredDecimal(discount_columns(invoice.discount).1),
            StoredDecimal(totals.allowance_total),
        ])?;
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
    write_seller(connection, id, invoice)?;
    write_buyer(connection, id, invoice)?;
    write_lines(connection, id, invoice, totals)?;
    write_text_rows(connection, id, invoice)?;
    write_vat_summary(connection, id, totals)?;
    Ok(())
}

fn write_text_rows(
    connection: &Connection,
    id: InvoiceId,
    invoice: &Invoice,
) -> Result<(), StoreError> {
    let mut insert = connection.prepare_cached(
        "INSERT INTO invoice_text_rows (invoice_id, position, before_line, text)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, row) in (0_i64..).zip(&invoice.text_rows) {
        let before_line = i64::try_from(row.before_line).unwrap_or(i64::MAX);
        insert.execute(params![id, position, before_line, row.text])?;
    }
    Ok(())
}

fn write_seller(
    connection: &Connection,
    id: InvoiceId,
    invoice: &Invoice,
) -> Result<(), StoreError> {
    let seller = &invoice.seller;
    let address = &seller.address;
    connection
        .prepare_cached(
            "INSERT INTO invoice_seller (invoice_id, name, org_number, vat_number, f_tax_approved,
                street, street2, postal_code, city, country_code, phone, email, website, contact_name,
                bankgiro, plusgiro, iban, bic, late_payment_interest)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?
        .execute(params![
            id,
            seller.name,
            seller.org_number,
            seller.vat_number,
            seller.f_tax_approved,
            address.street,
            address.street2,
            address.postal_code,
            address.city,
            address.country_code,
            seller.phone,
            seller.email,
            seller.website,
            seller.contact_name,
            seller.bankgiro,
            seller.plusgiro,
            seller.iban,
            seller.bic,
            seller.late_payment_interest.map(StoredDecimal),
        ])?;
    Ok(())
}

fn write_buyer(
    connection: &Connection,
    id: InvoiceId,
    invoice: &Invoice,
) -> Result<(), StoreError> {
    let buyer = &invoice.buyer;
    let address = &buyer.address;
    let delivery = buyer.delivery_address.clone().unwrap_or_default();
    connection
        .prepare_cached(
            "INSERT INTO invoice_buyer (invoice_id, customer_number, kind, name, legal_id, vat_number,
                street, street2, postal_code, city, country_code, has_delivery_address,
                delivery_street, delivery_street2, delivery_postal_code, delivery_city,
                delivery_country_code, email, phone, contact_name, einvoice_address, language)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                ?19, ?20, ?21, ?22)",
        )?
        .execute(params![
            id,
            buyer.customer_number,
            buyer_kind_code(buyer.kind),
            buyer.name,
            buyer.legal_id,
            buyer.vat_number,
            address.street,
            address.street2,
            address.postal_code,
            address.city,
            address.country_code,
            buyer.delivery_address.is_some(),
            delivery.street,
            delivery.street2,
            delivery.postal_code,
            delivery.city,
            delivery.country_code,
            buyer.email,
            buyer.phone,
            buyer.contact_name,
            buyer.einvoice_address,
            buyer.language.code(),
        ])?;
    Ok(())
}

/// The VAT snapshot columns of a line or charge: treatment, rate, category and exemption text.
fn vat_columns(
    vat: LineVat,
) -> (
    &'static str,
    StoredDecimal,
    &'static str,
    Option<&'static str>,
    Option<String>,
    Option<String>,
) {
    let exemption = vat.treatment.exemption();
    (
        vat.treatment.code(),
        StoredDecimal(vat.rate),
        vat.category().code(),
        exemption.as_ref().and_then(|exemption| exemption.code),
        exemption
            .as_ref()
            .map(|exemption| exemption.text.sv.clone()),
        exemption.map(|exemption| exemption.text.en),
    )
}

fn write_lines(
    connection: &Connection,
    id: InvoiceId,
    invoice: &Invoice,
    totals: &Totals,
) -> Result<(), StoreError> {
    let mut insert_line = connection.prepare_cached(
        "INSERT INTO invoice_lines (invoice_id, position, article_number, description, quantity, unit,
            unit_price, discount_kind, discount_value, vat_treatment, vat_rate, vat_category,
            vat_exemption_code, vat_exemption_sv, vat_exemption_en, net_amount)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for (position, (line, amounts)) in (0_i64..).zip(invoice.lines.iter().zip(&totals.lines)) {
        let (discount_kind, discount_value) = discount_columns(line.discount);
        let (treatment, rate, category, exemption_code, exemption_sv, exemption_en) =
            vat_columns(line.vat);
        insert_line.execute(params![
            id,
            position,
            line.article_number,
            line.description,
            StoredDecimal(line.quantity),
            line.unit.as_str(),
            StoredDecimal(line.unit_price),
            discount_kind,
            StoredDecimal(discount_value),
            treatment,
            rate,
            category,
            exemption_code,
            exemption_sv,
            exemption_en,
            StoredDecimal(amounts.net),
        ])?;
    }
    let mut insert_charge = connection.prepare_cached(
        "INSERT INTO invoice_charges (invoice_id, position, kind, amount, vat_treatment, vat_rate,
            vat_category, vat_exemption_code, vat_exemption_sv, vat_exemption_en, net_amount)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (position, (charge, net)) in (0_i64..).zip(invoice.charges.iter().zip(&totals.charges)) {
        let (treatment, rate, category, exemption_code, exemption_sv, exemption_en) =
            vat_columns(charge.vat);
        insert_charge.execute(params![
            id,
            position,
            charge.kind.code(),
            StoredDecimal(charge.amount),
            treatment,
            rate,
            category,
            exemption_code,
            exemption_sv,
            exemption_en,
            StoredDecimal(*net),
        ])?;
    }
    Ok(())
}

fn write_vat_summary(
    connection: &Connection,
    id: InvoiceId,
    totals: &Totals,
) -> Result<(), StoreError> {
    let mut insert = connection.prepare_cached(
        "INSERT INTO invoice_vat_summary (invoice_id, position, vat_category, vat_rate, taxable_amount,
            vat_amount, vat_exemption_code, vat_exemption_sv, vat_exemption_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, subtotal) in (0_i64..).zip(&totals.vat_breakdown) {
        let exemption = subtotal.exemption.as_ref();
        insert.execute(params![
            id,
            position,
            subtotal.category.code(),
            StoredDecimal(subtotal.rate),
            StoredDecimal(subtotal.taxable_amount),
            StoredDecimal(subtotal.vat_amount),
            exemption.and_then(|exemption| exemption.code),
            exemption.map(|exemption| exemption.text.sv.as_str()),
            exemption.map(|exemption| exemption.text.en.as_str()),
        ])?;
    }
    Ok(())
}
