//! Payments against issued invoices. The payment state lives in its own table, so recording a
//! payment never touches the frozen invoice row.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Text;
use fakturera_core::invoice::PaymentState;
use rusqlite::{OptionalExtension, TransactionBehavior};
use rust_decimal::Decimal;

use super::events::{InvoiceEventKind, append_event};
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::{StoredDecimal, decimal_at};

/// One payment received (or, for a credit invoice, paid back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub paid_on: NaiveDate,
    /// Positive, in the invoice currency.
    pub amount: Decimal,
    /// The bank's reference, the OCR used, or a note.
    pub reference: String,
}

/// Where an issued invoice stands with its payments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentStatus {
    pub state: PaymentState,
    pub payable: Decimal,
    pub paid: Decimal,
    pub due_date: NaiveDate,
    pub payments: Vec<Payment>,
}

pub(crate) fn payment_state_code(state: PaymentState) -> &'static str {
    match state {
        PaymentState::Unpaid => "unpaid",
        PaymentState::PartlyPaid => "partly_paid",
        PaymentState::Paid => "paid",
    }
}

pub(crate) fn payment_state_from_code(code: &str) -> Option<PaymentState> {
    match code {
        "unpaid" => Some(PaymentState::Unpaid),
        "partly_paid" => Some(PaymentState::PartlyPaid),
        "paid" => Some(PaymentState::Paid),
        _ => None,
    }
}

impl Store {
    /// Records a payment on an issued invoice and returns the new payment status.
    pub fn record_payment(
        &mut self,
        id: InvoiceId,
        payment: &Payment,
        now: DateTime<Utc>,
    ) -> Result<PaymentStatus, StoreError> {
        if payment.amount <= Decimal::ZERO {
            return Err(StoreError::invalid_field(
                "amount",
                Text::new(
                    "Beloppet måste vara större än noll.",
                    "The amount must be greater than zero.",
                ),
            ));
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let payable: Option<StoredDecimal> = transaction
            .query_row("SELECT payable FROM invoices WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?;
        let payable = payable
            .ok_or_else(|| StoreError::not_found("faktura", "invoice", id))?
            .0;
        transaction.execute(
            "INSERT INTO invoice_payments (invoice_id, paid_on, amount, reference, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                id,
                payment.paid_on,
                StoredDecimal(payment.amount),
                payment.reference,
                now
            ],
        )?;
        let paid: Decimal = {
            let mut statement = transaction
                .prepare_cached("SELECT amount FROM invoice_payments WHERE invoice_id = ?1")?;
            let amounts = statement.query_map([id], |row| decimal_at(row, 0))?;
            amounts.collect::<Result<Vec<_>, _>>()?.into_iter().sum()
        };
        let state = PaymentState::from_amounts(payable, paid);
        transaction.execute(
            "UPDATE invoice_payment_state SET state = ?1, paid_amount = ?2 WHERE invoice_id = ?3",
            rusqlite::params![payment_state_code(state), StoredDecimal(paid), id],
        )?;
        append_event(
            &transaction,
            id,
            &InvoiceEventKind::PaymentRecorded,
            &format!("{} on {}", payment.amount, payment.paid_on),
            now,
        )?;
        transaction.commit()?;
        self.payment_status(id)?
            .ok_or_else(|| StoreError::not_found("faktura", "invoice", id))
    }

    /// The payment status of an issued invoice; `None` for a draft.
    pub fn payment_status(&self, id: InvoiceId) -> Result<Option<PaymentStatus>, StoreError> {
        let header = self
            .connection
            .prepare_cached(
                "SELECT p.state, i.payable, p.paid_amount, p.due_date
                 FROM invoice_payment_state p JOIN invoices i ON i.id = p.invoice_id
                 WHERE p.invoice_id = ?1",
            )?
            .query_row([id], |row| {
                Ok((
                    crate::sql_values::code_at(row, 0, payment_state_from_code)?,
                    decimal_at(row, 1)?,
                    decimal_at(row, 2)?,
                    row.get::<_, NaiveDate>(3)?,
                ))
            })
            .optional()?;
        let Some((state, payable, paid, due_date)) = header else {
            return Ok(None);
        };
        let mut statement = self.connection.prepare_cached(
            "SELECT paid_on, amount, reference FROM invoice_payments WHERE invoice_id = ?1 ORDER BY id",
        )?;
        let payments = statement
            .query_map([id], |row| {
                Ok(Payment {
                    paid_on: row.get(0)?,
                    amount: decimal_at(row, 1)?,
                    reference: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(PaymentStatus {
            state,
            payable,
            paid,
            due_date,
            payments,
        }))
    }
}
