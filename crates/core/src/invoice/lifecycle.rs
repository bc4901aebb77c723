//! Where an invoice is in its life, and whether it is paid, kept apart.
//!
//! Delivery (queued, handed over, delivered) belongs to the sending use case; here are only the states
//! that follow from the invoice itself and from payments.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A draft can be edited freely; an issued invoice has its number and is locked for ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvoiceStatus {
    Draft,
    Issued,
}

/// How much of the payable amount the buyer has paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentState {
    Unpaid,
    PartlyPaid,
    Paid,
}

impl PaymentState {
    /// The state for `paid` of `payable` (both positive for invoices and credit invoices alike).
    pub fn from_amounts(payable: Decimal, paid: Decimal) -> PaymentState {
        if paid.is_zero() && !payable.is_zero() {
            PaymentState::Unpaid
        } else if paid.abs() >= payable.abs() {
            PaymentState::Paid
        } else {
            PaymentState::PartlyPaid
        }
    }
}

/// An issued invoice is overdue from the day after its due date until it is paid in full.
pub fn is_overdue(
    status: InvoiceStatus,
    payment: PaymentState,
    due_date: NaiveDate,
    today: NaiveDate,
) -> bool {
    status == InvoiceStatus::Issued && payment != PaymentState::Paid && today > due_date
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn payment_states() {
        assert_eq!(
            PaymentState::from_amounts(dec!(100), dec!(0)),
            PaymentState::Unpaid
        );
        assert_eq!(
            PaymentState::from_amounts(dec!(100), dec!(40)),
            PaymentState::PartlyPaid
        );
        assert_eq!(
            PaymentState::from_amounts(dec!(100), dec!(100)),
            PaymentState::Paid
        );
        assert_eq!(
            PaymentState::from_amounts(dec!(0), dec!(0)),
            PaymentState::Paid
        );
    }

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
        assert!(!is_overdue(
            InvoiceStatus::Draft,
            PaymentState::Unpaid,
            due,
            next_day
        ));
    }
}
