//! The legal identifier of a customer, which is an organisation number for a company and a
//! personal number for a private person or sole trader.

use std::fmt;

use chrono::NaiveDate;

use super::input::{all_digits, compact, shown};
use super::org_number::OrgNumber;
use super::personal_number::PersonalNumber;
use crate::{FieldError, Text};

/// Either kind of Swedish legal identifier, told apart by the digits themselves: an
/// organisation number's third digit is 2 or more (twelve-digit form: the `16` prefix), while a
/// personal number's third and fourth digits are a month.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LegalId {
    Organisation(OrgNumber),
    Person(PersonalNumber),
}

impl LegalId {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "legal_id";

    /// Accepts any organisation number and a twelve-digit personal number; see
    /// [`LegalId::parse_on`] for ten-digit personal numbers.
    pub fn parse(input: &str) -> Result<LegalId, FieldError> {
        parse_with(input, None)
    }

    /// Like [`LegalId::parse`], and also accepts a ten-digit personal number, whose century
    /// follows from `today`.
    pub fn parse_on(input: &str, today: NaiveDate) -> Result<LegalId, FieldError> {
        parse_with(input, Some(today))
    }

    /// The digits as stored: ten for an organisation, twelve for a person.
    pub fn digits(&self) -> &str {
        match self {
            LegalId::Organisation(number) => number.digits(),
            LegalId::Person(number) => number.digits(),
        }
    }

    /// The ten digits the Luhn check runs over, which a Swedish VAT number wraps in `SE…01`.
    pub fn ten_digits(&self) -> &str {
        match self {
            LegalId::Organisation(number) => number.digits(),
            LegalId::Person(number) => number.ten_digits(),
        }
    }

    pub fn is_organisation(&self) -> bool {
        matches!(self, LegalId::Organisation(_))
    }
}

fn parse_with(input: &str, today: Option<NaiveDate>) -> Result<LegalId, FieldError> {
    let digits = compact(input, &['-', '+']);
    let bytes = digits.as_bytes();
    let looks_like_organisation = match bytes.len() {
        10 => bytes[2] >= b'2',
        12 => digits.starts_with("16"),
        _ => false,
    };
    if !looks_like_organisation && !matches!(bytes.len(), 0 | 10 | 12) && all_digits(&digits) {
        let shown = shown(input);
        let count = bytes.len();
        return Err(FieldError::new(
            LegalId::FIELD,
            "length",
            Text::new(
                format!(
                    "{shown} har {count} siffror. Ange ett organisationsnummer med tio siffror \
                     (NNNNNN-NNNN) eller ett personnummer med tolv (ÅÅÅÅMMDD-NNNN)."
                ),
                format!(
                    "{shown} has {count} digits. Enter an organisation number of ten digits \
                     (NNNNNN-NNNN) or a personal identity number of twelve (YYYYMMDD-NNNN)."
                ),
            ),
        ));
    }
    let parsed = if looks_like_organisation {
        OrgNumber::parse(input).map(LegalId::Organisation)
    } else {
        match today {
            Some(today) => PersonalNumber::parse_on(input, today),
            None => PersonalNumber::parse(input),
        }
        .map(LegalId::Person)
    };
    parsed.map_err(|mut error| {
        error.field = LegalId::FIELD.to_owned();
        error
    })
}

impl fmt::Display for LegalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LegalId::Organisation(number) => number.fmt(f),
            LegalId::Person(number) => number.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_decide_between_company_and_person() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 15).expect("date");
        let cases = [
            ("556721-2047", true, "556721-2047"),
            ("16556036-0793", true, "556036-0793"),
            ("19121212-1212", false, "19121212-1212"),
            ("121212+1212", false, "19121212-1212"),
            ("121212-1212", false, "20121212-1212"),
            ("701063-2391", false, "19701063-2391"),
        ];
        for (input, organisation, display) in cases {
            let id = LegalId::parse_on(input, today).expect(input);
            assert_eq!(id.is_organisation(), organisation, "input {input:?}");
            assert_eq!(id.to_string(), display, "input {input:?}");
        }
    }

    #[test]
    fn ten_digits_are_what_a_vat_number_wraps() {
        let person = LegalId::parse("19121212-1212").expect("valid");
        assert_eq!(person.ten_digits(), "1212121212");
        assert_eq!(person.digits(), "191212121212");
        let company = LegalId::parse("556036-0793").expect("valid");
        assert_eq!(company.ten_digits(), "5560360793");
    }

    #[test]
    fn errors_are_reported_under_legal_id() {
        let cases = [
            ("", "required"),
            ("556721-2048", "checksum"),
            ("19121212-1213", "checksum"),
            ("121212-1212", "century"),
            ("12345", "length"),
            ("1656036079", "checksum"),
            ("ABC", "format"),
        ];
        for (input, code) in cases {
            let error = LegalId::parse(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, LegalId::FIELD, "input {input:?}");
        }
    }
}
