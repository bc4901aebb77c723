//! Reading the bank's payment file (BgMax): a preview first (paid, partly paid, overpaid,
//! deductions, unmatched with suggestions, already imported), then the import, which books the
//! same plan atomically; the payments left unplaced, and placing or refunding them by hand.
//! A file for another bankgiro number, a file whose closing records disagree, and a file that is
//! not BgMax are refused with the line and the reason; nothing of them is kept.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::receivables::{
    BankEntryKind, BgMaxFile, MatchCandidate, MatchOutcome, PaymentPlan, parse_bgmax,
    plan_bank_file,
};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{BankFileImport, CustomerName, InvoiceId, Store, StoreError};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::ledger::{money, names};
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::invoice_form::parse_decimal;

/// How a payment of the file will be (or was) booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchOutcomeCode {
    Paid,
    PartlyPaid,
    Overpaid,
    Deduction,
    Unmatched,
    AlreadyImported,
}

impl From<MatchOutcome> for MatchOutcomeCode {
    fn from(outcome: MatchOutcome) -> MatchOutcomeCode {
        match outcome {
            MatchOutcome::Paid => MatchOutcomeCode::Paid,
            MatchOutcome::PartlyPaid => MatchOutcomeCode::PartlyPaid,
            MatchOutcome::Overpaid => MatchOutcomeCode::Overpaid,
            MatchOutcome::Deduction => MatchOutcomeCode::Deduction,
            MatchOutcome::Unmatched => MatchOutcomeCode::Unmatched,
            MatchOutcome::AlreadyImported => MatchOutcomeCode::AlreadyImported,
        }
    }
}

/// Money booked on one invoice from a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AllocationView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: String,
    pub amount: String,
    /// What is left on the invoice afterwards (negative: to give back).
    pub remaining_after: String,
}

/// An invoice an unmatched payment may be for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SuggestionView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: String,
    pub customer_name: String,
    pub currency: String,
    pub remaining: String,
}

/// One payment of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BankPaymentPreview {
    /// The line of its record in the file.
    #[ts(type = "number")]
    pub line: usize,
    pub is_deduction: bool,
    pub paid_on: String,
    pub amount: String,
    pub currency: String,
    pub reference: String,
    pub payer_name: String,
    pub outcome: MatchOutcomeCode,
    pub allocations: Vec<AllocationView>,
    /// A difference within the öresdifferens limit: what would be (or was) written off.
    pub write_off: Option<String>,
    pub suggestions: Vec<SuggestionView>,
}

/// One deposit of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DepositView {
    pub date: String,
    pub currency: String,
    pub amount: String,
    #[ts(type = "number")]
    pub payments: u32,
}

/// How many payments fall in each outcome.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutcomeCounts {
    #[ts(type = "number")]
    pub paid: u32,
    #[ts(type = "number")]
    pub partly_paid: u32,
    #[ts(type = "number")]
    pub overpaid: u32,
    #[ts(type = "number")]
    pub deduction: u32,
    #[ts(type = "number")]
    pub unmatched: u32,
    #[ts(type = "number")]
    pub already_imported: u32,
}

/// The file as it will be (or was) booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BankFilePreview {
    pub file_name: String,
    /// Bankgirot's time stamp of the file.
    pub timestamp: String,
    pub is_test: bool,
    /// When the same file was imported before: which and when; importing it is refused.
    pub already_imported: Option<String>,
    pub deposits: Vec<DepositView>,
    pub payments: Vec<BankPaymentPreview>,
    pub counts: OutcomeCounts,
    /// `true` after the import: the bookings are made.
    pub imported: bool,
}

/// A bank payment with money still to place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnplacedPaymentView {
    #[ts(type = "number")]
    pub id: i64,
    pub is_deduction: bool,
    pub paid_on: String,
    pub amount: String,
    /// Left to place (negative for a deduction).
    pub unplaced: String,
    pub currency: String,
    pub reference: String,
    pub information: String,
    pub payer_name: String,
    pub file_name: String,
    pub suggestions: Vec<SuggestionView>,
}

