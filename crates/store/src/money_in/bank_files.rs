//! Bank payment files in the company file: the matcher's read access ([`StoreIndex`]), the
//! import itself (file, deposits, payments and their bookings in one IMMEDIATE transaction, so
//! nothing is half-imported and two processes importing at once book each payment once), the
//! payments still to be placed, and placing or refunding them by hand.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Text;
use fakturera_core::receivables::{
    BankEntryKind, BgMaxFile, InvoiceIndex, MatchCandidate, MatchOutcome, PaymentPlan,
};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use rust_decimal::Decimal;

use crate::error::{StoreError, StoreErrorKind};
use crate::invoices::{MoneyKind, NewMoneyRecord};
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::{StoredDecimal, decimal_at, minor_units};

/// The matcher's view of the company file, through one connection (inside the import's
/// transaction, or a plain read for the preview).
#[derive(Debug)]
pub struct StoreIndex<'c> {
    connection: &'c Connection,
}

const CANDIDATE_COLUMNS: &str = "i.id, COALESCE(i.number_text, ''), i.customer_id, i.currency, \
    i.exchange_rate, p.remaining, i.credited_invoice_id";

fn candidate(row: &rusqlite::Row<'_>) -> rusqlite::Result<MatchCandidate> {
    Ok(MatchCandidate {
        invoice_id: row.get(0)?,
        number: row.get(1)?,
        customer_id: row.get(2)?,
        currency: row.get(3)?,
        exchange_rate: decimal_at(row, 4)?,
        remaining: decimal_at(row, 5)?,
        credits: row.get(6)?,
    })
}

impl StoreIndex<'_> {
    fn one(&self, condition: &str, value: &dyn rusqlite::ToSql) -> Option<MatchCandidate> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM invoices i JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE {condition} AND i.status = 'issued' LIMIT 1"
        );
        self.connection
            .prepare_cached(&sql)
            .and_then(|mut statement| statement.query_row([value], candidate).optional())
            .ok()
            .flatten()
    }
}

impl InvoiceIndex for StoreIndex<'_> {
    fn by_ocr(&self, reference: &str) -> Option<MatchCandidate> {
        if reference.is_empty() {
            return None;
        }
        // `ocr <> ''` lets SQLite use the partial index invoices_ocr (migration 0006), which
        // leaves out the empty references; without it every payment scanned every invoice.
        self.one("i.ocr = ?1 AND i.ocr <> ''", &reference)
    }

    fn by_number(&self, number: &str) -> Option<MatchCandidate> {
        self.one("i.number_text = ?1", &number)
    }

    fn by_id(&self, invoice_id: i64) -> Option<MatchCandidate> {
        self.one("i.id = ?1", &invoice_id)
    }

    fn by_amount(&self, amount: Decimal, currency: &str) -> Vec<MatchCandidate> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM invoices i JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE i.payable_minor = ?1 AND i.currency = ?2 AND i.status = 'issued'
               AND p.state IN ('unpaid', 'partly_paid')
             ORDER BY i.id LIMIT 5"
        );
        self.connection
            .prepare_cached(&sql)
            .and_then(|mut statement| {
                statement
                    .query_map(rusqlite::params![minor_units(amount), currency], candidate)?
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_default()
    }

    fn open_fees(&self, invoice_id: i64) -> Vec<MatchCandidate> {
        let sql = format!(
            "SELECT {CANDIDATE_COLUMNS} FROM reminders r
                 JOIN invoices i ON i.id = r.document_id
                 JOIN invoice_payment_state p ON p.invoice_id = i.id
             WHERE r.invoice_id = ?1 AND p.state IN ('unpaid', 'partly_paid')
             ORDER BY r.level"
        );
        self.connection
            .prepare_cached(&sql)
            .and_then(|mut statement| {
                statement
                    .query_map([invoice_id], candidate)?
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_default()
    }

    fn is_imported(&self, identity: &str) -> bool {
        self.connection
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM bank_payments WHERE identity = ?1)")
            .and_then(|mut statement| statement.query_row([identity], |row| row.get(0)))
            .unwrap_or(false)
    }
}

/// The file being imported and what identifies it.
#[derive(Debug, Clone)]
pub struct BankFileImport<'a> {
    pub file: &'a BgMaxFile,
    /// The SHA-256 of the file's bytes, hex.
    pub sha256: String,
    pub file_name: String,
    /// Book the write-offs the plan offers.
    pub book_write_offs: bool,
}

