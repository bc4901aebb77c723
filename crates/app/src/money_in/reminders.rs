//! Betalningspåminnelser: which overdue invoices are due for a first or second reminder (or the
//! inkasso hand-over list), making the reminders as numbered documents that carry the fee when
//! the customers agreed to one, and the reminder letter the customer receives.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use fakturera_core::Language;
use fakturera_core::invoice::Invoice;
use fakturera_core::receivables::{OpenItem, PastReminder, ReminderRules, ReminderStep, next_step};
use fakturera_pdf::{Letter, LetterColumn, LetterPayment, format_amount};
use fakturera_store::{
    DocumentKind, DocumentLink, InvoiceId, LedgerScope, NewReminder, Reminder, Store, StoreError,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::documents::{
    DocumentHeader, DocumentTarget, document_invoice, issue_money_document, outside_vat_line,
    reference_for,
};
use super::ledger::{ledger_of, money, names};
use crate::app::App;
use crate::error::{AppError, ErrorCode, IntoAppError};

/// What is due for an overdue invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderStepCode {
    First,
    Second,
    /// Two reminders went unanswered: hand it over for debt collection (inkasso).
    Collection,
}

/// An overdue invoice and what is due for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderCandidate {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    pub due_date: String,
    #[ts(type = "number")]
    pub days_overdue: i64,
    pub currency: String,
    pub remaining: String,
    pub remaining_sek: String,
    pub step: ReminderStepCode,
    /// The fee a reminder would carry ("0.00" unless agreed; never on a foreign currency).
    pub fee: String,
    /// Reminders already made for the invoice, oldest first (document numbers).
    pub earlier_reminders: Vec<String>,
}

/// The reminders due on a day, and the invoices to hand over for collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderProposal {
    pub today: String,
    pub reminders: Vec<ReminderCandidate>,
    pub collection: Vec<ReminderCandidate>,
}

/// A reminder as made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderView {
    /// The reminder document: send it with `send_invoice`, follow it with `delivery_timeline`.
    #[ts(type = "number")]
    pub document_id: i64,
    pub number: String,
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub invoice_number: String,
    pub customer_name: String,
    #[ts(type = "number")]
    pub level: u8,
    pub created_on: String,
    pub remaining: String,
    pub fee: String,
    pub pay_by: String,
    pub currency: String,
}

fn rules(
    store: &Store,
) -> Result<(ReminderRules, fakturera_store::ReceivablesSettings), StoreError> {
    let settings = store.receivables_settings()?;
    Ok((
        ReminderRules {
            grace_days: settings.reminder_grace_days,
            min_amount_sek: settings.reminder_min_amount,
            next_step_days: settings.next_step_days,
        },
        settings,
    ))
}

/// The reminder fee for an invoice in `currency`: the agreed fee, in SEK invoices only (the
/// law's 60 kr is a SEK amount).
fn fee_for(settings: &fakturera_store::ReceivablesSettings, currency: &str) -> Decimal {
    if currency == "SEK" {
        settings.fee()
    } else {
        Decimal::ZERO
    }
}

fn past_by_invoice(store: &Store) -> Result<HashMap<i64, Vec<Reminder>>, StoreError> {
    let mut past: HashMap<i64, Vec<Reminder>> = HashMap::new();
    for reminder in store.reminders()? {
        past.entry(reminder.invoice_id.0)
            .or_default()
            .push(reminder);
    }
    for reminders in past.values_mut() {
        reminders.sort_by_key(|reminder| reminder.level);
    }
    Ok(past)
}

/// Every invoice with a step due on `today`.
fn proposal(store: &Store, today: NaiveDate) -> Result<ReminderProposal, StoreError> {
    let ledger = ledger_of(
        store,
        &LedgerScope {
            customer: None,
            as_of: today,
            open_only: true,
        },
    )?;
    proposal_from(store, &ledger, today)
}

/// Every invoice of `ledger` (open items on `today`) with a step due.
/// An open item due for a step today, with its earlier reminders.
struct DueStep<'l> {
    item: &'l OpenItem,
    step: ReminderStep,
    earlier: Vec<Reminder>,
}

/// The open items of `ledger` that are due for a step today. Shared by the proposal and
/// Översikt's counts, so both decide alike.
fn due_steps<'l>(
    store: &Store,
    ledger: &'l fakturera_core::receivables::Ledger,
    today: NaiveDate,
) -> Result<Vec<DueStep<'l>>, StoreError> {
    let (rules, settings) = rules(store)?;
    let exempt: HashSet<i64> = settings.exempt_customers.iter().map(|id| id.0).collect();
    let mut past = past_by_invoice(store)?;
    let kinds = money_in_documents(store)?;
    let mut due = Vec::new();
    for item in ledger.open_items() {
        // Reminders and statements are not reminded themselves.
        if kinds.contains(&item.invoice_id) {
            continue;
        }
        let earlier = past.remove(&item.invoice_id).unwrap_or_default();
        let history: Vec<PastReminder> = earlier
            .iter()
            .map(|reminder| PastReminder {
                level: reminder.level,
                pay_by: reminder.pay_by,
            })
            .collect();
        if let Some(step) = next_step(
            item,
            &history,
            exempt.contains(&item.customer_id),
            &rules,
            today,
        ) {
            due.push(DueStep {
                item,
                step,
                earlier,
            });
        }
    }
    Ok(due)
}

