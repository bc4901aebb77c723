//! The Luhn (modulus 10) check digit that Swedish org numbers, personal numbers, Bankgiro,
//! Plusgiro and OCR references share.
//!
//! From the right, starting with the digit left of the check digit, digits are weighted
//! 2, 1, 2, 1, …; a product over 9 contributes its digit sum; the check digit makes the total a
//! multiple of ten.

/// The weighted sum of `digits` (ASCII), with the rightmost digit weighted `first_weight`.
/// `None` when any character is not an ASCII digit.
fn weighted_sum(digits: &str, first_weight: u32) -> Option<u32> {
    let mut sum = 0;
    let mut weight = first_weight;
    for byte in digits.bytes().rev() {
        if !byte.is_ascii_digit() {
            return None;
        }
        let product = u32::from(byte - b'0') * weight;
        sum += if product > 9 { product - 9 } else { product };
        weight = 3 - weight;
    }
    Some(sum)
}

/// The check digit to append to `payload`, or `None` if `payload` is empty or holds anything
/// but ASCII digits.
pub fn check_digit(payload: &str) -> Option<char> {
    if payload.is_empty() {
        return None;
    }
    let sum = weighted_sum(payload, 2)?;
    let digit = (10 - sum % 10) % 10;
    char::from_digit(digit, 10)
}

/// True when `number` is at least two ASCII digits and its last digit is the Luhn check digit
/// of the others.
pub fn is_valid(number: &str) -> bool {
    number.len() >= 2 && weighted_sum(number, 1).is_some_and(|sum| sum % 10 == 0)
}

/// `payload` followed by its check digit, or `None` for an empty or non-digit payload.
pub fn with_check_digit(payload: &str) -> Option<String> {
    let digit = check_digit(payload)?;
    let mut number = String::with_capacity(payload.len() + 1);
    number.push_str(payload);
    number.push(digit);
    Some(number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_numbers_validate() {
        // Org numbers, Bankgiro, Plusgiro and Bankgirot's own OCR vectors, each checked by hand.
        let valid = [
            "5567212047",
            "5560360793",
            "2120000142",
            "50501055",
            "9912346",
            "9020033",
            "1004571",
            "1636976",
            "18108401345678778",
            "1202951008",
            "1212121212",
            "00",
        ];
        for number in valid {
            assert!(is_valid(number), "{number} should pass Luhn");
        }
    }

    #[test]
    fn wrong_or_malformed_numbers_fail() {
        let invalid = [
            "5567212048",
            "4354640",
            "1004572",
            "8020002296",
            "",
            "7",
            "55672-12047",
            "556721204a",
        ];
        for number in invalid {
            assert!(!is_valid(number), "{number:?} should fail Luhn");
        }
    }

    #[test]
    fn check_digits_match_the_worked_examples() {
        let cases = [
            ("100457", Some('1')),
            ("556721204", Some('7')),
            ("5050105", Some('5')),
            ("802000229", Some('4')),
            ("43546", Some('1')),
            ("0", Some('0')),
            ("", None),
            ("12x", None),
        ];
        for (payload, expected) in cases {
            assert_eq!(check_digit(payload), expected, "payload {payload:?}");
        }
    }

    proptest! {
        #[test]
        fn appended_check_digit_always_validates(payload in "[0-9]{1,30}") {
            let number = with_check_digit(&payload).expect("digits have a check digit");
            prop_assert!(is_valid(&number));
        }

        #[test]
        fn changing_any_single_digit_fails(
            payload in "[0-9]{1,30}",
            position in any::<proptest::sample::Index>(),
            shift in 1u8..10,
        ) {
            let number = with_check_digit(&payload).expect("digits have a check digit");
            let mut bytes = number.into_bytes();
            let at = position.index(bytes.len());
            bytes[at] = b'0' + (bytes[at] - b'0' + shift) % 10;
            let changed = String::from_utf8(bytes).expect("still ASCII digits");
            prop_assert!(!is_valid(&changed), "{changed} passed after changing position {at}");
        }
    }
}
