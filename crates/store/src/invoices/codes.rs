//! Storage codes for the invoice enums of the core that have none of their own.

use fakturera_core::invoice::{Discount, PriceEntry, Rounding};
use fakturera_core::vat::{VatCategory, VatTreatment};
use rust_decimal::Decimal;

const CATEGORIES: [VatCategory; 7] = [
    VatCategory::Standard,
    VatCategory::ZeroRated,
    VatCategory::Exempt,
    VatCategory::ReverseCharge,
    VatCategory::IntraCommunity,
    VatCategory::Export,
    VatCategory::OutsideScope,
];

pub(crate) fn vat_category_from_code(code: &str) -> Option<VatCategory> {
    CATEGORIES
        .into_iter()
        .find(|category| category.code() == code)
}

/// The VATEX code as the core's `&'static str`, if it is one the core knows.
pub(crate) fn known_exemption_code(code: &str) -> Option<&'static str> {
    VatTreatment::ALL
        .into_iter()
        .filter_map(|treatment| treatment.exemption().and_then(|exemption| exemption.code))
        .find(|known| *known == code)
}

pub(crate) fn price_entry_code(entry: PriceEntry) -> &'static str {
    match entry {
        PriceEntry::ExcludingVat => "excluding_vat",
        PriceEntry::IncludingVat => "including_vat",
    }
}

pub(crate) fn price_entry_from_code(code: &str) -> Option<PriceEntry> {
    match code {
        "excluding_vat" => Some(PriceEntry::ExcludingVat),
        "including_vat" => Some(PriceEntry::IncludingVat),
        _ => None,
    }
}

pub(crate) fn rounding_code(rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::None => "none",
        Rounding::WholeKronor => "whole_kronor",
    }
}

pub(crate) fn rounding_from_code(code: &str) -> Option<Rounding> {
    match code {
        "none" => Some(Rounding::None),
        "whole_kronor" => Some(Rounding::WholeKronor),
        _ => None,
    }
}

/// The discount as a (kind, value) pair of columns.
pub(crate) fn discount_columns(discount: Discount) -> (&'static str, Decimal) {
    match discount {
        Discount::None => ("none", Decimal::ZERO),
        Discount::Percent(percent) => ("percent", percent),
        Discount::Amount(amount) => ("amount", amount),
    }
}

pub(crate) fn discount_from_columns(kind: &str, value: Decimal) -> Option<Discount> {
    match kind {
        "none" => Some(Discount::None),
        "percent" => Some(Discount::Percent(value)),
        "amount" => Some(Discount::Amount(value)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn codes_round_trip() {
        for category in CATEGORIES {
            assert_eq!(vat_category_from_code(category.code()), Some(category));
        }
        for entry in [PriceEntry::ExcludingVat, PriceEntry::IncludingVat] {
            assert_eq!(price_entry_from_code(price_entry_code(entry)), Some(entry));
        }
        for rounding in [Rounding::None, Rounding::WholeKronor] {
            assert_eq!(rounding_from_code(rounding_code(rounding)), Some(rounding));
        }
        for discount in [
            Discount::None,
            Discount::Percent(dec!(12.5)),
            Discount::Amount(dec!(99.90)),
        ] {
            let (kind, value) = discount_columns(discount);
            assert_eq!(discount_from_columns(kind, value), Some(discount));
        }
        assert_eq!(known_exemption_code("VATEX-EU-AE"), Some("VATEX-EU-AE"));
        assert_eq!(known_exemption_code("VATEX-XX"), None);
    }
}