/// A file imported earlier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    pub id: i64,
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
}

/// What an import booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub file_id: i64,
    pub plans: Vec<PaymentPlan>,
}

/// A bank payment with money not yet placed on an invoice or refunded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnplacedPayment {
    pub id: i64,
    pub kind: BankEntryKind,
    pub paid_on: NaiveDate,
    pub amount: Decimal,
    /// What is left to place (for a deduction: negative).
    pub unplaced: Decimal,
    pub currency: String,
    pub reference: String,
    pub information: String,
    pub payer_name: String,
    pub file_name: String,
}

fn already_imported(previous: &ImportedFile) -> StoreError {
    StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            format!(
                "Filen är redan inläst ({}, {}). Ingen betalning bokades en gång till.",
                previous.file_name,
                previous.imported_at.format("%Y-%m-%d %H:%M")
            ),
            format!(
                "The file has already been imported ({}, {}). No payment was booked again.",
                previous.file_name,
                previous.imported_at.format("%Y-%m-%d %H:%M")
            ),
        ),
    )
}

fn find_imported(
    connection: &Connection,
    sha256: &str,
    receiver: &str,
    timestamp: &str,
) -> Result<Option<ImportedFile>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT id, file_name, imported_at FROM bank_files
             WHERE sha256 = ?1 OR (format = 'bgmax' AND receiver_bankgiro = ?2 AND bank_timestamp = ?3)",
        )?
        .query_row(rusqlite::params![sha256, receiver, timestamp], |row| {
            Ok(ImportedFile {
                id: row.get(0)?,
                file_name: row.get(1)?,
                imported_at: row.get(2)?,
            })
        })
        .optional()?)
}

fn receiver(file: &BgMaxFile) -> String {
    file.deposits
        .first()
        .map(|deposit| deposit.receiver_bankgiro.clone())
        .unwrap_or_default()
}

impl Store {
    /// The file imported before with the same content or bank identity, if any.
    pub fn imported_bank_file(
        &self,
        import: &BankFileImport<'_>,
    ) -> Result<Option<ImportedFile>, StoreError> {
        find_imported(
            &self.connection,
            &import.sha256,
            &receiver(import.file),
            &import.file.timestamp,
        )
    }

