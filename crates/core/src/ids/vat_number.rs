//! VAT registration numbers (momsregistreringsnummer): the Swedish one, checked in full, and
//! those of other EU countries (plus Norway and the United Kingdom), checked for the format
//! their country uses.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::input::{all_digits, compact, shown};
use super::legal_id::LegalId;
use super::luhn;
use super::org_number::OrgNumber;
use crate::{FieldError, Text};

/// The shapes of the part after the country prefix, per country, following the EU
/// Commission's VIES formats. In a shape `9` is a digit, `a` a letter, `x` a digit or letter,
/// and an upper-case letter stands for itself.
const FORMATS: &[(&str, &[&str], bool)] = &[
    ("AT", &["U99999999"], true),
    ("BE", &["9999999999"], true),
    ("BG", &["999999999", "9999999999"], true),
    ("CY", &["99999999a"], true),
    ("CZ", &["99999999", "999999999", "9999999999"], true),
    ("DE", &["999999999"], true),
    ("DK", &["99999999"], true),
    ("EE", &["999999999"], true),
    ("EL", &["999999999"], true),
    ("ES", &["x9999999x"], true),
    ("FI", &["99999999"], true),
    ("FR", &["xx999999999"], true),
    ("GR", &["999999999"], true),
    ("HR", &["99999999999"], true),
    ("HU", &["99999999"], true),
    ("IE", &["9x99999a", "9999999aa"], true),
    ("IT", &["99999999999"], true),
    ("LT", &["999999999", "999999999999"], true),
    ("LU", &["99999999"], true),
    ("LV", &["99999999999"], true),
    ("MT", &["99999999"], true),
    ("NL", &["999999999B99"], true),
    ("PL", &["9999999999"], true),
    ("PT", &["999999999"], true),
    (
        "RO",
        &[
            "99",
            "999",
            "9999",
            "99999",
            "999999",
            "9999999",
            "99999999",
            "999999999",
            "9999999999",
        ],
        true,
    ),
    ("SI", &["99999999"], true),
    ("SK", &["9999999999"], true),
    // Northern Ireland keeps an EU VAT prefix for goods under the Windsor Framework.
    ("XI", &["999999999", "999999999999", "GD999", "HA999"], true),
    (
        "GB",
        &["999999999", "999999999999", "GD999", "HA999"],
        false,
    ),
    ("NO", &["999999999MVA"], false),
];

/// A valid VAT number in its compact form, such as `SE556721204701` or `DE123456789`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VatNumber {
    value: String,
}

impl VatNumber {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "vat_number";

    /// Accepts the number with or without spaces, hyphens and dots, in any letter case.
    /// Swedish numbers must be `SE` + a ten-digit org or personal number with a valid check
    /// digit + `01`.
    pub fn parse(input: &str) -> Result<VatNumber, FieldError> {
        let value = compact(input, &['-', '.']);
        let shown = shown(input);
        if value.is_empty() {
            return Err(error(
                "required",
                "Momsregistreringsnumret saknas. Ange det med landskod, till exempel \
                 SE556721204701.",
                "The VAT number is missing. Enter it with its country code, for example \
                 SE556721204701.",
            ));
        }
        let country: String = value.chars().take(2).collect();
        let national = value.get(2..).unwrap_or_default();
        if country == "SE" {
            check_swedish(national, &shown)?;
        } else {
            let Some((_, shapes, _)) = FORMATS.iter().find(|(code, _, _)| *code == country) else {
                return Err(unknown_country(&shown, &value));
            };
            if !shapes.iter().any(|shape| matches_shape(national, shape)) {
                let example = shapes
                    .first()
                    .map(|shape| example_of(shape))
                    .unwrap_or_default();
                return Err(error(
                    "format",
                    format!(
                        "Momsregistreringsnumret {shown} har inte formen för {country}, som är \
                         {country}{example} (9 = siffra, A = bokstav, X = siffra eller bokstav). Kontrollera numret."
                    ),
                    format!(
                        "The VAT number {shown} does not have the format for {country}, which is \
                         {country}{example} (9 = digit, A = letter, X = digit or letter). Check the number."
                    ),
                ));
            }
        }
        Ok(VatNumber { value })
    }

    /// `SE` + the org number's ten digits + `01`.
    pub fn from_org_number(org_number: &OrgNumber) -> VatNumber {
        VatNumber {
            value: format!("SE{}01", org_number.digits()),
        }
    }

