//! Payment terms and the due date they give from an invoice date.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::field_error::FieldError;
use crate::text::{Language, Text};

/// The terms on which the buyer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentTerms {
    /// "30 dagar netto": due N days after the invoice date.
    Net { days: u32 },
    /// "Kontant": due on the invoice date.
    Cash,
    /// "Sista dagen i månaden + N": due N days after the last day of the invoice month.
    EndOfMonthPlus { days: u32 },
    /// "Sista dagen i nästa månad".
    EndOfNextMonth,
}

/// The longest term we accept; longer terms are almost always a typo.
const MAX_DAYS: u32 = 365;

impl Default for PaymentTerms {
    fn default() -> PaymentTerms {
        PaymentTerms::Net { days: 30 }
    }
}

impl PaymentTerms {
    /// The date the invoice falls due.
    pub fn due_date(self, invoice_date: NaiveDate) -> NaiveDate {
        match self {
            PaymentTerms::Net { days } => add_days(invoice_date, days),
            PaymentTerms::Cash => invoice_date,
            PaymentTerms::EndOfMonthPlus { days } => {
                add_days(last_day_of_month(invoice_date), days)
            }
            PaymentTerms::EndOfNextMonth => {
                let next_month = invoice_date
                    .with_day(1)
                    .and_then(|first| first.checked_add_months(Months::new(1)))
                    .unwrap_or(invoice_date);
                last_day_of_month(next_month)
            }
        }
    }

    /// The terms as printed on the invoice.
    pub fn describe(self, language: Language) -> String {
        match (self, language) {
            (PaymentTerms::Net { days }, Language::Swedish) => format!("{days} dagar netto"),
            (PaymentTerms::Net { days }, Language::English) => format!("{days} days net"),
            (PaymentTerms::Cash, Language::Swedish) => "Kontant".to_owned(),
            (PaymentTerms::Cash, Language::English) => "Cash".to_owned(),
            (PaymentTerms::EndOfMonthPlus { days: 0 }, Language::Swedish) => {
                "Sista dagen i månaden".to_owned()
            }
            (PaymentTerms::EndOfMonthPlus { days: 0 }, Language::English) => {
                "End of month".to_owned()
            }
            (PaymentTerms::EndOfMonthPlus { days }, Language::Swedish) => {
                format!("{days} dagar efter månadens slut")
            }
            (PaymentTerms::EndOfMonthPlus { days }, Language::English) => {
                format!("{days} days after the end of the month")
            }
            (PaymentTerms::EndOfNextMonth, Language::Swedish) => {
                "Sista dagen i nästa månad".to_owned()
            }
            (PaymentTerms::EndOfNextMonth, Language::English) => "End of next month".to_owned(),
        }
    }

    /// The stable storage code: `net:30`, `cash`, `eom:10`, `eonm`.
    pub fn code(self) -> String {
        match self {
            PaymentTerms::Net { days } => format!("net:{days}"),
            PaymentTerms::Cash => "cash".to_owned(),
            PaymentTerms::EndOfMonthPlus { days } => format!("eom:{days}"),
            PaymentTerms::EndOfNextMonth => "eonm".to_owned(),
        }
    }

    /// Parses a storage code, checking the number of days.
    pub fn parse(code: &str) -> Result<PaymentTerms, FieldError> {
        let code = code.trim();
        let days = |text: &str| -> Result<u32, FieldError> {
            match text.parse::<u32>() {
                Ok(days) if days <= MAX_DAYS => Ok(days),
                _ => Err(FieldError::new(
                    "payment_terms",
                    "range",
                    Text::new(
                        format!(
                            "Betalningsvillkorets antal dagar \"{text}\" måste vara ett heltal mellan 0 och {MAX_DAYS}."
                        ),
                        format!(
                            "The number of days \"{text}\" in the payment terms must be a whole number from 0 to {MAX_DAYS}."
                        ),
                    ),
                )),
            }
        };
        match code.split_once(':') {
            Some(("net", n)) => Ok(PaymentTerms::Net { days: days(n)? }),
            Some(("eom", n)) => Ok(PaymentTerms::EndOfMonthPlus { days: days(n)? }),
            None if code == "cash" => Ok(PaymentTerms::Cash),
            None if code == "eonm" => Ok(PaymentTerms::EndOfNextMonth),
            _ => Err(FieldError::new(
                "payment_terms",
                "unknown",
                Text::new(
                    format!(
                        "Okänt betalningsvillkor \"{code}\". Välj t.ex. 30 dagar netto, kontant eller sista dagen i månaden + N."
                    ),
                    format!(
                        "Unknown payment terms \"{code}\". Choose e.g. 30 days net, cash or end of month + N."
                    ),
                ),
            )),
        }
    }
}

fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    #[test]
    fn due_dates() {
        let cases = [
            (PaymentTerms::Net { days: 30 }, "2026-01-15", "2026-02-14"),
            (PaymentTerms::Net { days: 10 }, "2026-12-28", "2027-01-07"),
            (PaymentTerms::Cash, "2026-03-03", "2026-03-03"),
            (
                PaymentTerms::EndOfMonthPlus { days: 0 },
                "2026-02-10",
                "2026-02-28",
            ),
            (
                PaymentTerms::EndOfMonthPlus { days: 10 },
                "2028-02-10",
                "2028-03-10",
            ),
            (PaymentTerms::EndOfNextMonth, "2026-01-31", "2026-02-28"),
            (PaymentTerms::EndOfNextMonth, "2026-12-05", "2027-01-31"),
        ];
        for (terms, invoice_date, due) in cases {
            assert_eq!(
                terms.due_date(on(invoice_date)),
                on(due),
                "{terms:?} {invoice_date}"
            );
        }
    }

    #[test]
    fn codes_round_trip_and_bad_codes_are_explained() {
        for terms in [
            PaymentTerms::Net { days: 30 },
            PaymentTerms::Cash,
            PaymentTerms::EndOfMonthPlus { days: 15 },
            PaymentTerms::EndOfNextMonth,
        ] {
            assert_eq!(PaymentTerms::parse(&terms.code()), Ok(terms));
        }
        let error = PaymentTerms::parse("net:-4").expect_err("negative days");
        assert_eq!(error.field, "payment_terms");
        assert!(error.message.sv.contains("mellan 0 och 365"));
        assert!(PaymentTerms::parse("net:9999").is_err());
        assert!(PaymentTerms::parse("whenever").is_err());
    }

    #[test]
    fn end_of_month_terms_read_as_words() {
        let cases = [
            (
                PaymentTerms::EndOfMonthPlus { days: 0 },
                Language::Swedish,
                "Sista dagen i månaden",
            ),
            (
                PaymentTerms::EndOfMonthPlus { days: 10 },
                Language::Swedish,
                "10 dagar efter månadens slut",
            ),
            (
                PaymentTerms::EndOfMonthPlus { days: 10 },
                Language::English,
                "10 days after the end of the month",
            ),
            (
                PaymentTerms::EndOfNextMonth,
                Language::Swedish,
                "Sista dagen i nästa månad",
            ),
        ];
        for (terms, language, expected) in cases {
            assert_eq!(terms.describe(language), expected);
        }
    }

    #[test]
    fn describes_in_both_languages() {
        assert_eq!(
            PaymentTerms::Net { days: 30 }.describe(Language::Swedish),
            "30 dagar netto"
        );
        assert_eq!(
            PaymentTerms::Net { days: 30 }.describe(Language::English),
            "30 days net"
        );
    }
}
