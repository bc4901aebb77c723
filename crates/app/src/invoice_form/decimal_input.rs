//! Decimal numbers as users type them: "1 234,50", "1234.5", "−3", "12 %".

use fakturera_core::{FieldError, Text};
use rust_decimal::Decimal;

/// Parses `input` into an exact decimal, or explains which field is wrong and how to write it.
///
/// Accepts a comma or a point as the decimal mark, spaces (also no-break spaces) as thousands
/// separators, a leading minus or the Unicode minus sign, and a trailing `%` or `kr`.
pub fn parse_decimal(input: &str, field: &str, label: (&str, &str)) -> Result<Decimal, FieldError> {
    let cleaned: String = input
        .trim()
        .trim_end_matches('%')
        .trim_end_matches("kr")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| match c {
            ',' => '.',
            '\u{2212}' => '-',
            other => other,
        })
        .collect();
    let valid_shape = !cleaned.is_empty()
        && cleaned.matches('.').count() <= 1
        && cleaned
            .trim_start_matches(['-', '+'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && cleaned.chars().any(|c| c.is_ascii_digit());
    let parsed = if valid_shape {
        cleaned.parse::<Decimal>().ok()
    } else {
        None
    };
    parsed.map(|value| value.normalize()).ok_or_else(|| {
        FieldError::new(
            field,
            "number",
            Text::new(
                format!(
                    "{} \"{}\" är inte ett tal. Skriv t.ex. 1 234,50.",
                    label.0,
                    shorten(input)
                ),
                format!(
                    "{} \"{}\" is not a number. Write e.g. 1234.50.",
                    label.1,
                    shorten(input)
                ),
            ),
        )
    })
}

/// Keeps error messages readable when someone pastes a novel into a number field.
fn shorten(input: &str) -> String {
    const MAX: usize = 30;
    if input.chars().count() > MAX {
        format!("{}…", input.chars().take(MAX).collect::<String>())
    } else {
        input.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn accepts_swedish_and_english_notation() {
        let cases = [
            ("1 234,50", dec!(1234.5)),
            ("1234.50", dec!(1234.5)),
            ("\u{2212}3", dec!(-3)),
            ("-0,25", dec!(-0.25)),
            ("12 %", dec!(12)),
            ("99 kr", dec!(99)),
            ("1\u{a0}000", dec!(1000)),
            ("+7", dec!(7)),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_decimal(input, "x", ("X", "X")),
                Ok(expected),
                "{input}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_number_and_names_the_field() {
        for input in [
            "",
            "abc",
            "1,2,3",
            "1.2.3",
            "--1",
            "1e5",
            "'; DROP TABLE invoices;--",
            "😀",
        ] {
            let error =
                parse_decimal(input, "lines[0].quantity", ("Antal", "Quantity")).expect_err(input);
            assert_eq!(error.field, "lines[0].quantity", "{input}");
            assert!(error.message.sv.starts_with("Antal"), "{input}");
            assert!(error.message.en.contains("is not a number"), "{input}");
        }
        let long = "9".repeat(10_000);
        let error =
            parse_decimal(&long, "f", ("A", "A")).expect_err("too many digits for a decimal");
        assert!(error.message.sv.chars().count() < 100);
    }
}
