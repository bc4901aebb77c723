//! Reporting periods as users name them: a month (`2026-03`), a quarter (`2026-Q1`, or `2026-K1`
//! in Swedish), a year (`2026`) or two dates. The VAT return and the EU sales list follow them.

use chrono::{Datelike, NaiveDate};
use fakturera_core::{FieldError, Text};

/// A period of whole days, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportPeriod {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year { year: i32 },
    Dates { from: NaiveDate, to: NaiveDate },
}

fn bad_period(input: &str) -> FieldError {
    FieldError::new(
        "period",
        "format",
        Text::new(
            format!(
                "Perioden \"{input}\" känns inte igen. Skriv en månad (2026-03), ett kvartal (2026-K1) eller ett år (2026)."
            ),
            format!(
                "The period \"{input}\" is not recognised. Write a month (2026-03), a quarter (2026-Q1) or a year (2026)."
            ),
        ),
    )
}

impl ReportPeriod {
    /// Reads `2026-03`, `2026-Q1`/`2026-K1`, or `2026`.
    pub fn parse(input: &str) -> Result<ReportPeriod, FieldError> {
        let text = input.trim().to_ascii_uppercase();
        let bad = || bad_period(input.trim());
        let year_of = |part: &str| -> Result<i32, FieldError> {
            if part.len() != 4 {
                return Err(bad());
            }
            part.parse::<i32>()
                .ok()
                .filter(|year| (1900..=2999).contains(year))
                .ok_or_else(bad)
        };
        match text.split_once('-') {
            None => Ok(ReportPeriod::Year {
                year: year_of(&text)?,
            }),
            Some((year, rest)) => {
                let year = year_of(year)?;
                if let Some(quarter) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('K')) {
                    let quarter: u32 = quarter.parse().map_err(|_| bad())?;
                    if (1..=4).contains(&quarter) {
                        return Ok(ReportPeriod::Quarter { year, quarter });
                    }
                    return Err(bad());
                }
                let month: u32 = rest.parse().map_err(|_| bad())?;
                if (1..=12).contains(&month) && rest.len() == 2 {
                    Ok(ReportPeriod::Month { year, month })
                } else {
                    Err(bad())
                }
            }
        }
    }

    /// Two dates, the first not after the second.
    pub fn dates(from: NaiveDate, to: NaiveDate) -> Result<ReportPeriod, FieldError> {
        if from > to {
            return Err(FieldError::new(
                "to",
                "order",
                Text::new(
                    format!("Slutdatumet {to} ligger före startdatumet {from}. Byt plats på dem."),
                    format!("The end date {to} is before the start date {from}. Swap them."),
                ),
            ));
        }
        Ok(ReportPeriod::Dates { from, to })
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            ReportPeriod::Month { year, month } => ymd(year, month, 1),
            ReportPeriod::Quarter { year, quarter } => ymd(year, quarter * 3 - 2, 1),
            ReportPeriod::Year { year } => ymd(year, 1, 1),
            ReportPeriod::Dates { from, .. } => from,
        }
    }

    pub fn last_day(self) -> NaiveDate {
        let month_end = |year: i32, month: u32| {
            let (next_year, next_month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
            ymd(next_year, next_month, 1)
                .pred_opt()
                .unwrap_or(ymd(year, month, 28))
        };
        match self {
            ReportPeriod::Month { year, month } => month_end(year, month),
            ReportPeriod::Quarter { year, quarter } => month_end(year, quarter * 3),
            ReportPeriod::Year { year } => ymd(year, 12, 31),
            ReportPeriod::Dates { to, .. } => to,
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// The period as the EU sales list names it: `2603` for March 2026, `26-1` for its first
    /// quarter. Years and free dates have no code: the list is monthly or quarterly.
    pub fn eu_sales_code(self) -> Option<String> {
        match self {
            ReportPeriod::Month { year, month } => {
                Some(format!("{:02}{month:02}", year.rem_euclid(100)))
            }
            ReportPeriod::Quarter { year, quarter } => {
                Some(format!("{:02}-{quarter}", year.rem_euclid(100)))
            }
            ReportPeriod::Year { .. } | ReportPeriod::Dates { .. } => None,
        }
    }

    /// How the period is written back: `2026-03`, `2026-K1`, `2026`, `2026-01-01–2026-06-30`.
    pub fn label(self) -> String {
        match self {
            ReportPeriod::Month { year, month } => format!("{year}-{month:02}"),
            ReportPeriod::Quarter { year, quarter } => format!("{year}-K{quarter}"),
            ReportPeriod::Year { year } => format!("{year}"),
            ReportPeriod::Dates { from, to } => format!("{from}–{to}"),
        }
    }
}

/// The financial year that holds `date`, for a year starting on the first of `first_month`.
pub fn financial_year(date: NaiveDate, first_month: u32) -> (NaiveDate, NaiveDate) {
    let first_month = first_month.clamp(1, 12);
    let start_year = if date.month() >= first_month {
        date.year()
    } else {
        date.year() - 1
    };
    let start = ymd(start_year, first_month, 1);
    let end = ymd(start_year + 1, first_month, 1)
        .pred_opt()
        .unwrap_or(start);
    (start, end)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn parses_months_quarters_and_years() {
        let cases = [
            ("2026-03", "2026-03-01", "2026-03-31", Some("2603")),
            ("2024-02", "2024-02-01", "2024-02-29", Some("2402")),
            ("2026-q1", "2026-01-01", "2026-03-31", Some("26-1")),
            ("2026-K4", "2026-10-01", "2026-12-31", Some("26-4")),
            ("2026", "2026-01-01", "2026-12-31", None),
        ];
        for (input, from, to, code) in cases {
            let period = ReportPeriod::parse(input).expect(input);
            assert_eq!(
                (period.first_day(), period.last_day()),
                (on(from), on(to)),
                "{input}"
            );
            assert_eq!(period.eu_sales_code().as_deref(), code, "{input}");
        }
        for bad in ["2026-13", "26-03", "2026-Q5", "mars", "2026-3", ""] {
            assert_eq!(
                ReportPeriod::parse(bad).map_err(|error| error.field),
                Err("period".to_owned()),
                "{bad}"
            );
        }
    }

    #[test]
    fn financial_years_may_start_in_any_month() {
        assert_eq!(
            financial_year(on("2026-03-14"), 1),
            (on("2026-01-01"), on("2026-12-31"))
        );
        assert_eq!(
            financial_year(on("2026-03-14"), 5),
            (on("2025-05-01"), on("2026-04-30"))
        );
        assert_eq!(
            financial_year(on("2026-05-01"), 5),
            (on("2026-05-01"), on("2027-04-30"))
        );
    }
}
