//! The Swedish organisation number (organisationsnummer) that identifies a legal entity, as the
//! Peppol scheme 0007 identifier and inside the Swedish VAT number.

use std::fmt;
use std::str::FromStr;

use super::input::{all_digits, compact, shown};
use super::luhn;
use super::vat_number::VatNumber;
use crate::{FieldError, Text};

/// A valid organisation number: ten digits, the third at least 2 (the "month" digits of a
/// legal entity are 20 or more, which sets it apart from a personal number), Luhn over all ten.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgNumber {
    digits: String,
}

impl OrgNumber {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "org_number";

    /// Accepts `556721-2047`, `5567212047`, spaces anywhere, and the twelve-digit form with the
    /// `16` century prefix some registers use (`16556721-2047`).
    pub fn parse(input: &str) -> Result<OrgNumber, FieldError> {
        let compacted = compact(input, &['-', '+']);
        let shown = shown(input);
        if compacted.is_empty() {
            return Err(error(
                "required",
                "Organisationsnumret saknas. Ange det med tio siffror, i formen NNNNNN-NNNN.",
                "The organisation number is missing. Enter its ten digits, as NNNNNN-NNNN.",
            ));
        }
        if !all_digits(&compacted) {
            return Err(error(
                "format",
                format!(
                    "Organisationsnumret {shown} får bara innehålla siffror och bindestreck. \
                     Ange tio siffror, i formen NNNNNN-NNNN."
                ),
                format!(
                    "The organisation number {shown} may only contain digits and a hyphen. \
                     Enter ten digits, as NNNNNN-NNNN."
                ),
            ));
        }
        let digits = match compacted.strip_prefix("16") {
            Some(rest) if compacted.len() == 12 => rest.to_owned(),
            _ => compacted,
        };
        if digits.len() != 10 {
            let count = digits.len();
            return Err(error(
                "length",
                format!(
                    "Organisationsnumret {shown} har {count} siffror men ska ha tio. \
                     Kontrollera numret."
                ),
                format!(
                    "The organisation number {shown} has {count} digits but needs ten. \
                     Check the number."
                ),
            ));
        }
        if digits.as_bytes()[2] < b'2' {
            return Err(error(
                "personal_number",
                format!(
                    "{shown} ser ut som ett personnummer, inte ett organisationsnummer (tredje \
                     siffran är lägre än 2). Ange företagets organisationsnummer, eller \
                     personnumret om kunden är en privatperson eller enskild firma."
                ),
                format!(
                    "{shown} looks like a personal identity number, not an organisation number \
                     (the third digit is below 2). Enter the company's organisation number, or \
                     the personal number if the customer is a private person or sole trader."
                ),
            ));
        }
        if !luhn::is_valid(&digits) {
            return Err(error(
                "checksum",
                format!("Organisationsnumret {shown} har fel kontrollsiffra. Kontrollera numret."),
                format!(
                    "The organisation number {shown} has a wrong check digit. Check the number."
                ),
            ));
        }
        Ok(OrgNumber { digits })
    }

    /// The ten digits without a hyphen, as stored and as sent in Peppol (scheme 0007).
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The Swedish VAT number of the entity: `SE` + these ten digits + `01`.
    pub fn vat_number(&self) -> VatNumber {
        VatNumber::from_org_number(self)
    }
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(OrgNumber::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for OrgNumber {
    /// The usual presentation form, `556721-2047`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, tail) = self.digits.split_at(6);
        write!(f, "{head}-{tail}")
    }
}

impl FromStr for OrgNumber {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<OrgNumber, FieldError> {
        OrgNumber::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_numbers_normalise_and_display() {
        let cases = [
            ("556721-2047", "5567212047", "556721-2047"),
            ("5560360793", "5560360793", "556036-0793"),
            (" 212000-0142 ", "2120000142", "212000-0142"),
            ("802000-2294", "8020002294", "802000-2294"),
            ("16556036-0793", "5560360793", "556036-0793"),
            ("556 036 07 93", "5560360793", "556036-0793"),
        ];
        for (input, digits, display) in cases {
            let number = OrgNumber::parse(input).expect(input);
            assert_eq!(number.digits(), digits, "input {input:?}");
            assert_eq!(number.to_string(), display, "input {input:?}");
        }
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let cases = [
            ("", "required"),
            ("   ", "required"),
            ("556721-204A", "format"),
            ("55672120", "length"),
            ("55672120471", "length"),
            ("17556036-0793", "length"),
            ("121212-1212", "personal_number"),
            ("556721-2048", "checksum"),
            ("802000-2296", "checksum"),
        ];
        for (input, code) in cases {
            let error = OrgNumber::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, OrgNumber::FIELD);
            assert!(!error.message.sv.is_empty() && !error.message.en.is_empty());
        }
    }

    #[test]
    fn checksum_message_quotes_the_number_in_both_languages() {
        let error = OrgNumber::parse("556721-2048").expect_err("wrong check digit");
        assert_eq!(
            error.message.sv,
            "Organisationsnumret 556721-2048 har fel kontrollsiffra. Kontrollera numret."
        );
        assert!(error.message.en.contains("556721-2048"));
        assert!(error.message.en.contains("check digit"));
    }

    #[test]
    fn vat_number_follows_from_the_org_number() {
        let number = OrgNumber::parse("556721-2047").expect("valid");
        assert_eq!(number.vat_number().as_str(), "SE556721204701");
    }

    proptest! {
        #[test]
        fn generated_numbers_round_trip(payload in "[0-9]{2}[2-9][0-9]{6}") {
            let digits = luhn::with_check_digit(&payload).expect("digits");
            let number = OrgNumber::parse(&digits).expect("computed check digit");
            prop_assert_eq!(OrgNumber::parse(&number.to_string()), Ok(number));
        }

        #[test]
        fn any_text_gives_a_valid_number_or_an_error(input in "[0-9 +-]{0,14}|\\PC{0,20}") {
            match OrgNumber::parse(&input) {
                Ok(number) => {
                    prop_assert_eq!(number.digits().len(), 10);
                    prop_assert!(luhn::is_valid(number.digits()));
                    prop_assert!(number.digits().as_bytes()[2] >= b'2');
                }
                Err(error) => prop_assert!(!error.message.sv.is_empty() && !error.message.en.is_empty()),
            }
        }
    }
}
