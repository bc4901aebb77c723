//! Matching the payments of a bank file to invoices: by OCR reference (the payment and its extra
//! references), which books it; otherwise suggestions by invoice number in the texts or by amount,
//! which the user confirms. A payment larger than what is left first settles reminder fees of the
//! same invoice; what remains makes the invoice overpaid. A deduction (a credit the payer used) is
//! booked against the invoice the credit belongs to.
//!
//! The planner only reads, through [`InvoiceIndex`]; preview and import run the very same plan.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::bgmax::{BankEntryKind, BankPayment, BgMaxFile, Deposit};
use super::ledger::to_sek;

/// An issued invoice as the matcher sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchCandidate {
    pub invoice_id: i64,
    pub number: String,
    pub customer_id: i64,
    pub currency: String,
    pub exchange_rate: Decimal,
    /// What is left now (negative: the customer has money to get back).
    pub remaining: Decimal,
    /// For a credit invoice: the invoice it credits.
    pub credits: Option<i64>,
}

/// Read access to the company file for matching.
pub trait InvoiceIndex {
    /// The issued invoice with this OCR reference.
    fn by_ocr(&self, reference: &str) -> Option<MatchCandidate>;
    /// The issued invoice or credit invoice with this number.
    fn by_number(&self, number: &str) -> Option<MatchCandidate>;
    /// The issued invoice with this id.
    fn by_id(&self, invoice_id: i64) -> Option<MatchCandidate>;
    /// Open invoices in `currency` whose payable amount is `amount`.
    fn by_amount(&self, amount: Decimal, currency: &str) -> Vec<MatchCandidate>;
    /// Reminder documents of `invoice_id` whose fee is still unpaid, oldest first.
    fn open_fees(&self, invoice_id: i64) -> Vec<MatchCandidate>;
    /// Whether a payment with this identity was booked before.
    fn is_imported(&self, identity: &str) -> bool;
}

/// How one payment will be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchOutcome {
    /// Pays what was left in full.
    Paid,
    PartlyPaid,
    /// More than was left: the rest is the customer's.
    Overpaid,
    /// A deduction booked against the invoice its credit belongs to.
    Deduction,
    /// No OCR match: kept to be placed by hand (or refunded), with suggestions.
    Unmatched,
    /// The same payment was booked from an earlier file.
    AlreadyImported,
}

/// Money booked on one invoice, signed as stored (positive lowers what is left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub invoice_id: i64,
    pub number: String,
    pub kind: BankEntryKind,
    pub amount: Decimal,
    /// What is left on the invoice after this file (and everything before it).
    pub remaining_after: Decimal,
}

/// The plan for one payment of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentPlan {
    pub deposit: usize,
    pub payment: usize,
    /// Bankgirot's identity of the payment (receiving bankgiro, day, serial, type, amount,
    /// reference).
    pub identity: String,
    pub outcome: MatchOutcome,
    pub allocations: Vec<Allocation>,
    /// A small difference within the limit that can be written off: (invoice, amount left).
    pub write_off: Option<(i64, Decimal)>,
    /// For an unmatched payment: invoices it may be for, best first.
    pub suggestions: Vec<MatchCandidate>,
}

/// The identity of a payment: the same payment in a second file has the same one.
pub fn payment_identity(deposit: &Deposit, payment: &BankPayment) -> String {
    let code = match payment.kind {
        BankEntryKind::Payment => "20",
        BankEntryKind::Deduction => "21",
    };
    format!(
        "bgmax|{}|{}|{}|{code}|{}|{}",
        deposit.receiver_bankgiro,
        deposit.date,
        payment.bgc_serial,
        payment.amount,
        payment.reference
    )
}

/// The references a payment names: its own (split where a payer listed several) and its
/// extra references, in order, without repeats.
fn references(payment: &BankPayment) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        for token in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/')) {
            let token = token.trim();
            if !token.is_empty() && !found.iter().any(|known| known == token) {
                found.push(token.to_owned());
            }
        }
    };
    add(&payment.reference);
    for extra in payment
        .extra_references
        .iter()
        .filter(|extra| !extra.deducted)
    {
        add(&extra.reference);
    }
    found
}

