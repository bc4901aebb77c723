//! From a domain invoice back to the editor's form, so a saved draft opens as it was typed.

use fakturera_core::invoice::{
    ChargeKind, Discount, Invoice, PriceEntry, Rounding, RowRef, rows_in_order,
};
use rust_decimal::Decimal;

use super::form::{DiscountKindCode, InvoiceForm, InvoiceLineForm, RowKindCode};

fn text(amount: Decimal) -> String {
    amount.normalize().to_string()
}

/// The form that `invoice_from_form` turns back into `invoice` (amount discounts become empty, as the
/// editor offers percent only).
pub fn form_from_invoice(invoice: &Invoice) -> InvoiceForm {
    let charge = |kind: ChargeKind| {
        invoice
            .charges
            .iter()
            .find(|charge| charge.kind == kind)
            .map(|charge| text(charge.amount))
            .unwrap_or_default()
    };
    InvoiceForm {
        issue_date: invoice.issue_date.to_string(),
        due_date: invoice.due_date.to_string(),
        delivery_date: invoice
            .delivery_date
            .map(|date| date.to_string())
            .unwrap_or_default(),
        payment_terms: invoice.payment_terms.code(),
        our_reference: invoice.our_reference.clone(),
        your_reference: invoice.your_reference.clone(),
        buyer_reference: invoice.buyer_reference.clone(),
        order_reference: invoice.order_reference.clone(),
        currency: invoice.currency.code().to_owned(),
        exchange_rate: text(invoice.exchange_rate),
        prices_include_vat: invoice.price_entry == PriceEntry::IncludingVat,
        round_to_whole_kronor: invoice.rounding == Rounding::WholeKronor,
        notes: invoice.notes.clone(),
        lines: rows_in_order(invoice.lines.len(), &invoice.text_rows)
            .into_iter()
            .filter_map(|row| match row {
                RowRef::Line(index) => invoice.lines.get(index).map(line_form),
                RowRef::Text(index) => invoice.text_rows.get(index).map(|row| InvoiceLineForm {
                    kind: RowKindCode::Text,
                    description: row.text.clone(),
                    ..InvoiceLineForm::default()
                }),
            })
            .collect(),
        invoice_fee: charge(ChargeKind::InvoiceFee),
        freight: charge(ChargeKind::Freight),
        discount: match invoice.discount {
            Discount::None => String::new(),
            Discount::Percent(value) | Discount::Amount(value) => text(value),
        },
        discount_kind: match invoice.discount {
            Discount::Amount(_) => DiscountKindCode::Amount,
            Discount::None | Discount::Percent(_) => DiscountKindCode::Percent,
        },
    }
}

fn line_form(line: &fakturera_core::invoice::InvoiceLine) -> InvoiceLineForm {
    InvoiceLineForm {
        kind: RowKindCode::Item,
        article_number: line.article_number.clone(),
        description: line.description.clone(),
        quantity: text(line.quantity),
        unit: line.unit.as_str().to_owned(),
        unit_price: text(line.unit_price),
        discount_percent: match line.discount {
            Discount::Percent(percent) => text(percent),
            Discount::None | Discount::Amount(_) => String::new(),
        },
        vat_treatment: line.vat.treatment.into(),
        vat_rate: text(line.vat.rate),
    }
}
