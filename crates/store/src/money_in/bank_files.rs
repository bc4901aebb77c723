//! Bank payment files in the company file: the matcher's read access ([`StoreIndex`]), the
//! import itself (file, deposits, payments and their bookings in one IMMEDIATE transaction, so
//! nothing is half-imported and two processes importing at once book each payment once), the
//! payments still to be placed, and placing or refunding them by hand.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Text;
use fakturera_core::receivables::{
    BankEntryKind, BankPayment, BgMaxFile, Deposit, InvoiceIndex, MatchCandidate, MatchOutcome,
    PaymentPlan,
};
use rusqlite::{Connection, OptionalExtension, ToSql, TransactionBehavior};
use rust_decimal::Decimal;

use crate::column_list::{ColumnList, MappedTable, RowValues, owned};
use crate::error::{StoreError, StoreErrorKind};
use crate::invoices::{MoneyKind, NewMoneyRecord};
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::{StoredDecimal, minor_units};

/// The matcher's view of the company file, through one connection (inside the import's
/// transaction, or a plain read for the preview).
#[derive(Debug)]
pub struct StoreIndex<'c> {
    connection: &'c Connection,
}

const CANDIDATE_COLUMNS: &str = "i.id, COALESCE(i.number_text, '') AS number, i.customer_id, \
    i.currency, i.exchange_rate, p.remaining, i.credited_invoice_id";

fn candidate(row: &rusqlite::Row<'_>) -> rusqlite::Result<MatchCandidate> {
    Ok(MatchCandidate {
        invoice_id: row.get("id")?,
        number: row.get("number")?,
        customer_id: row.get("customer_id")?,
        currency: row.get("currency")?,
        exchange_rate: row.decimal("exchange_rate")?,
        remaining: row.decimal("remaining")?,
        credits: row.get("credited_invoice_id")?,
    })
}

/// A bank file as recorded, for refusing it when it comes again.
struct FileRow {
    sha256: String,
    file_name: String,
    bank_timestamp: String,
    is_test: bool,
    receiver_bankgiro: String,
    imported_at: DateTime<Utc>,
}

const FILE_COLUMNS: ColumnList<FileRow> = ColumnList(&[
    ("format", |_| "bgmax".to_sql()),
    ("sha256", |f| f.sha256.to_sql()),
    ("file_name", |f| f.file_name.to_sql()),
    ("bank_timestamp", |f| f.bank_timestamp.to_sql()),
    ("is_test", |f| f.is_test.to_sql()),
    ("receiver_bankgiro", |f| f.receiver_bankgiro.to_sql()),
    ("imported_at", |f| f.imported_at.to_sql()),
]);

/// The file a deposit came in.
const FILE_ID_COLUMNS: ColumnList<i64> = ColumnList(&[("file_id", |id| id.to_sql())]);

const DEPOSIT_COLUMNS: ColumnList<Deposit> = ColumnList(&[
    ("receiver_bankgiro", |d| d.receiver_bankgiro.to_sql()),
    ("currency", |d| d.currency.to_sql()),
    ("deposit_date", |d| d.date.to_sql()),
    ("deposit_serial", |d| d.serial.to_sql()),
    ("bank_account", |d| d.bank_account.to_sql()),
    ("amount", |d| owned(StoredDecimal(d.amount))),
    ("payment_count", |d| d.payment_count.to_sql()),
    ("deposit_type", |d| d.deposit_type.to_sql()),
]);

/// Where a bank payment was imported from, under which identity, and when.
struct PaymentEntry {
    deposit_id: i64,
    identity: String,
    imported_at: DateTime<Utc>,
}

const PAYMENT_ENTRY_COLUMNS: ColumnList<PaymentEntry> = ColumnList(&[
    ("deposit_id", |e| e.deposit_id.to_sql()),
    ("identity", |e| e.identity.to_sql()),
    ("imported_at", |e| e.imported_at.to_sql()),
]);

/// What a bank payment takes from its deposit: the day and the currency.
const PAID_FROM_DEPOSIT_COLUMNS: ColumnList<Deposit> = ColumnList(&[
    ("paid_on", |d| d.date.to_sql()),
    ("currency", |d| d.currency.to_sql()),
]);