/// Words in the texts that may be invoice numbers ("Faktura 10094"), for suggestions.
fn text_tokens(payment: &BankPayment) -> Vec<String> {
    let mut texts = vec![payment.reference.clone()];
    texts.extend(payment.information.iter().cloned());
    let mut tokens: Vec<String> = Vec::new();
    for text in texts {
        for token in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if token.chars().any(|c| c.is_ascii_digit())
                && !tokens.iter().any(|known| known == token)
            {
                tokens.push(token.to_owned());
            }
        }
    }
    tokens
}

struct Planner<'a, I: InvoiceIndex> {
    index: &'a I,
    /// What is left on invoices this file has already touched.
    remaining: HashMap<i64, Decimal>,
    write_off_limit_sek: Decimal,
    book_write_offs: bool,
}

impl<I: InvoiceIndex> Planner<'_, I> {
    fn left(&self, candidate: &MatchCandidate) -> Decimal {
        self.remaining
            .get(&candidate.invoice_id)
            .copied()
            .unwrap_or(candidate.remaining)
    }

    fn book(
        &mut self,
        candidate: &MatchCandidate,
        kind: BankEntryKind,
        amount: Decimal,
    ) -> Allocation {
        let after = self.left(candidate) - amount;
        self.remaining.insert(candidate.invoice_id, after);
        Allocation {
            invoice_id: candidate.invoice_id,
            number: candidate.number.clone(),
            kind,
            amount,
            remaining_after: after,
        }
    }

    fn deduction(
        &mut self,
        deposit: &Deposit,
        payment: &BankPayment,
    ) -> (MatchOutcome, Vec<Allocation>, Vec<MatchCandidate>) {
        for reference in references(payment) {
            let target = self
                .index
                .by_ocr(&reference)
                .or_else(|| self.index.by_number(&reference));
            let Some(target) = target else { continue };
            // A credit invoice's number points at the invoice it credits.
            let target = match target.credits {
                Some(original) => match self.index.by_id(original) {
                    Some(original) => original,
                    None => continue,
                },
                None => target,
            };
            if target.currency != deposit.currency {
                return (MatchOutcome::Unmatched, Vec::new(), vec![target]);
            }
            let allocation = self.book(&target, BankEntryKind::Deduction, -payment.amount);
            return (MatchOutcome::Deduction, vec![allocation], Vec::new());
        }
        (
            MatchOutcome::Unmatched,
            Vec::new(),
            self.suggest(deposit, payment),
        )
    }

    fn suggest(&self, deposit: &Deposit, payment: &BankPayment) -> Vec<MatchCandidate> {
        let mut suggestions: Vec<MatchCandidate> = Vec::new();
        for token in text_tokens(payment) {
            if let Some(candidate) = self.index.by_number(&token)
                && candidate.credits.is_none()
                && !suggestions
                    .iter()
                    .any(|known| known.invoice_id == candidate.invoice_id)
            {
                suggestions.push(candidate);
            }
        }
        for candidate in self.index.by_amount(payment.amount, &deposit.currency) {
            if !suggestions
                .iter()
                .any(|known| known.invoice_id == candidate.invoice_id)
            {
                suggestions.push(candidate);
            }
        }
        suggestions.truncate(5);
        suggestions
    }

    fn payment(&mut self, deposit: &Deposit, payment: &BankPayment) -> PaymentPlan {
        let identity = payment_identity(deposit, payment);
        let mut plan = PaymentPlan {
            deposit: 0,
            payment: 0,
            identity: identity.clone(),
            outcome: MatchOutcome::Unmatched,
            allocations: Vec::new(),
            write_off: None,
            suggestions: Vec::new(),
        };
        if self.index.is_imported(&identity) {
            plan.outcome = MatchOutcome::AlreadyImported;
            return plan;
        }
        if payment.kind == BankEntryKind::Deduction {
            let (outcome, allocations, suggestions) = self.deduction(deposit, payment);
            plan.outcome = outcome;
            plan.allocations = allocations;
            plan.suggestions = suggestions;
            return plan;
        }
        let mut targets: Vec<MatchCandidate> = Vec::new();
        let mut wrong_currency: Vec<MatchCandidate> = Vec::new();
        for reference in references(payment) {
            if let Some(candidate) = self.index.by_ocr(&reference) {
                if candidate.credits.is_some()
                    || targets
                        .iter()
                        .any(|known| known.invoice_id == candidate.invoice_id)
                {
                    continue;
                }
                if candidate.currency == deposit.currency {
                    targets.push(candidate);
                } else {
                    wrong_currency.push(candidate);
                }
            }
        }
        if targets.is_empty() {
            plan.suggestions = wrong_currency;
            plan.suggestions.extend(self.suggest(deposit, payment));
            return plan;
        }
        let mut left = payment.amount;
        for target in &targets {
            let owed = self.left(target).max(Decimal::ZERO);
            let part = owed.min(left);
            if part > Decimal::ZERO {
                plan.allocations
                    .push(self.book(target, BankEntryKind::Payment, part));
                left -= part;
            }
        }
        // More than the invoices asked for: reminder fees of the same invoices first.
        for target in &targets {
            for fee in self.index.open_fees(target.invoice_id) {
                let owed = self.left(&fee).max(Decimal::ZERO);
                let part = owed.min(left);
                if part > Decimal::ZERO {
                    plan.allocations
                        .push(self.book(&fee, BankEntryKind::Payment, part));
                    left -= part;
                }
            }
        }
        let last = targets.last().cloned();
        if left > Decimal::ZERO
            && let Some(last) = &last
        {
            match plan
                .allocations
                .iter()
                .position(|allocation| allocation.invoice_id == last.invoice_id)
            {
                Some(position) => {
                    let allocation = &mut plan.allocations[position];
                    allocation.amount += left;
                    allocation.remaining_after -= left;
                    self.remaining
                        .insert(last.invoice_id, allocation.remaining_after);
                }
                None => plan
                    .allocations
                    .push(self.book(last, BankEntryKind::Payment, left)),
            }
        }
        let short = targets
            .iter()
            .any(|target| self.left(target) > Decimal::ZERO);
        plan.outcome = if left > Decimal::ZERO {
            MatchOutcome::Overpaid
        } else if short {
            MatchOutcome::PartlyPaid
        } else {
            MatchOutcome::Paid
        };
        if matches!(
            plan.outcome,
            MatchOutcome::Overpaid | MatchOutcome::PartlyPaid
        ) && targets.len() == 1
        {
            let target = &targets[0];
            let after = self.left(target);
            if !after.is_zero()
                && to_sek(after.abs(), target.exchange_rate) <= self.write_off_limit_sek
            {
                plan.write_off = Some((target.invoice_id, after));
                if self.book_write_offs {
                    self.remaining.insert(target.invoice_id, Decimal::ZERO);
                }
            }
        }
        plan
    }
}

