//! The Bankgiro number a Swedish seller is paid to, printed on the invoice and sent in Peppol
//! as PaymentMeansCode 30 with `SE:BANKGIRO`.

use std::fmt;
use std::str::FromStr;

use super::input::{all_digits, compact, shown};
use super::luhn;
use crate::{FieldError, Text};

/// A valid Bankgiro number: seven or eight digits, the last a Luhn check digit over all.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bankgiro {
    digits: String,
}

impl Bankgiro {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "bankgiro";

    /// Accepts `5050-1055`, `991-2346`, `50501055`, with spaces anywhere.
    pub fn parse(input: &str) -> Result<Bankgiro, FieldError> {
        let digits = compact(input, &['-']);
        let shown = shown(input);
        if digits.is_empty() {
            return Err(error(
                "required",
                "Bankgironumret saknas. Ange det med sju eller åtta siffror, till exempel \
                 NNN-NNNN eller NNNN-NNNN.",
                "The Bankgiro number is missing. Enter its seven or eight digits, as NNN-NNNN \
                 or NNNN-NNNN.",
            ));
        }
        if !all_digits(&digits) {
            return Err(error(
                "format",
                format!(
                    "Bankgironumret {shown} får bara innehålla siffror och bindestreck. Ange det \
                     i formen NNN-NNNN eller NNNN-NNNN."
                ),
                format!(
                    "The Bankgiro number {shown} may only contain digits and a hyphen. Enter it \
                     as NNN-NNNN or NNNN-NNNN."
                ),
            ));
        }
        if !(7..=8).contains(&digits.len()) {
            let count = digits.len();
            return Err(error(
                "length",
                format!(
                    "Bankgironumret {shown} har {count} siffror men ska ha sju eller åtta. \
                     Kontrollera numret."
                ),
                format!(
                    "The Bankgiro number {shown} has {count} digits but needs seven or eight. \
                     Check the number."
                ),
            ));
        }
        if !luhn::is_valid(&digits) {
            return Err(error(
                "checksum",
                format!("Bankgironumret {shown} har fel kontrollsiffra. Kontrollera numret."),
                format!("The Bankgiro number {shown} has a wrong check digit. Check the number."),
            ));
        }
        Ok(Bankgiro { digits })
    }

    /// The digits without a hyphen, as stored and as sent in Peppol.
    pub fn digits(&self) -> &str {
        &self.digits
    }
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(Bankgiro::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for Bankgiro {
    /// `123-4567` or `1234-5678`: the last four digits after a hyphen.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, tail) = self.digits.split_at(self.digits.len() - 4);
        write!(f, "{head}-{tail}")
    }
}

impl FromStr for Bankgiro {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Bankgiro, FieldError> {
        Bankgiro::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_numbers_normalise_and_display() {
        let cases = [
            ("5050-1055", "50501055", "5050-1055"),
            ("991-2346", "9912346", "991-2346"),
            (" 5050 1055 ", "50501055", "5050-1055"),
            ("1234-5674", "12345674", "1234-5674"),
            ("123-4566", "1234566", "123-4566"),
        ];
        for (input, digits, display) in cases {
            let number = Bankgiro::parse(input).expect(input);
            assert_eq!(number.digits(), digits, "input {input:?}");
            assert_eq!(number.to_string(), display, "input {input:?}");
        }
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let cases = [
            ("", "required"),
            ("5050-105S", "format"),
            ("505-010", "length"),
            ("5050-10555", "length"),
            ("5050-1056", "checksum"),
            ("991-2345", "checksum"),
        ];
        for (input, code) in cases {
            let error = Bankgiro::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, Bankgiro::FIELD);
        }
    }

    proptest! {
        #[test]
        fn generated_numbers_round_trip(payload in "[0-9]{6,7}") {
            let digits = luhn::with_check_digit(&payload).expect("digits");
            let number = Bankgiro::parse(&digits).expect("computed check digit");
            prop_assert_eq!(Bankgiro::parse(&number.to_string()), Ok(number));
        }
    }
}
