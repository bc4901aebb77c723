//! The check an operator makes when an invoice arrives: a UBL Invoice or CreditNote whose totals add up
//! and that carries a buyer reference or an order reference. Each finding names the rule it breaks.

use crate::ubl::UblDocument;
use rust_decimal::Decimal;

/// Every problem the operator would reject the document for; empty when it may be delivered.
pub fn receipt_problems(document: &UblDocument) -> Vec<String> {
    let mut problems: Vec<String> = document
        .unreadable_amounts
        .iter()
        .map(|amount| format!("An amount is not a decimal number: {amount}"))
        .collect();
    let totals = &document.totals;
    let required = [
        ("LineExtensionAmount", totals.line_extension),
        ("TaxExclusiveAmount", totals.tax_exclusive),
        ("TaxInclusiveAmount", totals.tax_inclusive),
        ("PayableAmount", totals.payable),
    ];
    for (name, value) in required {
        let unreadable = document
            .unreadable_amounts
            .iter()
            .any(|amount| amount.starts_with(&format!("LegalMonetaryTotal/{name} ")));
        if value.is_none() && !unreadable {
            problems.push(format!("LegalMonetaryTotal/{name} is missing"));
        }
    }
    if document.line_count == 0 {
        problems.push("BR-16: the document has no lines".to_owned());
    }
    if document.tax_amount.is_none() {
        problems
            .push("BR-CO-14: TaxTotal/TaxAmount in the document currency is missing".to_owned());
    }
    if blank(&document.buyer_reference) && blank(&document.order_reference) {
        problems.push(
            "PEPPOL-EN16931-R003: a buyer reference (BT-10) or an order reference (BT-13) is required"
                .to_owned(),
        );
    }
    problems.extend(total_mismatches(document));
    problems
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|text| text.trim().is_empty())
}

