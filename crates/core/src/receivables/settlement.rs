//! The one rule for what is left to pay on an issued invoice and where it stands: payments,
//! credit invoices and write-offs together decide unpaid, partly paid, paid, overpaid and
//! credited. The invoice list, the ledger, reminders, interest and the dashboard all ask this.

use rust_decimal::Decimal;

use crate::invoice::PaymentState;

/// The amounts that settle one issued invoice, summed by the store from its records (as of a
/// date, or all of them). Amounts are in the invoice's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SettlementFacts {
    /// A credit invoice settles its original and is never asked to be paid itself.
    pub is_credit_note: bool,
    /// What the invoice asks for (positive).
    pub payable: Decimal,
    /// The payable amounts of the issued credit invoices that credit it (positive).
    pub credited: Decimal,
    /// Money received for it, less money paid back: payments, deductions and refunds, signed.
    pub paid: Decimal,
    /// Small differences written off (öresdifferens), signed like payments.
    pub written_off: Decimal,
}

/// Where the invoice stands and what is left: positive while the customer owes, negative when
/// the customer has money to get back (an overpayment, or a credit after payment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settlement {
    pub state: PaymentState,
    pub remaining: Decimal,
}

impl SettlementFacts {
    /// Decides the state. A credit that covers the whole invoice makes it `Credited` whatever was
    /// paid (what was paid is then the customer's to get back); otherwise what is left decides.
    pub fn settle(&self) -> Settlement {
        if self.is_credit_note {
            return Settlement {
                state: PaymentState::Applied,
                remaining: Decimal::ZERO,
            };
        }
        let remaining =
            without_negative_zero(self.payable - self.credited - self.paid - self.written_off);
        let state = if self.credited >= self.payable && !self.credited.is_zero() {
            PaymentState::Credited
        } else if remaining.is_sign_negative() && !remaining.is_zero() {
            PaymentState::Overpaid
        } else if remaining.is_zero() {
            PaymentState::Paid
        } else if self.paid.is_zero() && self.written_off.is_zero() {
            PaymentState::Unpaid
        } else {
            PaymentState::PartlyPaid
        };
        Settlement { state, remaining }
    }
}

/// Decimal keeps the sign of a zero ("-0.00" when printed); money never shows one.
pub fn without_negative_zero(amount: Decimal) -> Decimal {
    if amount.is_zero() {
        Decimal::ZERO
    } else {
        amount
    }
}

impl Settlement {
    /// What the customer still has to pay: never below zero.
    pub fn to_pay(&self) -> Decimal {
        without_negative_zero(self.remaining.max(Decimal::ZERO))
    }

    /// What the customer has to get back: never below zero.
    pub fn to_refund(&self) -> Decimal {
        without_negative_zero((-self.remaining).max(Decimal::ZERO))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn facts(payable: Decimal, credited: Decimal, paid: Decimal) -> SettlementFacts {
        SettlementFacts {
            is_credit_note: false,
            payable,
            credited,
            paid,
            written_off: Decimal::ZERO,
        }
    }

    #[test]
    fn payments_and_credits_together_decide() {
        use PaymentState::*;
        let cases = [
            // (payable, credited, paid) -> (state, remaining)
            ((dec!(1000), dec!(0), dec!(0)), (Unpaid, dec!(1000))),
            ((dec!(1000), dec!(0), dec!(400)), (PartlyPaid, dec!(600))),
            ((dec!(1000), dec!(0), dec!(1000)), (Paid, dec!(0))),
            ((dec!(1000), dec!(0), dec!(1200)), (Overpaid, dec!(-200))),
            // A full credit: nothing left, never overdue.
            ((dec!(1000), dec!(1000), dec!(0)), (Credited, dec!(0))),
            // A partial credit lowers what is left.
            ((dec!(1000), dec!(300), dec!(0)), (Unpaid, dec!(700))),
            ((dec!(1000), dec!(300), dec!(700)), (Paid, dec!(0))),
            // A partial credit after a partial payment.
            ((dec!(1000), dec!(300), dec!(400)), (PartlyPaid, dec!(300))),
            // A full credit after a partial payment: the customer has 400 to get back.
            ((dec!(1000), dec!(1000), dec!(400)), (Credited, dec!(-400))),
            // Paid, then refunded in part.
            ((dec!(1000), dec!(0), dec!(700)), (PartlyPaid, dec!(300))),
            // A zero invoice asks for nothing.
            ((dec!(0), dec!(0), dec!(0)), (Paid, dec!(0))),
        ];
        for ((payable, credited, paid), (state, remaining)) in cases {
            let settled = facts(payable, credited, paid).settle();
            assert_eq!(
                (settled.state, settled.remaining),
                (state, remaining),
                "payable {payable}, credited {credited}, paid {paid}"
            );
        }
    }

    #[test]
    fn a_write_off_closes_a_small_difference() {
        let settled = SettlementFacts {
            written_off: dec!(4.50),
            ..facts(dec!(1000), dec!(0), dec!(995.50))
        }
        .settle();
        assert_eq!(settled.state, PaymentState::Paid);
        assert_eq!(settled.remaining, dec!(0));
    }

    #[test]
    fn a_credit_invoice_never_asks_for_payment() {
        let settled = SettlementFacts {
            is_credit_note: true,
            ..facts(dec!(500), dec!(0), dec!(0))
        }
        .settle();
        assert_eq!(settled.state, PaymentState::Applied);
        assert_eq!(settled.to_pay(), dec!(0));
        assert!(!settled.state.asks_for_payment());
    }

    #[test]
    fn zero_is_never_negative_zero() {
        assert_eq!(
            format!("{:.2}", without_negative_zero(-Decimal::ZERO)),
            "0.00"
        );
        let settled = facts(dec!(1000), dec!(1000), dec!(0)).settle();
        assert_eq!(
            format!("{:.2}", -settled.remaining),
            "-0.00",
            "Decimal keeps the sign"
        );
        assert_eq!(format!("{:.2}", settled.to_refund()), "0.00");
    }

    #[test]
    fn to_pay_is_never_negative() {
        assert_eq!(
            facts(dec!(100), dec!(0), dec!(150)).settle().to_pay(),
            dec!(0)
        );
        assert_eq!(
            facts(dec!(100), dec!(0), dec!(30)).settle().to_pay(),
            dec!(70)
        );
    }
}
