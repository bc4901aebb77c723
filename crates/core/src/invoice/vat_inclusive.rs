//! Back-calculation of net amounts from prices that include VAT.
//!
//! A user who enters 100 kr including 25 % VAT expects the invoice to total 100 kr, not 99.99 or
//! 100.01. Per-line back-calculation cannot promise that, because VAT is computed on the group's
//! summed net (BR-CO-17). So the group's net N is chosen so that N + round(N × rate) equals the
//! entered sum G, and N is then shared out over the lines.

use rust_decimal::Decimal;

use crate::money::round_to_ore;

const ORE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// The group net N closest to making N + VAT(N) equal `gross_total`, preferring an exact match.
pub(super) fn group_net(gross_total: Decimal, rate: Decimal) -> Decimal {
    let vat_of = |net: Decimal| round_to_ore(net * rate / Decimal::ONE_HUNDRED);
    let estimate = round_to_ore(gross_total / (Decimal::ONE + rate / Decimal::ONE_HUNDRED));
    // VAT(N) grows by at most one öre per öre of N for rates up to 100 %, so the exact N, when it
    // exists, lies within a couple of öre of the estimate.
    let candidates = [0i64, -1, 1, -2, 2].map(|step| estimate + ORE * Decimal::from(step));
    candidates
        .into_iter()
        .min_by_key(|&net| (net + vat_of(net) - gross_total).abs())
        .unwrap_or(estimate)
}

/// Net amounts for items that share one VAT rate, given their amounts including VAT.
///
/// Each item gets its own back-calculated net, and the öre that make the sum differ from the group
/// net go to the largest items first, so that no item moves by more than one öre.
pub(super) fn back_calculate_group(grosses: &[Decimal], rate: Decimal) -> Vec<Decimal> {
    let factor = Decimal::ONE + rate / Decimal::ONE_HUNDRED;
    let mut nets: Vec<Decimal> = grosses
        .iter()
        .map(|gross| round_to_ore(gross / factor))
        .collect();
    let target = group_net(grosses.iter().copied().sum(), rate);
    let difference = target - nets.iter().copied().sum::<Decimal>();
    if difference.is_zero() || nets.is_empty() {
        return nets;
    }
    let step = if difference.is_sign_positive() {
        ORE
    } else {
        -ORE
    };
    let mut order: Vec<usize> = (0..nets.len()).collect();
    order.sort_by(|&a, &b| grosses[b].abs().cmp(&grosses[a].abs()).then(a.cmp(&b)));
    let mut remaining = (difference / ORE).abs();
    let mut position = 0;
    while remaining > Decimal::ZERO {
        nets[order[position % order.len()]] += step;
        remaining -= Decimal::ONE;
        position += 1;
    }
    nets
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn group_net_gives_back_the_entered_total_when_possible() {
        for (gross, rate, net) in [
            (dec!(100.00), dec!(25), dec!(80.00)),
            (dec!(99.99), dec!(25), dec!(79.99)),
            (dec!(112.00), dec!(12), dec!(100.00)),
            (dec!(10.60), dec!(6), dec!(10.00)),
            (dec!(57.00), dec!(0), dec!(57.00)),
        ] {
            assert_eq!(group_net(gross, rate), net, "{gross} at {rate} %");
        }
    }

    #[test]
    fn shares_the_group_net_over_items() {
        let nets = back_calculate_group(&[dec!(33.33), dec!(33.33), dec!(33.34)], dec!(25));
        let sum: Decimal = nets.iter().copied().sum();
        assert_eq!(sum, group_net(dec!(100.00), dec!(25)));
        assert_eq!(sum + round_to_ore(sum * dec!(0.25)), dec!(100.00));
    }
}
