//! The Plusgiro number (PlusGirot, now run by Nordea) a seller can be paid to, sent in Peppol
//! as PaymentMeansCode 30 with `SE:PLUSGIRO`.

use std::fmt;
use std::str::FromStr;

use super::input::{all_digits, compact, shown};
use super::luhn;
use crate::{FieldError, Text};

/// A valid Plusgiro number: two to eight digits, the last a Luhn check digit over all.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Plusgiro {
    digits: String,
}

impl Plusgiro {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "plusgiro";

    /// Accepts `90 20 03-3`, `902003-3`, `9020033`.
    pub fn parse(input: &str) -> Result<Plusgiro, FieldError> {
        let digits = compact(input, &['-']);
        let shown = shown(input);
        if digits.is_empty() {
            return Err(error(
                "required",
                "Plusgironumret saknas. Ange det med två till åtta siffror, till exempel \
                 NN NN NN-N.",
                "The Plusgiro number is missing. Enter its two to eight digits, as NN NN NN-N.",
            ));
        }
        if !all_digits(&digits) {
            return Err(error(
                "format",
                format!(
                    "Plusgironumret {shown} får bara innehålla siffror, mellanslag och \
                     bindestreck. Ange det i formen NN NN NN-N."
                ),
                format!(
                    "The Plusgiro number {shown} may only contain digits, spaces and a hyphen. \
                     Enter it as NN NN NN-N."
                ),
            ));
        }
        if !(2..=8).contains(&digits.len()) {
            let count = digits.len();
            return Err(error(
                "length",
                format!(
                    "Plusgironumret {shown} har {count} siffror men ska ha två till åtta. \
                     Kontrollera numret."
                ),
                format!(
                    "The Plusgiro number {shown} has {count} digits but needs two to eight. \
                     Check the number."
                ),
            ));
        }
        if !luhn::is_valid(&digits) {
            return Err(error(
                "checksum",
                format!("Plusgironumret {shown} har fel kontrollsiffra. Kontrollera numret."),
                format!("The Plusgiro number {shown} has a wrong check digit. Check the number."),
            ));
        }
        Ok(Plusgiro { digits })
    }

    /// The digits without spaces or hyphen, as stored and as sent in Peppol.
    pub fn digits(&self) -> &str {
        &self.digits
    }
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(Plusgiro::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for Plusgiro {
    /// `90 20 03-3`: the check digit after a hyphen, the rest in pairs counted from the right.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (body, check) = self.digits.split_at(self.digits.len() - 1);
        let lead = body.len() % 2;
        let mut groups = Vec::with_capacity(body.len() / 2 + 1);
        if lead == 1 {
            groups.push(&body[..1]);
        }
        let mut start = lead;
        while start < body.len() {
            groups.push(&body[start..start + 2]);
            start += 2;
        }
        write!(f, "{}-{check}", groups.join(" "))
    }
}

impl FromStr for Plusgiro {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Plusgiro, FieldError> {
        Plusgiro::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_numbers_normalise_and_display() {
        let cases = [
            ("90 20 03-3", "9020033", "90 20 03-3"),
            ("4 35 46-1", "435461", "4 35 46-1"),
            ("9020033", "9020033", "90 20 03-3"),
            ("12345674", "12345674", "1 23 45 67-4"),
            ("18-2", "182", "18-2"),
            ("0-0", "00", "0-0"),
        ];
        for (input, digits, display) in cases {
            let number = Plusgiro::parse(input).expect(input);
            assert_eq!(number.digits(), digits, "input {input:?}");
            assert_eq!(number.to_string(), display, "input {input:?}");
        }
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let cases = [
            ("", "required"),
            ("90 20 O3-3", "format"),
            ("7", "length"),
            ("123 456 78-9", "length"),
            ("4 35 46-4", "checksum"),
            ("90 20 03-4", "checksum"),
        ];
        for (input, code) in cases {
            let error = Plusgiro::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, Plusgiro::FIELD);
        }
    }

    proptest! {
        #[test]
        fn generated_numbers_round_trip(payload in "[0-9]{1,7}") {
            let digits = luhn::with_check_digit(&payload).expect("digits");
            let number = Plusgiro::parse(&digits).expect("computed check digit");
            prop_assert_eq!(Plusgiro::parse(&number.to_string()), Ok(number));
        }
    }
}
