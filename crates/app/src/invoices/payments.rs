//! Payments on issued invoices (kept apart from the frozen invoice) and the invoice's history.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{InvoiceEvent, InvoiceId, Payment, PaymentStatus, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::codes::PaymentStateCode;
use crate::app::App;
use crate::error::{AppError, IntoAppError};
use crate::invoice_form::parse_decimal;

/// One payment received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentEntry {
    pub paid_on: String,
    pub amount: String,
    pub reference: String,
}

/// Where an issued invoice stands with its payments; amounts as exact decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentView {
    pub state: PaymentStateCode,
    pub payable: String,
    pub paid: String,
    pub remaining: String,
    pub due_date: String,
    pub payments: Vec<PaymentEntry>,
}

impl From<PaymentStatus> for PaymentView {
    fn from(status: PaymentStatus) -> PaymentView {
        let amount = |value: rust_decimal::Decimal| format!("{value:.2}");
        PaymentView {
            state: status.state.into(),
            payable: amount(status.payable),
            paid: amount(status.paid),
            remaining: amount((status.payable - status.paid).max(rust_decimal::Decimal::ZERO)),
            due_date: status.due_date.to_string(),
            payments: status
                .payments
                .into_iter()
                .map(|payment| PaymentEntry {
                    paid_on: payment.paid_on.to_string(),
                    amount: amount(payment.amount),
                    reference: payment.reference,
                })
                .collect(),
        }
    }
}

/// A payment as the user types it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentRequest {
    /// `YYYY-MM-DD`.
    pub paid_on: String,
    pub amount: String,
    pub reference: String,
}

/// One entry of an invoice's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceEventView {
    /// RFC 3339.
    pub at: String,
    /// `created`, `edited`, `issued`, `payment_recorded`, ...
    pub kind: String,
    pub detail: String,
}

impl From<InvoiceEvent> for InvoiceEventView {
    fn from(event: InvoiceEvent) -> InvoiceEventView {
        InvoiceEventView {
            at: event.at.to_rfc3339(),
            kind: event.kind.code().to_owned(),
            detail: event.detail,
        }
    }
}

fn payment_from_request(request: &PaymentRequest) -> Result<Payment, FieldErrors> {
    let mut errors = FieldErrors::default();
    let paid_on = errors.collect(
        NaiveDate::parse_from_str(request.paid_on.trim(), "%Y-%m-%d").map_err(|_| {
            FieldError::new(
                "paid_on",
                "date",
                Text::new(
                    "Betalningsdagen måste vara ett datum som ÅÅÅÅ-MM-DD.",
                    "The payment date must be a date as YYYY-MM-DD.",
                ),
            )
        }),
    );
    let amount = errors.collect(parse_decimal(
        &request.amount,
        "amount",
        ("Beloppet", "The amount"),
    ));
    match (paid_on, amount) {
        (Some(paid_on), Some(amount)) => Ok(Payment {
            paid_on,
            amount,
            reference: request.reference.trim().to_owned(),
        }),
        _ => Err(errors),
    }
}

impl App {
    /// Records a payment on the issued invoice `id` and returns its new payment status.
    pub fn record_invoice_payment(
        &self,
        id: i64,
        request: &PaymentRequest,
        now: DateTime<Utc>,
    ) -> Result<PaymentView, AppError> {
        let language = self.language();
        let payment =
            payment_from_request(request).map_err(|errors| errors.into_app_error(language))?;
        self.with_store(|store| {
            Ok::<_, StoreError>(store.record_payment(InvoiceId(id), &payment, now)?.into())
        })
    }

    /// The history of invoice `id`, oldest first.
    pub fn invoice_events(&self, id: i64) -> Result<Vec<InvoiceEventView>, AppError> {
        self.with_store(|store| {
            store.invoice(InvoiceId(id))?;
            Ok::<_, StoreError>(
                store
                    .invoice_events(InvoiceId(id))?
                    .into_iter()
                    .map(Into::into)
                    .collect(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payment_requests_are_read_or_every_problem_named() {
        let good = PaymentRequest {
            paid_on: "2026-05-04".into(),
            amount: "1 250,50".into(),
            reference: " OCR 1004571 ".into(),
        };
        let payment = payment_from_request(&good).expect("valid");
        assert_eq!(payment.amount, rust_decimal_macros::dec!(1250.5));
        assert_eq!(payment.reference, "OCR 1004571");
        let bad = PaymentRequest {
            paid_on: "4/5".into(),
            amount: "mycket".into(),
            reference: String::new(),
        };
        let fields: Vec<String> = payment_from_request(&bad)
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|error| error.field)
            .collect();
        assert_eq!(fields, ["paid_on", "amount"]);
    }
}
