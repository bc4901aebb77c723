//! Money recorded against issued invoices: payments, deductions, refunds and write-offs. Each is a
//! record that is never changed (a mistake is reversed by a new record), and each moves the
//! invoice's settlement row in the same transaction, so recording never touches the frozen invoice.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Text;
use fakturera_core::invoice::{MAX_AMOUNT, PaymentState};
use rusqlite::{Connection, OptionalExtension, ToSql, TransactionBehavior};
use rust_decimal::Decimal;

use super::events::{InvoiceEventKind, append_event};
use super::settlement::refresh_settlement;
use crate::column_list::{ColumnList, RowValues, owned};
use crate::error::{StoreError, StoreErrorKind};
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::StoredDecimal;

/// One payment received (or, for a credit invoice, paid back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub paid_on: NaiveDate,
    /// Positive, in the invoice currency.
    pub amount: Decimal,
    /// The bank's reference, the OCR used, or a note.
    pub reference: String,
}

/// What a money record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MoneyKind {
    /// Money received from the customer.
    Payment,
    /// A credit the customer deducted from a bank payment (BgMax TK21), booked on the invoice the
    /// credit belongs to.
    Deduction,
    /// Money paid back to the customer; stored with a negative amount.
    Refund,
    /// A small difference closed without money (öresdifferens), either way.
    WriteOff,
}

impl MoneyKind {
    pub fn code(self) -> &'static str {
        match self {
            MoneyKind::Payment => "payment",
            MoneyKind::Deduction => "deduction",
            MoneyKind::Refund => "refund",
            MoneyKind::WriteOff => "write_off",
        }
    }

    pub fn from_code(code: &str) -> Option<MoneyKind> {
        match code {
            "payment" => Some(MoneyKind::Payment),
            "deduction" => Some(MoneyKind::Deduction),
            "refund" => Some(MoneyKind::Refund),
            "write_off" => Some(MoneyKind::WriteOff),
            _ => None,
        }
    }

    fn event(self) -> InvoiceEventKind {
        match self {
            MoneyKind::Payment => InvoiceEventKind::PaymentRecorded,
            MoneyKind::Deduction => InvoiceEventKind::Other("deduction_recorded".to_owned()),
            MoneyKind::Refund => InvoiceEventKind::Other("refund_recorded".to_owned()),
            MoneyKind::WriteOff => InvoiceEventKind::Other("written_off".to_owned()),
        }
    }
}

/// A money record as booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyRecord {
    pub id: i64,
    pub invoice_id: InvoiceId,
    pub kind: MoneyKind,
    pub paid_on: NaiveDate,
    /// Signed: positive lowers what is left to pay.
    pub amount: Decimal,
    pub reference: String,
    /// Set on a reversal: the record it cancels.
    pub reverses: Option<i64>,
    /// The bank payment (BgMax) it was booked from.
    pub bank_payment_id: Option<i64>,
    pub recorded_at: DateTime<Utc>,
}

/// A money record about to be booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMoneyRecord {
    pub kind: MoneyKind,
    pub paid_on: NaiveDate,
    /// Signed as stored (a refund is negative).
    pub amount: Decimal,
    pub reference: String,
    pub reverses: Option<i64>,
    pub bank_payment_id: Option<i64>,
}

/// Where an issued invoice stands with its payments, credits and write-offs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentStatus {
    pub state: PaymentState,
    pub payable: Decimal,
    /// Payments, deductions and refunds together.
    pub paid: Decimal,
    pub credited: Decimal,
    pub written_off: Decimal,
    /// Negative when the customer has money to get back.
    pub remaining: Decimal,
    pub due_date: NaiveDate,
    pub payments: Vec<MoneyRecord>,
}

pub(crate) fn payment_state_code(state: PaymentState) -> &'static str {
    match state {
        PaymentState::Unpaid => "unpaid",
        PaymentState::PartlyPaid => "partly_paid",
        PaymentState::Paid => "paid",
        PaymentState::Overpaid => "overpaid",
        PaymentState::Credited => "credited",
        PaymentState::Applied => "applied",
    }
}

pub(crate) fn payment_state_from_code(code: &str) -> Option<PaymentState> {
    match code {
        "unpaid" => Some(PaymentState::Unpaid),
        "partly_paid" => Some(PaymentState::PartlyPaid),
        "paid" => Some(PaymentState::Paid),
        "overpaid" => Some(PaymentState::Overpaid),
        "credited" => Some(PaymentState::Credited),
        "applied" => Some(PaymentState::Applied),
        _ => None,
    }
}

pub(crate) fn too_large() -> StoreError {
    StoreError::invalid_field(
        "amount",
        Text::new(
            format!("Beloppet är orimligt stort; ett belopp kan vara högst {MAX_AMOUNT} kronor."),
            format!(
                "The amount is unreasonably large; an amount can be at most {MAX_AMOUNT} kronor."
            ),
        ),
    )
}

fn amount_must_be_positive() -> StoreError {
    StoreError::invalid_field(
        "amount",
        Text::new(
            "Beloppet måste vara större än noll.",
            "The amount must be greater than zero.",
        ),
    )
}

