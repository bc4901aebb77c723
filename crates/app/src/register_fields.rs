//! Field checks shared by the register forms (company, customers, articles): text limits, addresses,
//! e-mail addresses, and the small code enums that cross IPC for delivery choice and customer kind.
//!
//! Every check collects into `FieldErrors`, so a form reports all its problems at once, each under
//! the field path the UI shows it beside.

use std::str::FromStr;

use fakturera_core::party::{Address, BuyerKind};
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::DeliveryChoice;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A field's name in Swedish and English, as it starts a message ("Namnet", "The name").
pub(crate) type Label = (&'static str, &'static str);

/// Longest names and address lines we keep; more is a paste accident, not a name.
pub(crate) const NAME_MAX: usize = 200;
/// Longest short texts: phone numbers, references, identifiers.
pub(crate) const SHORT_MAX: usize = 100;
/// Longest free-text notes.
pub(crate) const NOTES_MAX: usize = 4000;

/// The customer's delivery choice (utskriftsval) as it crosses IPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeliveryChoiceCode {
    /// E-faktura via Peppol.
    Einvoice,
    /// E-post med PDF.
    Email,
    /// Brev.
    Letter,
    /// Let AutoInvoice choose.
    #[default]
    Automatic,
}

impl From<DeliveryChoiceCode> for DeliveryChoice {
    fn from(code: DeliveryChoiceCode) -> DeliveryChoice {
        match code {
            DeliveryChoiceCode::Einvoice => DeliveryChoice::EInvoice,
            DeliveryChoiceCode::Email => DeliveryChoice::Email,
            DeliveryChoiceCode::Letter => DeliveryChoice::Letter,
            DeliveryChoiceCode::Automatic => DeliveryChoice::Automatic,
        }
    }
}

impl From<DeliveryChoice> for DeliveryChoiceCode {
    fn from(choice: DeliveryChoice) -> DeliveryChoiceCode {
        match choice {
            DeliveryChoice::EInvoice => DeliveryChoiceCode::Einvoice,
            DeliveryChoice::Email => DeliveryChoiceCode::Email,
            DeliveryChoice::Letter => DeliveryChoiceCode::Letter,
            DeliveryChoice::Automatic => DeliveryChoiceCode::Automatic,
        }
    }
}

/// A company customer (org number) or a private person (personal number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CustomerKindCode {
    #[default]
    Company,
    Private,
}

impl From<CustomerKindCode> for BuyerKind {
    fn from(code: CustomerKindCode) -> BuyerKind {
        match code {
            CustomerKindCode::Company => BuyerKind::Company,
            CustomerKindCode::Private => BuyerKind::Private,
        }
    }
}

impl From<BuyerKind> for CustomerKindCode {
    fn from(kind: BuyerKind) -> CustomerKindCode {
        match kind {
            BuyerKind::Company => CustomerKindCode::Company,
            BuyerKind::Private => CustomerKindCode::Private,
        }
    }
}

/// A postal address as typed. An empty country means Sweden.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddressForm {
    pub street: String,
    pub street2: String,
    pub postal_code: String,
    pub city: String,
    /// ISO 3166-1 alpha-2, e.g. "SE", "DE".
    pub country_code: String,
}

impl From<&Address> for AddressForm {
    fn from(address: &Address) -> AddressForm {
        AddressForm {
            street: address.street.clone(),
            street2: address.street2.clone(),
            postal_code: address.postal_code.clone(),
            city: address.city.clone(),
            country_code: address.country_code.clone(),
        }
    }
}

/// `field` under `parent`, e.g. `address.city`; a bare field when there is no parent.
pub(crate) fn path(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_owned()
    } else {
        format!("{parent}.{field}")
    }
}

/// The trimmed text, or an error when it is longer than `max` characters or holds control
/// characters (which break printing and e-invoices). Line breaks are allowed where `multiline`.
pub(crate) fn text_field(
    input: &str,
    field: &str,
    label: Label,
    max: usize,
    multiline: bool,
    errors: &mut FieldErrors,
) -> String {
    let trimmed = input.trim();
    let count = trimmed.chars().count();
    if count > max {
        errors.push(FieldError::new(
            field,
            "too_long",
            Text::new(
                format!(
                    "{} får vara högst {max} tecken men är {count}. Korta texten.",
                    label.0
                ),
                format!(
                    "{} may be at most {max} characters but is {count}. Shorten the text.",
                    label.1
                ),
            ),
        ));
        return String::new();
    }
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !trimmed.chars().all(allowed) {
        errors.push(FieldError::new(
            field,
            "control_character",
            Text::new(
                format!(
                    "{} innehåller osynliga styrtecken. Skriv om texten utan dem.",
                    label.0
                ),
                format!(
                    "{} contains invisible control characters. Retype the text without them.",
                    label.1
                ),
            ),
        ));
        return String::new();
    }
    trimmed.to_owned()
}

