//! The plan for a year of invoices: who bought what and when, and what happened afterwards
//! (paid, partly paid, left unpaid, credited). Pure and repeatable: the same `today` gives the
//! same year, so demo files and their screenshots are stable.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// A small repeatable sequence of numbers; demo data needs variety, not unpredictability.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        // xorshift64: enough spread for choosing customers and quantities.
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What became of an invoice after it was issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Still a draft: being written this week.
    Draft,
    Unpaid,
    Paid {
        on: NaiveDate,
    },
    /// Paid this share in percent on the date.
    PartlyPaid {
        on: NaiveDate,
        percent: u32,
    },
    /// Credited on the date, fully or only the first line.
    Credited {
        on: NaiveDate,
        full: bool,
    },
}

/// One planned invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlannedInvoice {
    pub customer: usize,
    pub issue_date: NaiveDate,
    /// Article index and quantity.
    pub lines: Vec<(usize, Decimal)>,
    pub fate: Fate,
}

/// The catalogue facts the plan needs: which articles are services and which are sold by the
/// hour, and the customers' weights.
pub(crate) struct Catalogue<'a> {
    pub article_is_service: &'a [bool],
    pub article_is_hourly: &'a [bool],
    pub customer_weights: &'a [u32],
    pub customer_buys_goods: &'a [bool],
}

fn pick_weighted(sequence: &mut Sequence, weights: &[u32]) -> usize {
    let total: u64 = weights.iter().map(|weight| u64::from(*weight)).sum();
    let mut point = sequence.below(total);
    for (index, weight) in weights.iter().enumerate() {
        let weight = u64::from(*weight);
        if point < weight {
            return index;
        }
        point -= weight;
    }
    0
}

/// Hours in halves from 1 to 24; one or two of other services (days, months); one to three items.
fn quantity(sequence: &mut Sequence, is_hourly: bool, is_service: bool) -> Decimal {
    if is_hourly {
        Decimal::new(i64::try_from(2 + sequence.below(47)).unwrap_or(2) * 5, 1)
    } else if is_service {
        Decimal::from(1 + sequence.below(2))
    } else {
        Decimal::from(1 + sequence.below(3))
    }
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// About twelve invoices a month for the year up to `today`, oldest first, with the three
/// newest left as drafts. Payments and credits never fall after `today`.
pub(crate) fn plan_year(today: NaiveDate, catalogue: &Catalogue<'_>) -> Vec<PlannedInvoice> {
    let mut sequence = Sequence(0x9E37_79B9_7F4A_7C15);
    let start = today.checked_sub_days(Days::new(364)).unwrap_or(today);
    let mut plan = Vec::new();
    let mut date = start;
    while date <= today {
        let customer = pick_weighted(&mut sequence, catalogue.customer_weights);
        let buys_goods = catalogue
            .customer_buys_goods
            .get(customer)
            .copied()
            .unwrap_or(false);
        let eligible = catalogue
            .article_is_service
            .iter()
            .filter(|is_service| **is_service || buys_goods)
            .count();
        let line_count = (1 + usize::try_from(sequence.below(4)).unwrap_or(0)).min(eligible);
        let mut lines: Vec<(usize, Decimal)> = Vec::new();
        while lines.len() < line_count {
            let article =
                usize::try_from(sequence.below(catalogue.article_is_service.len() as u64))
                    .unwrap_or(0);
            let is_service = catalogue
                .article_is_service
                .get(article)
                .copied()
                .unwrap_or(true);
            if (!is_service && !buys_goods) || lines.iter().any(|(known, _)| *known == article) {
                continue;
            }
            let is_hourly = catalogue
                .article_is_hourly
                .get(article)
                .copied()
                .unwrap_or(false);
            lines.push((article, quantity(&mut sequence, is_hourly, is_service)));
        }
        let age = u64::try_from((today - date).num_days()).unwrap_or(0);
        let fate = if age > 45 && sequence.chance(4) {
            Fate::Credited {
                on: add_days(date, 3 + sequence.below(10)),
                full: sequence.chance(60),
            }
        } else if age > 40 && sequence.chance(6) {
            Fate::Unpaid
        } else if age > 40 && sequence.chance(4) {
            Fate::PartlyPaid {
                on: add_days(date, 20 + sequence.below(10)),
                percent: 50,
            }
        } else if age > 12 && sequence.chance(if age > 40 { 100 } else { 45 }) {
            Fate::Paid {
                on: add_days(date, (8 + sequence.below(25)).min(age)),
            }
        } else {
            Fate::Unpaid
        };
        plan.push(PlannedInvoice {
            customer,
            issue_date: date,
            lines,
            fate,
        });
        date = add_days(date, 1 + sequence.below(4));
    }
    let drafts = plan.len().saturating_sub(3);
    for planned in plan.iter_mut().skip(drafts) {
        planned.fate = Fate::Draft;
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue<'static> {
        Catalogue {
            article_is_service: &[true, true, false, false],
            article_is_hourly: &[true, false, false, false],
            customer_weights: &[3, 1, 1],
            customer_buys_goods: &[true, false, true],
        }
    }

    #[test]
    fn a_year_has_every_fate_and_nothing_after_today() {
        let today: NaiveDate = "2026-11-26".parse().expect("date");
        let plan = plan_year(today, &catalogue());
        assert!((100..=200).contains(&plan.len()), "{}", plan.len());
        assert!(
            plan.windows(2)
                .all(|pair| pair[0].issue_date <= pair[1].issue_date)
        );
        assert!(
            plan.iter()
                .all(|planned| planned.issue_date <= today && !planned.lines.is_empty())
        );
        let count = |test: &dyn Fn(&Fate) -> bool| {
            plan.iter().filter(|planned| test(&planned.fate)).count()
        };
        assert_eq!(count(&|fate| *fate == Fate::Draft), 3);
        assert!(count(&|fate| matches!(fate, Fate::Paid { .. })) > 50);
        assert!(count(&|fate| matches!(fate, Fate::Credited { .. })) >= 2);
        assert!(count(&|fate| matches!(fate, Fate::PartlyPaid { .. })) >= 1);
        assert!(count(&|fate| *fate == Fate::Unpaid) >= 5);
        for planned in &plan {
            if let Fate::Paid { on } | Fate::PartlyPaid { on, .. } | Fate::Credited { on, .. } =
                planned.fate
            {
                assert!(on <= today && on >= planned.issue_date, "{planned:?}");
            }
        }
    }

    #[test]
    fn customers_that_buy_no_goods_get_only_services() {
        let plan = plan_year("2026-11-26".parse().expect("date"), &catalogue());
        for planned in plan.iter().filter(|planned| planned.customer == 1) {
            assert!(
                planned.lines.iter().all(|(article, _)| *article < 2),
                "{planned:?}"
            );
        }
    }

    #[test]
    fn the_same_day_gives_the_same_year() {
        let today: NaiveDate = "2026-06-01".parse().expect("date");
        assert_eq!(
            plan_year(today, &catalogue()),
            plan_year(today, &catalogue())
        );
    }
}
