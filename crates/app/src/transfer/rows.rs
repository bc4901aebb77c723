//! One row of an import file as a register form, checked by the register's own rules (the same
//! `customer_from_form` and `article_from_form` the screens use), with every problem of the row
//! collected so the preview can name them all.

use chrono::NaiveDate;
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{Article, Customer};

use super::columns::FieldSpec;
use super::values;
use crate::articles::{ArticleForm, article_from_form};
use crate::customers::{CustomerForm, customer_from_form};
use crate::register_fields::AddressForm;

/// A row's cells seen through the column mapping.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MappedRow<'a> {
    pub cells: &'a [String],
    pub columns: &'a [Option<&'static str>],
}

impl MappedRow<'_> {
    /// The cell of the column mapped to `key`, or `""`.
    pub fn get(&self, key: &str) -> &str {
        self.columns
            .iter()
            .position(|column| *column == Some(key))
            .and_then(|index| self.cells.get(index))
            .map_or("", String::as_str)
    }

    fn has(&self, key: &str) -> bool {
        !self.get(key).is_empty()
    }
}

/// A row's problems as sentences naming the field: "Postnummer: …".
pub(crate) fn reasons(
    errors: &FieldErrors,
    fields: &[FieldSpec],
    language: Language,
) -> Vec<String> {
    errors
        .0
        .iter()
        .map(|error| {
            let label = fields
                .iter()
                .find(|field| field.key == error.field)
                .map(|field| {
                    Text::new(field.label.0, field.label.1)
                        .in_language(language)
                        .to_owned()
                })
                .unwrap_or_else(|| error.field.clone());
            format!("{label}: {}", error.message.in_language(language))
        })
        .collect()
}

fn address(row: &MappedRow<'_>, prefix: &str) -> AddressForm {
    let get = |part: &str| row.get(&format!("{prefix}.{part}")).to_owned();
    AddressForm {
        street: get("street"),
        street2: get("street2"),
        postal_code: get("postal_code"),
        city: get("city"),
        country_code: values::country(&get("country_code")),
    }
}

/// The customer a row describes, or all its problems.
pub(crate) fn customer_row(row: &MappedRow<'_>, today: NaiveDate) -> Result<Customer, FieldErrors> {
    let mut errors = FieldErrors::default();
    let has_delivery = ["street", "street2", "postal_code", "city"]
        .iter()
        .any(|part| row.has(&format!("delivery_address.{part}")));
    let form = CustomerForm {
        customer_number: row.get("customer_number").to_owned(),
        kind: errors
            .collect(values::customer_kind(row.get("kind")))
            .unwrap_or_default(),
        name: row.get("name").to_owned(),
        legal_id: row.get("legal_id").to_owned(),
        vat_number: row.get("vat_number").to_owned(),
        address: address(row, "address"),
        delivery_address: has_delivery.then(|| address(row, "delivery_address")),
        email: row.get("email").to_owned(),
        copy_email: row.get("copy_email").to_owned(),
        phone: row.get("phone").to_owned(),
        contact_name: row.get("contact_name").to_owned(),
        our_reference: row.get("our_reference").to_owned(),
        your_reference: row.get("your_reference").to_owned(),
        buyer_reference: row.get("buyer_reference").to_owned(),
        payment_terms: values::payment_terms(row.get("payment_terms")),
        currency: row.get("currency").to_owned(),
        language: errors
            .collect(values::language(row.get("language")))
            .unwrap_or_default(),
        delivery_choice: errors
            .collect(values::delivery_choice(row.get("delivery_choice")))
            .unwrap_or_default(),
        vat_treatment: errors
            .collect(values::vat_treatment(row.get("vat_treatment")))
            .unwrap_or_default(),
        notes: row.get("notes").to_owned(),
        archived: errors
            .collect(values::yes_no(row.get("archived"), "archived"))
            .unwrap_or_default(),
    };
    // An empty number is given the next free one when the rows are written.
    let mut numbered = form.clone();
    if numbered.customer_number.trim().is_empty() {
        numbered.customer_number = "0".into();
    }
    match customer_from_form(&numbered, None, today) {
        Ok(mut customer) if errors.is_empty() => {
            customer.customer_number = form.customer_number.trim().to_owned();
            Ok(customer)
        }
        Ok(_) => Err(errors),
        Err(rule_errors) => {
            errors.0.extend(rule_errors.0);
            Err(errors)
        }
    }
}

/// The article a row describes, or all its problems.
pub(crate) fn article_row(row: &MappedRow<'_>) -> Result<Article, FieldErrors> {
    let mut errors = FieldErrors::default();
    let unit = row.get("unit");
    let price = row.get("unit_price");
    let form = ArticleForm {
        article_number: row.get("article_number").to_owned(),
        name: row.get("name").to_owned(),
        unit: if unit.is_empty() {
            "st".to_owned()
        } else {
            unit.to_owned()
        },
        unit_price: if price.is_empty() {
            "0".to_owned()
        } else {
            price.to_owned()
        },
        vat_rate_class: errors
            .collect(values::vat_rate_class(row.get("vat_rate_class")))
            .unwrap_or_default(),
        kind: errors
            .collect(values::article_kind(row.get("kind")))
            .unwrap_or_default(),
        archived: errors
            .collect(values::yes_no(row.get("archived"), "archived"))
            .unwrap_or_default(),
    };
    match article_from_form(&form) {
        Ok(article) if errors.is_empty() => Ok(article),
        Ok(_) => Err(errors),
        Err(rule_errors) => {
            errors.0.extend(rule_errors.0);
            Err(errors)
        }
    }
}

/// A date as other programs write it: 2026-03-14, 20260314, 2026/03/14 or 14.03.2026.
pub(crate) fn date_cell(
    value: &str,
    field: &str,
    label: (&str, &str),
) -> Result<NaiveDate, FieldError> {
    let text = value.trim();
    ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d.%m.%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        .ok_or_else(|| {
            FieldError::new(
                field,
                "date",
                Text::new(
                    format!(
                        "{} \"{text}\" är inget datum. Skriv det som 2026-03-14.",
                        label.0
                    ),
                    format!(
                        "{} \"{text}\" is not a date. Write it as 2026-03-14.",
                        label.1
                    ),
                ),
            )
        })
}
