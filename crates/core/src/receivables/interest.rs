//! Late-payment interest under the Interest Act (räntelagen 6 and 9 §§): from the day after the
//! due date up to and including the day of payment, per day, on what was left unpaid, at the
//! reference rate of each half-year plus 8 percentage points — unless the invoice's terms set
//! another rate.
//!
//! A day's interest is `principal × rate / 100 / days in that year` (365 or 366). The period is
//! cut wherever the principal, the rate or the year length changes; each piece is one line of the
//! interest invoice, rounded to öre half away from zero.

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::field_error::FieldError;
use crate::text::Text;

/// The margin over the reference rate the Interest Act adds (9 §).
pub const STATUTORY_MARGIN: Decimal = Decimal::from_parts(8, 0, 0, false, 0);

/// Which rate applies to an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterestRate {
    /// The invoice's (or company's) terms name a rate, in percent per year.
    Fixed(Decimal),
    /// Riksbanken's reference rate of each half-year plus [`STATUTORY_MARGIN`].
    Statutory,
}

/// Riksbanken's reference rates: (valid from, percent per year), any order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReferenceRates(Vec<(NaiveDate, Decimal)>);

impl ReferenceRates {
    pub fn new(mut rates: Vec<(NaiveDate, Decimal)>) -> ReferenceRates {
        rates.sort_by_key(|(from, _)| *from);
        ReferenceRates(rates)
    }

    /// The reference rate on `day`: the latest one valid from on or before it. A day in a
    /// half-year that has no rate of its own yet has none: the user must add it first.
    pub fn on(&self, day: NaiveDate) -> Option<Decimal> {
        let half_year_start = half_year_start(day);
        self.0
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .filter(|(from, _)| *from >= half_year_start)
            .map(|(_, rate)| *rate)
    }
}

/// 1 January or 1 July of `day`'s half-year.
fn half_year_start(day: NaiveDate) -> NaiveDate {
    let month = if day.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

fn year_days(day: NaiveDate) -> u32 {
    if day.leap_year() { 366 } else { 365 }
}

/// What was left unpaid after each change: `(day, left)` means from the day after `day` the
/// principal is `left`. The first entry is the due date with what was left then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalHistory {
    pub due_date: NaiveDate,
    /// Changes in date order; amounts are what is left after all changes of that day.
    pub changes: Vec<(NaiveDate, Decimal)>,
}

impl PrincipalHistory {
    /// The principal that day `day` accrues interest on: what was left at the end of the day
    /// before (a payment on day P still counts P as a late day).
    fn on(&self, day: NaiveDate) -> Decimal {
        self.changes
            .iter()
            .take_while(|(changed, _)| *changed < day)
            .last()
            .map_or(Decimal::ZERO, |(_, left)| (*left).max(Decimal::ZERO))
    }
}

/// One line of interest: `days` days from `from` to `to` (both included) on `principal` at `rate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterestSegment {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub principal: Decimal,
    /// Percent per year.
    pub rate: Decimal,
    /// The length of the year the days fall in (365 or 366).
    pub year_days: u32,
    /// Rounded to öre.
    pub amount: Decimal,
}

fn missing_rate(day: NaiveDate) -> FieldError {
    let half = half_year_start(day);
    FieldError::new(
        "reference_rates",
        "missing",
        Text::new(
            format!(
                "Referensräntan för halvåret från {half} saknas. Lägg till den (Riksbankens referensränta) under Inställningar > Reskontra, eller med `fakturera interest rates add {half} PROCENT`."
            ),
            format!(
                "The reference rate for the half-year from {half} is missing. Add it (Riksbank's reference rate) under Settings > Receivables, or with `fakturera interest rates add {half} PERCENT`."
            ),
        ),
    )
}

