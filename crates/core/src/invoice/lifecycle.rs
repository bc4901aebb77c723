//! Where an invoice is in its life, and whether it is paid, kept apart.
//!
//! Delivery (queued, handed over, delivered) belongs to the sending use case; here are only the states
//! that follow from the invoice itself and from payments.

use chrono::NaiveDate;

/// A draft can be edited freely; an issued invoice has its number and is locked for ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvoiceStatus {
    Draft,
    Issued,
}

/// Where an issued invoice stands with what settles it: payments, credit invoices and
/// write-offs. [`crate::receivables::SettlementFacts::settle`] decides it; nothing else does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentState {
    /// Nothing paid yet (a partial credit may have lowered what is left).
    Unpaid,
    PartlyPaid,
    Paid,
    /// More came in than was owed: the difference is the customer's, to refund or use.
    Overpaid,
    /// A credit invoice cancels all of it: nothing is left to pay, and it is never overdue.
    Credited,
    /// A credit invoice: it settles its original and never asks for payment itself.
    Applied,
}

impl PaymentState {
    /// Whether the customer still owes something on an invoice in this state.
    pub fn asks_for_payment(self) -> bool {
        matches!(self, PaymentState::Unpaid | PaymentState::PartlyPaid)
    }
}

/// An issued invoice is overdue from the day after its due date for as long as something is left
/// to pay. A credit invoice and a fully credited invoice never are.
pub fn is_overdue(
    status: InvoiceStatus,
    payment: PaymentState,
    due_date: NaiveDate,
    today: NaiveDate,
) -> bool {
    status == InvoiceStatus::Issued && payment.asks_for_payment() && today > due_date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_only_after_the_due_date_and_until_paid() {
        let due: NaiveDate = "2026-05-31".parse().expect("date");
        let next_day: NaiveDate = "2026-06-01".parse().expect("date");
        assert!(!is_overdue(
            InvoiceStatus::Issued,
            PaymentState::Unpaid,
            due,
            due
        ));
        assert!(is_overdue(
            InvoiceStatus::Issued,
            PaymentState::Unpaid,
            due,
            next_day
        ));
        assert!(is_overdue(
            InvoiceStatus::Issued,
            PaymentState::PartlyPaid,
            due,
            next_day
        ));
        assert!(!is_overdue(
            InvoiceStatus::Issued,
            PaymentState::Paid,
            due,
            next_day
        ));
        for settled in [
            PaymentState::Paid,
            PaymentState::Overpaid,
            PaymentState::Credited,
            PaymentState::Applied,
        ] {
            assert!(!is_overdue(InvoiceStatus::Issued, settled, due, next_day));
        }
        assert!(!is_overdue(
            InvoiceStatus::Draft,
            PaymentState::Unpaid,
            due,
            next_day
        ));
    }
}
