//! Foreign companies' registry numbers as Peppol electronic addresses: the Electronic Address
//! Scheme (EAS) each country's register has in the Peppol code list, and the format each must have
//! (PEPPOL-COMMON-R040..R050), so a legal id becomes the buyer's address only in a form the
//! official validator accepts.

use crate::checks::{is_norwegian_org_number, is_swedish_org_number};
use crate::codes::is_address_scheme;

/// A scheme and identifier, before it is tied to the register field it came from.
pub(crate) type SchemeAndId = (String, String);

/// GS1 Global Location Number.
pub const GLN: &str = "0088";
/// Belgian enterprise number (KBO/BCE).
pub const BELGIAN_ENTERPRISE_NUMBER: &str = "0208";
/// Danish CVR number.
pub const DANISH_CVR: &str = "0184";
/// Finnish OVT code: `0037` + the business id (Y-tunnus) without its hyphen.
pub const FINNISH_OVT: &str = "0216";
/// Australian Business Number.
pub const AUSTRALIAN_ABN: &str = "0151";
/// The United States' Employer Identification Number.
pub const US_EIN: &str = "9959";

fn digits_only(text: &str) -> Option<&str> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

/// `text` without spaces, hyphens, dots and slashes, in upper case.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/'))
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Whether `digits` is a GS1 number (GLN) with a valid check digit: weights 3, 1, 3, ... from the
/// digit left of the check digit.
pub fn is_gln(digits: &str) -> bool {
    let Some(digits) = digits_only(digits).filter(|d| d.len() == 13) else {
        return false;
    };
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = values[..12]
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
        .sum();
    (10 - sum % 10) % 10 == values[12]
}

/// Whether `digits` is a Belgian enterprise number: ten digits whose last two are 97 minus the
/// first eight modulo 97 (PEPPOL-COMMON-R043).
pub fn is_belgian_enterprise_number(digits: &str) -> bool {
    let Some(digits) = digits_only(digits).filter(|d| d.len() == 10) else {
        return false;
    };
    let (Ok(body), Ok(check)) = (digits[..8].parse::<u64>(), digits[8..].parse::<u64>()) else {
        return false;
    };
    97 - body % 97 == check
}

/// Whether `digits` is a Finnish business id (Y-tunnus) without its hyphen: seven digits and a
/// modulus 11 check digit with weights 7, 9, 10, 5, 8, 4, 2.
pub fn is_finnish_business_id(digits: &str) -> bool {
    let Some(digits) = digits_only(digits).filter(|d| d.len() == 8) else {
        return false;
    };
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = values[..7]
        .iter()
        .zip([7, 9, 10, 5, 8, 4, 2])
        .map(|(d, w)| d * w)
        .sum();
    match sum % 11 {
        0 => values[7] == 0,
        1 => false,
        remainder => 11 - remainder == values[7],
    }
}

/// Whether `digits` is an Australian Business Number (PEPPOL-COMMON-R050): eleven digits, the first
/// lowered by one, weighted 10, 1, 3, 5, ..., 19, summing to a multiple of 89.
pub fn is_australian_abn(digits: &str) -> bool {
    let Some(digits) = digits_only(digits).filter(|d| d.len() == 11) else {
        return false;
    };
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    if values[0] == 0 {
        return false;
    }
    let weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    let sum: u32 = values
        .iter()
        .enumerate()
        .map(|(i, d)| if i == 0 { d - 1 } else { *d } * weights[i])
        .sum();
    sum.is_multiple_of(89)
}

/// The address a foreign company's legal id gives in its country's register scheme, when the
/// country has one in the Peppol list and the id has that register's form. Any country's id may
/// also be a GLN, or be typed as `scheme:identifier` with a scheme from the Peppol list.
pub(crate) fn registry_address(country: &str, legal_id: &str) -> Option<SchemeAndId> {
    if let Some((scheme, identifier)) = legal_id.trim().split_once(':') {
        let (scheme, identifier) = (scheme.trim(), identifier.trim());
        return (is_address_scheme(scheme) && !identifier.is_empty())
            .then(|| (scheme.to_owned(), identifier.to_owned()));
    }
    let id = squeezed(legal_id);
    // A registry number is sometimes typed with its country's letters ("NO 923 609 016 MVA").
    let national = id
        .strip_prefix(country)
        .map(|rest| rest.strip_suffix("MVA").unwrap_or(rest))
        .unwrap_or(&id);
    // A number of the register's shape is used even with a wrong check digit, so the check names
    // the typo (PEPPOL-COMMON-R041, R043, R050) instead of the address quietly becoming another.
    let shaped = |length: usize| digits_only(national).is_some_and(|d| d.len() == length);
    let found = match country {
        "NO" if shaped(9) => Some(("0192", national.to_owned())),
        "BE" if shaped(10) => Some((BELGIAN_ENTERPRISE_NUMBER, national.to_owned())),
        "BE" if shaped(9) => Some((BELGIAN_ENTERPRISE_NUMBER, format!("0{national}"))),
        "DK" if shaped(8) => Some((DANISH_CVR, national.to_owned())),
        // No Peppol rule checks an OVT code, so only a business id with a valid check digit is used.
        "FI" if is_finnish_business_id(national) => Some((FINNISH_OVT, format!("0037{national}"))),
        "AU" if shaped(11) => Some((AUSTRALIAN_ABN, national.to_owned())),
        "US" if shaped(9) => Some((US_EIN, national.to_owned())),
        _ => None,
    };
    found
        .map(|(scheme, identifier)| (scheme.to_owned(), identifier))
        .or_else(|| is_gln(&id).then(|| (GLN.to_owned(), id.clone())))
}

