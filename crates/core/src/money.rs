//! Money: exact decimals, rounded to öre the way Swedish invoices and EN 16931 expect.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::field_error::FieldError;
use crate::text::Text;

/// Commercial rounding to two decimals: halves go away from zero (0.005 → 0.01, −0.005 → −0.01),
/// which is what Swedish accounting practice and the Peppol examples use.
pub fn round_to_ore(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounding to whole kronor (öresavrundning), halves away from zero: 10.50 → 11, 10.49 → 10.
pub fn round_to_krona(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// An ISO 4217 currency code such as `SEK` or `EUR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Currency(String);

impl Currency {
    pub fn sek() -> Currency {
        Currency("SEK".to_owned())
    }

    /// Accepts three ASCII letters in any case and stores them upper-case.
    pub fn parse(code: &str) -> Result<Currency, FieldError> {
        let code = code.trim();
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(Currency(code.to_ascii_uppercase()))
        } else {
            Err(FieldError::new(
                "currency",
                "format",
                Text::new(
                    format!(
                        "Valutan \"{code}\" är inte en valutakod. Ange tre bokstäver, t.ex. SEK eller EUR."
                    ),
                    format!(
                        "The currency \"{code}\" is not a currency code. Enter three letters, e.g. SEK or EUR."
                    ),
                ),
            ))
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    pub fn is_sek(&self) -> bool {
        self.0 == "SEK"
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Formats an amount the Swedish way: space as thousands separator, comma as decimal mark,
/// always two decimals ("12 345,50").
pub fn format_swedish(amount: Decimal) -> String {
    format_grouped(amount, ' ', ',')
}

/// Formats an amount the English way: comma thousands separator, point decimal mark ("12,345.50").
pub fn format_english(amount: Decimal) -> String {
    format_grouped(amount, ',', '.')
}

fn format_grouped(amount: Decimal, thousands: char, decimal_mark: char) -> String {
    let rounded = round_to_ore(amount);
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}{decimal_mark}{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_halves_away_from_zero() {
        assert_eq!(round_to_ore(dec!(0.005)), dec!(0.01));
        assert_eq!(round_to_ore(dec!(-0.005)), dec!(-0.01));
        assert_eq!(round_to_ore(dec!(0.0049)), dec!(0.00));
        assert_eq!(round_to_krona(dec!(10.50)), dec!(11));
        assert_eq!(round_to_krona(dec!(10.49)), dec!(10));
        assert_eq!(round_to_krona(dec!(-10.50)), dec!(-11));
    }

    #[test]
    fn formats_swedish_and_english() {
        assert_eq!(format_swedish(dec!(1234567.5)), "1 234 567,50");
        assert_eq!(format_swedish(dec!(-12.3)), "-12,30");
        assert_eq!(format_swedish(dec!(999)), "999,00");
        assert_eq!(format_english(dec!(1234.5)), "1,234.50");
        assert_eq!(format_swedish(dec!(0)), "0,00");
    }

    #[test]
    fn parses_currency_codes() {
        assert_eq!(
            Currency::parse(" eur ").map(|c| c.code().to_owned()),
            Ok("EUR".to_owned())
        );
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("€").is_err());
    }
}
