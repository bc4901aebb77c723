//! Which overdue invoices are due for a reminder, and which step: a first reminder after the
//! grace period, a second one when the first one's pay-by date has passed (plus a few days), then
//! the hand-over list for debt collection (inkasso). Customers who must never be reminded and
//! amounts below the minimum are left out.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::ledger::OpenItem;

/// The company's rules for reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRules {
    /// Days after the due date before the first reminder.
    pub grace_days: u32,
    /// Less than this left to pay, in SEK, is not reminded.
    pub min_amount_sek: Decimal,
    /// Days after a reminder's pay-by date before the next step.
    pub next_step_days: u32,
}

/// A reminder already sent for an invoice: its level and pay-by date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastReminder {
    pub level: u8,
    pub pay_by: NaiveDate,
}

/// What to do next about an overdue invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderStep {
    /// A reminder at this level (1 or 2).
    Remind(u8),
    /// Two reminders went unanswered: hand it over for debt collection.
    Collection,
}

fn later(day: NaiveDate, days: u32) -> NaiveDate {
    day.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The next step for `item` on `today`, or `None` when nothing is due (paid, not yet late
/// enough, too small, exempt, or waiting for the last reminder's pay-by date).
pub fn next_step(
    item: &OpenItem,
    past: &[PastReminder],
    exempt: bool,
    rules: &ReminderRules,
    today: NaiveDate,
) -> Option<ReminderStep> {
    if exempt
        || !item.settlement.state.asks_for_payment()
        || item.remaining_sek < rules.min_amount_sek
        || item.remaining_sek <= Decimal::ZERO
    {
        return None;
    }
    let last = past.iter().max_by_key(|reminder| reminder.level);
    match last {
        None => (today > later(item.due_date, rules.grace_days)).then_some(ReminderStep::Remind(1)),
        Some(last) if today > later(last.pay_by, rules.next_step_days) => {
            Some(if last.level >= 2 {
                ReminderStep::Collection
            } else {
                ReminderStep::Remind(last.level + 1)
            })
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invoice::PaymentState;
    use crate::receivables::Settlement;
    use rust_decimal_macros::dec;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn item(state: PaymentState, left: Decimal) -> OpenItem {
        OpenItem {
            invoice_id: 1,
            customer_id: 1,
            number: "1".to_owned(),
            issue_date: date("2026-01-01"),
            due_date: date("2026-01-31"),
            currency: "SEK".to_owned(),
            settlement: Settlement {
                state,
                remaining: left,
            },
            remaining_sek: left,
            days_overdue: 0,
        }
    }

    const RULES: ReminderRules = ReminderRules {
        grace_days: 5,
        min_amount_sek: Decimal::from_parts(50, 0, 0, false, 0),
        next_step_days: 7,
    };

    #[test]
    fn steps_follow_grace_period_and_pay_by_dates() {
        let open = item(PaymentState::Unpaid, dec!(1000));
        // Due 01-31 + 5 days grace: the first reminder from 02-06.
        assert_eq!(
            next_step(&open, &[], false, &RULES, date("2026-02-05")),
            None
        );
        assert_eq!(
            next_step(&open, &[], false, &RULES, date("2026-02-06")),
            Some(ReminderStep::Remind(1))
        );
        let first = PastReminder {
            level: 1,
            pay_by: date("2026-02-16"),
        };
        // Pay-by 02-16 + 7 days: the second from 02-24.
        assert_eq!(
            next_step(&open, &[first], false, &RULES, date("2026-02-23")),
            None
        );
        assert_eq!(
            next_step(&open, &[first], false, &RULES, date("2026-02-24")),
            Some(ReminderStep::Remind(2))
        );
        let second = PastReminder {
            level: 2,
            pay_by: date("2026-03-06"),
        };
        assert_eq!(
            next_step(&open, &[first, second], false, &RULES, date("2026-03-14")),
            Some(ReminderStep::Collection)
        );
    }

    #[test]
    fn paid_credited_small_and_exempt_are_never_reminded() {
        let late = date("2026-06-01");
        for (state, left, exempt) in [
            (PaymentState::Paid, dec!(0), false),
            (PaymentState::Credited, dec!(0), false),
            (PaymentState::Overpaid, dec!(-10), false),
            (PaymentState::Unpaid, dec!(49.99), false),
            (PaymentState::Unpaid, dec!(1000), true),
        ] {
            assert_eq!(
                next_step(&item(state, left), &[], exempt, &RULES, late),
                None,
                "{state:?} {left}"
            );
        }
        assert_eq!(
            next_step(
                &item(PaymentState::PartlyPaid, dec!(50)),
                &[],
                false,
                &RULES,
                late
            ),
            Some(ReminderStep::Remind(1))
        );
    }
}
