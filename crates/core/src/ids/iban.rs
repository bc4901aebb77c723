//! The International Bank Account Number (ISO 13616) for payments from abroad, printed on the
//! invoice and sent in Peppol as PaymentMeansCode 58.

use std::fmt;
use std::str::FromStr;

use super::input::{compact, shown};
use crate::{FieldError, Text};

/// IBAN lengths per country from the SWIFT IBAN registry: every EU and EEA country plus the
/// others Swedish businesses commonly trade with.
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BR", 29),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("SA", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
];

/// A valid IBAN in its compact electronic form, such as `SE4550000000058398257466`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iban {
    value: String,
}

impl Iban {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "iban";

    /// Accepts the printed form in groups of four, the compact form, any letter case, and a
    /// leading `IBAN` label copied along with the number.
    pub fn parse(input: &str) -> Result<Iban, FieldError> {
        let compacted = compact(input, &['-']);
        let value = compacted
            .strip_prefix("IBAN")
            .map(str::to_owned)
            .unwrap_or(compacted);
        let value = value.strip_prefix(':').map(str::to_owned).unwrap_or(value);
        let shown = shown(input);
        if value.is_empty() {
            return Err(error(
                "required",
                "IBAN saknas. Ange kontonumret med landskod, till exempel SE45 5000 0000 0583 \
                 9825 7466.",
                "The IBAN is missing. Enter the account number with its country code, for \
                 example SE45 5000 0000 0583 9825 7466.",
            ));
        }
        let bytes = value.as_bytes();
        let well_formed = bytes.len() >= 4
            && bytes[..2].iter().all(u8::is_ascii_uppercase)
            && bytes[2..4].iter().all(u8::is_ascii_digit)
            && bytes.iter().all(u8::is_ascii_alphanumeric);
        if !well_formed {
            return Err(error(
                "format",
                format!(
                    "IBAN {shown} har fel form. Det ska börja med landskod och två siffror och \
                     sedan bara innehålla bokstäver och siffror, till exempel SE45 5000 0000 \
                     0583 9825 7466."
                ),
                format!(
                    "The IBAN {shown} is malformed. It starts with a country code and two \
                     digits and then holds only letters and digits, for example SE45 5000 0000 \
                     0583 9825 7466."
                ),
            ));
        }
        let country = &value[..2];
        let Some(&(_, expected)) = LENGTHS.iter().find(|(code, _)| *code == country) else {
            return Err(error(
                "country",
                format!(
                    "IBAN {shown} börjar med {country}, som inte är ett land som använder IBAN. \
                     Kontrollera de två första bokstäverna."
                ),
                format!(
                    "The IBAN {shown} starts with {country}, which is not a country that uses \
                     IBAN. Check the first two letters."
                ),
            ));
        };
        if value.len() != expected {
            let count = value.len();
            return Err(error(
                "length",
                format!(
                    "IBAN {shown} har {count} tecken men ett IBAN från {country} ska ha \
                     {expected}. Kontrollera numret."
                ),
                format!(
                    "The IBAN {shown} has {count} characters but an IBAN from {country} has \
                     {expected}. Check the number."
                ),
            ));
        }
        if mod_97(&value) != 1 {
            return Err(error(
                "checksum",
                format!("IBAN {shown} har fel kontrollsiffror. Kontrollera numret."),
                format!("The IBAN {shown} has wrong check digits. Check the number."),
            ));
        }
        Ok(Iban { value })
    }

    /// The compact form without spaces, as stored and as sent in Peppol.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub fn country_code(&self) -> &str {
        &self.value[..2]
    }

    /// The two check digits after the country code.
    pub fn check_digits(&self) -> &str {
        &self.value[2..4]
    }

    /// The national account number (Basic Bank Account Number) after the check digits.
    pub fn bban(&self) -> &str {
        &self.value[4..]
    }
}