fn file_error(error: &fakturera_core::receivables::BgMaxError) -> FieldErrors {
    FieldError::new("file", "bgmax", error.message()).into()
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Reads the file and refuses one for another bankgiro number than the company's.
fn read_file(store: &Store, bytes: &[u8], language: Language) -> Result<BgMaxFile, AppError> {
    let file = parse_bgmax(bytes).map_err(|error| file_error(&error).into_app_error(language))?;
    let company = store.company().for_user(language)?;
    let own = digits(&company.bankgiro);
    if own.is_empty() {
        return Err(FieldErrors::from(FieldError::new(
            "bankgiro",
            "required",
            Text::new(
                "Företagets bankgironummer saknas. Fyll i det under Inställningar > Företag innan du läser in bankens fil.",
                "The company's bankgiro number is missing. Enter it under Settings > Company before importing the bank's file.",
            ),
        ))
        .into_app_error(language));
    }
    for deposit in &file.deposits {
        if digits(&deposit.receiver_bankgiro) != own {
            let error = fakturera_core::receivables::BgMaxError {
                line: deposit.line,
                reason: Text::new(
                    format!(
                        "filen gäller bankgiro {} men företagets bankgiro är {}. Läs in filen i rätt företagsfil.",
                        deposit.receiver_bankgiro, company.bankgiro
                    ),
                    format!(
                        "the file is for bankgiro {} but the company's bankgiro is {}. Import it into the right company file.",
                        deposit.receiver_bankgiro, company.bankgiro
                    ),
                ),
            };
            return Err(file_error(&error).into_app_error(language));
        }
    }
    Ok(file)
}

/// The file read and checked against the company, with the öresdifferens limit: what the
/// preview and the import both start from.
fn read_with_limit(
    store: &Store,
    bytes: &[u8],
    language: Language,
) -> Result<(BgMaxFile, Decimal), AppError> {
    let file = read_file(store, bytes, language)?;
    let limit = store
        .receivables_settings()
        .for_user(language)?
        .write_off_limit;
    Ok((file, limit))
}

/// The identities the store remembers the file by.
fn file_import<'a>(
    file: &'a BgMaxFile,
    bytes: &[u8],
    file_name: &str,
    book_write_offs: bool,
) -> BankFileImport<'a> {
    BankFileImport {
        file,
        sha256: sha256(bytes),
        file_name: file_name.to_owned(),
        book_write_offs,
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn suggestion(candidate: &MatchCandidate, names: &HashMap<i64, CustomerName>) -> SuggestionView {
    SuggestionView {
        invoice_id: candidate.invoice_id,
        number: candidate.number.clone(),
        customer_name: names
            .get(&candidate.customer_id)
            .map(|name| name.name.clone())
            .unwrap_or_default(),
        currency: candidate.currency.clone(),
        remaining: money(candidate.remaining),
    }
}

fn preview_view(
    file: &BgMaxFile,
    file_name: &str,
    plans: &[PaymentPlan],
    names: &HashMap<i64, CustomerName>,
    already: Option<String>,
    imported: bool,
) -> BankFilePreview {
    let mut counts = OutcomeCounts::default();
    let mut payments = Vec::with_capacity(plans.len());
    for plan in plans {
        let Some(deposit) = file.deposits.get(plan.deposit) else {
            continue;
        };
        let Some(payment) = deposit.payments.get(plan.payment) else {
            continue;
        };
        let counter = match plan.outcome {
            MatchOutcome::Paid => &mut counts.paid,
            MatchOutcome::PartlyPaid => &mut counts.partly_paid,
            MatchOutcome::Overpaid => &mut counts.overpaid,
            MatchOutcome::Deduction => &mut counts.deduction,
            MatchOutcome::Unmatched => &mut counts.unmatched,
            MatchOutcome::AlreadyImported => &mut counts.already_imported,
        };
        *counter += 1;
        payments.push(BankPaymentPreview {
            line: payment.line,
            is_deduction: payment.kind == BankEntryKind::Deduction,
            paid_on: deposit.date.to_string(),
            amount: money(payment.amount),
            currency: deposit.currency.clone(),
            reference: payment.reference.clone(),
            payer_name: payment.payer_name.clone(),
            outcome: plan.outcome.into(),
            allocations: plan
                .allocations
                .iter()
                .map(|allocation| AllocationView {
                    invoice_id: allocation.invoice_id,
                    number: allocation.number.clone(),
                    amount: money(allocation.amount),
                    remaining_after: money(allocation.remaining_after),
                })
                .collect(),
            write_off: plan.write_off.map(|(_, amount)| money(amount)),
            suggestions: plan
                .suggestions
                .iter()
                .map(|candidate| suggestion(candidate, names))
                .collect(),
        });
    }
    BankFilePreview {
        file_name: file_name.to_owned(),
        timestamp: file.timestamp.clone(),
        is_test: file.is_test,
        already_imported: already,
        deposits: file
            .deposits
            .iter()
            .map(|deposit| DepositView {
                date: deposit.date.to_string(),
                currency: deposit.currency.clone(),
                amount: money(deposit.amount),
                payments: deposit.payment_count,
            })
            .collect(),
        payments,
        counts,
        imported,
    }
}

impl App {
    /// What importing the BgMax file `bytes` would book, without writing anything.
    pub fn preview_bank_file(
        &self,
        bytes: &[u8],
        file_name: &str,
        book_write_offs: bool,
    ) -> Result<BankFilePreview, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let (file, limit) = read_with_limit(store, bytes, language)?;
            let import = file_import(&file, bytes, file_name, book_write_offs);
            let already = store
                .imported_bank_file(&import)
                .map_err(to_app)?
                .map(|previous| {
                    format!(
                        "{} ({})",
                        previous.file_name,
                        previous.imported_at.format("%Y-%m-%d %H:%M")
                    )
                });
            let plans = store
                .preview_bank_file(|index| plan_bank_file(&file, index, limit, book_write_offs));
            let names = names(store).map_err(to_app)?;
            Ok::<_, AppError>(preview_view(
                &file, file_name, &plans, &names, already, false,
            ))
        })
    }

    /// Imports the BgMax file `bytes`: the same plan as the preview, booked in one transaction.
    /// A file read before is refused (`conflict`) and books nothing.
    pub fn import_bank_file(
        &self,
        bytes: &[u8],
        file_name: &str,
        book_write_offs: bool,
        now: DateTime<Utc>,
    ) -> Result<BankFilePreview, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let (file, limit) = read_with_limit(store, bytes, language)?;
            let import = file_import(&file, bytes, file_name, book_write_offs);
            let outcome = store
                .import_bank_file(
                    &import,
                    |index| plan_bank_file(&file, index, limit, book_write_offs),
                    now,
                )
                .map_err(to_app)?;
            let names = names(store).map_err(to_app)?;
            Ok::<_, AppError>(preview_view(
                &file,
                file_name,
                &outcome.plans,
                &names,
                None,
                true,
            ))
        })
    }

    /// Bank payments with money still to place, each with suggestions.
    pub fn unplaced_bank_payments(&self) -> Result<Vec<UnplacedPaymentView>, AppError> {
        self.with_store(|store| {
            let names = names(store)?;
            let payments = store.unplaced_bank_payments()?;
            Ok::<_, StoreError>(
                payments
                    .into_iter()
                    .map(|payment| {
                        let suggestions = store.preview_bank_file(|index| {
                            use fakturera_core::receivables::InvoiceIndex;
                            let mut found: Vec<MatchCandidate> = Vec::new();
                            let text = format!("{} {}", payment.reference, payment.information);
                            for token in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
                                if token.chars().any(|c| c.is_ascii_digit())
                                    && let Some(candidate) =
                                        index.by_ocr(token).or_else(|| index.by_number(token))
                                    && !found
                                        .iter()
                                        .any(|known| known.invoice_id == candidate.invoice_id)
                                {
                                    found.push(candidate);
                                }
                            }
                            for candidate in
                                index.by_amount(payment.unplaced.abs(), &payment.currency)
                            {
                                if !found
                                    .iter()
                                    .any(|known| known.invoice_id == candidate.invoice_id)
                                {
                                    found.push(candidate);
                                }
                            }
                            found.truncate(5);
                            found
                        });
                        UnplacedPaymentView {
                            id: payment.id,
                            is_deduction: payment.kind == BankEntryKind::Deduction,
                            paid_on: payment.paid_on.to_string(),
                            amount: money(payment.amount),
                            unplaced: money(payment.unplaced),
                            currency: payment.currency,
                            reference: payment.reference,
                            information: payment.information,
                            payer_name: payment.payer_name,
                            file_name: payment.file_name,
                            suggestions: suggestions
                                .iter()
                                .map(|candidate| suggestion(candidate, &names))
                                .collect(),
                        }
                    })
                    .collect(),
            )
        })
    }

    /// Places `amount` of bank payment `id` on the issued invoice numbered `invoice_number` (a
    /// confirmed suggestion, or an invoice the user chose).
    pub fn place_bank_payment(
        &self,
        id: i64,
        invoice_number: &str,
        amount: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<UnplacedPaymentView>, AppError> {
        let language = self.language();
        let amount = parse_decimal(amount, "amount", ("Beloppet", "The amount"))
            .map_err(|error| FieldErrors::from(error).into_app_error(language))?;
        let number = invoice_number.trim().to_owned();
        self.with_store(|store| {
            let invoice = store.preview_bank_file(|index| {
                use fakturera_core::receivables::InvoiceIndex;
                index.by_number(&number)
            });
            let Some(invoice) = invoice.filter(|invoice| invoice.credits.is_none()) else {
                return Err(FieldErrors::from(FieldError::new(
                    "invoice",
                    "not_found",
                    Text::new(
                        format!("Det finns ingen utfärdad faktura med nummer \"{number}\"."),
                        format!("There is no issued invoice numbered \"{number}\"."),
                    ),
                ))
                .into_app_error(language));
            };
            store
                .place_bank_payment(id, InvoiceId(invoice.invoice_id), amount, now)
                .for_user(language)
        })?;
        self.unplaced_bank_payments()
    }

    /// Records that `amount` of bank payment `id` was paid back to the payer on `on`.
    pub fn refund_bank_payment(
        &self,
        id: i64,
        amount: &str,
        on: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<UnplacedPaymentView>, AppError> {
        let language = self.language();
        let amount: Decimal = parse_decimal(amount, "amount", ("Beloppet", "The amount"))
            .map_err(|error| FieldErrors::from(error).into_app_error(language))?;
        self.with_store(|store| store.refund_bank_payment(id, amount, on, note.trim(), now))?;
        self.unplaced_bank_payments()
    }
}

/// One payment a sample file holds, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SamplePayment {
    /// `full`, `partial`, `over` or `unknown`.
    pub case: String,
    #[ts(type = "number | null")]
    pub invoice_id: Option<i64>,
    pub reference: String,
    pub amount: String,
}