const BANK_PAYMENT_COLUMNS: ColumnList<BankPayment> = ColumnList(&[
    ("line", |p| owned(i64::try_from(p.line).unwrap_or(i64::MAX))),
    ("kind", |p| bank_entry_code(p.kind).to_sql()),
    ("amount", |p| owned(StoredDecimal(p.amount))),
    ("reference", |p| p.reference.to_sql()),
    ("reference_code", |p| p.reference_code.to_sql()),
    ("extra_references", |p| owned(extra_references(p))),
    ("information", |p| owned(p.information.join("\n"))),
    ("payer_bankgiro", |p| p.payer_bankgiro.to_sql()),
    ("payer_name", |p| p.payer_name.to_sql()),
    ("payer_address", |p| p.payer_address.to_sql()),
    ("payer_org_number", |p| p.payer_org_number.to_sql()),
    ("channel", |p| p.channel.to_sql()),
    ("bgc_serial", |p| p.bgc_serial.to_sql()),
    ("has_image", |p| p.has_image.to_sql()),
    ("deduction_code", |p| p.deduction_code.to_sql()),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        ("bank_files", FILE_COLUMNS.names().chain(["id"]).collect()),
        (
            "bank_deposits",
            FILE_ID_COLUMNS
                .names()
                .chain(DEPOSIT_COLUMNS.names())
                .chain(["id"])
                .collect(),
        ),
        (
            "bank_payments",
            PAYMENT_ENTRY_COLUMNS
                .names()
                .chain(PAID_FROM_DEPOSIT_COLUMNS.names())
                .chain(BANK_PAYMENT_COLUMNS.names())
                .chain(["id"])
                .collect(),
        ),
        (
            "bank_payment_refunds",
            REFUND_COLUMNS.names().chain(["id"]).collect(),
        ),
    ]
}

fn bank_entry_code(kind: BankEntryKind) -> &'static str {
    match kind {
        BankEntryKind::Payment => "payment",
        BankEntryKind::Deduction => "deduction",
    }
}

/// The extra references (TK22/23) one to a line: sign, reference and amount.
fn extra_references(payment: &BankPayment) -> String {
    payment
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
        .collect::<Vec<_>>()
        .join("\n")
}

/// Money paid back from a bank payment.
struct Refund {
    bank_payment_id: i64,
    refunded_on: NaiveDate,
    amount: Decimal,
    note: String,
    recorded_at: DateTime<Utc>,
}

const REFUND_COLUMNS: ColumnList<Refund> = ColumnList(&[
    ("bank_payment_id", |r| r.bank_payment_id.to_sql()),
    ("refunded_on", |r| r.refunded_on.to_sql()),
    ("amount", |r| owned(StoredDecimal(r.amount))),
    ("note", |r| r.note.to_sql()),
    ("recorded_at", |r| r.recorded_at.to_sql()),
]);

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
                id: row.get("id")?,
                file_name: row.get("file_name")?,
                imported_at: row.get("imported_at")?,
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
        let file_row = FileRow {
            sha256: import.sha256.clone(),
            file_name: import.file_name.clone(),
            bank_timestamp: file.timestamp.clone(),
            is_test: file.is_test,
            receiver_bankgiro: receiver,
            imported_at: now,
        };
        FILE_COLUMNS.insert(&transaction, "bank_files", &file_row)?;
        let file_id = transaction.last_insert_rowid();
        let mut deposit_ids = Vec::with_capacity(file.deposits.len());
        for deposit in &file.deposits {
            RowValues::of(&FILE_ID_COLUMNS, &file_id)?
                .and(&DEPOSIT_COLUMNS, deposit)?
                .insert(&transaction, "bank_deposits")?;
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
            let entry = PaymentEntry {
                deposit_id: *deposit_id,
                identity: payment_plan.identity.clone(),
                imported_at: now,
            };
            RowValues::of(&PAYMENT_ENTRY_COLUMNS, &entry)?
                .and(&PAID_FROM_DEPOSIT_COLUMNS, deposit)?
                .and(&BANK_PAYMENT_COLUMNS, payment)?
                .insert(&transaction, "bank_payments")?;
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
                let kind = if row.get::<_, String>("kind")? == "deduction" {
                    BankEntryKind::Deduction
                } else {
                    BankEntryKind::Payment
                };
                Ok(UnplacedPayment {
                    id: row.get("id")?,
                    kind,
                    paid_on: row.get("paid_on")?,
                    amount: row.decimal("amount")?,
                    unplaced: Decimal::ZERO,
                    currency: row.get("currency")?,
                    reference: row.get("reference")?,
                    information: row.get("information")?,
                    payer_name: row.get("payer_name")?,
                    file_name: row.get("file_name")?,
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
        let refund = Refund {
            bank_payment_id: bank_payment,
            refunded_on: on,
            amount,
            note: note.to_owned(),
            recorded_at: now,
        };
        REFUND_COLUMNS.insert(&transaction, "bank_payment_refunds", &refund)?;
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
            let kind = if row.get::<_, String>("kind")? == "deduction" {
                BankEntryKind::Deduction
            } else {
                BankEntryKind::Payment
            };
            Ok((
                kind,
                row.get("paid_on")?,
                row.decimal("amount")?,
                row.get("reference")?,
            ))
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
        for value in statement.query_map([id], |row| row.decimal("amount"))? {
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
