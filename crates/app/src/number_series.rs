//! Invoice number series in Inställningar: list, add, rename or move forward, choose the default.
//! Numbers themselves are only taken when an invoice is issued. A series that has issued invoices
//! moves forward only over a gap the user confirms with a reason, which is kept with the series
//! so the missing numbers can be explained in the bookkeeping.

use chrono::{DateTime, Utc};
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{NumberSeries, SeriesGap, SeriesId, SeriesInput, Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
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
    /// Numbers skipped over confirmed gaps, with their reasons.
    pub gaps: Vec<SeriesGapView>,
}

/// Numbers a series skipped, and why (as the user confirmed it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeriesGapView {
    /// E.g. "F-143–F-199".
    pub numbers: String,
    pub reason: String,
    /// RFC 3339.
    pub confirmed_at: String,
}

/// A series as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NumberSeriesForm {
    pub name: String,
    pub prefix: String,
    /// Digits, e.g. "1001".
    pub next_number: String,
    /// Why the numbers up to the new next number are skipped, when the series has issued
    /// invoices: moving it forward then needs this (a documented gap).
    #[serde(default)]
    pub gap_reason: String,
}

fn view(series: &NumberSeries, gaps: Vec<SeriesGap>) -> NumberSeriesView {
    NumberSeriesView {
        id: series.id.0,
        name: series.name.clone(),
        prefix: series.prefix.clone(),
        next_number: series.next_number,
        is_default: series.is_default,
        next_invoice_number: format!("{}{}", series.prefix, series.next_number),
        gaps: gaps
            .into_iter()
            .map(|gap| SeriesGapView {
                numbers: format!(
                    "{0}{1}–{0}{2}",
                    series.prefix, gap.first_skipped, gap.last_skipped
                ),
                reason: gap.reason,
                confirmed_at: gap.confirmed_at.to_rfc3339(),
            })
            .collect(),
    }
}

fn all_views(store: &Store) -> Result<Vec<NumberSeriesView>, StoreError> {
    store
        .number_series()?
        .iter()
        .map(|series| Ok(view(series, store.series_gaps(series.id)?)))
        .collect()
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
    if form.gap_reason.chars().count() > 500 {
        errors.push(FieldError::new(
            "gap_reason",
            "too_long",
            Text::new(
                "Förklaringen får vara högst 500 tecken.",
                "The explanation may be at most 500 characters.",
            ),
        ));
    }
    errors.into_result(SeriesInput {
        name,
        prefix,
        next_number,
    })
}

impl App {
    /// Every series, the default first.
    pub fn number_series(&self) -> Result<Vec<NumberSeriesView>, AppError> {
        self.with_store(|store| all_views(store))
    }

    pub fn add_number_series(
        &self,
        form: &NumberSeriesForm,
    ) -> Result<Vec<NumberSeriesView>, AppError> {
        let input = series_from_form(form).for_user(self.language())?;
        self.with_store(|store| {
            store.add_number_series(&input)?;
            all_views(store)
        })
    }

    /// Renames a series or moves its next number; moving it back onto used numbers is refused,
    /// and moving forward a series that has issued invoices needs `gap_reason` (the gap is then
    /// recorded with it).
    pub fn update_number_series(
        &self,
        id: i64,
        form: &NumberSeriesForm,
        now: DateTime<Utc>,
    ) -> Result<Vec<NumberSeriesView>, AppError> {
        let language = self.language();
        let input = series_from_form(form).for_user(language)?;
        let reason = form.gap_reason.trim();
        self.with_store(|store| {
            let gap = store
                .series_gap(SeriesId(id), input.next_number)
                .for_user(language)?;
            match gap {
                Some((first, last)) if reason.is_empty() => {
                    let error = FieldError::new(
                        "gap_reason",
                        "gap_needs_reason",
                        Text::new(
                            format!(
                                "Serien har redan gett ut fakturanummer. Flyttas nästa nummer till {} hoppar den över {first}–{last}, \
                                 ett glapp som ska kunna förklaras i bokföringen. Skriv varför och bekräfta, eller behåll {first}.",
                                input.next_number
                            ),
                            format!(
                                "The series has already issued invoice numbers. Moving the next number to {} skips {first}–{last}, \
                                 a gap that must be explainable in the bookkeeping. Say why and confirm, or keep {first}.",
                                input.next_number
                            ),
                        ),
                    );
                    Err(FieldErrors(vec![error]).into_app_error(language))
                }
                Some(_) => store
                    .move_series_over_gap(SeriesId(id), &input, reason, now)
                    .for_user(language),
                None => store
                    .update_number_series(SeriesId(id), &input)
                    .for_user(language),
            }?;
            all_views(store).for_user(language)
        })
    }

    pub fn set_default_number_series(&self, id: i64) -> Result<Vec<NumberSeriesView>, AppError> {
        self.with_store(|store| {
            store.set_default_series(SeriesId(id))?;
            all_views(store)
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
            gap_reason: String::new(),
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
