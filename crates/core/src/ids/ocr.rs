//! OCR reference numbers (Bankgirot): the payment reference a Swedish payer types into the
//! bank, generated from the invoice number so each incoming payment finds its invoice.
//!
//! Digits only, 2–25 long, the last a Luhn check digit. With "variabel längd" the digit
//! before the check digit is the total length modulo 10, and it takes part in the Luhn sum.

use std::fmt;
use std::str::FromStr;

use super::input::{all_digits, compact, shown};
use super::luhn;
use crate::{FieldError, Text};

const MIN_DIGITS: usize = 2;
const MAX_DIGITS: usize = 25;

/// Whether an OCR number carries the length digit Bankgirot's "variabel längd" check wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LengthDigit {
    /// Invoice number + check digit.
    Without,
    /// Invoice number + length digit + check digit, the safer choice the payee's Bankgiro
    /// agreement usually asks for.
    #[default]
    With,
}

/// A valid OCR reference number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ocr {
    digits: String,
}

impl Ocr {
    /// The field name errors carry unless the caller re-paths them.
    pub const FIELD: &'static str = "ocr";
    /// The field an unusable invoice number is reported under by [`Ocr::generate`].
    pub const INVOICE_NUMBER_FIELD: &'static str = "invoice_number";

    /// The OCR number for an invoice number made of digits (spaces and hyphens are dropped):
    /// `10045` gives `1004571` with the length digit and `100453` without.
    pub fn generate(invoice_number: &str, length_digit: LengthDigit) -> Result<Ocr, FieldError> {
        let payload = compact(invoice_number, &['-']);
        let shown = shown(invoice_number);
        if payload.is_empty() {
            return Err(FieldError::new(
                Ocr::INVOICE_NUMBER_FIELD,
                "required",
                Text::new(
                    "Fakturanumret saknas, så inget OCR-nummer kan skapas. Ange fakturanumret.",
                    "The invoice number is missing, so no OCR number can be made. Enter the \
                     invoice number.",
                ),
            ));
        }
        if !all_digits(&payload) {
            return Err(FieldError::new(
                Ocr::INVOICE_NUMBER_FIELD,
                "ocr_digits",
                Text::new(
                    format!(
                        "Fakturanumret {shown} kan inte bli ett OCR-nummer eftersom det inte \
                         bara består av siffror. Använd en nummerserie med enbart siffror."
                    ),
                    format!(
                        "The invoice number {shown} cannot become an OCR number because it is \
                         not made of digits only. Use a number series of digits only."
                    ),
                ),
            ));
        }
        let most = MAX_DIGITS - added_digits(length_digit);
        if payload.len() > most {
            return Err(FieldError::new(
                Ocr::INVOICE_NUMBER_FIELD,
                "ocr_length",
                Text::new(
                    format!(
                        "Fakturanumret {shown} är för långt för ett OCR-nummer; det får ha högst \
                         {most} siffror. Använd en kortare nummerserie."
                    ),
                    format!(
                        "The invoice number {shown} is too long for an OCR number; it may have \
                         at most {most} digits. Use a shorter number series."
                    ),
                ),
            ));
        }
        Ok(Ocr {
            digits: complete(payload, length_digit),
        })
    }

    /// The OCR number for a numeric invoice number; always fits, since a `u64` has at most 20
    /// digits.
    pub fn from_invoice_number(invoice_number: u64, length_digit: LengthDigit) -> Ocr {
        Ocr {
            digits: complete(invoice_number.to_string(), length_digit),
        }
    }