/// How many invoices are due for a reminder, and for collection, on `today`: Översikt's figures,
/// without building the proposal's rows.
pub(crate) fn due_counts(
    store: &Store,
    ledger: &fakturera_core::receivables::Ledger,
    today: NaiveDate,
) -> Result<(usize, usize), StoreError> {
    let due = due_steps(store, ledger, today)?;
    let collection = due
        .iter()
        .filter(|due| due.step == ReminderStep::Collection)
        .count();
    Ok((due.len() - collection, collection))
}

pub(crate) fn proposal_from(
    store: &Store,
    ledger: &fakturera_core::receivables::Ledger,
    today: NaiveDate,
) -> Result<ReminderProposal, StoreError> {
    let settings = store.receivables_settings()?;
    let names = names(store)?;
    let mut reminders = Vec::new();
    let mut collection = Vec::new();
    for DueStep {
        item,
        step,
        earlier,
    } in due_steps(store, ledger, today)?
    {
        let candidate = ReminderCandidate {
            invoice_id: item.invoice_id,
            number: item.number.clone(),
            customer_id: item.customer_id,
            customer_name: names
                .get(&item.customer_id)
                .map(|name| name.name.clone())
                .unwrap_or_default(),
            due_date: item.due_date.to_string(),
            days_overdue: item.days_overdue,
            currency: item.currency.clone(),
            remaining: money(item.settlement.remaining),
            remaining_sek: money(item.remaining_sek),
            step: match step {
                ReminderStep::Remind(1) => ReminderStepCode::First,
                ReminderStep::Remind(_) => ReminderStepCode::Second,
                ReminderStep::Collection => ReminderStepCode::Collection,
            },
            fee: money(fee_for(&settings, &item.currency)),
            earlier_reminders: earlier
                .iter()
                .map(|reminder| reminder.document_number.clone())
                .collect(),
        };
        match step {
            ReminderStep::Collection => collection.push(candidate),
            ReminderStep::Remind(_) => reminders.push(candidate),
        }
    }
    Ok(ReminderProposal {
        today: today.to_string(),
        reminders,
        collection,
    })
}

/// Ids of reminder and statement documents, which are never reminded themselves.
fn money_in_documents(store: &Store) -> Result<HashSet<i64>, StoreError> {
    Ok(store
        .document_ids_of_kinds(&[DocumentKind::Reminder, DocumentKind::Statement])?
        .into_iter()
        .map(|id| id.0)
        .collect())
}

fn words(language: Language, level: u8) -> [&'static str; 9] {
    match (language, level) {
        (Language::Swedish, 1) => [
            "Betalningspåminnelse",
            "Vi har ännu inte fått betalt för fakturan nedan, som förföll {due}. Vänligen betala det som återstår senast {pay_by}. Har ni redan betalat kan ni bortse från den här påminnelsen.",
            "Påminnelse nr",
            "Datum",
            "Kundnummer",
            "Kvar att betala",
            "Påminnelseavgift",
            "Att betala",
            "Dröjsmålsränta enligt räntelagen räknas från dagen efter förfallodagen tills betalning sker.",
        ],
        (Language::Swedish, _) => [
            "Betalningspåminnelse 2",
            "Fakturan nedan förföll {due} och är fortfarande obetald trots vår tidigare påminnelse. Betala senast {pay_by}; annars kan fordran lämnas över till inkasso.",
            "Påminnelse nr",
            "Datum",
            "Kundnummer",
            "Kvar att betala",
            "Påminnelseavgift",
            "Att betala",
            "Dröjsmålsränta enligt räntelagen räknas från dagen efter förfallodagen tills betalning sker.",
        ],
        (Language::English, 1) => [
            "Payment reminder",
            "We have not yet received payment of the invoice below, which was due on {due}. Please pay what is left by {pay_by}. If you have already paid, please disregard this reminder.",
            "Reminder no.",
            "Date",
            "Customer number",
            "Left to pay",
            "Reminder fee",
            "To pay",
            "Late-payment interest under the Swedish Interest Act runs from the day after the due date until payment.",
        ],
        (Language::English, _) => [
            "Second payment reminder",
            "The invoice below was due on {due} and is still unpaid despite our earlier reminder. Please pay by {pay_by}; otherwise the claim may be handed over for debt collection.",
            "Reminder no.",
            "Date",
            "Customer number",
            "Left to pay",
            "Reminder fee",
            "To pay",
            "Late-payment interest under the Swedish Interest Act runs from the day after the due date until payment.",
        ],
    }
}

