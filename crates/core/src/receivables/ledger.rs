//! The customer ledger (kundreskontra) as of a date: every invoice, credit invoice, payment,
//! deduction, refund and write-off as a dated row with its amount in the invoice's currency and in
//! SEK at the invoice's booked rate, and each invoice's open item (what is left, overdue days).
//!
//! Every SEK figure of the ledger, the aging report and the dashboard is a sum of these rows, so
//! they agree to the öre.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::settlement::{Settlement, SettlementFacts, without_negative_zero};

/// What a ledger row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Invoice,
    CreditInvoice,
    Payment,
    Deduction,
    Refund,
    WriteOff,
}

/// One issued invoice or credit invoice, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerDocument {
    pub id: i64,
    pub customer_id: i64,
    pub number: String,
    /// For a credit invoice: the invoice it credits (its rows settle that invoice).
    pub credits: Option<i64>,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: String,
    /// SEK per unit of `currency`, as booked on the invoice.
    pub exchange_rate: Decimal,
    pub payable: Decimal,
    /// The OCR reference, for the row's text.
    pub ocr: String,
}

/// One money record against a document, as the store reads it (signed as stored: positive lowers
/// what is left; a refund is negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRecord {
    pub document_id: i64,
    pub kind: EntryKind,
    pub date: NaiveDate,
    pub amount: Decimal,
    pub reference: String,
}

/// A row of the ledger: what the customer owes goes up (positive) or down (negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    pub date: NaiveDate,
    pub kind: EntryKind,
    /// The document the row belongs to (a credit invoice's own id for its row).
    pub document_id: i64,
    /// The invoice whose open item the row moves (the original for a credit invoice).
    pub settles: i64,
    pub customer_id: i64,
    pub number: String,
    pub reference: String,
    pub currency: String,
    /// In the document's currency, signed for the customer's balance.
    pub amount: Decimal,
    /// In SEK at the document's booked rate, rounded to öre.
    pub amount_sek: Decimal,
}

/// What is left on one invoice as of the ledger's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub invoice_id: i64,
    pub customer_id: i64,
    pub number: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: String,
    pub settlement: Settlement,
    /// The sum of the invoice's rows in SEK: what is left in SEK (negative: to give back).
    pub remaining_sek: Decimal,
    /// Days past the due date as of the ledger's date; 0 or less is not due.
    pub days_overdue: i64,
}

impl OpenItem {
    /// The core's `is_overdue`, as of the ledger's date.
    pub fn is_overdue(&self) -> bool {
        self.settlement.state.asks_for_payment() && self.days_overdue > 0
    }
}

/// The ledger as of a date: rows oldest first, and the open item of every invoice issued by then.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ledger {
    pub as_of: Option<NaiveDate>,
    pub rows: Vec<LedgerRow>,
    pub items: Vec<OpenItem>,
}

