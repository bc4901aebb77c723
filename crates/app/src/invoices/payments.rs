//! Payments on issued invoices (kept apart from the frozen invoice) and the invoice's history.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::invoice::MAX_AMOUNT;
use fakturera_core::receivables::without_negative_zero;
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{
    InvoiceEvent, InvoiceId, MoneyKind, MoneyRecord, Payment, PaymentStatus, Store, StoreError,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::codes::PaymentStateCode;
use crate::app::App;
use crate::error::{AppError, ForUser};
use crate::invoice_form::parse_decimal;

/// What a money record is: a payment, a deduction the customer made with a credit, money paid
/// back, or a small difference written off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MoneyKindCode {
    Payment,
    Deduction,
    Refund,
    WriteOff,
}

impl From<MoneyKind> for MoneyKindCode {
    fn from(kind: MoneyKind) -> MoneyKindCode {
        match kind {
            MoneyKind::Payment => MoneyKindCode::Payment,
            MoneyKind::Deduction => MoneyKindCode::Deduction,
            MoneyKind::Refund => MoneyKindCode::Refund,
            MoneyKind::WriteOff => MoneyKindCode::WriteOff,
        }
    }
}

/// One money record on the invoice, as booked (never changed; a mistake is reversed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: MoneyKindCode,
    pub paid_on: String,
    /// Signed: a refund or a reversal is negative.
    pub amount: String,
    pub reference: String,
    /// Set on a reversal: the record it reverses.
    #[ts(type = "number | null")]
    pub reverses: Option<i64>,
    /// Booked from a bank payment file.
    pub from_bank_file: bool,
}

impl From<MoneyRecord> for PaymentEntry {
    fn from(record: MoneyRecord) -> PaymentEntry {
        PaymentEntry {
            id: record.id,
            kind: record.kind.into(),
            paid_on: record.paid_on.to_string(),
            amount: format!("{:.2}", without_negative_zero(record.amount)),
            reference: record.reference,
            reverses: record.reverses,
            from_bank_file: record.bank_payment_id.is_some(),
        }
    }
}

/// Where an issued invoice stands with its payments, credits and write-offs; amounts as exact
/// decimal strings, all computed by Rust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentView {
    pub state: PaymentStateCode,
    pub payable: String,
    /// Payments, deductions and refunds together.
    pub paid: String,
    /// What issued credit invoices took off.
    pub credited: String,
    pub written_off: String,
    /// "Kvar att betala": never below zero.
    pub remaining: String,
    /// What the customer has to get back (overpaid, or credited after payment); "0.00" if nothing.
    pub to_refund: String,
    pub due_date: String,
    pub payments: Vec<PaymentEntry>,
    /// What is left (either way) is within the company's limit for öresdifferens, so "Skriv av"
    /// closes it.
    pub write_off_allowed: bool,
}

/// The company's öresdifferens limit in the currency of invoice `id` (the limit is in SEK).
fn write_off_limit(store: &Store, id: InvoiceId) -> Result<Decimal, StoreError> {
    let limit = store.receivables_settings()?.write_off_limit;
    let rate = store.invoice(id)?.invoice.exchange_rate;
    Ok(if rate > Decimal::ZERO {
        limit / rate
    } else {
        limit
    })
}

/// The view of `status` for invoice `id`, with whether a write-off is allowed.
pub(crate) fn payment_view(
    store: &Store,
    id: InvoiceId,
    status: PaymentStatus,
) -> Result<PaymentView, StoreError> {
    let remaining = status.remaining;
    let allowed = !remaining.is_zero()
        && status.state != fakturera_core::invoice::PaymentState::Applied
        && remaining.abs() <= write_off_limit(store, id)?;
    let mut view = PaymentView::from(status);
    view.write_off_allowed = allowed;
    Ok(view)
}

impl From<PaymentStatus> for PaymentView {
    fn from(status: PaymentStatus) -> PaymentView {
        let amount = |value: Decimal| format!("{:.2}", without_negative_zero(value));
        PaymentView {
            state: status.state.into(),
            payable: amount(status.payable),
            paid: amount(status.paid),
            credited: amount(status.credited),
            written_off: amount(status.written_off),
            remaining: amount(status.remaining.max(Decimal::ZERO)),
            to_refund: amount((-status.remaining).max(Decimal::ZERO)),
            due_date: status.due_date.to_string(),
            payments: status.payments.into_iter().map(Into::into).collect(),
            write_off_allowed: false,
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
    let amount = errors.collect(
        parse_decimal(&request.amount, "amount", ("Beloppet", "The amount")).and_then(|amount| {
            if amount.abs() > MAX_AMOUNT {
                Err(FieldError::new(
                    "amount",
                    "range",
                    Text::new(
                        format!("Beloppet är orimligt stort. Ange högst {MAX_AMOUNT}."),
                        format!("The amount is unreasonably large. Enter at most {MAX_AMOUNT}."),
                    ),
                ))
            } else {
                Ok(amount)
            }
        }),
    );
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
        let payment = payment_from_request(request).for_user(language)?;
        self.with_store(|store| {
            let status = store.record_payment(InvoiceId(id), &payment, now)?;
            payment_view(store, InvoiceId(id), status)
        })
    }

    /// Records money paid back to the customer on invoice `id` (overpaid, or credited after
    /// payment), at most what the customer has to get back.
    pub fn record_invoice_refund(
        &self,
        id: i64,
        request: &PaymentRequest,
        now: DateTime<Utc>,
    ) -> Result<PaymentView, AppError> {
        let language = self.language();
        let payment = payment_from_request(request).for_user(language)?;
        self.with_store(|store| {
            let status = store.record_refund(InvoiceId(id), &payment, now)?;
            payment_view(store, InvoiceId(id), status)
        })
    }

    /// Writes off what is left on invoice `id` when it is within the company's limit for
    /// öresdifferens (in SEK; a foreign-currency invoice's limit is converted at its rate).
    pub fn write_off_invoice_difference(
        &self,
        id: i64,
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<PaymentView, AppError> {
        self.with_store(|store| {
            let limit = write_off_limit(store, InvoiceId(id))?;
            let status = store.write_off_remaining(InvoiceId(id), on, limit, now)?;
            payment_view(store, InvoiceId(id), status)
        })
    }

    /// Reverses money record `record_id` with a new record of the opposite amount, dated `on`.
    pub fn reverse_invoice_payment(
        &self,
        record_id: i64,
        on: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<PaymentView, AppError> {
        self.with_store(|store| {
            let status = store.reverse_money_record(record_id, on, note.trim(), now)?;
            let id = status
                .payments
                .last()
                .map_or(InvoiceId(0), |record| record.invoice_id);
            payment_view(store, id, status)
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