/// A BgMax file made for the company's own open invoices (what the bank would deliver).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleBankFile {
    pub bytes: Vec<u8>,
    pub payments: Vec<SamplePayment>,
}

impl App {
    /// A BgMax file, dated `today`, that pays the oldest open SEK invoices with an OCR reference:
    /// the first in full, the second half, the third with 100 kr too much, and one payment with
    /// an OCR reference nobody has. For trying the import (demo, tests, benchmarks).
    pub fn sample_bank_file(&self, today: NaiveDate) -> Result<SampleBankFile, AppError> {
        use fakturera_core::receivables::{BgMaxSpec, DepositSpec, PaymentSpec, write_bgmax};
        self.with_store(|store| {
            let company = store.company()?;
            let ledger = super::ledger::ledger_of(
                store,
                &fakturera_store::LedgerScope {
                    customer: None,
                    as_of: today,
                    open_only: true,
                },
            )?;
            let mut open: Vec<(i64, String, Decimal)> = Vec::new();
            for item in ledger.open_items() {
                if item.currency != "SEK" || !item.settlement.state.asks_for_payment() {
                    continue;
                }
                let invoice = store.invoice(InvoiceId(item.invoice_id))?.invoice;
                if !invoice.ocr.is_empty() {
                    open.push((item.invoice_id, invoice.ocr, item.settlement.remaining));
                }
            }
            open.sort_by_key(|(id, _, _)| *id);
            let cases = ["full", "partial", "over"];
            let mut payments = Vec::new();
            let mut specs = Vec::new();
            for ((id, ocr, left), case) in open.iter().zip(cases) {
                let amount = match case {
                    "full" => *left,
                    "partial" => (*left / Decimal::TWO).round_dp(2),
                    _ => *left + Decimal::ONE_HUNDRED,
                };
                specs.push(PaymentSpec::ocr(
                    ocr,
                    amount,
                    u64::try_from(*id).unwrap_or(0),
                ));
                payments.push(SamplePayment {
                    case: case.to_owned(),
                    invoice_id: Some(*id),
                    reference: ocr.clone(),
                    amount: money(amount),
                });
            }
            let unknown = "9999999999999";
            let mut stranger = PaymentSpec::ocr(unknown, Decimal::new(12_345, 2), 999_999);
            stranger.payer_name = "Okänd Betalare AB".to_owned();
            specs.push(stranger);
            payments.push(SamplePayment {
                case: "unknown".to_owned(),
                invoice_id: None,
                reference: unknown.to_owned(),
                amount: "123.45".to_owned(),
            });
            let spec = BgMaxSpec {
                timestamp: format!("{}120000000000", today.format("%Y%m%d")),
                is_test: false,
                deposits: vec![DepositSpec {
                    receiver_bankgiro: company.bankgiro.clone(),
                    currency: "SEK".to_owned(),
                    date: today,
                    serial: 1,
                    bank_account: "1234000123456".to_owned(),
                    payments: specs,
                }],
            };
            Ok::<_, StoreError>(SampleBankFile {
                bytes: write_bgmax(&spec),
                payments,
            })
        })
    }
}