/// The address an EU (or nearby) VAT number gives: the country's VAT scheme, or for the countries
/// without one in the Peppol list their register's scheme, derived from the VAT number.
pub(crate) fn vat_address(vat_number: &str) -> Option<SchemeAndId> {
    let vat_number = squeezed(vat_number);
    let prefix = vat_number.get(..2)?;
    let national = &vat_number[2..];
    let derived = match prefix {
        "SE" => national
            .get(..10)
            .filter(|org| national.len() == 12 && is_swedish_org_number(org))
            .map(|org| ("0007", org.to_owned())),
        "NO" => {
            let digits = national.strip_suffix("MVA").unwrap_or(national);
            digits_only(digits)
                .filter(|d| d.len() == 9)
                .map(|_| ("0192", digits.to_owned()))
        }
        "DK" => digits_only(national)
            .filter(|d| d.len() == 8)
            .map(|_| (DANISH_CVR, vat_number.clone())),
        "FI" => is_finnish_business_id(national).then(|| (FINNISH_OVT, format!("0037{national}"))),
        "IT" => digits_only(national)
            .filter(|d| d.len() == 11)
            .map(|_| ("0211", vat_number.clone())),
        _ => VAT_SCHEMES
            .iter()
            .find(|(country, _)| *country == prefix)
            .map(|(_, scheme)| (*scheme, vat_number.clone())),
    };
    derived.map(|(scheme, identifier)| (scheme.to_owned(), identifier))
}

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
    ("XI", "9932"),
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

/// The Peppol rule an address breaks by its form, for the schemes the validator checks fatally.
pub(crate) fn format_rule(scheme: &str, identifier: &str) -> Option<&'static str> {
    let broken = match scheme {
        "0007" => Some(("PEPPOL-COMMON-R049", is_swedish_org_number(identifier))),
        "0088" => Some(("PEPPOL-COMMON-R040", is_gln(identifier))),
        "0192" => Some(("PEPPOL-COMMON-R041", is_norwegian_org_number(identifier))),
        "0208" => Some((
            "PEPPOL-COMMON-R043",
            is_belgian_enterprise_number(identifier),
        )),
        "0151" => Some(("PEPPOL-COMMON-R050", is_australian_abn(identifier))),
        "0184" => {
            let cvr = identifier.strip_prefix("DK").unwrap_or(identifier);
            Some((
                "PEPPOL-COMMON-R042",
                digits_only(cvr).is_some_and(|d| d.len() == 8)
                    && (identifier.len() == 8 || identifier.len() == 10),
            ))
        }
        _ => None,
    };
    broken.and_then(|(rule, valid)| (!valid).then_some(rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(found: Option<SchemeAndId>) -> Option<String> {
        found.map(|(scheme, id)| format!("{scheme}:{id}"))
    }

    #[test]
    fn check_digits_of_foreign_registers() {
        assert!(is_gln("7300010000001"));
        assert!(!is_gln("7300010000002"));
        assert!(is_belgian_enterprise_number("0403170701"));
        assert!(!is_belgian_enterprise_number("0403170702"));
        assert!(is_finnish_business_id("01120389"));
        assert!(!is_finnish_business_id("01120388"));
        assert!(is_australian_abn("51824753556"));
        assert!(!is_australian_abn("51824753557"));
    }

    #[test]
    fn legal_ids_become_addresses_in_their_countrys_scheme() {
        let cases = [
            ("NO", "923 609 016", Some("0192:923609016")),
            ("NO", "NO923609016MVA", Some("0192:923609016")),
            ("NO", "987654321", Some("0192:987654321")),
            ("NO", "98765432", None),
            ("BE", "0403.170.701", Some("0208:0403170701")),
            ("BE", "403170701", Some("0208:0403170701")),
            ("DK", "DK 12345678", Some("0184:12345678")),
            ("FI", "0112038-9", Some("0216:003701120389")),
            ("AU", "51 824 753 556", Some("0151:51824753556")),
            ("US", "12-3456789", Some("9959:123456789")),
            ("DE", "HRB 12345", None),
            ("DE", "7300010000001", Some("0088:7300010000001")),
            ("GB", "0088:7300010000001", Some("0088:7300010000001")),
            ("GB", "9999:abc", None),
        ];
        for (country, legal_id, expected) in cases {
            assert_eq!(
                pair(registry_address(country, legal_id)).as_deref(),
                expected,
                "{country} {legal_id}"
            );
        }
    }

    #[test]
    fn vat_numbers_become_addresses() {
        let cases = [
            ("DE123456789", Some("9930:DE123456789")),
            ("FI01120389", Some("0216:003701120389")),
            ("DK12345678", Some("0184:DK12345678")),
            ("IT12345678901", Some("0211:IT12345678901")),
            ("SE556036079301", Some("0007:5560360793")),
            ("NO923609016MVA", Some("0192:923609016")),
            ("XX123", None),
        ];
        for (vat, expected) in cases {
            assert_eq!(pair(vat_address(vat)).as_deref(), expected, "{vat}");
        }
    }

    #[test]
    fn format_rules_fire_only_for_broken_identifiers() {
        assert_eq!(format_rule("0007", "5560360793"), None);
        assert_eq!(
            format_rule("0007", "5560360794"),
            Some("PEPPOL-COMMON-R049")
        );
        assert_eq!(format_rule("0088", "1234"), Some("PEPPOL-COMMON-R040"));
        assert_eq!(format_rule("0184", "DK12345678"), None);
        assert_eq!(format_rule("0184", "1234"), Some("PEPPOL-COMMON-R042"));
        assert_eq!(format_rule("9930", "DE123456789"), None);
    }
}
