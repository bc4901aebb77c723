//! The invoice-level discount as document-level allowances (EN 16931 BG-20).
//!
//! A discount on the whole invoice lowers the taxable amount of every VAT rate on it, so it is
//! given as one allowance per VAT category and rate of the lines: a percentage takes that share of
//! each rate's line total; an amount is shared out over the rates in proportion to their line
//! totals, the öre left by rounding going to the largest, so the shares add up to the amount.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::line::Discount;
use crate::money::round_to_ore;
use crate::vat::{LineVat, VatCategory};

/// One rate's share of the invoice-level discount, excluding VAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentAllowance {
    /// The VAT category and rate of the lines it lowers (BT-95, BT-96).
    pub vat: LineVat,
    /// The sum of those lines' net amounts (BT-93).
    pub base: Decimal,
    /// The percentage (BT-94), when the discount is one and `amount` is exactly that share of
    /// `base` (with prices including VAT, back-calculation can move the net by an öre).
    pub percent: Option<Decimal>,
    /// The allowance (BT-92), positive.
    pub amount: Decimal,
}

/// Orders VAT groups as the VAT breakdown does: by category, then highest rate first.
pub(super) type VatKey = (VatCategory, std::cmp::Reverse<Decimal>);

pub(super) fn vat_key(vat: LineVat) -> VatKey {
    (vat.category(), std::cmp::Reverse(vat.effective_rate()))
}

/// The lines' amounts summed per VAT group, in breakdown order.
pub(super) fn group_sums(
    items: impl Iterator<Item = (LineVat, Decimal)>,
) -> Vec<(LineVat, Decimal)> {
    let mut groups: BTreeMap<VatKey, (LineVat, Decimal)> = BTreeMap::new();
    for (vat, amount) in items {
        groups.entry(vat_key(vat)).or_insert((vat, Decimal::ZERO)).1 += amount;
    }
    groups.into_values().collect()
}

/// The discount's share of each group's `amount`, in the groups' order, each rounded to öre.
/// A fixed discount is shared in proportion to the groups; the shares add up to it exactly.
pub(super) fn shares(discount: Discount, groups: &[Decimal]) -> Vec<Decimal> {
    match discount {
        Discount::None => vec![Decimal::ZERO; groups.len()],
        Discount::Percent(percent) => groups
            .iter()
            .map(|base| round_to_ore(*base * percent / Decimal::ONE_HUNDRED))
            .collect(),
        Discount::Amount(amount) => {
            let amount = round_to_ore(amount);
            let total: Decimal = groups.iter().copied().sum();
            if total.is_zero() {
                return vec![Decimal::ZERO; groups.len()];
            }
            let mut shares: Vec<Decimal> = groups
                .iter()
                .map(|base| round_to_ore(amount * *base / total))
                .collect();
            let left = amount - shares.iter().copied().sum::<Decimal>();
            if let Some(largest) = (0..groups.len())
                .max_by(|&a, &b| groups[a].abs().cmp(&groups[b].abs()).then(b.cmp(&a)))
            {
                shares[largest] += left;
            }
            shares
        }
    }
}

/// The allowance for one group with net `base` lowered by `amount`.
pub(super) fn allowance(
    discount: Discount,
    vat: LineVat,
    base: Decimal,
    amount: Decimal,
) -> DocumentAllowance {
    let percent = match discount {
        Discount::Percent(percent)
            if round_to_ore(base * percent / Decimal::ONE_HUNDRED) == amount =>
        {
            Some(percent)
        }
        _ => None,
    };
    DocumentAllowance {
        vat,
        base,
        percent,
        amount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_fixed_discount_is_shared_in_proportion_and_adds_up() {
        let cases = [
            (dec!(100), vec![dec!(1000)], vec![dec!(100)]),
            (
                dec!(100),
                vec![dec!(750), dec!(250)],
                vec![dec!(75), dec!(25)],
            ),
            (
                dec!(100),
                vec![dec!(1), dec!(1), dec!(1)],
                vec![dec!(33.34), dec!(33.33), dec!(33.33)],
            ),
            (dec!(10), vec![dec!(0), dec!(0)], vec![dec!(0), dec!(0)]),
        ];
        for (amount, groups, expected) in cases {
            let shared = shares(Discount::Amount(amount), &groups);
            assert_eq!(shared, expected, "{amount} over {groups:?}");
        }
    }

    #[test]
    fn a_percentage_takes_its_share_of_each_group() {
        let shared = shares(Discount::Percent(dec!(10)), &[dec!(1295), dec!(99.95)]);
        assert_eq!(shared, vec![dec!(129.50), dec!(10.00)]);
    }
}
