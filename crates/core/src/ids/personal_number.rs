//! The Swedish personal identity number (personnummer) and coordination number
//! (samordningsnummer), which identify private persons and sole traders.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::input::{all_digits, compact, shown};
use super::luhn;
use crate::{FieldError, Text};

/// Coordination numbers carry the day of birth plus 60.
const COORDINATION_DAY_OFFSET: u32 = 60;

/// A valid personal or coordination number, stored with its century as twelve digits.
///
/// The ten-digit form (`YYMMDD-NNNN`, `+` for people aged 100 or more) leaves the century to
/// the reader's calendar; since the domain never reads the clock, that form needs
/// [`PersonalNumber::parse_on`] with today's date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonalNumber {
    digits: String,
    birth_date: NaiveDate,
}

impl PersonalNumber {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "personal_number";

    /// Accepts the twelve-digit form with or without a hyphen (`19121212-1212`,
    /// `191212121212`). A ten-digit number is refused with a message asking for the year in
    /// full; use [`PersonalNumber::parse_on`] to accept it.
    pub fn parse(input: &str) -> Result<PersonalNumber, FieldError> {
        parse_with(input, None)
    }

    /// Like [`PersonalNumber::parse`], and also accepts `YYMMDD-NNNN` (born within the 100
    /// years up to `today`) and `YYMMDD+NNNN` (aged 100 or more); refuses birth dates after
    /// `today`.
    pub fn parse_on(input: &str, today: NaiveDate) -> Result<PersonalNumber, FieldError> {
        parse_with(input, Some(today))
    }

    /// The twelve digits `YYYYMMDDNNNN`, as stored.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The ten digits `YYMMDDNNNN` the check digit is computed over, as used inside a sole
    /// trader's VAT number.
    pub fn ten_digits(&self) -> &str {
        &self.digits[2..]
    }

    /// The date of birth (for a coordination number, with the 60 taken off the day).
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// True for a samordningsnummer, given to people who are not or have not been registered
    /// as living in Sweden.
    pub fn is_coordination_number(&self) -> bool {
        self.birth_date.day() != day_digits(&self.digits)
    }
}

fn day_digits(digits: &str) -> u32 {
    digits[6..8].parse().unwrap_or_default()
}

fn parse_with(input: &str, today: Option<NaiveDate>) -> Result<PersonalNumber, FieldError> {
    let shown = shown(input);
    let compacted = compact(input, &[]);
    if compacted.is_empty() {
        return Err(error(
            "required",
            "Personnumret saknas. Ange det i formen ÅÅÅÅMMDD-NNNN.",
            "The personal identity number is missing. Enter it as YYYYMMDD-NNNN.",
        ));
    }
    let aged_hundred_or_more = compacted.contains('+');
    let digits = compacted.replace(['-', '+'], "");
    if !all_digits(&digits) {
        return Err(error(
            "format",
            format!(
                "Personnumret {shown} får bara innehålla siffror och bindestreck (eller plus). \
                 Ange det i formen ÅÅÅÅMMDD-NNNN."
            ),
            format!(
                "The personal identity number {shown} may only contain digits and a hyphen (or \
                 plus). Enter it as YYYYMMDD-NNNN."
            ),
        ));
    }
    let full_digits = match (digits.len(), today) {
        (12, _) => digits,
        (10, Some(today)) => with_century(&digits, aged_hundred_or_more, today, &shown)?,
        (10, None) => {
            return Err(error(
                "century",
                format!(
                    "Personnumret {shown} saknar århundrade. Skriv året med fyra siffror, i \
                     formen ÅÅÅÅMMDD-NNNN."
                ),
                format!(
                    "The personal identity number {shown} lacks the century. Write the year \
                     with four digits, as YYYYMMDD-NNNN."
                ),
            ));
        }
        (count, _) => {
            return Err(error(
                "length",
                format!(
                    "Personnumret {shown} har {count} siffror men ska ha tolv (eller tio). \
                     Ange det i formen ÅÅÅÅMMDD-NNNN."
                ),
                format!(
                    "The personal identity number {shown} has {count} digits but needs twelve \
                     (or ten). Enter it as YYYYMMDD-NNNN."
                ),
            ));
        }
    };
    let birth_date = birth_date(&full_digits).ok_or_else(|| invalid_date(&shown))?;
    if today.is_some_and(|today| birth_date > today) {
        return Err(error(
            "date",
            format!("Personnumret {shown} har ett födelsedatum i framtiden. Kontrollera numret."),
            format!(
                "The personal identity number {shown} has a date of birth in the future. \
                 Check the number."
            ),
        ));
    }
    if !luhn::is_valid(&full_digits[2..]) {
        return Err(error(
            "checksum",
            format!("Personnumret {shown} har fel kontrollsiffra. Kontrollera numret."),
            format!(
                "The personal identity number {shown} has a wrong check digit. Check the number."
            ),
        ));
    }
    Ok(PersonalNumber {
        digits: full_digits,
        birth_date,
    })
}

