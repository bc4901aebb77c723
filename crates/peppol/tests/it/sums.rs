//! Sum rules (BR-CO-10..17): one amount changed in a written document, and the same change made to
//! core's totals, so the validator and `check_totals` can be seen to agree.

use fakturera_core::invoice::Totals;
use fakturera_core::samples;
use fakturera_peppol::{check_totals, write_ubl};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::scenarios::{day, issued};

/// A document with one amount changed, and the rules `check_totals` reports for the same change.
pub struct Tampered {
    pub rule_id: &'static str,
    pub xml: String,
    pub check_rules: Vec<&'static str>,
}

/// `xml` with `delta` added to the `occurrence`-th (from 0) amount in element `element`.
fn tamper(xml: &str, element: &str, occurrence: usize, delta: Decimal) -> String {
    let open = format!("<{element} currencyID=\"SEK\">");
    let start = xml
        .match_indices(&open)
        .nth(occurrence)
        .map(|(index, _)| index + open.len())
        .unwrap_or_else(|| panic!("{element} #{occurrence} not found"));
    let end = start
        + xml[start..]
            .find('<')
            .unwrap_or_else(|| panic!("{element} not closed"));
    let value: Decimal = xml[start..end]
        .parse()
        .unwrap_or_else(|e| panic!("{element}: {e}"));
    format!("{}{:.2}{}", &xml[..start], value + delta, &xml[end..])
}

pub fn tampered_documents() -> Vec<Tampered> {
    let invoice = issued(samples::domestic_invoice(day("2026-03-02")), 30001);
    let xml = write_ubl(&invoice, None).unwrap_or_else(|e| panic!("{e}"));
    let totals = invoice.totals();
    type Change = fn(&mut Totals);
    let cases: [(&str, &str, usize, Decimal, Change); 7] = [
        ("BR-CO-10", "cbc:LineExtensionAmount", 0, dec!(1), |t| {
            t.line_net_total += dec!(1)
        }),
        ("BR-CO-12", "cbc:ChargeTotalAmount", 0, dec!(1), |t| {
            t.charge_total += dec!(1)
        }),
        ("BR-CO-13", "cbc:TaxExclusiveAmount", 0, dec!(1), |t| {
            t.tax_exclusive += dec!(1)
        }),
        ("BR-CO-14", "cbc:TaxAmount", 0, dec!(0.01), |t| {
            t.vat_total += dec!(0.01)
        }),
        ("BR-CO-15", "cbc:TaxInclusiveAmount", 0, dec!(0.01), |t| {
            t.tax_inclusive += dec!(0.01)
        }),
        ("BR-CO-16", "cbc:PayableAmount", 0, dec!(1), |t| {
            t.payable += dec!(1)
        }),
        ("BR-CO-17", "cbc:TaxAmount", 1, dec!(5), |t| {
            t.vat_breakdown[0].vat_amount += dec!(5)
        }),
    ];
    cases
        .into_iter()
        .map(|(rule_id, element, occurrence, delta, change)| {
            let mut changed = totals.clone();
            change(&mut changed);
            Tampered {
                rule_id,
                xml: tamper(&xml, element, occurrence, delta),
                check_rules: check_totals(&changed)
                    .iter()
                    .map(|finding| finding.rule_id)
                    .collect(),
            }
        })
        .collect()
}