/// The plan for every payment of `file`, in file order. `write_off_limit_sek` decides which
/// differences are offered for writing off; `book_write_offs` says whether the import books them
/// (so later payments of the file see the invoice closed).
pub fn plan_bank_file<I: InvoiceIndex>(
    file: &BgMaxFile,
    index: &I,
    write_off_limit_sek: Decimal,
    book_write_offs: bool,
) -> Vec<PaymentPlan> {
    let mut planner = Planner {
        index,
        remaining: HashMap::new(),
        write_off_limit_sek,
        book_write_offs,
    };
    let mut plans = Vec::new();
    for (deposit_index, deposit) in file.deposits.iter().enumerate() {
        for (payment_index, payment) in deposit.payments.iter().enumerate() {
            let mut plan = planner.payment(deposit, payment);
            plan.deposit = deposit_index;
            plan.payment = payment_index;
            plans.push(plan);
        }
    }
    plans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::receivables::bgmax::parse_bgmax;
    use crate::receivables::bgmax_writer::{BgMaxSpec, DepositSpec, PaymentSpec, write_bgmax};
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    struct Index {
        invoices: Vec<(String, MatchCandidate)>,
        fees: HashMap<i64, Vec<MatchCandidate>>,
        imported: Vec<String>,
    }

    fn invoice(id: i64, ocr: &str, remaining: Decimal) -> (String, MatchCandidate) {
        (
            ocr.to_owned(),
            MatchCandidate {
                invoice_id: id,
                number: id.to_string(),
                customer_id: 1,
                currency: "SEK".to_owned(),
                exchange_rate: Decimal::ONE,
                remaining,
                credits: None,
            },
        )
    }

    impl InvoiceIndex for Index {
        fn by_ocr(&self, reference: &str) -> Option<MatchCandidate> {
            self.invoices
                .iter()
                .find(|(ocr, _)| ocr == reference)
                .map(|(_, c)| c.clone())
        }
        fn by_number(&self, number: &str) -> Option<MatchCandidate> {
            self.invoices
                .iter()
                .find(|(_, c)| c.number == number)
                .map(|(_, c)| c.clone())
        }
        fn by_id(&self, id: i64) -> Option<MatchCandidate> {
            self.invoices
                .iter()
                .find(|(_, c)| c.invoice_id == id)
                .map(|(_, c)| c.clone())
        }
        fn by_amount(&self, amount: Decimal, _currency: &str) -> Vec<MatchCandidate> {
            self.invoices
                .iter()
                .filter(|(_, c)| c.remaining == amount)
                .map(|(_, c)| c.clone())
                .collect()
        }
        fn open_fees(&self, id: i64) -> Vec<MatchCandidate> {
            self.fees.get(&id).cloned().unwrap_or_default()
        }
        fn is_imported(&self, identity: &str) -> bool {
            self.imported.iter().any(|known| known == identity)
        }
    }

    fn file(payments: Vec<PaymentSpec>) -> BgMaxFile {
        let spec = BgMaxSpec {
            timestamp: "20261204101010000001".to_owned(),
            is_test: false,
            deposits: vec![DepositSpec {
                receiver_bankgiro: "56781230".to_owned(),
                currency: "SEK".to_owned(),
                date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
                serial: 1,
                bank_account: "1".to_owned(),
                payments,
            }],
        };
        parse_bgmax(&write_bgmax(&spec)).expect("valid")
    }

    #[test]
    fn ocr_payments_book_full_partial_and_over() {
        let index = Index {
            invoices: vec![
                invoice(1, "1001", dec!(1000)),
                invoice(2, "1002", dec!(2000)),
                invoice(3, "1003", dec!(500)),
                invoice(4, "1004", dec!(700)),
            ],
            fees: HashMap::from([(4, vec![invoice(9, "9009", dec!(60)).1])]),
            imported: Vec::new(),
        };
        let plans = plan_bank_file(
            &file(vec![
                PaymentSpec::ocr("1001", dec!(1000), 1),
                PaymentSpec::ocr("1002", dec!(1500), 2),
                PaymentSpec::ocr("1003", dec!(650), 3),
                PaymentSpec::ocr("1004", dec!(760), 4),
                PaymentSpec::ocr("5555", dec!(100), 5),
                PaymentSpec::ocr("1001", dec!(996), 6),
            ]),
            &index,
            dec!(10),
            false,
        );
        let outcomes: Vec<MatchOutcome> = plans.iter().map(|plan| plan.outcome).collect();
        assert_eq!(
            outcomes,
            [
                MatchOutcome::Paid,
                MatchOutcome::PartlyPaid,
                MatchOutcome::Overpaid,
                MatchOutcome::Paid,
                MatchOutcome::Unmatched,
                MatchOutcome::Overpaid,
            ]
        );
        assert_eq!(plans[1].allocations[0].remaining_after, dec!(500));
        assert_eq!(plans[2].allocations[0].amount, dec!(650));
        assert_eq!(plans[2].allocations[0].remaining_after, dec!(-150));
        // 700 to the invoice and the rest to its reminder fee.
        let split: Vec<(i64, Decimal)> = plans[3]
            .allocations
            .iter()
            .map(|a| (a.invoice_id, a.amount))
            .collect();
        assert_eq!(split, [(4, dec!(700)), (9, dec!(60))]);
        // The second payment to invoice 1 in the same file sees it already paid.
        assert_eq!(plans[5].allocations[0].remaining_after, dec!(-996));
        assert_eq!(plans[5].write_off, None, "996 is over the limit");
    }

    #[test]
    fn several_references_share_one_payment_and_small_differences_can_be_written_off() {
        let index = Index {
            invoices: vec![
                invoice(1, "1001", dec!(1000)),
                invoice(2, "1002", dec!(400)),
            ],
            fees: HashMap::new(),
            imported: Vec::new(),
        };
        let mut several = PaymentSpec::ocr("1001 1002", dec!(1395), 1);
        several.reference_code = 3;
        let plans = plan_bank_file(
            &file(vec![several, PaymentSpec::ocr("1002", dec!(0.5), 2)]),
            &index,
            dec!(10),
            true,
        );
        let split: Vec<(i64, Decimal)> = plans[0]
            .allocations
            .iter()
            .map(|a| (a.invoice_id, a.amount))
            .collect();
        assert_eq!(split, [(1, dec!(1000)), (2, dec!(395))]);
        assert_eq!(plans[0].outcome, MatchOutcome::PartlyPaid);
        assert_eq!(
            plans[0].write_off, None,
            "two invoices: no automatic write-off"
        );
        let single = plan_bank_file(
            &file(vec![PaymentSpec::ocr("1001", dec!(995), 1)]),
            &index,
            dec!(10),
            true,
        );
        assert_eq!(single[0].write_off, Some((1, dec!(5))));
    }

    #[test]
    fn unmatched_payments_get_suggestions_and_known_ones_are_not_booked_twice() {
        let index = Index {
            invoices: vec![
                invoice(1, "1001", dec!(1000)),
                invoice(2, "1002", dec!(450)),
            ],
            fees: HashMap::new(),
            imported: Vec::new(),
        };
        let mut text = PaymentSpec::ocr("Faktura 1", dec!(1000), 1);
        text.reference_code = 4;
        let by_amount = PaymentSpec::ocr("", dec!(450), 2);
        let plans = plan_bank_file(&file(vec![text, by_amount]), &index, dec!(10), false);
        assert_eq!(plans[0].outcome, MatchOutcome::Unmatched);
        assert_eq!(plans[0].suggestions[0].invoice_id, 1);
        assert_eq!(plans[1].suggestions[0].invoice_id, 2);

        let parsed = file(vec![PaymentSpec::ocr("1001", dec!(1000), 1)]);
        let identity = payment_identity(&parsed.deposits[0], &parsed.deposits[0].payments[0]);
        let known = Index {
            imported: vec![identity],
            ..index
        };
        let again = plan_bank_file(&parsed, &known, dec!(10), false);
        assert_eq!(again[0].outcome, MatchOutcome::AlreadyImported);
        assert!(again[0].allocations.is_empty());
    }

    #[test]
    fn a_deduction_is_booked_on_the_invoice_its_credit_belongs_to() {
        let mut credit = invoice(5, "", dec!(0)).1;
        credit.number = "K-5".to_owned();
        credit.credits = Some(1);
        let index = Index {
            invoices: vec![invoice(1, "1001", dec!(-500)), (String::new(), credit)],
            fees: HashMap::new(),
            imported: Vec::new(),
        };
        let mut deduction = PaymentSpec::ocr("K-5", dec!(500), 1);
        deduction.kind = BankEntryKind::Deduction;
        deduction.reference_code = 4;
        let mut paid = PaymentSpec::ocr("", dec!(1500), 2);
        paid.reference_code = 1;
        let plans = plan_bank_file(&file(vec![deduction, paid]), &index, dec!(10), false);
        assert_eq!(plans[0].outcome, MatchOutcome::Deduction);
        assert_eq!(
            (
                plans[0].allocations[0].invoice_id,
                plans[0].allocations[0].amount,
                plans[0].allocations[0].remaining_after
            ),
            (1, dec!(-500), dec!(0))
        );
    }
}
