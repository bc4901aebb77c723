//! Peppol electronic addresses (EndpointID) for seller and buyer, and the identifier cleaning they need.
//!
//! The buyer's address comes from the receiver lookup when we have one; otherwise it is derived from
//! what the customer register holds, the same way on every invoice, so the pre-send checks and the
//! writer always agree on which address (and which format rule) applies.

use fakturera_core::party::{Buyer, BuyerKind, Seller};

use crate::registry_ids::{SchemeAndId, registry_address, vat_address};

/// The Swedish organisation number scheme (ISO 6523 ICD 0007).
pub const SWEDISH_ORG_NUMBER: &str = "0007";
/// The Norwegian organisation number scheme, checked with modulus 11 by PEPPOL-COMMON-R041.
pub const NORWEGIAN_ORG_NUMBER: &str = "0192";

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

/// The scheme for an e-mail address (EN 16931's EAS list has it; Peppol's list does not, so an
/// invoice with it is fine for e-mail and letter but can never travel as a Peppol e-invoice).
pub const EMAIL: &str = "EM";

/// The buyer's electronic address (BT-49), or `None` when the register holds nothing that can
/// serve as one.
///
/// In order: the address the receiver lookup found (it always wins); a Swedish company's
/// organisation number, or a Swedish private person's personal number in its ten-digit form (a
/// sole trader's organisation number has the same form), under 0007; a foreign company's registry
/// number under its country's scheme (0192 Norway, 0208 Belgium, 0184 Denmark, 0216 Finland, 0151
/// Australia, 9959 the United States) or a GLN (0088); a VAT number under its country's scheme;
/// and when nothing else is known, the e-mail address under `EM`.
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
    let tied = |field: &'static str| {
        move |(scheme, identifier): SchemeAndId| ElectronicAddress {
            scheme,
            identifier,
            source_field: field,
        }
    };
    let legal_id = compact(&buyer.legal_id);
    let from_legal_id = if legal_id.is_empty() {
        None
    } else if buyer.address.is_swedish() {
        let ten_digits = match buyer.kind {
            // `get`: a legal id typed with other characters is never sliced inside one.
            BuyerKind::Private if legal_id.len() == 12 => legal_id
                .get(2..)
                .map_or_else(|| legal_id.clone(), str::to_owned),
            _ => legal_id,
        };
        Some((SWEDISH_ORG_NUMBER.to_owned(), ten_digits))
    } else if buyer.kind == BuyerKind::Company {
        let country = buyer.address.country_code.trim().to_ascii_uppercase();
        registry_address(&country, &buyer.legal_id)
    } else {
        None
    };
    from_legal_id
        .map(tied("buyer.legal_id"))
        .or_else(|| vat_address(&buyer.vat_number).map(tied("buyer.vat_number")))
        .or_else(|| {
            let email = buyer.email.trim();
            (!email.is_empty()).then(|| ElectronicAddress {
                scheme: EMAIL.to_owned(),
                identifier: email.to_owned(),
                source_field: "buyer.email",
            })
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
        let mut finnish = samples::eu_buyer();
        finnish.legal_id.clear();
        finnish.vat_number = "FI01120389".to_owned();
        finnish.address.country_code = "FI".to_owned();
        let mut belgian = samples::eu_buyer();
        belgian.legal_id = "0403.170.701".to_owned();
        belgian.vat_number = "BE0403170701".to_owned();
        belgian.address.country_code = "BE".to_owned();
        let mut american = samples::export_buyer();
        american.legal_id = "12-3456789".to_owned();
        american.vat_number.clear();
        american.address.country_code = "US".to_owned();
        let mut unknown = samples::export_buyer();
        unknown.legal_id = "Reg. 4471".to_owned();
        unknown.vat_number.clear();
        unknown.address.country_code = "CN".to_owned();
        let mut nothing = samples::private_buyer();
        nothing.email.clear();
        let cases = [
            (lookup, Some("0088:7300010000001")),
            (company, Some("0007:5560360793")),
            (private, Some("0007:8112189876")),
            (
                samples::private_buyer(),
                Some("EM:asa.lindqvist@example.se"),
            ),
            (samples::eu_buyer(), Some("9930:DE123456789")),
            (norwegian, Some("0192:923609016")),
            (finnish, Some("0216:003701120389")),
            (belgian, Some("0208:0403170701")),
            (american, Some("9959:123456789")),
            (unknown, Some("EM:invoice@fjordsupply.no")),
            (nothing, None),
        ];
        for (buyer, expected) in cases {
            let found = buyer_address(&buyer).map(|address| address.to_string());
            assert_eq!(found.as_deref(), expected, "{}", buyer.name);
        }
    }
}
