//! Invoice lines: quantity in UN/ECE Recommendation 20 units, the net price, the line discount as an
//! allowance, and the line's VAT category and rate.

use fakturera_core::invoice::{Discount, InvoiceLine, LineAmounts, PriceEntry};
use fakturera_core::text::Text;
use rust_decimal::Decimal;

use crate::document::Document;
use crate::tax;
use crate::xml::{UblXml, format_amount, format_number};

/// UNCL5189 "Discount".
const DISCOUNT_REASON_CODE: &str = "95";

pub(crate) fn lines(xml: &mut UblXml, document: &Document<'_>) {
    let (element, quantity_element) = if document.is_credit() {
        ("cac:CreditNoteLine", "cbc:CreditedQuantity")
    } else {
        ("cac:InvoiceLine", "cbc:InvoicedQuantity")
    };
    let amounts = document.invoice.lines.iter().zip(&document.totals.lines);
    for (index, (line, amounts)) in amounts.enumerate() {
        xml.group(element, |xml| {
            write_line(xml, document, (index, line, amounts), quantity_element);
        });
    }
}

fn write_line(
    xml: &mut UblXml,
    document: &Document<'_>,
    (index, line, amounts): (usize, &InvoiceLine, &LineAmounts),
    quantity_element: &str,
) {
    // A price may not be negative (BR-27); a deduction is written as a negative quantity instead.
    let (quantity, price) = if amounts.net_unit_price.is_sign_negative() {
        (-line.quantity, -amounts.net_unit_price)
    } else {
        (line.quantity, amounts.net_unit_price)
    };
    xml.text("cbc:ID", &(index + 1).to_string());
    xml.text(
        "cbc:Note",
        &crate::text_rows::line_note(document.invoice, index),
    );
    xml.text_with(
        quantity_element,
        &[("unitCode", line.unit.un_ece_code())],
        &format_number(quantity),
    );
    xml.amount("cbc:LineExtensionAmount", document.currency, amounts.net);
    if !amounts.discount.is_zero() {
        discount(xml, document, line, amounts);
    }
    xml.group("cac:Item", |xml| {
        xml.text("cbc:Name", &line.description);
        if !line.article_number.trim().is_empty() {
            xml.group("cac:SellersItemIdentification", |xml| {
                xml.text("cbc:ID", &line.article_number)
            });
        }
        tax::category(
            xml,
            "cac:ClassifiedTaxCategory",
            line.vat.category(),
            line.vat.effective_rate(),
            None,
        );
    });
    // The net price keeps every decimal it has: rounding it would break quantity × price = net (R120).
    xml.group("cac:Price", |xml| {
        xml.text_with(
            "cbc:PriceAmount",
            &[("currencyID", document.currency)],
            &format_number(price),
        );
    });
}

/// The line discount as an allowance; a percentage discount also states its percentage and base when
/// prices were entered without VAT, so the receiver can see how it was computed (PEPPOL-EN16931-R040).
fn discount(xml: &mut UblXml, document: &Document<'_>, line: &InvoiceLine, amounts: &LineAmounts) {
    let reason = Text::new("Rabatt", "Discount");
    xml.group("cac:AllowanceCharge", |xml| {
        xml.text("cbc:ChargeIndicator", "false");
        xml.text("cbc:AllowanceChargeReasonCode", DISCOUNT_REASON_CODE);
        xml.text("cbc:AllowanceChargeReason", document.say(&reason));
        let percent = match line.discount {
            Discount::Percent(percent)
                if document.invoice.price_entry == PriceEntry::ExcludingVat =>
            {
                Some(percent)
            }
            _ => None,
        };
        if let Some(percent) = percent {
            xml.text("cbc:MultiplierFactorNumeric", &format_number(percent));
        }
        xml.amount("cbc:Amount", document.currency, amounts.discount);
        if percent.is_some() {
            let base: Decimal = line.quantity * amounts.net_unit_price;
            xml.text_with(
                "cbc:BaseAmount",
                &[("currencyID", document.currency)],
                &format_amount(base),
            );
        }
    });
}
