//! How numbers, dates and identifiers read on the invoice in each language.

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::ids::{Bankgiro, Iban, OrgNumber, Plusgiro};
use fakturera_core::money::{format_english, format_swedish};
use rust_decimal::Decimal;

/// Dates are ISO 8601 in both languages: the Swedish norm, and unambiguous abroad.
pub fn date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A money amount with two decimals and the language's separators.
pub fn amount(value: Decimal, language: Language) -> String {
    match language {
        Language::Swedish => format_swedish(value),
        Language::English => format_english(value),
    }
}

/// A unit price: two decimals, or up to four when the price has more (0,125 kr per kWh).
pub fn price(value: Decimal, language: Language) -> String {
    let normalized = value.normalize();
    if normalized.scale() <= 2 {
        return amount(value, language);
    }
    let rounded = value.round_dp(4).normalize();
    let sign = if rounded.is_sign_negative() { "-" } else { "" };
    let whole = amount(rounded.abs().trunc(), language);
    // `amount` always ends in a decimal mark and two zeros; the fraction replaces them.
    let (whole, _) = whole.split_at(whole.len() - 3);
    let fraction = rounded.abs().fract().to_string();
    let digits = fraction.trim_start_matches('0').trim_start_matches('.');
    let mark = match language {
        Language::Swedish => ',',
        Language::English => '.',
    };
    format!("{sign}{whole}{mark}{digits}")
}

/// A quantity without trailing zeros: "12,5", "1", "0,25".
pub fn quantity(value: Decimal, language: Language) -> String {
    decimal_plain(value, language)
}

/// A percentage such as "25 %" or "12,5 %" (Swedish puts a space before the sign, so does SI).
pub fn percent(value: Decimal, language: Language) -> String {
    format!("{} %", decimal_plain(value, language))
}

fn decimal_plain(value: Decimal, language: Language) -> String {
    let text = value.normalize().to_string();
    match language {
        Language::Swedish => text.replace('.', ","),
        Language::English => text,
    }
}

/// An organisation number as `556721-2047` when it is one, else as stored.
pub fn org_number(digits: &str) -> String {
    OrgNumber::parse(digits).map_or_else(|_| digits.to_owned(), |number| number.to_string())
}

pub fn bankgiro(digits: &str) -> String {
    Bankgiro::parse(digits).map_or_else(|_| digits.to_owned(), |number| number.to_string())
}

pub fn plusgiro(digits: &str) -> String {
    Plusgiro::parse(digits).map_or_else(|_| digits.to_owned(), |number| number.to_string())
}

/// An IBAN in groups of four, as banks print it.
pub fn iban(value: &str) -> String {
    Iban::parse(value).map_or_else(|_| value.to_owned(), |iban| iban.to_string())
}

/// The country line of a foreign address, in capitals as the postal services ask; `None` for Sweden.
pub fn country_line(code: &str, language: Language) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() || code == "SE" {
        return None;
    }
    let name =
        COUNTRIES
            .iter()
            .find(|(known, _, _)| *known == code)
            .map(|(_, swedish, english)| match language {
                Language::Swedish => *swedish,
                Language::English => *english,
            });
    Some(name.map_or(code.clone(), str::to_uppercase))
}

/// Countries Swedish small businesses most often invoice, by ISO 3166-1 code.
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("NO", "Norge", "Norway"),
    ("DK", "Danmark", "Denmark"),
    ("FI", "Finland", "Finland"),
    ("IS", "Island", "Iceland"),
    ("DE", "Tyskland", "Germany"),
    ("NL", "Nederländerna", "Netherlands"),
    ("BE", "Belgien", "Belgium"),
    ("FR", "Frankrike", "France"),
    ("ES", "Spanien", "Spain"),
    ("IT", "Italien", "Italy"),
    ("PL", "Polen", "Poland"),
    ("AT", "Österrike", "Austria"),
    ("IE", "Irland", "Ireland"),
    ("EE", "Estland", "Estonia"),
    ("LV", "Lettland", "Latvia"),
    ("LT", "Litauen", "Lithuania"),
    ("CH", "Schweiz", "Switzerland"),
    ("GB", "Storbritannien", "United Kingdom"),
    ("US", "USA", "United States"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numbers_in_both_languages() {
        let sv = Language::Swedish;
        let en = Language::English;
        let cases = [
            (amount(dec!(12345.5), sv), "12 345,50"),
            (amount(dec!(12345.5), en), "12,345.50"),
            (price(dec!(1150), sv), "1 150,00"),
            (price(dec!(0.125), sv), "0,125"),
            (price(dec!(1234.56789), en), "1,234.5679"),
            (price(dec!(-0.125), sv), "-0,125"),
            (quantity(dec!(12.50), sv), "12,5"),
            (quantity(dec!(3), en), "3"),
            (percent(dec!(25), sv), "25 %"),
            (percent(dec!(12.5), sv), "12,5 %"),
            (
                date(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default()),
                "2026-03-05",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn identifiers_in_print_form() {
        assert_eq!(org_number("5567212047"), "556721-2047");
        assert_eq!(bankgiro("56781230"), "5678-1230");
        assert_eq!(
            iban("SE4550000000058398257466"),
            "SE45 5000 0000 0583 9825 7466"
        );
        assert_eq!(org_number("HRB 12345"), "HRB 12345");
    }

    #[test]
    fn country_lines() {
        assert_eq!(country_line("SE", Language::Swedish), None);
        assert_eq!(country_line("", Language::English), None);
        assert_eq!(
            country_line("de", Language::Swedish).as_deref(),
            Some("TYSKLAND")
        );
        assert_eq!(
            country_line("DE", Language::English).as_deref(),
            Some("GERMANY")
        );
        assert_eq!(country_line("JP", Language::English).as_deref(), Some("JP"));
    }
}
