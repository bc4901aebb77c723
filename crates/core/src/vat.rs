//! VAT treatment of a line and the EN 16931 VAT category it maps to.
//!
//! The user picks a treatment ("Svensk moms", "Omvänd betalningsskyldighet", ...); the invoice needs the
//! category code, the rate and, where no VAT is charged, the exemption text the law asks for.

use rust_decimal::Decimal;

use crate::text::Text;

/// How VAT applies to one line or charge, in the user's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VatTreatment {
    /// Swedish VAT at 25, 12 or 6 %, or 0 % for zero-rated supplies.
    Swedish,
    /// Exempt from VAT (e.g. healthcare, education, financial services).
    Exempt,
    /// Domestic reverse charge, e.g. construction services (omvänd betalningsskyldighet inom byggsektorn).
    DomesticReverseCharge,
    /// Goods sold to a VAT-registered business in another EU country.
    EuGoods,
    /// Services sold to a business in another EU country (the buyer accounts for VAT).
    EuServices,
    /// Goods exported outside the EU.
    Export,
    /// Outside the scope of VAT (e.g. disbursements, utlägg).
    OutsideScope,
}

/// The VAT category codes of EN 16931 (UNCL5305 subset used by Peppol BIS 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VatCategory {
    /// S: standard rated.
    Standard,
    /// Z: zero rated goods.
    ZeroRated,
    /// E: exempt from tax.
    Exempt,
    /// AE: VAT reverse charge.
    ReverseCharge,
    /// K: intra-community supply (EU goods).
    IntraCommunity,
    /// G: free export item, tax not charged.
    Export,
    /// O: services outside scope of tax.
    OutsideScope,
}

impl VatCategory {
    /// The UNCL5305 code used in UBL.
    pub fn code(self) -> &'static str {
        match self {
            VatCategory::Standard => "S",
            VatCategory::ZeroRated => "Z",
            VatCategory::Exempt => "E",
            VatCategory::ReverseCharge => "AE",
            VatCategory::IntraCommunity => "K",
            VatCategory::Export => "G",
            VatCategory::OutsideScope => "O",
        }
    }

    /// Categories in which no VAT is charged and an exemption reason must be given.
    pub fn needs_exemption_reason(self) -> bool {
        !matches!(self, VatCategory::Standard | VatCategory::ZeroRated)
    }
}

/// A reason why no VAT is charged: the code from the VATEX list and the text printed on the invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    /// VATEX code, where the list has one for the case (e.g. `VATEX-EU-AE`).
    pub code: Option<&'static str>,
    pub text: Text,
}

impl VatTreatment {
    /// The category for this treatment at the given rate.
    pub fn category(self, rate: Decimal) -> VatCategory {
        match self {
            VatTreatment::Swedish if rate.is_zero() => VatCategory::ZeroRated,
            VatTreatment::Swedish => VatCategory::Standard,
            VatTreatment::Exempt => VatCategory::Exempt,
            VatTreatment::DomesticReverseCharge | VatTreatment::EuServices => {
                VatCategory::ReverseCharge
            }
            VatTreatment::EuGoods => VatCategory::IntraCommunity,
            VatTreatment::Export => VatCategory::Export,
            VatTreatment::OutsideScope => VatCategory::OutsideScope,
        }
    }

    /// Whether the seller charges VAT at all under this treatment.
    pub fn charges_vat(self) -> bool {
        matches!(self, VatTreatment::Swedish)
    }

    /// Whether the buyer's VAT number must be on the invoice (the buyer accounts for the VAT).
    pub fn requires_buyer_vat_number(self) -> bool {
        matches!(
            self,
            VatTreatment::EuGoods | VatTreatment::EuServices | VatTreatment::DomesticReverseCharge
        )
    }

