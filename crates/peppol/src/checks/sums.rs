//! The EN 16931 sum rules (BR-CO-10 to BR-CO-17) applied to core's totals as they will be written.
//!
//! Core computes the totals so that these hold; checking them again here is the guard that a change
//! in core can never send an invoice whose sums a receiver would reject.

use fakturera_core::invoice::Totals;
use fakturera_core::money::round_to_ore;
use rust_decimal::Decimal;

use super::Finding;

/// Every sum rule the written totals would break, with field `totals`.
pub fn check_totals(totals: &Totals) -> Vec<Finding> {
    let written = |amount: Decimal| round_to_ore(amount);
    let sum = |amounts: &mut dyn Iterator<Item = Decimal>| amounts.map(written).sum::<Decimal>();
    let mut findings = Vec::new();
    let mut rule = |id: &'static str, holds: bool, what_sv: &str, what_en: &str| {
        if !holds {
            findings.push(Finding::error(id, "totals",
                format!("Fakturans summor går inte ihop: {what_sv}. Det är ett fel i programmet; skicka inte fakturan och kontakta supporten."),
                format!("The invoice totals do not add up: {what_en}. This is a program error; do not send the invoice and contact support.")));
        }
    };
    let lines = sum(&mut totals.lines.iter().map(|line| line.net));
    rule(
        "BR-CO-10",
        written(totals.line_net_total) == lines,
        "radsumman är inte summan av raderna",
        "the line total is not the sum of the lines",
    );
    let allowances = sum(&mut totals.allowances.iter().map(|allowance| allowance.amount));
    rule(
        "BR-CO-11",
        written(totals.allowance_total) == allowances,
        "rabatterna på fakturan summerar fel",
        "the invoice discounts do not add up",
    );
    let charges = sum(&mut totals.charges.iter().copied());
    rule(
        "BR-CO-12",
        written(totals.charge_total) == charges,
        "avgifterna summerar fel",
        "the charges do not add up",
    );
    rule(
        "BR-CO-13",
        written(totals.tax_exclusive) == lines - allowances + charges,
        "summan utan moms är fel",
        "the total without VAT is wrong",
    );
    let vat = sum(&mut totals
        .vat_breakdown
        .iter()
        .map(|subtotal| subtotal.vat_amount));
    rule(
        "BR-CO-14",
        written(totals.vat_total) == vat,
        "momsen är inte summan av momsen per sats",
        "the VAT is not the sum of the VAT per rate",
    );
    rule(
        "BR-CO-15",
        written(totals.tax_inclusive) == written(totals.tax_exclusive) + written(totals.vat_total),
        "summan med moms är fel",
        "the total with VAT is wrong",
    );
    rule(
        "BR-CO-16",
        written(totals.payable) == written(totals.tax_inclusive) + written(totals.rounding),
        "att betala är inte summan med moms plus öresavrundning",
        "the amount due is not the total with VAT plus rounding",
    );
    let per_rate_holds = totals.vat_breakdown.iter().all(|subtotal| {
        written(subtotal.vat_amount)
            == round_to_ore(written(subtotal.taxable_amount) * subtotal.rate / Decimal::ONE_HUNDRED)
    });
    rule(
        "BR-CO-17",
        per_rate_holds,
        "momsen för en momssats är inte underlaget gånger satsen",
        "the VAT of a rate is not its taxable amount times the rate",
    );
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use fakturera_core::samples;
    use rust_decimal_macros::dec;

    fn totals() -> Totals {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        samples::domestic_invoice(date).totals()
    }

    #[test]
    fn core_totals_pass_and_each_broken_sum_is_named() {
        assert_eq!(check_totals(&totals()), Vec::new());
        type Break = (&'static str, fn(&mut Totals));
        let breaks: [Break; 8] = [
            ("BR-CO-10", |t| t.line_net_total += dec!(1)),
            ("BR-CO-11", |t| t.allowance_total += dec!(1)),
            ("BR-CO-12", |t| t.charge_total += dec!(1)),
            ("BR-CO-13", |t| t.tax_exclusive += dec!(1)),
            ("BR-CO-14", |t| t.vat_total += dec!(0.01)),
            ("BR-CO-15", |t| t.tax_inclusive += dec!(0.01)),
            ("BR-CO-16", |t| t.payable += dec!(1)),
            ("BR-CO-17", |t| t.vat_breakdown[0].vat_amount += dec!(0.05)),
        ];
        for (rule, break_it) in breaks {
            let mut broken = totals();
            break_it(&mut broken);
            let rules: Vec<&str> = check_totals(&broken)
                .iter()
                .map(|finding| finding.rule_id)
                .collect();
            assert!(rules.contains(&rule), "{rule}: {rules:?}");
        }
    }
}
