//! Content rules: a buyer or order reference (PEPPOL-EN16931-R003), names (BR-06, BR-07), lines and
//! item names (BR-16, BR-25), Swedish standard rates (SE-R-006) and the code lists for currency and
//! countries (BR-CL-04, BR-CL-14).

use fakturera_core::invoice::Invoice;
use fakturera_core::vat::{LineVat, VatCategory};
use rust_decimal::Decimal;

use super::Finding;
use crate::codes::{is_country_code, is_currency_code};
use crate::document::{BuyerReferenceSource, buyer_reference, buyer_reference_source};
use crate::parties::country_code;

pub(super) fn check(invoice: &Invoice, findings: &mut Vec<Finding>) {
    references(invoice, findings);
    names(invoice, findings);
    lines(invoice, findings);
    codes(invoice, findings);
}

fn references(invoice: &Invoice, findings: &mut Vec<Finding>) {
    // The customer number stands in for a missing reference, so only a nameless buyer gets here.
    if buyer_reference(invoice).trim().is_empty() && invoice.order_reference.trim().is_empty() {
        findings.push(Finding::error("PEPPOL-EN16931-R003", "buyer_reference",
            "Fakturan måste ha kundens referenskod, ett ordernummer eller Er referens. Fyll i något av dem.".to_owned(),
            "The invoice needs the customer's buyer reference, an order number or Your reference. Fill in one of them.".to_owned()));
    }
}

/// For an invoice that leaves as a Peppol e-invoice, a reference the receiver gave us: the
/// customer number would satisfy PEPPOL-EN16931-R003, but public buyers route on their own
/// reference code and reject an invoice carrying a guess.
pub fn einvoice_reference_finding(invoice: &Invoice) -> Option<Finding> {
    (buyer_reference_source(invoice) == BuyerReferenceSource::CustomerNumber).then(|| {
        Finding::error("PEPPOL-EN16931-R003", "buyer_reference",
            "E-fakturan måste ha kundens referenskod, ett ordernummer eller Er referens. Fyll i något av dem.".to_owned(),
            "The e-invoice needs the customer's buyer reference, an order number or Your reference. Fill in one of them.".to_owned())
    })
}

fn names(invoice: &Invoice, findings: &mut Vec<Finding>) {
    if invoice.seller.name.trim().is_empty() {
        findings.push(Finding::error(
            "BR-06",
            "seller.name",
            "Företagets namn saknas. Fyll i det i företagsinställningarna.".to_owned(),
            "The company name is missing. Add it in the company settings.".to_owned(),
        ));
    }
    if invoice.buyer.name.trim().is_empty() {
        findings.push(Finding::error(
            "BR-07",
            "buyer.name",
            "Kundens namn saknas. Fyll i det i kundregistret.".to_owned(),
            "The customer's name is missing. Add it in the customer register.".to_owned(),
        ));
    }
}

fn lines(invoice: &Invoice, findings: &mut Vec<Finding>) {
    if invoice.lines.is_empty() {
        findings.push(Finding::error(
            "BR-16",
            "lines",
            "Fakturan har inga rader. Lägg till minst en rad.".to_owned(),
            "The invoice has no lines. Add at least one line.".to_owned(),
        ));
    }
    for (index, line) in invoice.lines.iter().enumerate() {
        let row = index + 1;
        if line.description.trim().is_empty() {
            findings.push(Finding::error(
                "BR-25",
                format!("lines[{index}].description"),
                format!("Rad {row} saknar benämning. Skriv vad som säljs."),
                format!("Line {row} has no description. Say what is being sold."),
            ));
        }
        standard_rate(line.vat, format!("lines[{index}].vat"), findings);
    }
    for (index, charge) in invoice.charges.iter().enumerate() {
        standard_rate(charge.vat, format!("charges[{index}].vat"), findings);
    }
}

/// Swedish VAT is 25, 12 or 6 % (SE-R-006); zero-rated supplies use category Z, not S at 0 %.
fn standard_rate(vat: LineVat, field: String, findings: &mut Vec<Finding>) {
    let rate = vat.effective_rate();
    let allowed = [Decimal::from(25), Decimal::from(12), Decimal::from(6)];
    if vat.category() == VatCategory::Standard && !allowed.contains(&rate) {
        findings.push(Finding::error("SE-R-006", field,
            format!("Momssatsen {} % finns inte i Sverige. Välj 25, 12 eller 6 %, eller 0 % för momsfritt.", rate.normalize()),
            format!("There is no {} % VAT rate in Sweden. Choose 25, 12 or 6 %, or 0 % for no VAT.", rate.normalize())));
    }
}

fn codes(invoice: &Invoice, findings: &mut Vec<Finding>) {
    let currency = invoice.currency.code();
    if !is_currency_code(currency) {
        findings.push(Finding::error("BR-CL-04", "currency",
            format!("Valutan {currency} finns inte i ISO 4217. Välj en riktig valutakod, t.ex. SEK eller EUR."),
            format!("The currency {currency} is not in ISO 4217. Choose a real currency code, e.g. SEK or EUR.")));
    }
    let addresses = [
        ("seller.address.country_code", Some(&invoice.seller.address)),
        ("buyer.address.country_code", Some(&invoice.buyer.address)),
        (
            "buyer.delivery_address.country_code",
            invoice.buyer.delivery_address.as_ref(),
        ),
    ];
    for (field, address) in addresses {
        if let Some(code) = address
            .map(country_code)
            .filter(|code| !is_country_code(code))
        {
            findings.push(Finding::error("BR-CL-14", field,
                format!("Landskoden \"{code}\" finns inte. Ange två bokstäver enligt ISO 3166, t.ex. SE, DE eller NO."),
                format!("The country code \"{code}\" does not exist. Enter two letters from ISO 3166, e.g. SE, DE or NO.")));
        }
    }
}