/// The letter of reminder document `document` (its record says which invoice and level).
pub(crate) fn reminder_letter(
    store: &Store,
    document: &Invoice,
    reminder: &Reminder,
) -> Result<Letter, StoreError> {
    let original = store.invoice(reminder.invoice_id)?.invoice;
    let language = document.language;
    let [
        title,
        intro,
        number_label,
        date_label,
        customer_label,
        left,
        fee_label,
        to_pay,
        closing,
    ] = words(language, reminder.level);
    let currency = original.currency.code().to_owned();
    let amount = |value: Decimal| format_amount(value, language);
    let number = original.number.clone().unwrap_or_default();
    let header: [&str; 4] = match language {
        Language::Swedish => ["Faktura", "Fakturadatum", "Förfallodatum", "Belopp"],
        Language::English => ["Invoice", "Invoice date", "Due date", "Amount"],
    };
    let mut totals = vec![(
        format!("{left} ({currency})"),
        amount(reminder.remaining),
        false,
    )];
    if !reminder.fee.is_zero() {
        totals.push((
            format!("{fee_label} ({currency})"),
            amount(reminder.fee),
            false,
        ));
    }
    let total = reminder.remaining + reminder.fee;
    totals.push((format!("{to_pay} ({currency})"), amount(total), true));
    let (reference, is_ocr) = if original.ocr.trim().is_empty() {
        (number.clone(), false)
    } else {
        (original.ocr.clone(), true)
    };
    Ok(Letter {
        language,
        title: title.to_owned(),
        seller: document.seller.clone(),
        buyer: document.buyer.clone(),
        date: reminder.created_on,
        facts: vec![
            (
                number_label.to_owned(),
                document.number.clone().unwrap_or_default(),
            ),
            (date_label.to_owned(), reminder.created_on.to_string()),
            (
                customer_label.to_owned(),
                document.buyer.customer_number.clone(),
            ),
        ],
        introduction: vec![
            intro
                .replace("{due}", &original.due_date.to_string())
                .replace("{pay_by}", &reminder.pay_by.to_string()),
        ],
        columns: vec![
            LetterColumn {
                title: header[0].to_owned(),
                width_mm: 30,
                right: false,
            },
            LetterColumn {
                title: header[1].to_owned(),
                width_mm: 30,
                right: false,
            },
            LetterColumn {
                title: header[2].to_owned(),
                width_mm: 30,
                right: false,
            },
            LetterColumn {
                title: header[3].to_owned(),
                width_mm: 38,
                right: true,
            },
            LetterColumn {
                title: left.to_owned(),
                width_mm: 42,
                right: true,
            },
        ],
        rows: vec![vec![
            number,
            original.issue_date.to_string(),
            original.due_date.to_string(),
            format!("{} {currency}", amount(original.totals().payable)),
            format!("{} {currency}", amount(reminder.remaining)),
        ]],
        totals,
        payment: Some(LetterPayment {
            reference,
            reference_is_ocr: is_ocr,
            pay_by: reminder.pay_by,
            amount: amount(total),
            currency,
        }),
        closing: vec![closing.to_owned()],
        identity: format!("reminder|{}", document.number.clone().unwrap_or_default()),
    })
}

fn reminder_view(store: &Store, reminder: &Reminder) -> Result<ReminderView, StoreError> {
    let original = store.invoice(reminder.invoice_id)?;
    Ok(ReminderView {
        document_id: reminder.document_id.0,
        number: reminder.document_number.clone(),
        invoice_id: reminder.invoice_id.0,
        invoice_number: original.invoice.number.clone().unwrap_or_default(),
        customer_name: original.invoice.buyer.name.clone(),
        level: reminder.level,
        created_on: reminder.created_on.to_string(),
        remaining: money(reminder.remaining),
        fee: money(reminder.fee),
        pay_by: reminder.pay_by.to_string(),
        currency: original.invoice.currency.code().to_owned(),
    })
}

fn nothing_due(number: &str) -> fakturera_core::Text {
    fakturera_core::Text::new(
        format!(
            "Faktura {number} ska inte påminnas i dag: den är betald, inte förfallen länge nog, under minimibeloppet, kunden påminns aldrig, eller förra påminnelsens sista betalningsdag har inte passerat."
        ),
        format!(
            "Invoice {number} is not due for a reminder today: it is paid, not late enough, below the minimum amount, the customer is never reminded, or the last reminder's pay-by date has not passed."
        ),
    )
}