    /// The Swedish VAT number of a company or a sole trader (whose personal number is used).
    pub fn from_legal_id(legal_id: &LegalId) -> VatNumber {
        VatNumber {
            value: format!("SE{}01", legal_id.ten_digits()),
        }
    }

    /// The compact form, as stored and as sent in Peppol.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The two-letter prefix (`SE`, `DE`, `EL` for Greece, …).
    pub fn country_code(&self) -> &str {
        &self.value[..2]
    }

    /// The number after the country prefix.
    pub fn national_part(&self) -> &str {
        &self.value[2..]
    }

    /// True for Swedish VAT numbers.
    pub fn is_swedish(&self) -> bool {
        self.country_code() == "SE"
    }

    /// True when the number belongs to an EU member state (including Northern Ireland's `XI`),
    /// which is what intra-EU supplies and reverse charge need.
    pub fn is_eu(&self) -> bool {
        self.is_swedish()
            || FORMATS
                .iter()
                .any(|(code, _, eu)| *eu && *code == self.country_code())
    }

    /// The org number inside a Swedish VAT number of a legal entity; `None` for a sole
    /// trader's or a foreign number.
    pub fn org_number(&self) -> Option<OrgNumber> {
        if self.is_swedish() {
            OrgNumber::parse(&self.value[2..12]).ok()
        } else {
            None
        }
    }
}

fn check_swedish(national: &str, shown: &str) -> Result<(), FieldError> {
    let wrong_format = || {
        error(
            "format",
            format!(
                "Momsregistreringsnumret {shown} ska vara SE följt av tio siffror och 01, till \
                 exempel SE556721204701."
            ),
            format!(
                "The VAT number {shown} must be SE followed by ten digits and 01, for example \
                 SE556721204701."
            ),
        )
    };
    if national.len() == 10 && all_digits(national) {
        return Err(error(
            "format",
            format!(
                "Momsregistreringsnumret {shown} saknar 01 på slutet. Ett svenskt \
                 momsregistreringsnummer är SE + organisationsnumret + 01."
            ),
            format!(
                "The VAT number {shown} lacks the 01 at the end. A Swedish VAT number is SE + \
                 the organisation number + 01."
            ),
        ));
    }
    if national.len() != 12 || !all_digits(national) || !national.ends_with("01") {
        return Err(wrong_format());
    }
    if !is_org_or_personal_number(&national[..10]) {
        return Err(error(
            "format",
            format!(
                "Momsregistreringsnumret {shown} innehåller varken ett organisationsnummer eller \
                 ett personnummer. Kontrollera siffrorna mellan SE och 01."
            ),
            format!(
                "The VAT number {shown} contains neither an organisation number nor a personal \
                 identity number. Check the digits between SE and 01."
            ),
        ));
    }
    if !luhn::is_valid(&national[..10]) {
        return Err(error(
            "checksum",
            format!(
                "Momsregistreringsnumret {shown} innehåller ett organisationsnummer med fel \
                 kontrollsiffra. Kontrollera numret."
            ),
            format!(
                "The VAT number {shown} contains an organisation number with a wrong check digit. \
                 Check the number."
            ),
        ));
    }
    Ok(())
}