/// Books `record` on invoice `id` inside the caller's transaction: the row, the event and the
/// new settlement together.
pub(crate) fn insert_money_record(
    connection: &Connection,
    id: InvoiceId,
    record: &NewMoneyRecord,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    if record.amount.abs() > MAX_AMOUNT {
        return Err(too_large());
    }
    let exists: bool = connection
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM invoices WHERE id = ?1)")?
        .query_row([id], |row| row.get(0))?;
    if !exists {
        return Err(StoreError::not_found("faktura", "invoice", id));
    }
    let booked = Booked {
        invoice_id: id,
        recorded_at: now,
    };
    RowValues::of(&NEW_MONEY_RECORD_COLUMNS, record)?
        .and(&BOOKED_COLUMNS, &booked)?
        .insert(connection, "invoice_payments")?;
    let record_id = connection.last_insert_rowid();
    let kind = match record.reverses {
        Some(_) => InvoiceEventKind::Other("reversed".to_owned()),
        None => record.kind.event(),
    };
    append_event(
        connection,
        id,
        &kind,
        &format!("{} on {}", record.amount, record.paid_on),
        now,
    )?;
    refresh_settlement(connection, id)?;
    Ok(record_id)
}

/// A money record's own columns, as written.
pub(crate) const NEW_MONEY_RECORD_COLUMNS: ColumnList<NewMoneyRecord> = ColumnList(&[
    ("kind", |r| r.kind.code().to_sql()),
    ("paid_on", |r| r.paid_on.to_sql()),
    ("amount", |r| owned(StoredDecimal(r.amount))),
    ("reference", |r| r.reference.to_sql()),
    ("reverses_id", |r| r.reverses.to_sql()),
    ("bank_payment_id", |r| r.bank_payment_id.to_sql()),
]);

/// Which invoice a money record is booked on, and when.
pub(crate) struct Booked {
    pub invoice_id: InvoiceId,
    pub recorded_at: DateTime<Utc>,
}

pub(crate) const BOOKED_COLUMNS: ColumnList<Booked> = ColumnList(&[
    ("invoice_id", |b| b.invoice_id.to_sql()),
    ("recorded_at", |b| b.recorded_at.to_sql()),
]);

fn record_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MoneyRecord> {
    Ok(MoneyRecord {
        id: row.get("id")?,
        invoice_id: row.get("invoice_id")?,
        kind: row.code("kind", MoneyKind::from_code)?,
        paid_on: row.get("paid_on")?,
        amount: row.decimal("amount")?,
        reference: row
            .get::<_, Option<String>>("reference")?
            .unwrap_or_default(),
        reverses: row.get("reverses_id")?,
        bank_payment_id: row.get("bank_payment_id")?,
        recorded_at: row.get("recorded_at")?,
    })
}

pub(crate) const MONEY_RECORD_COLUMNS: &str = "p.id, p.invoice_id, p.kind, p.paid_on, p.amount, \
    p.reference, p.reverses_id, p.bank_payment_id, p.recorded_at";