    /// Accepts an OCR number with spaces or hyphens; checks length and check digit only.
    pub fn parse(input: &str) -> Result<Ocr, FieldError> {
        let digits = compact(input, &['-']);
        let shown = shown(input);
        if digits.is_empty() {
            return Err(error(
                "required",
                "OCR-numret saknas. Ange det med 2 till 25 siffror.",
                "The OCR number is missing. Enter its 2 to 25 digits.",
            ));
        }
        if !all_digits(&digits) {
            return Err(error(
                "format",
                format!("OCR-numret {shown} får bara innehålla siffror. Kontrollera numret."),
                format!("The OCR number {shown} may only contain digits. Check the number."),
            ));
        }
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
            let count = digits.len();
            return Err(error(
                "length",
                format!(
                    "OCR-numret {shown} har {count} siffror men ska ha 2 till 25. Kontrollera \
                     numret."
                ),
                format!(
                    "The OCR number {shown} has {count} digits but needs 2 to 25. Check the \
                     number."
                ),
            ));
        }
        if !luhn::is_valid(&digits) {
            return Err(error(
                "checksum",
                format!("OCR-numret {shown} har fel kontrollsiffra. Kontrollera numret."),
                format!("The OCR number {shown} has a wrong check digit. Check the number."),
            ));
        }
        Ok(Ocr { digits })
    }

    /// Like [`Ocr::parse`], and also requires the length digit ("variabel längd").
    pub fn parse_with_length_digit(input: &str) -> Result<Ocr, FieldError> {
        let ocr = Ocr::parse(input)?;
        if !ocr.has_length_digit() {
            let shown = shown(input);
            let count = ocr.digits.len();
            let expected = count % 10;
            return Err(error(
                "length_digit",
                format!(
                    "OCR-numret {shown} har fel längdsiffra: näst sista siffran ska vara \
                     {expected} eftersom numret har {count} siffror. Kontrollera numret."
                ),
                format!(
                    "The OCR number {shown} has a wrong length digit: the second-to-last digit \
                     must be {expected} since the number has {count} digits. Check the number."
                ),
            ));
        }
        Ok(ocr)
    }

    /// The digits, as printed on the invoice and sent as the Peppol PaymentID.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// True when the second-to-last digit equals the length modulo 10. A number made without
    /// a length digit can pass this by chance, one time in ten.
    pub fn has_length_digit(&self) -> bool {
        let bytes = self.digits.as_bytes();
        bytes.len() >= 3 && usize::from(bytes[bytes.len() - 2] - b'0') == bytes.len() % 10
    }
}

fn added_digits(length_digit: LengthDigit) -> usize {
    match length_digit {
        LengthDigit::Without => 1,
        LengthDigit::With => 2,
    }
}

/// Appends the length digit (if wanted) and the check digit to a non-empty run of digits.
fn complete(payload: String, length_digit: LengthDigit) -> String {
    let total = payload.len() + added_digits(length_digit);
    let mut digits = payload;
    if length_digit == LengthDigit::With {
        digits.push(digit_char(total % 10));
    }
    if let Some(check) = luhn::check_digit(&digits) {
        digits.push(check);
    }
    digits
}

fn digit_char(value: usize) -> char {
    const DIGITS: &[u8; 10] = b"0123456789";
    char::from(DIGITS[value % 10])
}

fn error(code: &'static str, sv: impl Into<String>, en: impl Into<String>) -> FieldError {
    FieldError::new(Ocr::FIELD, code, Text::new(sv, en))
}