/// An org number has 20 or more where a personal number has its month; a sole trader's
/// personal number must hold a real month and day (coordination numbers add 60 to the day).
fn is_org_or_personal_number(ten_digits: &str) -> bool {
    let month: u32 = ten_digits[2..4].parse().unwrap_or_default();
    let mut day: u32 = ten_digits[4..6].parse().unwrap_or_default();
    if month >= 20 {
        return true;
    }
    if day > 60 {
        day -= 60;
    }
    // 2000 was a leap year, so 29 February passes here; the century is unknown anyway.
    NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

fn unknown_country(shown: &str, value: &str) -> FieldError {
    if value.starts_with(|c: char| c.is_ascii_digit()) {
        return error(
            "country",
            format!(
                "Momsregistreringsnumret {shown} saknar landskod. Börja med landets två \
                 bokstäver, till exempel SE556721204701."
            ),
            format!(
                "The VAT number {shown} lacks a country code. Start with the country's two \
                 letters, for example SE556721204701."
            ),
        );
    }
    error(
        "country",
        format!(
            "Momsregistreringsnumret {shown} börjar inte med landskoden för ett EU-land (eller \
             NO, GB). Kontrollera de två första bokstäverna."
        ),
        format!(
            "The VAT number {shown} does not start with the country code of an EU country (or \
             NO, GB). Check the first two letters."
        ),
    )
}

/// True when `text` fits `shape` character by character (see [`FORMATS`]).
fn matches_shape(text: &str, shape: &str) -> bool {
    text.len() == shape.len()
        && text.bytes().zip(shape.bytes()).all(|(c, s)| match s {
            b'9' => c.is_ascii_digit(),
            b'a' => c.is_ascii_uppercase(),
            b'x' => c.is_ascii_digit() || c.is_ascii_uppercase(),
            literal => c == literal,
        })
}

/// A shape written for people: digits as 9, letters as A, either as X.
fn example_of(shape: &str) -> String {
    shape.to_ascii_uppercase()
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(VatNumber::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for VatNumber {
    /// The compact form, which is also how Swedish invoices print it (`SE556721204701`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for VatNumber {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<VatNumber, FieldError> {
        VatNumber::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_normalise() {
        let cases = [
            ("SE556721204701", "SE556721204701", true),
            ("se 556721-2047 01", "SE556721204701", true),
            ("SE121212121201", "SE121212121201", true),
            ("SE701063239101", "SE701063239101", true),
            ("DE 123 456 789", "DE123456789", true),
            ("ATU12345678", "ATU12345678", true),
            ("FR40303265045", "FR40303265045", true),
            ("NL123456789B01", "NL123456789B01", true),
            ("ESX1234567Z", "ESX1234567Z", true),
            ("IE1X23456A", "IE1X23456A", true),
            ("EL123456789", "EL123456789", true),
            ("BE0123.456.789", "BE0123456789", true),
            ("RO18547290", "RO18547290", true),
            ("XIGD123", "XIGD123", true),
            ("NO923609016MVA", "NO923609016MVA", false),
            ("GB123456789", "GB123456789", false),
        ];
        for (input, compact, eu) in cases {
            let number = VatNumber::parse(input).expect(input);
            assert_eq!(number.as_str(), compact, "input {input:?}");
            assert_eq!(number.to_string(), compact, "input {input:?}");
            assert_eq!(number.is_eu(), eu, "input {input:?}");
        }
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let cases = [
            ("", "required"),
            ("5567212047", "country"),
            ("556721204701", "country"),
            ("US123456789", "country"),
            ("SE5567212047", "format"),
            ("SE556721204702", "format"),
            ("SE55672120470", "format"),
            ("SE55672120A701", "format"),
            ("SE556721204801", "checksum"),
            ("SE000000000001", "format"),
            ("SE121232121201", "format"),
            ("DE12345678", "format"),
            ("ATX12345678", "format"),
            ("NL123456789C01", "format"),
            ("FI1234567", "format"),
            ("S", "country"),
        ];
        for (input, code) in cases {
            let error = VatNumber::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, VatNumber::FIELD);
        }
    }

    #[test]
    fn swedish_number_gives_back_its_org_number() {
        let number = VatNumber::parse("SE556036079301").expect("valid");
        let org = number.org_number().expect("org number inside");
        assert_eq!(org.to_string(), "556036-0793");
        assert_eq!(VatNumber::from_org_number(&org), number);
        assert_eq!(number.country_code(), "SE");
        assert_eq!(number.national_part(), "556036079301");
        let sole_trader = VatNumber::parse("SE121212121201").expect("valid");
        assert_eq!(sole_trader.org_number(), None);
        let foreign = VatNumber::parse("DE123456789").expect("valid");
        assert_eq!(foreign.org_number(), None);
    }

    #[test]
    fn sole_trader_vat_number_uses_the_personal_number() {
        let person = LegalId::parse("19121212-1212").expect("valid");
        assert_eq!(VatNumber::from_legal_id(&person).as_str(), "SE121212121201");
    }

    #[test]
    fn format_error_shows_the_expected_shape() {
        let error = VatNumber::parse("DE12345678").expect_err("too short");
        assert!(
            error.message.sv.contains("DE999999999"),
            "{}",
            error.message.sv
        );
        assert!(
            error.message.en.contains("DE999999999"),
            "{}",
            error.message.en
        );
    }
}