/// Prefixes the ten digits with the century that makes the person younger than 100 (or, with
/// `+`, at least 100) on `today`.
fn with_century(
    ten_digits: &str,
    aged_hundred_or_more: bool,
    today: NaiveDate,
    shown: &str,
) -> Result<String, FieldError> {
    let two_digit_year: i32 = ten_digits[..2].parse().unwrap_or_default();
    let mut year = today.year() - today.year().rem_euclid(100) + two_digit_year;
    if year > today.year() {
        year -= 100;
    }
    let month_day_and_rest = &ten_digits[2..];
    let candidate = format!("{year:04}{month_day_and_rest}");
    let born = birth_date(&candidate).ok_or_else(|| invalid_date(shown))?;
    if born > today {
        year -= 100;
    }
    if aged_hundred_or_more {
        year -= 100;
    }
    Ok(format!("{year:04}{month_day_and_rest}"))
}

/// The date in the first eight of twelve digits, taking a coordination number's day offset.
fn birth_date(digits: &str) -> Option<NaiveDate> {
    let year: i32 = digits[..4].parse().ok()?;
    let month: u32 = digits[4..6].parse().ok()?;
    let mut day = day_digits(digits);
    if day > COORDINATION_DAY_OFFSET {
        day -= COORDINATION_DAY_OFFSET;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn invalid_date(shown: &str) -> FieldError {
    error(
        "date",
        format!(
            "Personnumret {shown} innehåller inget giltigt datum (ÅÅÅÅMMDD). Kontrollera numret."
        ),
        format!(
            "The personal identity number {shown} does not contain a valid date (YYYYMMDD). \
             Check the number."
        ),
    )
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(PersonalNumber::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for PersonalNumber {
    /// The usual presentation form, `19121212-1212`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, tail) = self.digits.split_at(8);
        write!(f, "{head}-{tail}")
    }
}

impl FromStr for PersonalNumber {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<PersonalNumber, FieldError> {
        PersonalNumber::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test date")
    }

    #[test]
    fn twelve_digit_numbers_parse_without_a_date() {
        let cases = [
            ("19121212-1212", "191212121212", "19121212-1212", false),
            ("191212121212", "191212121212", "19121212-1212", false),
            ("19701063-2391", "197010632391", "19701063-2391", true),
            (" 1981 1218 9876 ", "198112189876", "19811218-9876", false),
            ("20000101-0107", "200001010107", "20000101-0107", false),
        ];
        for (input, digits, display, coordination) in cases {
            let number = PersonalNumber::parse(input).expect(input);
            assert_eq!(number.digits(), digits, "input {input:?}");
            assert_eq!(number.to_string(), display, "input {input:?}");
            assert_eq!(
                number.is_coordination_number(),
                coordination,
                "input {input:?}"
            );
        }
    }

    #[test]
    fn ten_digit_numbers_take_the_century_from_today() {
        let today = date(2026, 3, 15);
        let cases = [
            ("121212-1212", "201212121212"),
            ("121212+1212", "191212121212"),
            ("811218-9876", "198112189876"),
            ("000101-0107", "200001010107"),
            ("000101+0107", "190001010107"),
            ("460713-7454", "194607137454"),
            ("701063-2391", "197010632391"),
        ];
        for (input, digits) in cases {
            let number = PersonalNumber::parse_on(input, today).expect(input);
            assert_eq!(number.digits(), digits, "input {input:?}");
        }
    }

    #[test]
    fn a_birthday_later_this_year_means_the_previous_century() {
        // 26-06-01 would be in the future on 2026-03-15, so the person was born in 1926.
        let number = luhn::with_check_digit("260601000").expect("digits");
        let parsed = PersonalNumber::parse_on(&number, date(2026, 3, 15)).expect("valid");
        assert_eq!(parsed.birth_date(), date(1926, 6, 1));
    }

    #[test]
    fn coordination_number_gives_the_real_birth_date() {
        let number = PersonalNumber::parse("19701063-2391").expect("valid");
        assert_eq!(number.birth_date(), date(1970, 10, 3));
        assert_eq!(number.ten_digits(), "7010632391");
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let today = Some(date(2026, 3, 15));
        let cases = [
            ("", None, "required"),
            ("19121212-121X", None, "format"),
            ("1212121212", None, "century"),
            ("121212-1212", None, "century"),
            ("12121212", today, "length"),
            ("1912121212123", today, "length"),
            ("19121312-1212", None, "date"),
            ("19120230-1212", None, "date"),
            ("19121292-1212", None, "date"),
            ("121312-1212", today, "date"),
            ("19121212-1213", None, "checksum"),
            ("121212-1213", today, "checksum"),
            ("20990101-0100", today, "date"),
        ];
        for (input, today, code) in cases {
            let error = parse_with(input, today).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, PersonalNumber::FIELD);
        }
    }

    #[test]
    fn leap_day_is_a_date_only_in_leap_years() {
        let leap = luhn::with_check_digit("000229000").expect("digits");
        assert!(PersonalNumber::parse(&format!("20{leap}")).is_ok());
        let common = luhn::with_check_digit("010229000").expect("digits");
        let error = PersonalNumber::parse(&format!("20{common}")).expect_err("no 29 Feb 2001");
        assert_eq!(error.code, "date");
    }
}