pub(crate) fn read_money_record(
    connection: &Connection,
    record_id: i64,
) -> Result<Option<MoneyRecord>, StoreError> {
    Ok(connection
        .prepare_cached(&format!(
            "SELECT {MONEY_RECORD_COLUMNS} FROM invoice_payments p WHERE p.id = ?1"
        ))?
        .query_row([record_id], record_from_row)
        .optional()?)
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
            return Err(amount_must_be_positive());
        }
        self.book_money(
            id,
            &NewMoneyRecord {
                kind: MoneyKind::Payment,
                paid_on: payment.paid_on,
                amount: payment.amount,
                reference: payment.reference.clone(),
                reverses: None,
                bank_payment_id: None,
            },
            now,
        )
    }

    /// Records money paid back to the customer (`amount` positive) on an invoice where the
    /// customer has money to get back (overpaid, or credited after payment); at most that much.
    pub fn record_refund(
        &mut self,
        id: InvoiceId,
        payment: &Payment,
        now: DateTime<Utc>,
    ) -> Result<PaymentStatus, StoreError> {
        if payment.amount <= Decimal::ZERO {
            return Err(amount_must_be_positive());
        }
        let status = self
            .payment_status(id)?
            .ok_or_else(|| StoreError::not_found("utfärdad faktura", "issued invoice", id))?;
        let owed_back = -status.remaining;
        if payment.amount > owed_back {
            return Err(StoreError::invalid_field(
                "amount",
                Text::new(
                    format!(
                        "Kunden har {} att få tillbaka på fakturan. Ange högst det beloppet.",
                        owed_back.max(Decimal::ZERO)
                    ),
                    format!(
                        "The customer has {} to get back on the invoice. Enter at most that amount.",
                        owed_back.max(Decimal::ZERO)
                    ),
                ),
            ));
        }
        self.book_money(
            id,
            &NewMoneyRecord {
                kind: MoneyKind::Refund,
                paid_on: payment.paid_on,
                amount: -payment.amount,
                reference: payment.reference.clone(),
                reverses: None,
                bank_payment_id: None,
            },
            now,
        )
    }

    /// Writes off what is left on invoice `id` (either way) when it is at most `limit` in the
    /// invoice's currency: the öresdifferens closed in one step.
    pub fn write_off_remaining(
        &mut self,
        id: InvoiceId,
        on: NaiveDate,
        limit: Decimal,
        now: DateTime<Utc>,
    ) -> Result<PaymentStatus, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_off_in(&transaction, id, on, limit, None, now)?;
        transaction.commit()?;
        self.payment_status(id)?
            .ok_or_else(|| StoreError::not_found("faktura", "invoice", id))
    }

    /// Books a record of any kind on an issued invoice, in its own transaction.
    pub fn book_money(
        &mut self,
        id: InvoiceId,
        record: &NewMoneyRecord,
        now: DateTime<Utc>,
    ) -> Result<PaymentStatus, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        insert_money_record(&transaction, id, record, now)?;
        transaction.commit()?;
        self.payment_status(id)?
            .ok_or_else(|| StoreError::not_found("faktura", "invoice", id))
    }

    /// Reverses the money record `record_id` with a new record of the opposite amount, dated
    /// `on`; the original stays as it was. A record is reversed at most once.
    pub fn reverse_money_record(
        &mut self,
        record_id: i64,
        on: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<PaymentStatus, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let original = read_money_record(&transaction, record_id)?
            .ok_or_else(|| StoreError::not_found("betalning", "payment", record_id))?;
        let already: bool = transaction
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM invoice_payments WHERE reverses_id = ?1)",
            )?
            .query_row([record_id], |row| row.get(0))?;
        if already || original.reverses.is_some() {
            return Err(StoreError::new(
                StoreErrorKind::Conflict,
                Text::new(
                    "Posten är redan rättad (eller är själv en rättelse) och kan inte vändas igen.",
                    "The record has already been reversed (or is itself a reversal) and cannot be reversed again.",
                ),
            ));
        }
        insert_money_record(
            &transaction,
            original.invoice_id,
            &NewMoneyRecord {
                kind: original.kind,
                paid_on: on,
                amount: -original.amount,
                reference: note.to_owned(),
                reverses: Some(record_id),
                bank_payment_id: original.bank_payment_id,
            },
            now,
        )?;
        transaction.commit()?;
        self.payment_status(original.invoice_id)?
            .ok_or_else(|| StoreError::not_found("faktura", "invoice", original.invoice_id))
    }

    /// The payment status of an issued invoice; `None` for a draft.
    pub fn payment_status(&self, id: InvoiceId) -> Result<Option<PaymentStatus>, StoreError> {
        let header = self
            .connection
            .prepare_cached(
                "SELECT p.state, i.payable, p.paid_amount, p.credited_amount, p.written_off,
                        p.remaining, p.due_date
                 FROM invoice_payment_state p JOIN invoices i ON i.id = p.invoice_id
                 WHERE p.invoice_id = ?1",
            )?
            .query_row([id], |row| {
                Ok((
                    row.code("state", payment_state_from_code)?,
                    row.decimal("payable")?,
                    row.decimal("paid_amount")?,
                    row.decimal("credited_amount")?,
                    row.decimal("written_off")?,
                    row.decimal("remaining")?,
                    row.get::<_, NaiveDate>("due_date")?,
                ))
            })
            .optional()?;
        let Some((state, payable, paid, credited, written_off, remaining, due_date)) = header
        else {
            return Ok(None);
        };
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {MONEY_RECORD_COLUMNS} FROM invoice_payments p WHERE p.invoice_id = ?1 ORDER BY p.id"
        ))?;
        let payments = statement
            .query_map([id], record_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(PaymentStatus {
            state,
            payable,
            paid,
            credited,
            written_off,
            remaining,
            due_date,
            payments,
        }))
    }
}

/// Writes off what is left on `id` inside the caller's transaction, when it is not zero and at
/// most `limit` either way. Returns the amount written off.
pub(crate) fn write_off_in(
    connection: &Connection,
    id: InvoiceId,
    on: NaiveDate,
    limit: Decimal,
    bank_payment_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Decimal, StoreError> {
    let remaining: Option<StoredDecimal> = connection
        .prepare_cached("SELECT remaining FROM invoice_payment_state WHERE invoice_id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?;
    let remaining = remaining
        .ok_or_else(|| StoreError::not_found("utfärdad faktura", "issued invoice", id))?
        .0;
    if remaining.is_zero() || remaining.abs() > limit {
        return Err(StoreError::invalid_field(
            "amount",
            Text::new(
                format!(
                    "Kvar att betala är {remaining}. Bara en skillnad på högst {limit} (gränsen för öresdifferens) kan skrivas av; registrera en betalning eller återbetalning i stället."
                ),
                format!(
                    "What is left is {remaining}. Only a difference of at most {limit} (the write-off limit) can be written off; record a payment or refund instead."
                ),
            ),
        ));
    }
    insert_money_record(
        connection,
        id,
        &NewMoneyRecord {
            kind: MoneyKind::WriteOff,
            paid_on: on,
            amount: remaining,
            reference: String::new(),
            reverses: None,
            bank_payment_id,
        },
        now,
    )?;
    Ok(remaining)
}
