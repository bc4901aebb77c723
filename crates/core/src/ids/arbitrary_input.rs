//! Every identifier parser faces whatever a user pastes: it must never panic, must give back a
//! value whose printed form parses to the same value, or an error short enough to show.

use proptest::prelude::*;

use super::*;
use crate::FieldError;

/// Longer than any message we write plus a quoted excerpt of the input.
const MAX_MESSAGE_CHARS: usize = 400;

fn check_error(error: &FieldError) -> Result<(), TestCaseError> {
    prop_assert!(!error.field.is_empty());
    prop_assert!(!error.code.is_empty());
    for message in [&error.message.sv, &error.message.en] {
        prop_assert!(!message.is_empty());
        prop_assert!(
            message.chars().count() <= MAX_MESSAGE_CHARS,
            "too long: {message}"
        );
    }
    Ok(())
}

/// Parses `input`; on success checks that the printed form parses back to the same value.
fn check<T, P>(parse: P, input: &str) -> Result<(), TestCaseError>
where
    T: std::fmt::Display + PartialEq + std::fmt::Debug,
    P: Fn(&str) -> Result<T, FieldError>,
{
    match parse(input) {
        Ok(value) => {
            let printed = value.to_string();
            prop_assert_eq!(parse(&printed), Ok(value), "printed as {}", printed);
        }
        Err(error) => check_error(&error)?,
    }
    Ok(())
}

fn check_all(input: &str) -> Result<(), TestCaseError> {
    check(OrgNumber::parse, input)?;
    check(PersonalNumber::parse, input)?;
    check(LegalId::parse, input)?;
    check(VatNumber::parse, input)?;
    check(Bankgiro::parse, input)?;
    check(Plusgiro::parse, input)?;
    check(Iban::parse, input)?;
    check(Bic::parse, input)?;
    check(Ocr::parse, input)?;
    check(Ocr::parse_with_length_digit, input)?;
    if let Err(error) = Ocr::generate(input, ocr::LengthDigit::With) {
        check_error(&error)?;
    }
    Ok(())
}

/// Strings close to real identifiers, so that a good share of them parse.
fn identifier_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,26}",
        "[0-9]{6}[-+][0-9]{4}",
        "[0-9]{8}-[0-9]{4}",
        "(SE|DE|NL|NO|AT|ES|XI|se)[0-9A-Z]{2,13}",
        "[A-Z]{2}[0-9]{2}[0-9A-Z ]{8,30}",
        "[A-Za-z]{6}[0-9A-Za-z]{2,5}",
        "[0-9 -]{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn identifier_like_input_parses_or_explains(input in identifier_like()) {
        check_all(&input)?;
    }

    #[test]
    fn any_text_parses_or_explains(input in "\\PC{0,60}") {
        check_all(&input)?;
    }
}

#[test]
fn pasted_pages_are_refused_with_a_short_message() {
    let inputs = [
        "9".repeat(10_000),
        "😀".repeat(10_000),
        "'; DROP TABLE customers; --".repeat(400),
        format!("SE{}", "1".repeat(10_000)),
    ];
    for input in &inputs {
        check_all(input).expect("no panic and a short message");
        assert!(OrgNumber::parse(input).is_err());
        assert!(Iban::parse(input).is_err());
        assert!(Ocr::parse(input).is_err());
    }
}