    /// Runs `plan` against the company file as it is now, without writing anything.
    pub fn preview_bank_file<T>(&self, plan: impl FnOnce(&StoreIndex<'_>) -> T) -> T {
        plan(&StoreIndex {
            connection: &self.connection,
        })
    }

    /// Imports `import`: inside one IMMEDIATE transaction the file is refused if it was read
    /// before, `plan` matches its payments against the file as it is at that moment, and the
    /// file, its deposits, its payments and their bookings are written. A payment already booked
    /// from another file is recorded nowhere twice.
    pub fn import_bank_file(
        &mut self,
        import: &BankFileImport<'_>,
        plan: impl FnOnce(&StoreIndex<'_>) -> Vec<PaymentPlan>,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let file = import.file;
        let receiver = receiver(file);
        if let Some(previous) =
            find_imported(&transaction, &import.sha256, &receiver, &file.timestamp)?
        {
            return Err(already_imported(&previous));
        }
        let plans = plan(&StoreIndex {
            connection: &transaction,
        });
        transaction.execute(
            "INSERT INTO bank_files (format, sha256, file_name, bank_timestamp, is_test, receiver_bankgiro, imported_at)
             VALUES ('bgmax', ?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![import.sha256, import.file_name, file.timestamp, file.is_test, receiver, now],
        )?;
        let file_id = transaction.last_insert_rowid();
        let mut deposit_ids = Vec::with_capacity(file.deposits.len());
        for deposit in &file.deposits {
            transaction
                .prepare_cached(
                    "INSERT INTO bank_deposits (file_id, receiver_bankgiro, currency, deposit_date,
                         deposit_serial, bank_account, amount, payment_count, deposit_type)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?
                .execute(rusqlite::params![
                    file_id,
                    deposit.receiver_bankgiro,
                    deposit.currency,
                    deposit.date,
                    deposit.serial,
                    deposit.bank_account,
                    StoredDecimal(deposit.amount),
                    deposit.payment_count,
                    deposit.deposit_type,
                ])?;
            deposit_ids.push(transaction.last_insert_rowid());
        }
        for payment_plan in &plans {
            if payment_plan.outcome == MatchOutcome::AlreadyImported {
                continue;
            }
            let (Some(deposit), Some(deposit_id)) = (
                file.deposits.get(payment_plan.deposit),
                deposit_ids.get(payment_plan.deposit),
            ) else {
                continue;
            };
            let Some(payment) = deposit.payments.get(payment_plan.payment) else {
                continue;
            };
            let extra: Vec<String> = payment
                .extra_references
                .iter()
                .map(|extra| {
                    format!(
                        "{}{} {}",
                        if extra.deducted { "-" } else { "+" },
                        extra.reference,
                        extra.amount
                    )
                })
                .collect();
            transaction
                .prepare_cached(
                    "INSERT INTO bank_payments (deposit_id, identity, line, kind, paid_on, amount, currency,
                         reference, reference_code, extra_references, information, payer_bankgiro,
                         payer_name, payer_address, payer_org_number, channel, bgc_serial, has_image,
                         deduction_code, imported_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                         ?18, ?19, ?20)",
                )?
                .execute(rusqlite::params![
                    deposit_id,
                    payment_plan.identity,
                    i64::try_from(payment.line).unwrap_or(i64::MAX),
                    match payment.kind {
                        BankEntryKind::Payment => "payment",
                        BankEntryKind::Deduction => "deduction",
                    },
                    deposit.date,
                    StoredDecimal(payment.amount),
                    deposit.currency,
                    payment.reference,
                    payment.reference_code,
                    extra.join("\n"),
                    payment.information.join("\n"),
                    payment.payer_bankgiro,
                    payment.payer_name,
                    payment.payer_address,
                    payment.payer_org_number,
                    payment.channel,
                    payment.bgc_serial,
                    payment.has_image,
                    payment.deduction_code,
                    now,
                ])?;
            let bank_payment_id = transaction.last_insert_rowid();
            let reference = if payment.reference.is_empty() {
                format!("Bankgiro {}", payment.bgc_serial)
            } else {
                format!("Bankgiro, ref {}", payment.reference)
            };
            for allocation in &payment_plan.allocations {
                crate::invoices::insert_money_record_in(
                    &transaction,
                    InvoiceId(allocation.invoice_id),
                    &NewMoneyRecord {
                        kind: match allocation.kind {
                            BankEntryKind::Payment => MoneyKind::Payment,
                            BankEntryKind::Deduction => MoneyKind::Deduction,
                        },
                        paid_on: deposit.date,
                        amount: allocation.amount,
                        reference: reference.clone(),
                        reverses: None,
                        bank_payment_id: Some(bank_payment_id),
                    },
                    now,
                )?;
            }
            if let (true, Some((invoice, _))) = (import.book_write_offs, payment_plan.write_off) {
                crate::invoices::write_off_in(
                    &transaction,
                    InvoiceId(invoice),
                    deposit.date,
                    Decimal::MAX,
                    Some(bank_payment_id),
                    now,
                )?;
            }
        }
        transaction.commit()?;
        Ok(ImportOutcome { file_id, plans })
    }

    /// Bank payments with money not yet placed on an invoice or refunded, oldest first.
    pub fn unplaced_bank_payments(&self) -> Result<Vec<UnplacedPayment>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT b.id, b.kind, b.paid_on, b.amount, b.currency, b.reference, b.information,
                    b.payer_name, f.file_name
             FROM bank_payments b JOIN bank_deposits d ON d.id = b.deposit_id
                  JOIN bank_files f ON f.id = d.file_id
             ORDER BY b.id",
        )?;
        let rows = statement
            .query_map([], |row| {
                let kind = if row.get::<_, String>(1)? == "deduction" {
                    BankEntryKind::Deduction
                } else {
                    BankEntryKind::Payment
                };
                Ok(UnplacedPayment {
                    id: row.get(0)?,
                    kind,
                    paid_on: row.get(2)?,
                    amount: decimal_at(row, 3)?,
                    unplaced: Decimal::ZERO,
                    currency: row.get(4)?,
                    reference: row.get(5)?,
                    information: row.get(6)?,
                    payer_name: row.get(7)?,
                    file_name: row.get(8)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut unplaced = Vec::new();
        for mut payment in rows {
            payment.unplaced =
                unplaced_amount(&self.connection, payment.id, payment.kind, payment.amount)?;
            if !payment.unplaced.is_zero() {
                unplaced.push(payment);
            }
        }
        Ok(unplaced)
    }

    /// Places `amount` of bank payment `bank_payment` on invoice `invoice` (the user confirmed a
    /// suggestion, or chose the invoice), at most what is still unplaced.
    pub fn place_bank_payment(
        &mut self,
        bank_payment: i64,
        invoice: InvoiceId,
        amount: Decimal,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (kind, paid_on, total, reference) = read_bank_payment(&transaction, bank_payment)?;
        let unplaced = unplaced_amount(&transaction, bank_payment, kind, total)?;
        check_within(amount, unplaced)?;
        crate::invoices::insert_money_record_in(
            &transaction,
            invoice,
            &NewMoneyRecord {
                kind: match kind {
                    BankEntryKind::Payment => MoneyKind::Payment,
                    BankEntryKind::Deduction => MoneyKind::Deduction,
                },
                paid_on,
                amount,
                reference: format!("Bankgiro, ref {reference} (placerad för hand)"),
                reverses: None,
                bank_payment_id: Some(bank_payment),
            },
            now,
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Records that `amount` of bank payment `bank_payment` was paid back to the payer.
    pub fn refund_bank_payment(
        &mut self,
        bank_payment: i64,
        amount: Decimal,
        on: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (kind, _, total, _) = read_bank_payment(&transaction, bank_payment)?;
        if kind == BankEntryKind::Deduction {
            return Err(StoreError::invalid_field(
                "bank_payment",
                Text::new(
                    "Ett avdrag är inga pengar som kom in och kan inte återbetalas; placera det på fakturan det gäller.",
                    "A deduction is no money received and cannot be refunded; place it on the invoice it is for.",
                ),
            ));
        }
        let unplaced = unplaced_amount(&transaction, bank_payment, kind, total)?;
        check_within(amount, unplaced)?;
        transaction.execute(
            "INSERT INTO bank_payment_refunds (bank_payment_id, refunded_on, amount, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![bank_payment, on, StoredDecimal(amount), note, now],
        )?;
        transaction.commit()?;
        Ok(())
    }
}

fn read_bank_payment(
    connection: &Connection,
    id: i64,
) -> Result<(BankEntryKind, NaiveDate, Decimal, String), StoreError> {
    connection
        .prepare_cached("SELECT kind, paid_on, amount, reference FROM bank_payments WHERE id = ?1")?
        .query_row([id], |row| {
            let kind = if row.get::<_, String>(0)? == "deduction" {
                BankEntryKind::Deduction
            } else {
                BankEntryKind::Payment
            };
            Ok((kind, row.get(1)?, decimal_at(row, 2)?, row.get(3)?))
        })
        .optional()?
        .ok_or_else(|| StoreError::not_found("bankbetalning", "bank payment", id))
}

/// What is left of a bank payment to place: its amount (negative for a deduction) less what was
/// booked on invoices and what was refunded.
fn unplaced_amount(
    connection: &Connection,
    id: i64,
    kind: BankEntryKind,
    amount: Decimal,
) -> Result<Decimal, StoreError> {
    let mut placed = Decimal::ZERO;
    for sql in [
        "SELECT amount FROM invoice_payments WHERE bank_payment_id = ?1 AND kind <> 'write_off'",
        "SELECT amount FROM bank_payment_refunds WHERE bank_payment_id = ?1",
    ] {
        let mut statement = connection.prepare_cached(sql)?;
        for value in statement.query_map([id], |row| decimal_at(row, 0))? {
            placed += value?;
        }
    }
    let signed = match kind {
        BankEntryKind::Payment => amount,
        BankEntryKind::Deduction => -amount,
    };
    Ok(fakturera_core::receivables::without_negative_zero(
        signed - placed,
    ))
}

fn check_within(amount: Decimal, unplaced: Decimal) -> Result<(), StoreError> {
    let same_sign = amount.is_sign_negative() == unplaced.is_sign_negative();
    if amount.is_zero() || !same_sign || amount.abs() > unplaced.abs() {
        return Err(StoreError::invalid_field(
            "amount",
            Text::new(
                format!(
                    "Det finns {unplaced} kvar att placera av betalningen. Ange ett belopp upp till det."
                ),
                format!(
                    "There is {unplaced} left to place of the payment. Enter an amount up to that."
                ),
            ),
        ));
    }
    Ok(())
}