/// Like [`text_field`], and the text must not be empty.
pub(crate) fn required_text(
    input: &str,
    field: &str,
    label: Label,
    max: usize,
    errors: &mut FieldErrors,
) -> String {
    let text = text_field(input, field, label, max, false, errors);
    if input.trim().is_empty() {
        errors.push(FieldError::new(
            field,
            "required",
            Text::new(
                format!("{} måste fyllas i.", label.0),
                format!("{} is required.", label.1),
            ),
        ));
    }
    text
}

/// An e-mail address for invoices, or `""` when empty. Needs a domain with a dot, because
/// invoices go to addresses on the internet, not to `user@localhost`.
pub(crate) fn email_field(input: &str, field: &str, errors: &mut FieldErrors) -> String {
    let label = ("E-postadressen", "The e-mail address");
    let text = text_field(input, field, label, 254, false, errors);
    if text.is_empty() {
        return text;
    }
    let has_dotted_domain = text
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
    match email_address::EmailAddress::from_str(&text) {
        Ok(_) if has_dotted_domain => text,
        _ => {
            errors.push(FieldError::new(
                field,
                "email",
                Text::new(
                    format!(
                        "E-postadressen \"{}\" är inte giltig. Skriv den som namn@foretag.se.",
                        shorten(&text)
                    ),
                    format!(
                        "The e-mail address \"{}\" is not valid. Write it as name@company.com.",
                        shorten(&text)
                    ),
                ),
            ));
            String::new()
        }
    }
}

/// Checks and normalises an address: the country in upper case (Sweden when empty) and Swedish
/// postal codes as "NNN NN". Fields are reported under `parent` (e.g. `delivery_address.city`).
pub(crate) fn address_field(form: &AddressForm, parent: &str, errors: &mut FieldErrors) -> Address {
    let country_code = country_field(&form.country_code, &path(parent, "country_code"), errors);
    let postal_field = path(parent, "postal_code");
    let postal_code = text_field(
        &form.postal_code,
        &postal_field,
        ("Postnumret", "The postal code"),
        20,
        false,
        errors,
    );
    // A wrong country is reported on its own; the postal code is checked once the country is known.
    let postal_code = if country_code.as_deref() == Some("SE") && !postal_code.is_empty() {
        swedish_postal_code(&postal_code, &postal_field, errors)
    } else {
        postal_code
    };
    Address {
        street: text_field(
            &form.street,
            &path(parent, "street"),
            ("Adressen", "The address"),
            NAME_MAX,
            false,
            errors,
        ),
        street2: text_field(
            &form.street2,
            &path(parent, "street2"),
            ("Adressrad 2", "Address line 2"),
            NAME_MAX,
            false,
            errors,
        ),
        postal_code,
        city: text_field(
            &form.city,
            &path(parent, "city"),
            ("Orten", "The city"),
            NAME_MAX,
            false,
            errors,
        ),
        country_code: country_code.unwrap_or_default(),
    }
}

fn country_field(input: &str, field: &str, errors: &mut FieldErrors) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Some("SE".to_owned());
    }
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(code);
    }
    errors.push(FieldError::new(
        field,
        "country",
        Text::new(
            format!(
                "Landskoden \"{}\" ska vara två bokstäver, t.ex. SE, NO eller DE.",
                shorten(input)
            ),
            format!(
                "The country code \"{}\" must be two letters, e.g. SE, NO or DE.",
                shorten(input)
            ),
        ),
    ));
    None
}

fn swedish_postal_code(input: &str, field: &str, errors: &mut FieldErrors) -> String {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 5 && digits.chars().all(|c| c.is_ascii_digit()) {
        return format!("{} {}", &digits[..3], &digits[3..]);
    }
    errors.push(FieldError::new(
        field,
        "postal_code",
        Text::new(
            format!(
                "Postnumret \"{}\" ska ha fem siffror, t.ex. 123 45.",
                shorten(input)
            ),
            format!(
                "The postal code \"{}\" must have five digits, e.g. 123 45.",
                shorten(input)
            ),
        ),
    ));
    String::new()
}

