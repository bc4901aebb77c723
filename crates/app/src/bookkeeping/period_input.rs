//! A period as the user gives it: a month, quarter or year by name, or two dates.

use chrono::NaiveDate;
use fakturera_bookkeeping::ReportPeriod;
use fakturera_core::{FieldError, FieldErrors, Text};

fn date_field(input: &str, field: &str) -> Result<NaiveDate, FieldError> {
    input.trim().parse::<NaiveDate>().map_err(|_| {
        FieldError::new(
            field,
            "date",
            Text::new(
                format!(
                    "\"{}\" är inte ett datum. Skriv det som 2026-03-31.",
                    input.trim()
                ),
                format!(
                    "\"{}\" is not a date. Write it as 2026-03-31.",
                    input.trim()
                ),
            ),
        )
    })
}

/// `period` when given (`2026-03`, `2026-K1`, `2026`), else the dates `from`–`to`.
pub(crate) fn period_from_input(
    period: &str,
    from: &str,
    to: &str,
) -> Result<ReportPeriod, FieldErrors> {
    if !period.trim().is_empty() {
        return ReportPeriod::parse(period).map_err(FieldErrors::from);
    }
    let mut errors = FieldErrors::default();
    let from = errors.collect(date_field(from, "from"));
    let to = errors.collect(date_field(to, "to"));
    match (from, to) {
        (Some(from), Some(to)) => ReportPeriod::dates(from, to).map_err(FieldErrors::from),
        _ => Err(errors),
    }
}