impl fmt::Display for Ocr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl FromStr for Ocr {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Ocr, FieldError> {
        Ocr::parse(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bankgirot_worked_example() {
        let ocr = Ocr::generate("10045", LengthDigit::With).expect("digits");
        assert_eq!(ocr.digits(), "1004571");
        assert_eq!(Ocr::from_invoice_number(10045, LengthDigit::With), ocr);
        let without = Ocr::generate("10045", LengthDigit::Without).expect("digits");
        assert_eq!(without.digits(), "100453");
    }

    #[test]
    fn generated_numbers_match_hand_computed_ones() {
        let cases = [
            ("10045", LengthDigit::With, "1004571"),
            ("10045", LengthDigit::Without, "100453"),
            ("1", LengthDigit::With, "133"),
            ("1", LengthDigit::Without, "18"),
            ("2025-0001", LengthDigit::With, "2025000106"),
            ("12345678", LengthDigit::With, "1234567806"),
            (
                "1234567890123456789012",
                LengthDigit::Without,
                "12345678901234567890121",
            ),
        ];
        for (invoice_number, length_digit, expected) in cases {
            let ocr = Ocr::generate(invoice_number, length_digit).expect(invoice_number);
            assert_eq!(ocr.digits(), expected, "invoice {invoice_number:?}");
            assert_eq!(Ocr::parse(expected), Ok(ocr.clone()));
        }
    }

    #[test]
    fn bankgirot_accepted_numbers_validate_with_length_digit() {
        for number in ["1004571", "1636976", "18108401345678778", "1202951008"] {
            let ocr = Ocr::parse_with_length_digit(number).expect(number);
            assert_eq!(ocr.to_string(), number);
            assert!(ocr.has_length_digit(), "{number}");
        }
    }

    #[test]
    fn invalid_numbers_name_the_reason() {
        let cases = [
            ("", "required"),
            ("1004 57I", "format"),
            ("7", "length"),
            ("12345678901234567890123452", "length"),
            ("1004572", "checksum"),
            ("1004581", "checksum"),
            ("100453", "length_digit"),
        ];
        for (input, code) in cases {
            let error = Ocr::parse_with_length_digit(input).expect_err(input);
            assert_eq!(error.code, code, "input {input:?}");
            assert_eq!(error.field, Ocr::FIELD);
        }
        // Without the length-digit requirement the fixed-length number is fine.
        assert!(Ocr::parse("100453").is_ok());
    }

    #[test]
    fn unusable_invoice_numbers_are_reported_on_the_invoice_number() {
        let cases = [
            ("", LengthDigit::With, "required"),
            ("F-10045", LengthDigit::With, "ocr_digits"),
            ("123456789012345678901234", LengthDigit::With, "ocr_length"),
            (
                "1234567890123456789012345",
                LengthDigit::Without,
                "ocr_length",
            ),
        ];
        for (invoice_number, length_digit, code) in cases {
            let error = Ocr::generate(invoice_number, length_digit).expect_err(invoice_number);
            assert_eq!(error.code, code, "invoice {invoice_number:?}");
            assert_eq!(error.field, Ocr::INVOICE_NUMBER_FIELD);
        }
        // The longest invoice numbers that still fit.
        assert!(Ocr::generate(&"9".repeat(23), LengthDigit::With).is_ok());
        assert!(Ocr::generate(&"9".repeat(24), LengthDigit::Without).is_ok());
    }

    proptest! {
        #[test]
        fn generated_numbers_validate(invoice_number in any::<u64>()) {
            let with = Ocr::from_invoice_number(invoice_number, LengthDigit::With);
            prop_assert_eq!(Ocr::parse_with_length_digit(with.digits()), Ok(with.clone()));
            prop_assert!(with.digits().starts_with(&invoice_number.to_string()));
            let without = Ocr::from_invoice_number(invoice_number, LengthDigit::Without);
            prop_assert_eq!(Ocr::parse(without.digits()), Ok(without));
        }

        #[test]
        fn changing_one_digit_is_caught(
            invoice_number in "[0-9]{1,23}",
            position in any::<proptest::sample::Index>(),
            shift in 1u8..10,
        ) {
            let ocr = Ocr::generate(&invoice_number, LengthDigit::With).expect("fits");
            let mut bytes = ocr.digits().as_bytes().to_vec();
            let at = position.index(bytes.len());
            bytes[at] = b'0' + (bytes[at] - b'0' + shift) % 10;
            let changed = String::from_utf8(bytes).expect("ASCII");
            prop_assert_eq!(Ocr::parse(&changed).map_err(|error| error.code), Err("checksum"));
        }
    }
}