/// An optional identifier: `""` when empty, else parsed by its core type and stored in the
/// type's normalised form, with the parser's bilingual message reported under `field`.
pub(crate) fn identifier_field<T>(
    input: &str,
    field: &str,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
    normalised: impl FnOnce(&T) -> String,
    errors: &mut FieldErrors,
) -> String {
    if input.trim().is_empty() {
        return String::new();
    }
    match parse(input) {
        Ok(value) => normalised(&value),
        Err(mut error) => {
            error.field = field.to_owned();
            errors.push(error);
            String::new()
        }
    }
}

/// A stored identifier in the form people read (`5050-1055`), or as stored when it no longer parses.
pub(crate) fn shown_identifier<T: std::fmt::Display, E>(
    stored: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> String {
    if stored.is_empty() {
        return String::new();
    }
    parse(stored).map_or_else(|_| stored.to_owned(), |value| value.to_string())
}

/// Keeps error messages readable when someone pastes a novel into a short field.
pub(crate) fn shorten(input: &str) -> String {
    const MAX: usize = 40;
    let input = input.trim();
    if input.chars().count() > MAX {
        format!("{}…", input.chars().take(MAX).collect::<String>())
    } else {
        input.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &FieldErrors) -> Vec<&str> {
        errors.0.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn text_limits_and_control_characters() {
        let cases: [(&str, usize, bool, Option<&str>); 6] = [
            (
                "  Åkesson & Öberg AB  ",
                NAME_MAX,
                false,
                Some("Åkesson & Öberg AB"),
            ),
            (
                "Robert'); DROP TABLE customers;--",
                NAME_MAX,
                false,
                Some("Robert'); DROP TABLE customers;--"),
            ),
            ("Kaffe ☕ och 😀", NAME_MAX, false, Some("Kaffe ☕ och 😀")),
            (
                "rad ett\nrad två",
                NOTES_MAX,
                true,
                Some("rad ett\nrad två"),
            ),
            ("rad ett\nrad två", NAME_MAX, false, None),
            ("nul\u{0}byte", NAME_MAX, true, None),
        ];
        for (input, max, multiline, expected) in cases {
            let mut errors = FieldErrors::default();
            let text = text_field(
                input,
                "name",
                ("Namnet", "The name"),
                max,
                multiline,
                &mut errors,
            );
            match expected {
                Some(expected) => assert_eq!(
                    (text.as_str(), errors.is_empty()),
                    (expected, true),
                    "{input}"
                ),
                None => assert_eq!(fields(&errors), ["name"], "{input}"),
            }
        }
        let mut errors = FieldErrors::default();
        text_field(
            &"x".repeat(10_000),
            "name",
            ("Namnet", "The name"),
            NAME_MAX,
            false,
            &mut errors,
        );
        assert_eq!(errors.0[0].code, "too_long");
        assert!(
            errors.0[0]
                .message
                .sv
                .contains("högst 200 tecken men är 10000")
        );
        assert!(errors.0[0].message.en.contains("at most 200 characters"));
    }

    #[test]
    fn emails() {
        let cases = [
            ("faktura@akesson.se", true),
            (" ekonomi@öberg.se ", true),
            ("", true),
            ("faktura@localhost", false),
            ("not an address", false),
            ("a@b.", false),
            ("two@@signs.se", false),
        ];
        for (input, valid) in cases {
            let mut errors = FieldErrors::default();
            email_field(input, "email", &mut errors);
            assert_eq!(errors.is_empty(), valid, "{input}");
        }
    }

    #[test]
    fn addresses_are_normalised() {
        let mut errors = FieldErrors::default();
        let form = AddressForm {
            street: "Storgatan 1".into(),
            postal_code: "11122".into(),
            city: "Stockholm".into(),
            ..AddressForm::default()
        };
        let address = address_field(&form, "address", &mut errors);
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(
            (address.postal_code.as_str(), address.country_code.as_str()),
            ("111 22", "SE")
        );

        let foreign = AddressForm {
            postal_code: "D-10115".into(),
            country_code: "de".into(),
            ..AddressForm::default()
        };
        let address = address_field(&foreign, "address", &mut errors);
        assert!(errors.is_empty(), "{errors}");
        assert_eq!(
            (address.postal_code.as_str(), address.country_code.as_str()),
            ("D-10115", "DE")
        );

        let bad = AddressForm {
            postal_code: "1234".into(),
            country_code: "Sverige".into(),
            ..AddressForm::default()
        };
        address_field(&bad, "delivery_address", &mut errors);
        assert_eq!(fields(&errors), ["delivery_address.country_code"]);
        let bad = AddressForm {
            postal_code: "1234".into(),
            ..AddressForm::default()
        };
        address_field(&bad, "address", &mut errors);
        assert_eq!(
            fields(&errors),
            ["delivery_address.country_code", "address.postal_code"]
        );
    }
}