fn total_mismatches(document: &UblDocument) -> Vec<String> {
    let totals = &document.totals;
    let zero_if_absent = |value: Option<Decimal>| value.unwrap_or(Decimal::ZERO);
    let mut problems = Vec::new();
    let mut compare = |rule: &str,
                       name: &str,
                       stated: Option<Decimal>,
                       expected: Option<Decimal>,
                       formula: &str| {
        if let (Some(stated), Some(expected)) = (stated, expected)
            && stated != expected
        {
            problems.push(format!(
                "{rule}: {name} is {stated} but {formula} is {expected}"
            ));
        }
    };
    let line_sum = (document.line_count > 0).then_some(document.line_sum);
    compare(
        "BR-CO-10",
        "LineExtensionAmount",
        totals.line_extension,
        line_sum,
        "the sum of the line amounts",
    );
    compare(
        "BR-CO-13",
        "TaxExclusiveAmount",
        totals.tax_exclusive,
        totals.line_extension.map(|lines| {
            lines - zero_if_absent(totals.allowance_total) + zero_if_absent(totals.charge_total)
        }),
        "LineExtensionAmount - AllowanceTotalAmount + ChargeTotalAmount",
    );
    compare(
        "BR-CO-15",
        "TaxInclusiveAmount",
        totals.tax_inclusive,
        totals
            .tax_exclusive
            .zip(document.tax_amount)
            .map(|(exclusive, tax)| exclusive + tax),
        "TaxExclusiveAmount + TaxAmount",
    );
    compare(
        "BR-CO-16",
        "PayableAmount",
        totals.payable,
        totals.tax_inclusive.map(|inclusive| {
            inclusive - zero_if_absent(totals.prepaid) + zero_if_absent(totals.rounding)
        }),
        "TaxInclusiveAmount - PrepaidAmount + PayableRoundingAmount",
    );
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ubl::read_ubl;

    fn invoice(totals: &str, lines: &[&str], references: &str) -> String {
        let lines: String = lines
            .iter()
            .map(|amount| {
                format!("<cac:InvoiceLine><cbc:LineExtensionAmount currencyID=\"SEK\">{amount}</cbc:LineExtensionAmount></cac:InvoiceLine>")
            })
            .collect();
        format!(
            r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>{references}
 <cac:TaxTotal><cbc:TaxAmount currencyID="SEK">25.00</cbc:TaxAmount></cac:TaxTotal>
 <cac:LegalMonetaryTotal>{totals}</cac:LegalMonetaryTotal>{lines}</Invoice>"#
        )
    }

    fn totals(lines: &str, exclusive: &str, inclusive: &str, payable: &str) -> String {
        format!(
            "<cbc:LineExtensionAmount currencyID=\"SEK\">{lines}</cbc:LineExtensionAmount>\
             <cbc:TaxExclusiveAmount currencyID=\"SEK\">{exclusive}</cbc:TaxExclusiveAmount>\
             <cbc:TaxInclusiveAmount currencyID=\"SEK\">{inclusive}</cbc:TaxInclusiveAmount>\
             <cbc:PayableAmount currencyID=\"SEK\">{payable}</cbc:PayableAmount>"
        )
    }

    const BUYER_REFERENCE: &str = "<cbc:BuyerReference>ABC</cbc:BuyerReference>";

    #[test]
    fn findings_name_the_broken_rule() {
        let cases: Vec<(String, Vec<&str>)> = vec![
            (
                invoice(
                    &totals("100", "100", "125", "125"),
                    &["60", "40"],
                    BUYER_REFERENCE,
                ),
                vec![],
            ),
            (
                invoice(
                    &totals("100", "100", "125", "125"),
                    &["100"],
                    "<cac:OrderReference><cbc:ID>PO-9</cbc:ID></cac:OrderReference>",
                ),
                vec![],
            ),
            (
                invoice(&totals("100", "100", "125", "125"), &["100"], ""),
                vec!["PEPPOL-EN16931-R003"],
            ),
            (
                invoice(
                    &totals("100", "100", "125", "125"),
                    &["99"],
                    BUYER_REFERENCE,
                ),
                vec!["BR-CO-10"],
            ),
            (
                invoice(
                    &totals("100", "90", "115", "115"),
                    &["100"],
                    BUYER_REFERENCE,
                ),
                vec!["BR-CO-13"],
            ),
            (
                invoice(
                    &totals("100", "100", "126", "126"),
                    &["100"],
                    BUYER_REFERENCE,
                ),
                vec!["BR-CO-15"],
            ),
            (
                invoice(
                    &totals("100", "100", "125", "124"),
                    &["100"],
                    BUYER_REFERENCE,
                ),
                vec!["BR-CO-16"],
            ),
            (
                invoice(&totals("100", "100", "125", "125"), &[], BUYER_REFERENCE),
                vec!["BR-16"],
            ),
            (
                invoice("", &["100"], BUYER_REFERENCE),
                vec![
                    "LineExtensionAmount is missing",
                    "TaxExclusiveAmount is missing",
                    "TaxInclusiveAmount is missing",
                    "PayableAmount is missing",
                ],
            ),
            (
                invoice(
                    &totals("1OO", "100", "125", "125"),
                    &["100"],
                    BUYER_REFERENCE,
                ),
                vec!["not a decimal"],
            ),
        ];
        for (xml, expected) in cases {
            let document = read_ubl(xml.as_bytes()).expect("parses");
            let problems = receipt_problems(&document);
            assert_eq!(
                problems.len(),
                expected.len(),
                "{problems:?} vs {expected:?}"
            );
            for (problem, fragment) in problems.iter().zip(expected) {
                assert!(problem.contains(fragment), "{problem} lacks {fragment}");
            }
        }
    }

    #[test]
    fn the_official_peppol_examples_pass() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for name in [
            "base-example.xml",
            "base-creditnote-correction.xml",
            "Allowance-example.xml",
            "se-invoice.xml",
        ] {
            let bytes = std::fs::read(format!("{fixtures}/{name}")).expect("fixture exists");
            let document = read_ubl(&bytes).expect(name);
            assert_eq!(receipt_problems(&document), Vec::<String>::new(), "{name}");
        }
    }
}
