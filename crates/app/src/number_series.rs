//! Invoice number series in Inställningar: list, add, rename or move forward, choose the default.
//! Numbers themselves are only taken when an invoice is issued.

use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{NumberSeries, SeriesId, SeriesInput, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::{AppError, IntoAppError};
use crate::register_fields::{required_text, shorten, text_field};

/// The highest next number we accept; invoice numbers become OCR references of limited length.
const NEXT_NUMBER_MAX: i64 = 999_999_999;

/// A series as the settings screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NumberSeriesView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub prefix: String,
    #[ts(type = "number")]
    pub next_number: i64,
    pub is_default: bool,
    /// The number the next invoice in this series gets, e.g. "F-1001".
    pub next_invoice_number: String,
}

/// A series as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NumberSeriesForm {
    pub name: String,
    pub prefix: String,
    /// Digits, e.g. "1001".
    pub next_number: String,
}

fn view(series: &NumberSeries) -> NumberSeriesView {
    NumberSeriesView {
        id: series.id.0,
        name: series.name.clone(),
        prefix: series.prefix.clone(),
        next_number: series.next_number,
        is_default: series.is_default,
        next_invoice_number: format!("{}{}", series.prefix, series.next_number),
    }
}

/// The series the form describes, or every field that needs fixing.
pub fn series_from_form(form: &NumberSeriesForm) -> Result<SeriesInput, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = required_text(&form.name, "name", ("Namnet", "The name"), 60, &mut errors);
    let prefix = text_field(
        &form.prefix,
        "prefix",
        ("Prefixet", "The prefix"),
        20,
        false,
        &mut errors,
    );
    if prefix.chars().any(char::is_whitespace) {
        errors.push(FieldError::new(
            "prefix",
            "whitespace",
            Text::new(
                "Prefixet får inte innehålla mellanslag, t.ex. F- eller 2026-.",
                "The prefix may not contain spaces, e.g. F- or 2026-.",
            ),
        ));
    }
    let digits = form.next_number.trim();
    let next_number = match digits.parse::<i64>() {
        Ok(number)
            if (1..=NEXT_NUMBER_MAX).contains(&number)
                && digits.chars().all(|c| c.is_ascii_digit()) =>
        {
            number
        }
        _ => {
            errors.push(FieldError::new(
                "next_number",
                "range",
                Text::new(
                    format!("Nästa nummer \"{}\" ska vara ett heltal från 1 till {NEXT_NUMBER_MAX}.", shorten(digits)),
                    format!("The next number \"{}\" must be a whole number from 1 to {NEXT_NUMBER_MAX}.", shorten(digits)),
                ),
            ));
            1
        }
    };
    errors.into_result(SeriesInput {
        name,
        prefix,
        next_number,
    })
}

impl App {
    /// Every series, the default first.
    pub fn number_series(&self) -> Result<Vec<NumberSeriesView>, AppError> {
        self.with_store(|store| {
            Ok::<_, StoreError>(store.number_series()?.iter().map(view).collect())
        })
    }

    pub fn add_number_series(
        &self,
        form: &NumberSeriesForm,
    ) -> Result<Vec<NumberSeriesView>, AppError> {
        let input =
            series_from_form(form).map_err(|errors| errors.into_app_error(self.language()))?;
        self.with_store(|store| {
            store.add_number_series(&input)?;
            Ok::<_, StoreError>(store.number_series()?.iter().map(view).collect())
        })
    }

    /// Renames a series or moves its next number; moving it back onto used numbers is refused.
    pub fn update_number_series(
        &self,
        id: i64,
        form: &NumberSeriesForm,
    ) -> Result<Vec<NumberSeriesView>, AppError> {
        let input =
            series_from_form(form).map_err(|errors| errors.into_app_error(self.language()))?;
        self.with_store(|store| {
            store.update_number_series(SeriesId(id), &input)?;
            Ok::<_, StoreError>(store.number_series()?.iter().map(view).collect())
        })
    }

    pub fn set_default_number_series(&self, id: i64) -> Result<Vec<NumberSeriesView>, AppError> {
        self.with_store(|store| {
            store.set_default_series(SeriesId(id))?;
            Ok::<_, StoreError>(store.number_series()?.iter().map(view).collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_checked() {
        let form = |name: &str, prefix: &str, next: &str| NumberSeriesForm {
            name: name.into(),
            prefix: prefix.into(),
            next_number: next.into(),
        };
        let input = series_from_form(&form(" Export ", " EX- ", " 5001 ")).expect("valid");
        assert_eq!(
            input,
            SeriesInput {
                name: "Export".into(),
                prefix: "EX-".into(),
                next_number: 5001
            }
        );
        let cases = [
            (form("", "F-", "1"), "name"),
            (form("A", "F 1", "1"), "prefix"),
            (form("A", &"P".repeat(21), "1"), "prefix"),
            (form("A", "F-", "0"), "next_number"),
            (form("A", "F-", "-5"), "next_number"),
            (form("A", "F-", "+5"), "next_number"),
            (form("A", "F-", "1e3"), "next_number"),
            (form("A", "F-", "1000000000"), "next_number"),
            (
                form("A", "F-", "'; DROP TABLE number_series;--"),
                "next_number",
            ),
        ];
        for (form, field) in cases {
            let errors = series_from_form(&form).expect_err(field);
            let fields: Vec<&str> = errors.0.iter().map(|error| error.field.as_str()).collect();
            assert_eq!(fields, [field], "{form:?}");
        }
    }
}
