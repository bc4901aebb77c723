//! The Business Identifier Code (BIC, "SWIFT code", ISO 9362) of the bank behind an IBAN.

use std::fmt;
use std::str::FromStr;

use super::input::{compact, shown};
use crate::{FieldError, Text};

/// A well-formed BIC: four letters for the bank, two for the country, two letters or digits
/// for the location and an optional three for the branch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bic {
    value: String,
}

impl Bic {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "bic";

    /// Accepts any letter case and spaces (`esse se ss`).
    pub fn parse(input: &str) -> Result<Bic, FieldError> {
        let value = compact(input, &[]);
        let shown = shown(input);
        if value.is_empty() {
            return Err(error(
                "required",
                "BIC saknas. Ange bankens BIC (SWIFT-kod) med 8 eller 11 tecken, till exempel \
                 ESSESESS.",
                "The BIC is missing. Enter the bank's BIC (SWIFT code) of 8 or 11 characters, \
                 for example ESSESESS.",
            ));
        }
        let count = value.chars().count();
        if count != 8 && count != 11 {
            return Err(error(
                "length",
                format!("BIC {shown} har {count} tecken men ska ha 8 eller 11. Kontrollera koden."),
                format!(
                    "The BIC {shown} has {count} characters but needs 8 or 11. Check the code."
                ),
            ));
        }
        let bytes = value.as_bytes();
        let well_formed = value.is_ascii()
            && bytes[..6].iter().all(u8::is_ascii_uppercase)
            && bytes[6..].iter().all(u8::is_ascii_alphanumeric);
        if !well_formed {
            return Err(error(
                "format",
                format!(
                    "BIC {shown} har fel form. De sex första tecknen ska vara bokstäver (bank och \
                     landskod), resten bokstäver eller siffror, till exempel ESSESESS."
                ),
                format!(
                    "The BIC {shown} is malformed. The first six characters must be letters \
                     (bank and country code), the rest letters or digits, for example ESSESESS."
                ),
            ));
        }
        Ok(Bic { value })
    }

    /// The compact upper-case form, as stored and as sent in Peppol.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    pub fn bank_code(&self) -> &str {
        &self.value[..4]
    }

    pub fn country_code(&self) -> &str {
        &self.value[4..6]
    }

    pub fn location_code(&self) -> &str {
        &self.value[6..8]
    }

    /// The branch code of an 11-character BIC; `None` for the bank's primary office.
    pub fn branch_code(&self) -> Option<&str> {
        self.value.get(8..).filter(|branch| !branch.is_empty())
    }
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(Bic::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl FromStr for Bic {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Bic, FieldError> {
        Bic::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes_normalise() {
        let cases = [
            ("ESSESESS", "ESSESESS", None),
            ("esse se ss", "ESSESESS", None),
            ("HANDSESS", "HANDSESS", None),
            ("NDEASESS", "NDEASESS", None),
            ("DEUTDEFF500", "DEUTDEFF500", Some("500")),
            ("SWEDSESSXXX", "SWEDSESSXXX", Some("XXX")),
            ("BNPAFRPP", "BNPAFRPP", None),
        ];
        for (input, compact, branch) in cases {
            let bic = Bic::parse(input).expect(input);
            assert_eq!(bic.as_str(), compact, "input {input:?}");
            assert_eq!(bic.branch_code(), branch, "input {input:?}");
        }
    }

    #[test]
    fn parts_are_addressable() {
        let bic = Bic::parse("DEUTDEFF500").expect("valid");
        assert_eq!(bic.bank_code(), "DEUT");
        assert_eq!(bic.country_code(), "DE");
        assert_eq!(bic.location_code(), "FF");
    }

    #[test]
    fn invalid_codes_name_the_reason() {
        let cases = [
            ("", "required"),
            ("ESSESE", "length"),
            ("ESSESESSX", "length"),
            ("ESSESESSXXXX", "length"),
            ("ESS1SESS", "format"),
            ("ESSES1SS", "format"),
            ("ESSESES-", "format"),
            ("ÅSSESESS", "format"),
        ];
        for (input, code) in cases {
            let error = Bic::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, Bic::FIELD);
        }
    }
}