/// SEK at a booked rate, rounded to öre half away from zero.
pub fn to_sek(amount: Decimal, rate: Decimal) -> Decimal {
    without_negative_zero(
        (amount * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
    )
}

fn entry_sign(kind: EntryKind) -> Decimal {
    match kind {
        EntryKind::Invoice => Decimal::ONE,
        _ => Decimal::NEGATIVE_ONE,
    }
}

impl Ledger {
    /// Builds the ledger as of `as_of` from documents and records; anything dated after it is
    /// left out, so the same records give the ledger of any past day.
    pub fn build(
        documents: &[LedgerDocument],
        records: &[LedgerRecord],
        as_of: NaiveDate,
    ) -> Ledger {
        use std::collections::HashMap;
        let by_id: HashMap<i64, &LedgerDocument> = documents
            .iter()
            .filter(|document| document.issue_date <= as_of)
            .map(|document| (document.id, document))
            .collect();
        let mut rows = Vec::with_capacity(documents.len() + records.len());
        let mut facts: HashMap<i64, SettlementFacts> = HashMap::new();
        let mut remaining_sek: HashMap<i64, Decimal> = HashMap::new();
        for document in by_id.values() {
            let (kind, settles) = match document.credits {
                Some(original) => (EntryKind::CreditInvoice, original),
                None => (EntryKind::Invoice, document.id),
            };
            let amount = entry_sign(kind) * document.payable;
            let row = LedgerRow {
                date: document.issue_date,
                kind,
                document_id: document.id,
                settles,
                customer_id: document.customer_id,
                number: document.number.clone(),
                reference: document.ocr.clone(),
                currency: document.currency.clone(),
                amount,
                amount_sek: to_sek(amount, document.exchange_rate),
            };
            let entry = facts.entry(settles).or_default();
            match kind {
                EntryKind::Invoice => entry.payable += document.payable,
                _ => entry.credited += document.payable,
            }
            *remaining_sek.entry(settles).or_default() += row.amount_sek;
            rows.push(row);
        }
        for record in records.iter().filter(|record| record.date <= as_of) {
            let Some(document) = by_id.get(&record.document_id) else {
                continue;
            };
            let settles = document.credits.unwrap_or(document.id);
            // Money against a credit invoice is money paid back on the invoice it credits.
            let stored = match document.credits {
                Some(_) => -record.amount,
                None => record.amount,
            };
            let entry = facts.entry(settles).or_default();
            match record.kind {
                EntryKind::WriteOff => entry.written_off += stored,
                _ => entry.paid += stored,
            }
            let amount = -stored;
            let row = LedgerRow {
                date: record.date,
                kind: record.kind,
                document_id: document.id,
                settles,
                customer_id: document.customer_id,
                number: document.number.clone(),
                reference: record.reference.clone(),
                currency: document.currency.clone(),
                amount,
                amount_sek: to_sek(amount, document.exchange_rate),
            };
            *remaining_sek.entry(settles).or_default() += row.amount_sek;
            rows.push(row);
        }
        rows.sort_by(|a, b| {
            (a.date, a.customer_id, a.settles, a.kind, a.document_id).cmp(&(
                b.date,
                b.customer_id,
                b.settles,
                b.kind,
                b.document_id,
            ))
        });
        let mut items: Vec<OpenItem> = by_id
            .values()
            .filter(|document| document.credits.is_none())
            .map(|document| {
                let settlement = facts
                    .get(&document.id)
                    .copied()
                    .unwrap_or_default()
                    .settle();
                OpenItem {
                    invoice_id: document.id,
                    customer_id: document.customer_id,
                    number: document.number.clone(),
                    issue_date: document.issue_date,
                    due_date: document.due_date,
                    currency: document.currency.clone(),
                    settlement,
                    remaining_sek: remaining_sek.get(&document.id).copied().unwrap_or_default(),
                    days_overdue: (as_of - document.due_date).num_days(),
                }
            })
            .collect();
        items.sort_by_key(|item| (item.customer_id, item.due_date, item.invoice_id));
        Ledger {
            as_of: Some(as_of),
            rows,
            items,
        }
    }

    /// The balance in SEK: the sum of every row.
    pub fn balance_sek(&self) -> Decimal {
        self.rows.iter().map(|row| row.amount_sek).sum()
    }

    /// Items with something left either way (the open items of the aging report).
    pub fn open_items(&self) -> impl Iterator<Item = &OpenItem> {
        self.items
            .iter()
            .filter(|item| !item.settlement.remaining.is_zero() || !item.remaining_sek.is_zero())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invoice::PaymentState;
    use rust_decimal_macros::dec;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn invoice(id: i64, payable: Decimal, rate: Decimal, currency: &str) -> LedgerDocument {
        LedgerDocument {
            id,
            customer_id: 1,
            number: id.to_string(),
            credits: None,
            issue_date: date("2026-01-10"),
            due_date: date("2026-02-09"),
            currency: currency.to_owned(),
            exchange_rate: rate,
            payable,
            ocr: String::new(),
        }
    }

    fn record(document_id: i64, kind: EntryKind, on: &str, amount: Decimal) -> LedgerRecord {
        LedgerRecord {
            document_id,
            kind,
            date: date(on),
            amount,
            reference: String::new(),
        }
    }

    #[test]
    fn rows_sum_to_what_is_left_as_of_any_date() {
        let mut credit = invoice(2, dec!(300), dec!(1), "SEK");
        credit.credits = Some(1);
        credit.issue_date = date("2026-03-01");
        let documents = [invoice(1, dec!(1000), dec!(1), "SEK"), credit];
        let records = [record(1, EntryKind::Payment, "2026-02-20", dec!(400))];

        let january = Ledger::build(&documents, &records, date("2026-01-31"));
        assert_eq!(january.balance_sek(), dec!(1000));
        assert_eq!(january.items[0].settlement.state, PaymentState::Unpaid);
        assert!(!january.items[0].is_overdue());

        let february = Ledger::build(&documents, &records, date("2026-02-28"));
        assert_eq!(february.balance_sek(), dec!(600));
        assert_eq!(february.items[0].days_overdue, 19);
        assert!(february.items[0].is_overdue());

        let march = Ledger::build(&documents, &records, date("2026-03-31"));
        assert_eq!(march.rows.len(), 3);
        assert_eq!(march.balance_sek(), dec!(300));
        assert_eq!(
            march.items.len(),
            1,
            "the credit is no open item of its own"
        );
        assert_eq!(march.items[0].settlement.remaining, dec!(300));
        assert_eq!(march.items[0].remaining_sek, dec!(300));
    }

    #[test]
    fn foreign_currency_rows_are_in_sek_at_the_booked_rate() {
        let documents = [invoice(1, dec!(1000.00), dec!(11.4567), "EUR")];
        let records = [record(1, EntryKind::Payment, "2026-02-01", dec!(333.33))];
        let ledger = Ledger::build(&documents, &records, date("2026-02-10"));
        assert_eq!(ledger.rows[0].amount_sek, dec!(11456.70));
        assert_eq!(ledger.rows[1].amount_sek, dec!(-3818.86));
        assert_eq!(ledger.items[0].settlement.remaining, dec!(666.67));
        assert_eq!(ledger.items[0].remaining_sek, dec!(7637.84));
        assert_eq!(ledger.balance_sek(), dec!(7637.84));
    }

    #[test]
    fn a_refund_raises_the_balance_and_a_write_off_closes_it() {
        let documents = [invoice(1, dec!(1000), dec!(1), "SEK")];
        let records = [
            record(1, EntryKind::Payment, "2026-02-01", dec!(1200)),
            record(1, EntryKind::Refund, "2026-02-05", dec!(-195)),
            record(1, EntryKind::WriteOff, "2026-02-06", dec!(-5)),
        ];
        let ledger = Ledger::build(&documents, &records, date("2026-02-10"));
        let amounts: Vec<Decimal> = ledger.rows.iter().map(|row| row.amount).collect();
        assert_eq!(amounts, [dec!(1000), dec!(-1200), dec!(195), dec!(5)]);
        assert_eq!(ledger.balance_sek(), dec!(0));
        assert_eq!(ledger.items[0].settlement.state, PaymentState::Paid);
        assert_eq!(ledger.open_items().count(), 0);
    }
}