/// The interest from `from` to `to` (both included) on `history`, cut into segments of constant
/// principal, rate and year length. Days with nothing left accrue nothing and make no line.
pub fn interest_segments(
    history: &PrincipalHistory,
    from: NaiveDate,
    to: NaiveDate,
    rate: InterestRate,
    rates: &ReferenceRates,
) -> Result<Vec<InterestSegment>, FieldError> {
    let first = from.max(history.due_date + Days::new(1));
    let mut segments: Vec<InterestSegment> = Vec::new();
    let mut day = first;
    while day <= to {
        let principal = history.on(day);
        let annual = match rate {
            InterestRate::Fixed(rate) => rate,
            InterestRate::Statutory => {
                rates.on(day).ok_or_else(|| missing_rate(day))? + STATUTORY_MARGIN
            }
        };
        let length = year_days(day);
        match segments.last_mut() {
            Some(last)
                if last.principal == principal
                    && last.rate == annual
                    && last.year_days == length
                    && last.to + Days::new(1) == day =>
            {
                last.to = day;
                last.days += 1;
            }
            _ if principal.is_zero() => {}
            _ => segments.push(InterestSegment {
                from: day,
                to: day,
                days: 1,
                principal,
                rate: annual,
                year_days: length,
                amount: Decimal::ZERO,
            }),
        }
        day = day + Days::new(1);
    }
    for segment in &mut segments {
        segment.amount = (segment.principal * segment.rate * Decimal::from(segment.days)
            / Decimal::ONE_HUNDRED
            / Decimal::from(segment.year_days))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    }
    segments.retain(|segment| !segment.principal.is_zero());
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn rates() -> ReferenceRates {
        ReferenceRates::new(vec![
            (date("2023-07-01"), dec!(3.5)),
            (date("2024-01-01"), dec!(4)),
            (date("2024-07-01"), dec!(4)),
            (date("2025-01-01"), dec!(2.5)),
            (date("2025-07-01"), dec!(2)),
            (date("2026-01-01"), dec!(2)),
        ])
    }

    fn unpaid(due: &str, amount: Decimal) -> PrincipalHistory {
        PrincipalHistory {
            due_date: date(due),
            changes: vec![(date(due), amount)],
        }
    }

    /// Each case computed by hand: principal × (reference + 8) % × days / days in the year.
    #[test]
    fn a_table_computed_by_hand_to_the_ore() {
        // 1. 10 000 kr due 2025-03-31, paid 2025-04-30: 30 days at 10,5 % (2,5 + 8), 365-day year.
        //    10 000 × 0,105 × 30 / 365 = 86,301… → 86,30.
        let mut paid = unpaid("2025-03-31", dec!(10000));
        paid.changes.push((date("2025-04-30"), dec!(0)));
        let one = interest_segments(
            &paid,
            date("2025-04-01"),
            date("2025-12-31"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect("rates");
        assert_eq!(one.len(), 1);
        assert_eq!(
            (one[0].days, one[0].rate, one[0].amount),
            (30, dec!(10.5), dec!(86.30))
        );

        // 2. A rate change inside the period: 5 000 kr due 2025-06-20, paid 2025-07-10.
        //    2025-06-21..30: 10 days at 10,5 % → 5 000 × 0,105 × 10 / 365 = 14,383… → 14,38
        //    2025-07-01..10: 10 days at 10 %   → 5 000 × 0,10 × 10 / 365 = 13,698… → 13,70
        let mut change = unpaid("2025-06-20", dec!(5000));
        change.changes.push((date("2025-07-10"), dec!(0)));
        let two = interest_segments(
            &change,
            date("2025-01-01"),
            date("2025-12-31"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect("rates");
        let amounts: Vec<_> = two
            .iter()
            .map(|s| (s.from, s.days, s.rate, s.amount))
            .collect();
        assert_eq!(
            amounts,
            [
                (date("2025-06-21"), 10, dec!(10.5), dec!(14.38)),
                (date("2025-07-01"), 10, dec!(10), dec!(13.70)),
            ]
        );

        // 3. A partial payment: 8 000 kr due 2026-01-31; 3 000 paid 2026-02-15, the rest 2026-03-10.
        //    02-01..15: 15 days on 8 000 at 10 % → 8 000 × 0,10 × 15 / 365 = 32,876… → 32,88
        //    02-16..03-10: 23 days on 5 000 at 10 % → 5 000 × 0,10 × 23 / 365 = 31,506… → 31,51
        let partial = PrincipalHistory {
            due_date: date("2026-01-31"),
            changes: vec![
                (date("2026-01-31"), dec!(8000)),
                (date("2026-02-15"), dec!(5000)),
                (date("2026-03-10"), dec!(0)),
            ],
        };
        let three = interest_segments(
            &partial,
            date("2026-01-01"),
            date("2026-06-30"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect("rates");
        let amounts: Vec<_> = three
            .iter()
            .map(|s| (s.days, s.principal, s.amount))
            .collect();
        assert_eq!(
            amounts,
            [(15, dec!(8000), dec!(32.88)), (23, dec!(5000), dec!(31.51))]
        );

        // 4. A leap year: 12 000 kr due 2024-02-20, paid 2024-03-05: 02-21..03-05 is 14 days with
        //    the 29th, at 12 % (4 + 8), 366-day year: 12 000 × 0,12 × 14 / 366 = 55,081… → 55,08.
        let mut leap = unpaid("2024-02-20", dec!(12000));
        leap.changes.push((date("2024-03-05"), dec!(0)));
        let four = interest_segments(
            &leap,
            date("2024-01-01"),
            date("2024-12-31"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect("rates");
        assert_eq!(
            (
                four[0].days,
                four[0].year_days,
                four[0].rate,
                four[0].amount
            ),
            (14, 366, dec!(12), dec!(55.08))
        );

        // 5. Across new year into the leap year: 1 000 kr due 2023-12-25, paid 2024-01-10, at a
        //    fixed 15 % from the invoice's terms.
        //    2023-12-26..31: 6 days / 365 → 1 000 × 0,15 × 6 / 365 = 2,465… → 2,47
        //    2024-01-01..10: 10 days / 366 → 1 000 × 0,15 × 10 / 366 = 4,098… → 4,10
        let mut year_end = unpaid("2023-12-25", dec!(1000));
        year_end.changes.push((date("2024-01-10"), dec!(0)));
        let five = interest_segments(
            &year_end,
            date("2023-01-01"),
            date("2024-12-31"),
            InterestRate::Fixed(dec!(15)),
            &rates(),
        )
        .expect("fixed");
        let amounts: Vec<_> = five
            .iter()
            .map(|s| (s.days, s.year_days, s.amount))
            .collect();
        assert_eq!(amounts, [(6, 365, dec!(2.47)), (10, 366, dec!(4.10))]);
    }

    #[test]
    fn interest_already_charged_is_not_charged_again() {
        let history = unpaid("2026-01-31", dec!(1000));
        let first = interest_segments(
            &history,
            date("2026-01-01"),
            date("2026-02-28"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect("rates");
        let later = interest_segments(
            &history,
            date("2026-03-01"),
            date("2026-03-31"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect("rates");
        assert_eq!((first[0].from, first[0].days), (date("2026-02-01"), 28));
        assert_eq!((later[0].from, later[0].days), (date("2026-03-01"), 31));
    }

    #[test]
    fn a_missing_half_year_names_it_and_the_fix() {
        let history = unpaid("2026-06-20", dec!(1000));
        let error = interest_segments(
            &history,
            date("2026-01-01"),
            date("2026-07-05"),
            InterestRate::Statutory,
            &rates(),
        )
        .expect_err("no rate for the second half of 2026");
        assert_eq!(error.field, "reference_rates");
        assert!(
            error.message.sv.contains("2026-07-01"),
            "{}",
            error.message.sv
        );
    }
}
