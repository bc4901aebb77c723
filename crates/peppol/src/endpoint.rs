//! Peppol electronic addresses (EndpointID) for seller and buyer, and the identifier cleaning they need.
//!
//! The buyer's address comes from the receiver lookup when we have one; otherwise it is derived from
//! what the customer register holds, the same way on every invoice, so the pre-send checks and the
//! writer always agree on which address (and which format rule) applies.

use fakturera_core::party::{Buyer, BuyerKind, Seller};

/// The Swedish organisation number scheme (ISO 6523 ICD 0007).
pub const SWEDISH_ORG_NUMBER: &str = "0007";
/// The Norwegian organisation number scheme, checked with modulus 11 by PEPPOL-COMMON-R041.
pub const NORWEGIAN_ORG_NUMBER: &str = "0192";

/// The Electronic Address Scheme codes for VAT numbers, per country prefix of the VAT number.
const VAT_SCHEMES: &[(&str, &str)] = &[
    ("AT", "9914"),
    ("BE", "9925"),
    ("BG", "9926"),
    ("CH", "9927"),
    ("CY", "9928"),
    ("CZ", "9929"),
    ("DE", "9930"),
    ("EE", "9931"),
    ("GB", "9932"),
    ("EL", "9933"),
    ("HR", "9934"),
    ("IE", "9935"),
    ("LI", "9936"),
    ("LT", "9937"),
    ("LU", "9938"),
    ("LV", "9939"),
    ("MT", "9943"),
    ("NL", "9944"),
    ("PL", "9945"),
    ("PT", "9946"),
    ("RO", "9947"),
    ("SI", "9949"),
    ("SK", "9950"),
    ("ES", "9920"),
    ("HU", "9910"),
    ("FR", "9957"),
];

/// A Peppol participant address: scheme and identifier, written as `scheme:identifier`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElectronicAddress {
    pub scheme: String,
    pub identifier: String,
    /// The customer-register field the address was taken from, for messages about it.
    pub source_field: &'static str,
}

impl std::fmt::Display for ElectronicAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.scheme, self.identifier)
    }
}

/// `text` without the spaces and hyphens people type into numbers ("556721-2047" → "5567212047").
pub fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// The seller's electronic address: its organisation number under scheme 0007.
pub fn seller_address(seller: &Seller) -> ElectronicAddress {
    ElectronicAddress {
        scheme: SWEDISH_ORG_NUMBER.to_owned(),
        identifier: compact(&seller.org_number),
        source_field: "seller.org_number",
    }
}

/// The buyer's electronic address, or `None` when nothing in the register can serve as one.
///
/// In order: the address the receiver lookup found; a Swedish company's organisation number; a
/// Swedish private person's personal number in its ten-digit form (a sole trader's organisation
/// number has the same form under scheme 0007); a Norwegian organisation number; an EU VAT number
/// under its country's VAT scheme.
pub fn buyer_address(buyer: &Buyer) -> Option<ElectronicAddress> {
    if let Some(found) = buyer.einvoice_address.as_deref()
        && let Some((scheme, identifier)) = found.trim().split_once(':')
        && !scheme.trim().is_empty()
        && !identifier.trim().is_empty()
    {
        return Some(ElectronicAddress {
            scheme: scheme.trim().to_owned(),
            identifier: identifier.trim().to_owned(),
            source_field: "buyer.einvoice_address",
        });
    }
    let legal_id = compact(&buyer.legal_id);
    let from_legal_id = |scheme: &str, identifier: String| {
        Some(ElectronicAddress {
            scheme: scheme.to_owned(),
            identifier,
            source_field: "buyer.legal_id",
        })
    };
    if buyer.address.is_swedish() && !legal_id.is_empty() {
        return match buyer.kind {
            BuyerKind::Company => from_legal_id(SWEDISH_ORG_NUMBER, legal_id),
            BuyerKind::Private if legal_id.len() == 12 => {
                from_legal_id(SWEDISH_ORG_NUMBER, legal_id[2..].to_owned())
            }
            BuyerKind::Private => from_legal_id(SWEDISH_ORG_NUMBER, legal_id),
        };
    }
    let country = buyer.address.country_code.trim().to_ascii_uppercase();
    if country == "NO" && !legal_id.is_empty() {
        return from_legal_id(NORWEGIAN_ORG_NUMBER, legal_id);
    }
    let vat_number = compact(&buyer.vat_number).to_ascii_uppercase();
    let prefix = vat_number.get(..2)?;
    VAT_SCHEMES
        .iter()
        .find(|(country, _)| *country == prefix)
        .map(|(_, scheme)| ElectronicAddress {
            scheme: (*scheme).to_owned(),
            identifier: vat_number.clone(),
            source_field: "buyer.vat_number",
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::samples;

    #[test]
    fn derives_buyer_addresses() {
        let mut lookup = samples::domestic_buyer();
        lookup.einvoice_address = Some("0088:7300010000001".to_owned());
        let mut company = samples::domestic_buyer();
        company.einvoice_address = None;
        company.legal_id = "556036-0793".to_owned();
        let mut private = samples::private_buyer();
        private.legal_id = "198112189876".to_owned();
        let mut norwegian = samples::export_buyer();
        norwegian.legal_id = "923 609 016".to_owned();
        let cases = [
            (lookup, Some("0088:7300010000001")),
            (company, Some("0007:5560360793")),
            (private, Some("0007:8112189876")),
            (samples::private_buyer(), None),
            (samples::eu_buyer(), Some("9930:DE123456789")),
            (norwegian, Some("0192:923609016")),
        ];
        for (buyer, expected) in cases {
            let found = buyer_address(&buyer).map(|address| address.to_string());
            assert_eq!(found.as_deref(), expected, "{}", buyer.name);
        }
    }
}