impl App {
    /// The reminders due on `today`, and the invoices to hand over for collection (inkasso).
    pub fn reminder_proposal(&self, today: NaiveDate) -> Result<ReminderProposal, AppError> {
        self.with_store(|store| proposal(store, today))
    }

    /// Makes the reminders due on `today` for `invoice_ids` (all due ones when `None`), each a
    /// numbered document ready to send. An invoice with nothing due is refused by name.
    pub fn create_reminders(
        &self,
        invoice_ids: Option<&[i64]>,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<ReminderView>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let due = proposal(store, today).map_err(to_app)?;
            let chosen: Vec<&ReminderCandidate> = match invoice_ids {
                None => due.reminders.iter().collect(),
                Some(ids) => {
                    let mut chosen = Vec::new();
                    for id in ids {
                        match due.reminders.iter().find(|candidate| candidate.invoice_id == *id) {
                            Some(candidate) => chosen.push(candidate),
                            None => {
                                let number = store
                                    .invoice(InvoiceId(*id))
                                    .map_err(to_app)?
                                    .invoice
                                    .number
                                    .unwrap_or_default();
                                return Err(AppError::new(
                                    ErrorCode::Conflict,
                                    &nothing_due(&number),
                                    language,
                                ));
                            }
                        }
                    }
                    chosen
                }
            };
            let (_, settings) = rules(store).map_err(to_app)?;
            let series = store.series_named("Påminnelser", "P").map_err(to_app)?;
            let seller = store.company().map_err(to_app)?.seller();
            let mut made = Vec::new();
            for candidate in chosen {
                let stored = store.invoice(InvoiceId(candidate.invoice_id)).map_err(to_app)?;
                let original = &stored.invoice;
                let level = match candidate.step {
                    ReminderStepCode::First => 1,
                    _ => 2,
                };
                let remaining: Decimal = candidate.remaining.parse().unwrap_or_default();
                let fee = fee_for(&settings, original.currency.code());
                let pay_by = today
                    .checked_add_days(Days::new(u64::from(settings.reminder_pay_days)))
                    .unwrap_or(today);
                let number = original.number.clone().unwrap_or_default();
                let description = match (original.language, fee.is_zero()) {
                    (Language::Swedish, false) => format!("Påminnelseavgift, faktura {number}"),
                    (Language::Swedish, true) => format!("Betalningspåminnelse, faktura {number}"),
                    (Language::English, false) => format!("Reminder fee, invoice {number}"),
                    (Language::English, true) => format!("Payment reminder, invoice {number}"),
                };
                let notes = match original.language {
                    Language::Swedish => format!(
                        "Betalningspåminnelse {level} för faktura {number} (förföll {}). Kvar att betala {} {}. Betala med OCR {} senast {pay_by}.",
                        original.due_date, money(remaining), original.currency.code(), original.ocr
                    ),
                    Language::English => format!(
                        "Payment reminder {level} for invoice {number} (due {}). Left to pay {} {}. Pay with reference {} by {pay_by}.",
                        original.due_date, money(remaining), original.currency.code(), original.ocr
                    ),
                };
                let document = document_invoice(
                    DocumentHeader {
                        seller: seller.clone(),
                        buyer: original.buyer.clone(),
                        issue_date: today,
                        due_date: pay_by,
                        currency: original.currency.clone(),
                        exchange_rate: original.exchange_rate,
                        language: original.language,
                        buyer_reference: reference_for(
                            &original.buyer_reference,
                            &original.your_reference,
                            &original.buyer.customer_number,
                        ),
                        notes,
                    },
                    vec![outside_vat_line(description, fee)],
                );
                let record = NewReminder {
                    invoice_id: InvoiceId(candidate.invoice_id),
                    level,
                    created_on: today,
                    remaining,
                    fee,
                    pay_by,
                };
                let issued = issue_money_document(
                    store,
                    DocumentTarget {
                        customer_id: stored.customer_id,
                        series_id: series,
                        kind: DocumentKind::Reminder,
                        link: DocumentLink::Reminder(&record),
                    },
                    &document,
                    now,
                    language,
                )?;
                let reminder = store
                    .reminder_of_document(issued.id)
                    .map_err(to_app)?
                    .ok_or_else(|| to_app(StoreError::not_found("påminnelse", "reminder", issued.id)))?;
                made.push(reminder_view(store, &reminder).map_err(to_app)?);
            }
            Ok::<_, AppError>(made)
        })
    }

    /// Every reminder made, newest first.
    pub fn reminders(&self) -> Result<Vec<ReminderView>, AppError> {
        self.with_store(|store| {
            store
                .reminders()?
                .iter()
                .map(|reminder| reminder_view(store, reminder))
                .collect::<Result<Vec<_>, StoreError>>()
        })
    }
}