    /// The text the invoice must carry when no VAT is charged (mervärdesskattelagen 17 kap. 24 §).
    pub fn exemption(self) -> Option<Exemption> {
        let (code, sv, en) = match self {
            VatTreatment::Swedish => return None,
            VatTreatment::Exempt => (
                None,
                "Undantaget från skatteplikt enligt 10 kap. mervärdesskattelagen",
                "Exempt from VAT under chapter 10 of the Swedish VAT Act",
            ),
            VatTreatment::DomesticReverseCharge => (
                Some("VATEX-EU-AE"),
                "Omvänd betalningsskyldighet",
                "Reverse charge",
            ),
            VatTreatment::EuServices => (
                Some("VATEX-EU-AE"),
                "Omvänd betalningsskyldighet, artikel 196 i mervärdesskattedirektivet",
                "Reverse charge, Article 196 of Council Directive 2006/112/EC",
            ),
            VatTreatment::EuGoods => (
                Some("VATEX-EU-IC"),
                "Unionsintern varuleverans, 10 kap. 42 § mervärdesskattelagen och artikel 138 i mervärdesskattedirektivet",
                "Intra-Community supply of goods, Article 138 of Council Directive 2006/112/EC",
            ),
            VatTreatment::Export => (
                Some("VATEX-EU-G"),
                "Export av varor utanför EU, 10 kap. 56 § mervärdesskattelagen",
                "Export of goods outside the EU",
            ),
            VatTreatment::OutsideScope => (
                Some("VATEX-EU-O"),
                "Utanför mervärdesskattelagens tillämpningsområde",
                "Not subject to VAT",
            ),
        };
        Some(Exemption {
            code,
            text: Text::new(sv, en),
        })
    }

    /// Stable storage code.
    pub fn code(self) -> &'static str {
        match self {
            VatTreatment::Swedish => "swedish",
            VatTreatment::Exempt => "exempt",
            VatTreatment::DomesticReverseCharge => "domestic_reverse_charge",
            VatTreatment::EuGoods => "eu_goods",
            VatTreatment::EuServices => "eu_services",
            VatTreatment::Export => "export",
            VatTreatment::OutsideScope => "outside_scope",
        }
    }

    pub fn from_code(code: &str) -> Option<VatTreatment> {
        Self::ALL
            .into_iter()
            .find(|treatment| treatment.code() == code)
    }

    pub const ALL: [VatTreatment; 7] = [
        VatTreatment::Swedish,
        VatTreatment::Exempt,
        VatTreatment::DomesticReverseCharge,
        VatTreatment::EuGoods,
        VatTreatment::EuServices,
        VatTreatment::Export,
        VatTreatment::OutsideScope,
    ];
}

/// The VAT of one line or charge: treatment plus rate in percent (25, 12, 6 or 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LineVat {
    pub treatment: VatTreatment,
    pub rate: Decimal,
}

impl LineVat {
    pub fn swedish(rate: Decimal) -> LineVat {
        LineVat {
            treatment: VatTreatment::Swedish,
            rate,
        }
    }

    /// A treatment that charges no VAT, at rate zero.
    pub fn untaxed(treatment: VatTreatment) -> LineVat {
        LineVat {
            treatment,
            rate: Decimal::ZERO,
        }
    }

    pub fn category(self) -> VatCategory {
        self.treatment.category(self.rate)
    }

    /// The rate that is actually applied: zero whenever the treatment charges no VAT.
    pub fn effective_rate(self) -> Decimal {
        if self.treatment.charges_vat() {
            self.rate
        } else {
            Decimal::ZERO
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn maps_treatments_to_categories() {
        let cases = [
            (VatTreatment::Swedish, dec!(25), "S"),
            (VatTreatment::Swedish, dec!(0), "Z"),
            (VatTreatment::Exempt, dec!(0), "E"),
            (VatTreatment::DomesticReverseCharge, dec!(0), "AE"),
            (VatTreatment::EuServices, dec!(0), "AE"),
            (VatTreatment::EuGoods, dec!(0), "K"),
            (VatTreatment::Export, dec!(0), "G"),
            (VatTreatment::OutsideScope, dec!(0), "O"),
        ];
        for (treatment, rate, code) in cases {
            assert_eq!(treatment.category(rate).code(), code, "{treatment:?}");
            assert_eq!(
                treatment.exemption().is_some(),
                treatment.category(rate).needs_exemption_reason(),
                "{treatment:?}"
            );
        }
    }

    #[test]
    fn treatment_codes_round_trip() {
        for treatment in VatTreatment::ALL {
            assert_eq!(VatTreatment::from_code(treatment.code()), Some(treatment));
        }
    }
}