/// The ISO 7064 MOD 97-10 remainder of the IBAN with its first four characters moved to the
/// end and letters counted as 10 (A) to 35 (Z); a valid IBAN gives 1.
fn mod_97(value: &str) -> u32 {
    let (head, tail) = value.split_at(4);
    tail.bytes().chain(head.bytes()).fold(0, |remainder, byte| {
        if byte.is_ascii_digit() {
            (remainder * 10 + u32::from(byte - b'0')) % 97
        } else {
            (remainder * 100 + u32::from(byte - b'A') + 10) % 97
        }
    })
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(Iban::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for Iban {
    /// The printed form in groups of four: `SE45 5000 0000 0583 9825 7466`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, chunk) in self.value.as_bytes().chunks(4).enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            f.write_str(std::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl FromStr for Iban {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Iban, FieldError> {
        Iban::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn valid_numbers_normalise_and_display() {
        let cases = [
            (
                "SE45 5000 0000 0583 9825 7466",
                "SE4550000000058398257466",
                "SE45 5000 0000 0583 9825 7466",
            ),
            (
                "se3550000000054910000003",
                "SE3550000000054910000003",
                "SE35 5000 0000 0549 1000 0003",
            ),
            (
                "DE89 3704 0044 0532 0130 00",
                "DE89370400440532013000",
                "DE89 3704 0044 0532 0130 00",
            ),
            (
                "IBAN: GB29 NWBK 6016 1331 9268 19",
                "GB29NWBK60161331926819",
                "GB29 NWBK 6016 1331 9268 19",
            ),
            (
                "FR14 2004 1010 0505 0001 3M02 606",
                "FR1420041010050500013M02606",
                "FR14 2004 1010 0505 0001 3M02 606",
            ),
            (
                "NO93 8601 1117 947",
                "NO9386011117947",
                "NO93 8601 1117 947",
            ),
        ];
        for (input, compact, display) in cases {
            let iban = Iban::parse(input).expect(input);
            assert_eq!(iban.as_str(), compact, "input {input:?}");
            assert_eq!(iban.to_string(), display, "input {input:?}");
        }
    }

    #[test]
    fn parts_are_addressable() {
        let iban = Iban::parse("SE45 5000 0000 0583 9825 7466").expect("valid");
        assert_eq!(iban.country_code(), "SE");
        assert_eq!(iban.check_digits(), "45");
        assert_eq!(iban.bban(), "50000000058398257466");
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let cases = [
            ("", "required"),
            ("IBAN", "required"),
            ("4550000000058398257466", "format"),
            ("SE4X50000000058398257466", "format"),
            ("SE45 5000 0000 0583 9825 746!", "format"),
            ("QQ45 5000 0000 0583 9825 7466", "country"),
            ("SE45 5000 0000 0583 9825 746", "length"),
            ("SE45 5000 0000 0583 9825 74660", "length"),
            ("SE46 5000 0000 0583 9825 7466", "checksum"),
            ("SE45 5000 0000 0583 9825 7467", "checksum"),
            ("DE89 3704 0044 0532 0130 01", "checksum"),
        ];
        for (input, code) in cases {
            let error = Iban::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, Iban::FIELD);
        }
    }

    /// Computes the check digits of a Swedish BBAN the way a bank does.
    fn swedish_iban(bban: &str) -> String {
        let remainder = mod_97(&format!("SE00{bban}"));
        format!("SE{:02}{bban}", 98 - remainder)
    }

    proptest! {
        #[test]
        fn generated_ibans_validate(bban in "[0-9]{20}") {
            let value = swedish_iban(&bban);
            prop_assert_eq!(Iban::parse(&value).map(|iban| iban.to_string().replace(' ', "")), Ok(value));
        }

        #[test]
        fn changing_one_digit_fails(bban in "[0-9]{20}", at in 4usize..24, shift in 1u8..10) {
            let mut bytes = swedish_iban(&bban).into_bytes();
            bytes[at] = b'0' + (bytes[at] - b'0' + shift) % 10;
            let changed = String::from_utf8(bytes).expect("ASCII");
            prop_assert_eq!(Iban::parse(&changed).map_err(|error| error.code), Err("checksum"));
        }
    }
}
