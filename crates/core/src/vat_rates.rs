//! Swedish VAT rates as data with validity dates.
//!
//! Rates change by law (food drops from 12 % to 6 % between 2026-04-01 and 2027-12-31), so an article
//! names a rate class and the rate is looked up for the invoice date, never hard-coded.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What kind of supply an article is, as far as the VAT rate goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VatRateClass {
    /// Most goods and services: 25 %.
    Standard,
    /// Food and non-alcoholic drinks: 12 %, temporarily 6 % from 2026-04-01 to 2027-12-31.
    Food,
    /// Hotel stays, restaurant and catering services: 12 %.
    Reduced12,
    /// Books, newspapers, passenger transport, culture and sports events: 6 %.
    Reduced6,
    /// Zero-rated supplies.
    Zero,
}

impl VatRateClass {
    pub const ALL: [VatRateClass; 5] = [
        VatRateClass::Standard,
        VatRateClass::Food,
        VatRateClass::Reduced12,
        VatRateClass::Reduced6,
        VatRateClass::Zero,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VatRateClass::Standard => "standard",
            VatRateClass::Food => "food",
            VatRateClass::Reduced12 => "reduced12",
            VatRateClass::Reduced6 => "reduced6",
            VatRateClass::Zero => "zero",
        }
    }

    pub fn from_code(code: &str) -> Option<VatRateClass> {
        Self::ALL.into_iter().find(|class| class.code() == code)
    }
}

/// One rate for one class over a period; `None` bounds are open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRatePeriod {
    pub class: VatRateClass,
    pub rate: Decimal,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

impl VatRatePeriod {
    fn covers(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// The rates in force over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRateSchedule {
    periods: Vec<VatRatePeriod>,
}

/// The rates that a Swedish standard-rated line may carry (SE-R-006).
pub const SWEDISH_RATES: [Decimal; 4] = [
    Decimal::from_parts(25, 0, 0, false, 0),
    Decimal::from_parts(12, 0, 0, false, 0),
    Decimal::from_parts(6, 0, 0, false, 0),
    Decimal::ZERO,
];

impl VatRateSchedule {
    pub fn new(periods: Vec<VatRatePeriod>) -> VatRateSchedule {
        VatRateSchedule { periods }
    }

    /// The Swedish rates, including the temporary food rate of 2026–2027.
    pub fn swedish() -> VatRateSchedule {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let period = |class, rate: i64, valid_from, valid_to| VatRatePeriod {
            class,
            rate: Decimal::from(rate),
            valid_from,
            valid_to,
        };
        VatRateSchedule::new(vec![
            period(VatRateClass::Standard, 25, None, None),
            period(VatRateClass::Food, 12, None, date(2026, 3, 31)),
            period(VatRateClass::Food, 6, date(2026, 4, 1), date(2027, 12, 31)),
            period(VatRateClass::Food, 12, date(2028, 1, 1), None),
            period(VatRateClass::Reduced12, 12, None, None),
            period(VatRateClass::Reduced6, 6, None, None),
            period(VatRateClass::Zero, 0, None, None),
        ])
    }

    /// The rate for `class` on `date`, or `None` if the schedule has a hole there.
    pub fn rate_for(&self, class: VatRateClass, date: NaiveDate) -> Option<Decimal> {
        self.periods
            .iter()
            .find(|period| period.class == class && period.covers(date))
            .map(|period| period.rate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn on(text: &str) -> NaiveDate {
        text.parse().expect("test date")
    }

    #[test]
    fn food_rate_follows_the_temporary_cut() {
        let schedule = VatRateSchedule::swedish();
        let cases = [
            ("2026-03-31", dec!(12)),
            ("2026-04-01", dec!(6)),
            ("2027-12-31", dec!(6)),
            ("2028-01-01", dec!(12)),
        ];
        for (date, rate) in cases {
            assert_eq!(
                schedule.rate_for(VatRateClass::Food, on(date)),
                Some(rate),
                "{date}"
            );
        }
        assert_eq!(
            schedule.rate_for(VatRateClass::Standard, on("2026-06-01")),
            Some(dec!(25))
        );
    }

    #[test]
    fn every_class_has_a_rate_every_day() {
        let schedule = VatRateSchedule::swedish();
        let mut date = on("2025-01-01");
        while date < on("2029-01-01") {
            for class in VatRateClass::ALL {
                assert!(schedule.rate_for(class, date).is_some(), "{class:?} {date}");
            }
            date = date.succ_opt().expect("date in range");
        }
    }
}
