//! The aging report (åldersanalys) as of a date: what is left on each open invoice, by how long it
//! is overdue (ej förfallet, 1–30, 31–60, 61–90, över 90 dagar), per customer and in total, in SEK
//! at the booked rates; money the customer has to get back is shown apart, not netted into a bucket.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::ledger::{Ledger, OpenItem};

/// How long an open amount is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgingBucket {
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

impl AgingBucket {
    pub const ALL: [AgingBucket; 5] = [
        AgingBucket::NotDue,
        AgingBucket::Days1To30,
        AgingBucket::Days31To60,
        AgingBucket::Days61To90,
        AgingBucket::Over90,
    ];

    /// The bucket for an amount `days_overdue` days past its due date (0 or less: not due).
    pub fn for_days(days_overdue: i64) -> AgingBucket {
        match days_overdue {
            i64::MIN..=0 => AgingBucket::NotDue,
            1..=30 => AgingBucket::Days1To30,
            31..=60 => AgingBucket::Days31To60,
            61..=90 => AgingBucket::Days61To90,
            _ => AgingBucket::Over90,
        }
    }

    fn index(self) -> usize {
        match self {
            AgingBucket::NotDue => 0,
            AgingBucket::Days1To30 => 1,
            AgingBucket::Days31To60 => 2,
            AgingBucket::Days61To90 => 3,
            AgingBucket::Over90 => 4,
        }
    }
}

/// Amounts per bucket, plus what the customer has to get back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgingAmounts {
    /// SEK per bucket, in [`AgingBucket::ALL`] order.
    pub buckets: [Decimal; 5],
    /// Money the customer has to get back (negative), kept out of the buckets.
    pub credit_balance: Decimal,
}

impl AgingAmounts {
    pub fn bucket(&self, bucket: AgingBucket) -> Decimal {
        self.buckets[bucket.index()]
    }

    /// What is owed in all buckets.
    pub fn owed(&self) -> Decimal {
        self.buckets.iter().copied().sum()
    }

    /// Owed less what is to be given back: the balance.
    pub fn balance(&self) -> Decimal {
        self.owed() + self.credit_balance
    }

    fn add(&mut self, item: &OpenItem) {
        if item.remaining_sek.is_sign_negative() {
            self.credit_balance += item.remaining_sek;
        } else {
            self.buckets[AgingBucket::for_days(item.days_overdue).index()] += item.remaining_sek;
        }
    }
}

/// One open invoice on the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgingLine<'a> {
    pub item: &'a OpenItem,
    pub bucket: AgingBucket,
}

/// The report: per customer (by id, in order) and the total.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AgingReport {
    pub per_customer: BTreeMap<i64, AgingAmounts>,
    pub total: AgingAmounts,
}

impl AgingReport {
    /// The aging of `ledger`'s open items. Each amount is the sum of the invoice's ledger rows.
    pub fn of(ledger: &Ledger) -> AgingReport {
        let mut report = AgingReport::default();
        for item in ledger.open_items() {
            report
                .per_customer
                .entry(item.customer_id)
                .or_default()
                .add(item);
            report.total.add(item);
        }
        report
    }

    /// The open invoices with their buckets, by customer and due date.
    pub fn lines(ledger: &Ledger) -> Vec<AgingLine<'_>> {
        ledger
            .open_items()
            .map(|item| AgingLine {
                item,
                bucket: AgingBucket::for_days(item.days_overdue),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::receivables::ledger::{EntryKind, LedgerDocument, LedgerRecord};
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn document(id: i64, customer_id: i64, due: &str, payable: Decimal) -> LedgerDocument {
        LedgerDocument {
            id,
            customer_id,
            number: id.to_string(),
            credits: None,
            issue_date: date("2026-01-01"),
            due_date: date(due),
            currency: "SEK".to_owned(),
            exchange_rate: dec!(1),
            payable,
            ocr: String::new(),
        }
    }

    #[test]
    fn buckets_have_their_edges_on_the_right_days() {
        let cases = [
            (-5, AgingBucket::NotDue),
            (0, AgingBucket::NotDue),
            (1, AgingBucket::Days1To30),
            (30, AgingBucket::Days1To30),
            (31, AgingBucket::Days31To60),
            (60, AgingBucket::Days31To60),
            (61, AgingBucket::Days61To90),
            (90, AgingBucket::Days61To90),
            (91, AgingBucket::Over90),
        ];
        for (days, bucket) in cases {
            assert_eq!(AgingBucket::for_days(days), bucket, "{days}");
        }
    }

    #[test]
    fn per_customer_and_total_as_of_a_date() {
        // As of 2026-05-01: due 04-30 is 1 day late, 03-31 is 31, 01-31 is 90, 01-30 is 91.
        let documents = [
            document(1, 1, "2026-05-15", dec!(100)),
            document(2, 1, "2026-04-30", dec!(200)),
            document(3, 2, "2026-03-31", dec!(300)),
            document(4, 2, "2026-01-31", dec!(400)),
            document(5, 2, "2026-01-30", dec!(500)),
            document(6, 3, "2026-01-30", dec!(600)),
        ];
        let records = [
            LedgerRecord {
                document_id: 5,
                kind: EntryKind::Payment,
                date: date("2026-02-10"),
                amount: dec!(125),
                reference: String::new(),
            },
            LedgerRecord {
                document_id: 6,
                kind: EntryKind::Payment,
                date: date("2026-02-10"),
                amount: dec!(650),
                reference: String::new(),
            },
        ];
        let ledger = Ledger::build(&documents, &records, date("2026-05-01"));
        let report = AgingReport::of(&ledger);
        assert_eq!(
            report.total.buckets,
            [dec!(100), dec!(200), dec!(300), dec!(400), dec!(375)]
        );
        assert_eq!(report.total.credit_balance, dec!(-50));
        assert_eq!(report.total.balance(), ledger.balance_sek());
        assert_eq!(report.per_customer[&1].owed(), dec!(300));
        assert_eq!(
            report.per_customer[&2].bucket(AgingBucket::Over90),
            dec!(375)
        );
        assert_eq!(report.per_customer[&3].balance(), dec!(-50));
        let sum: Decimal = report
            .per_customer
            .values()
            .map(AgingAmounts::balance)
            .sum();
        assert_eq!(sum, report.total.balance());
    }
}
