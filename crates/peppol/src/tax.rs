//! Document-level allowances and charges, the VAT breakdown and the document totals, all taken
//! from core's totals.

use fakturera_core::invoice::ChargeKind;
use fakturera_core::text::Text;
use fakturera_core::vat::{Exemption, VatCategory};
use rust_decimal::Decimal;

use crate::document::Document;
use crate::xml::{UblXml, format_number};

/// UNCL5189 "Discount".
const DISCOUNT_REASON_CODE: &str = "95";

/// A VAT category element (`cac:TaxCategory` or `cac:ClassifiedTaxCategory`).
///
/// Category O carries no rate (BR-O-05 and friends); the exemption reason belongs only in the
/// breakdown, so callers pass it only there.
pub(crate) fn category(
    xml: &mut UblXml,
    element: &str,
    category: VatCategory,
    rate: Decimal,
    exemption: Option<(&Exemption, &Document<'_>)>,
) {
    xml.group(element, |xml| {
        xml.text("cbc:ID", category.code());
        if category != VatCategory::OutsideScope {
            xml.text("cbc:Percent", &format_number(rate));
        }
        if let Some((exemption, document)) = exemption {
            if let Some(code) = exemption.code {
                xml.text("cbc:TaxExemptionReasonCode", code);
            }
            xml.text("cbc:TaxExemptionReason", document.say(&exemption.text));
        }
        xml.group("cac:TaxScheme", |xml| xml.text("cbc:ID", "VAT"));
    });
}

/// The name of a charge as printed, in both languages.
pub fn charge_reason(kind: ChargeKind) -> Text {
    match kind {
        ChargeKind::InvoiceFee => Text::new("Fakturaavgift", "Invoice fee"),
        ChargeKind::Freight => Text::new("Frakt", "Freight"),
    }
}

/// The invoice-level discount as document-level allowances (BG-20), one per VAT category and
/// rate, with the percentage and base when the discount is a percentage (PEPPOL-EN16931-R040).
pub(crate) fn document_allowances(xml: &mut UblXml, document: &Document<'_>) {
    let reason = Text::new("Rabatt", "Discount");
    for allowance in &document.totals.allowances {
        xml.group("cac:AllowanceCharge", |xml| {
            xml.text("cbc:ChargeIndicator", "false");
            xml.text("cbc:AllowanceChargeReasonCode", DISCOUNT_REASON_CODE);
            xml.text("cbc:AllowanceChargeReason", document.say(&reason));
            if let Some(percent) = allowance.percent {
                xml.text("cbc:MultiplierFactorNumeric", &format_number(percent));
            }
            xml.amount("cbc:Amount", document.currency, allowance.amount);
            if allowance.percent.is_some() {
                xml.amount("cbc:BaseAmount", document.currency, allowance.base);
            }
            category(
                xml,
                "cac:TaxCategory",
                allowance.vat.category(),
                allowance.vat.effective_rate(),
                None,
            );
        });
    }
}

/// Invoice fee and freight as document-level charges, each with its own VAT category and rate.
pub(crate) fn document_charges(xml: &mut UblXml, document: &Document<'_>) {
    let charges = document
        .invoice
        .charges
        .iter()
        .zip(&document.totals.charges);
    for (charge, &amount) in charges {
        xml.group("cac:AllowanceCharge", |xml| {
            xml.text("cbc:ChargeIndicator", "true");
            xml.text("cbc:AllowanceChargeReasonCode", charge.kind.reason_code());
            xml.text(
                "cbc:AllowanceChargeReason",
                document.say(&charge_reason(charge.kind)),
            );
            xml.amount("cbc:Amount", document.currency, amount);
            category(
                xml,
                "cac:TaxCategory",
                charge.vat.category(),
                charge.vat.effective_rate(),
                None,
            );
        });
    }
}

/// The VAT total with its breakdown per category and rate, and for foreign currency the VAT total in
/// kronor as a second tax total (BR-53, PEPPOL-EN16931-R054).
pub(crate) fn tax_totals(xml: &mut UblXml, document: &Document<'_>) {
    let totals = document.totals;
    xml.group("cac:TaxTotal", |xml| {
        xml.amount("cbc:TaxAmount", document.currency, totals.vat_total);
        for subtotal in &totals.vat_breakdown {
            xml.group("cac:TaxSubtotal", |xml| {
                xml.amount(
                    "cbc:TaxableAmount",
                    document.currency,
                    subtotal.taxable_amount,
                );
                xml.amount("cbc:TaxAmount", document.currency, subtotal.vat_amount);
                let exemption = subtotal
                    .exemption
                    .as_ref()
                    .filter(|_| subtotal.category.needs_exemption_reason())
                    .map(|exemption| (exemption, document));
                category(
                    xml,
                    "cac:TaxCategory",
                    subtotal.category,
                    subtotal.rate,
                    exemption,
                );
            });
        }
    });
    if !document.invoice.currency.is_sek() {
        xml.group("cac:TaxTotal", |xml| {
            xml.amount("cbc:TaxAmount", "SEK", totals.vat_total_sek)
        });
    }
}

/// The document totals (BG-22), with the öresavrundning as its own amount (BT-114).
pub(crate) fn monetary_total(xml: &mut UblXml, document: &Document<'_>) {
    let totals = document.totals;
    let currency = document.currency;
    xml.group("cac:LegalMonetaryTotal", |xml| {
        xml.amount("cbc:LineExtensionAmount", currency, totals.line_net_total);
        xml.amount("cbc:TaxExclusiveAmount", currency, totals.tax_exclusive);
        xml.amount("cbc:TaxInclusiveAmount", currency, totals.tax_inclusive);
        if !totals.allowances.is_empty() {
            xml.amount("cbc:AllowanceTotalAmount", currency, totals.allowance_total);
        }
        if !document.invoice.charges.is_empty() {
            xml.amount("cbc:ChargeTotalAmount", currency, totals.charge_total);
        }
        if !totals.rounding.is_zero() {
            xml.amount("cbc:PayableRoundingAmount", currency, totals.rounding);
        }
        xml.amount("cbc:PayableAmount", currency, totals.payable);
    });
}
