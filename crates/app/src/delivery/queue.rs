//! "Skicka": putting invoices in the outbox (a draft is issued and queued in one transaction),
//! "Skicka alla" with its preview, and reading where each invoice's delivery stands.

use chrono::{DateTime, Utc};
use fakturera_core::FieldErrors;
use fakturera_core::invoice::{Invoice, InvoiceStatus};
use fakturera_core::{Language, Text};
use fakturera_peppol::{BuyerReferenceSource, buyer_reference_source};
use fakturera_store::{
    Customer, DeliveryChoice, InvoiceId, NewOutboxEntry, OutboxEntry, OutboxState, Store,
    StoreError,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::views::{DeliveryStatusView, DeliveryTimeline, event_view, not_sent, status_view};
use crate::app::App;
use crate::error::{AppError, ErrorCode, ForUser, IntoAppError};
use crate::invoices::issue::{issue_stored_and_queue, refreshed};
use crate::register_fields::DeliveryChoiceCode;
use crate::routing::{ChannelCode, RoutingSnapshot, channel_for_customer};
use crate::send_check::{CheckStage, FindingSeverity, refuse_when_blocked, report_for};

/// One invoice of the "Skicka alla" preview: which channel it will go by (it decides the cost).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendPreviewRow {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: Option<String>,
    pub customer_name: String,
    pub choice: DeliveryChoiceCode,
    /// The channel the choice fixes; `None` for "Automatiskt" (AutoInvoice decides).
    pub channel: Option<ChannelCode>,
    /// "E-faktura", "E-post med PDF", "Brev", "Automatiskt".
    pub channel_label: String,
    /// Why it cannot be sent as it stands (a missing e-mail address...), in the user's language.
    pub problem: Option<String>,
}

/// Every issued, unsent invoice, for the "Skicka alla" dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SendPreview {
    pub rows: Vec<SendPreviewRow>,
}

/// How many invoices are where in the outbox, for progress bars and the status bar.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxSummary {
    #[ts(type = "number")]
    pub queued: u64,
    #[ts(type = "number")]
    pub sending: u64,
    #[ts(type = "number")]
    pub handed_over: u64,
    #[ts(type = "number")]
    pub delivered: u64,
    #[ts(type = "number")]
    pub failed: u64,
    #[ts(type = "number")]
    pub handled: u64,
    /// Why sending is paused, in the user's language.
    pub paused: Option<String>,
}

/// A failed delivery the user has not seen yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveryNotice {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: Option<String>,
    pub customer_name: String,
    pub message: String,
}

fn disabled() -> Text {
    Text::new(
        "Skicka via AutoInvoice är avstängt. Slå på \"Skicka alla fakturor via Visma AutoInvoice\" under Inställningar > AutoInvoice.",
        "Sending through AutoInvoice is off. Turn on \"Send all invoices through Visma AutoInvoice\" under Settings > AutoInvoice.",
    )
}

fn choice_label(choice: DeliveryChoiceCode) -> Text {
    match choice {
        DeliveryChoiceCode::Einvoice => Text::new("E-faktura", "E-invoice"),
        DeliveryChoiceCode::Email => Text::new("E-post med PDF", "E-mail with PDF"),
        DeliveryChoiceCode::Letter => Text::new("Brev", "Letter"),
        DeliveryChoiceCode::Automatic => Text::new("Automatiskt", "Automatic"),
    }
}

/// The routing for `invoice` to `customer` as the register has them now: the customer's delivery
/// choice, except that an "automatic" invoice whose only buyer reference is the customer number is
/// pinned to the paper channel the send check chose. AutoInvoice might otherwise find the buyer in
/// the Peppol directory and send a public buyer an e-invoice with a reference it never gave.
pub(crate) fn routing_for(
    customer: &Customer,
    invoice: &Invoice,
) -> Result<RoutingSnapshot, FieldErrors> {
    let guessed_reference = buyer_reference_source(invoice) == BuyerReferenceSource::CustomerNumber;
    let choice = match (customer.delivery_choice, channel_for_customer(customer)) {
        (DeliveryChoice::Automatic, ChannelCode::Email) if guessed_reference => {
            DeliveryChoice::Email
        }
        (DeliveryChoice::Automatic, ChannelCode::Print) if guessed_reference => {
            DeliveryChoice::Letter
        }
        (choice, _) => choice,
    };
    RoutingSnapshot::for_customer(customer, choice)
}

fn new_entry(snapshot: &RoutingSnapshot) -> NewOutboxEntry {
    NewOutboxEntry {
        idempotency_key: uuid::Uuid::new_v4().to_string(),
        routing: snapshot.to_json(),
    }
}

/// The invoice `id` as it will be sent (a draft as it would be issued) and its customer.
fn sendable(store: &Store, id: InvoiceId) -> Result<(Invoice, Customer, bool), StoreError> {
    let stored = store.invoice(id)?;
    let customer = store.customer(stored.customer_id)?;
    let draft = stored.status == InvoiceStatus::Draft;
    let invoice = if draft {
        refreshed(store, id)?
    } else {
        stored.invoice
    };
    Ok((invoice, customer, draft))
}

/// Queues invoice `id` in the open store: a draft is issued and queued in one transaction, an
/// issued invoice is queued. The send check runs first, so nothing is numbered or queued that
/// could not reach the customer. Returns the status after queueing.
pub(crate) fn queue_invoice(
    store: &mut Store,
    id: InvoiceId,
    now: DateTime<Utc>,
    language: Language,
) -> Result<DeliveryStatusView, AppError> {
    let to_app = |error: StoreError| error.into_app_error(language);
    if !store.company().map_err(to_app)?.autoinvoice_enabled {
        return Err(AppError::new(ErrorCode::Conflict, &disabled(), language));
    }
    let (document, customer, draft) = sendable(store, id).map_err(to_app)?;
    let stage = if draft {
        CheckStage::Issue
    } else {
        CheckStage::Send
    };
    refuse_when_blocked(&document, &customer, stage, language)?;
    let snapshot = routing_for(&customer, &document).for_user(language)?;
    let entry = new_entry(&snapshot);
    if draft {
        issue_stored_and_queue(store, id, now, language, &entry)?;
    } else {
        store
            .enqueue_issued_invoice(id, &entry, now)
            .map_err(to_app)?;
    }
    read_status(store, id, language).map_err(to_app)
}

/// "Försök igen" in the open store: a delivery that failed before AutoInvoice held it goes back
/// to the queue with its idempotency key, once the send check passes for the customer as the
/// register has them now and the company logo can be drawn.
pub(crate) fn retry_invoice(
    store: &mut Store,
    id: InvoiceId,
    now: DateTime<Utc>,
    language: Language,
) -> Result<DeliveryStatusView, AppError> {
    let to_app = |error: StoreError| error.into_app_error(language);
    let (document, customer, _) = sendable(store, id).map_err(to_app)?;
    refuse_when_blocked(&document, &customer, CheckStage::Send, language)?;
    if let Some(logo) = store.company_logo().map_err(to_app)? {
        fakturera_pdf::Logo::from_bytes(&logo.bytes).for_user(language)?;
    }
    let snapshot = routing_for(&customer, &document).for_user(language)?;
    store
        .retry_failed_outbox_entry(id, &snapshot.to_json(), now)
        .map_err(to_app)?;
    read_status(store, id, language).map_err(to_app)
}

/// A failed delivery AutoInvoice never accepted: ours to fix and send again with the same key.
pub(crate) fn is_retryable(entry: &OutboxEntry) -> bool {
    entry.state == OutboxState::Failed && entry.remote_id.is_none()
}

pub(crate) fn read_status(
    store: &Store,
    id: InvoiceId,
    language: Language,
) -> Result<DeliveryStatusView, StoreError> {
    let paused = store.autoinvoice_settings()?.paused;
    Ok(match store.outbox_entry(id)? {
        Some(entry) => status_view(&entry, paused.as_ref(), language),
        None => not_sent(id, language),
    })
}

impl App {
    /// "Skicka" on one invoice: a draft is checked, numbered, locked and queued in one
    /// transaction; an issued invoice is queued. The worker sends it when it can.
    pub fn send_invoice(
        &self,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<DeliveryStatusView, AppError> {
        let language = self.language();
        self.with_store(|store| {
            // The user asked to send: a pause from refused credentials is worth one more try.
            store.set_autoinvoice_paused(None).for_user(language)?;
            let entry = store.outbox_entry(InvoiceId(id)).for_user(language)?;
            if entry.as_ref().is_some_and(is_retryable) {
                return retry_invoice(store, InvoiceId(id), now, language);
            }
            queue_invoice(store, InvoiceId(id), now, language)
        })
    }

    /// "Försök igen" after a failure that was ours (the document could not be made, the answer
    /// could not be read, a rejection fixed in the registers): the invoice is sent again with the
    /// same idempotency key, so it can never arrive twice.
    pub fn retry_delivery(
        &self,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<DeliveryStatusView, AppError> {
        let language = self.language();
        self.with_store(|store| {
            store.set_autoinvoice_paused(None).for_user(language)?;
            retry_invoice(store, InvoiceId(id), now, language)
        })
    }

    /// The "Skicka alla" dialog: every issued, unsent invoice and the channel it will go by.
    pub fn send_all_preview(&self) -> Result<SendPreview, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let mut rows = Vec::new();
            for id in store.issued_unsent_invoices()? {
                let stored = store.invoice(id)?;
                let customer = store.customer(stored.customer_id)?;
                let choice: DeliveryChoiceCode = customer.delivery_choice.into();
                let check = report_for(&stored.invoice, &customer, language);
                let problems: Vec<String> = check
                    .findings
                    .into_iter()
                    .filter(|finding| finding.severity == FindingSeverity::Error)
                    .map(|finding| finding.message)
                    .collect();
                let channel = routing_for(&customer, &stored.invoice)
                    .ok()
                    .and_then(|snapshot| snapshot.channel())
                    .and_then(ChannelCode::from_code);
                rows.push(SendPreviewRow {
                    invoice_id: id.0,
                    number: stored.invoice.number.clone(),
                    customer_name: stored.invoice.buyer.name.clone(),
                    choice,
                    channel,
                    channel_label: choice_label(choice).in_language(language).to_owned(),
                    problem: (!problems.is_empty()).then(|| problems.join(" ")),
                });
            }
            Ok::<_, StoreError>(SendPreview { rows })
        })
    }

    /// "Skicka alla": queues every issued, unsent invoice that can be sent as it stands, in
    /// number order, and returns their ids; the others stay in the preview with their problem.
    pub fn send_all(&self, now: DateTime<Utc>) -> Result<Vec<i64>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            store.set_autoinvoice_paused(None).map_err(to_app)?;
            let mut queued = Vec::new();
            for id in store.issued_unsent_invoices().map_err(to_app)? {
                match queue_invoice(store, id, now, language) {
                    Ok(_) => queued.push(id.0),
                    Err(error) if error.code == ErrorCode::InvalidInput => {}
                    Err(error) => return Err(error),
                }
            }
            Ok(queued)
        })
    }

    /// How many invoices are where in the outbox.
    pub fn outbox_summary(&self) -> Result<OutboxSummary, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let counts = store.outbox_counts()?;
            let paused = store.autoinvoice_settings()?.paused;
            Ok::<_, StoreError>(OutboxSummary {
                queued: counts.queued,
                sending: counts.sending,
                handed_over: counts.handed_over,
                delivered: counts.delivered,
                failed: counts.failed,
                handled: counts.handled,
                paused: paused.map(|text| text.in_language(language).to_owned()),
            })
        })
    }

    /// Issued invoices never queued, and drafts, in id order: what `send --all --include-drafts`
    /// takes.
    pub fn unsent_invoice_ids(&self, include_drafts: bool) -> Result<Vec<i64>, AppError> {
        self.with_store(|store| {
            let mut ids: Vec<i64> = store
                .issued_unsent_invoices()?
                .iter()
                .map(|id| id.0)
                .collect();
            if include_drafts {
                ids.extend(store.draft_invoice_ids()?.iter().map(|id| id.0));
                ids.sort_unstable();
            }
            Ok::<_, StoreError>(ids)
        })
    }

    /// Where the delivery of invoice `id` stands.
    pub fn delivery_status(&self, id: i64) -> Result<DeliveryStatusView, AppError> {
        let language = self.language();
        self.with_store(|store| read_status(store, InvoiceId(id), language))
    }

    /// The states of several invoices at once, for the list (invoices never queued are left out).
    pub fn delivery_states(&self, ids: &[i64]) -> Result<Vec<DeliveryStatusView>, AppError> {
        let language = self.language();
        let ids: Vec<InvoiceId> = ids.iter().copied().map(InvoiceId).collect();
        self.with_store(|store| {
            let paused = store.autoinvoice_settings()?.paused;
            Ok::<_, StoreError>(
                store
                    .outbox_entries_of(&ids)?
                    .iter()
                    .map(|entry| status_view(entry, paused.as_ref(), language))
                    .collect(),
            )
        })
    }

    /// The invoice's delivery: state and every step, oldest first.
    pub fn delivery_timeline(&self, id: i64) -> Result<DeliveryTimeline, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let status = read_status(store, InvoiceId(id), language)?;
            let events = store
                .delivery_events(InvoiceId(id))?
                .iter()
                .map(|event| event_view(event, language))
                .collect();
            Ok::<_, StoreError>(DeliveryTimeline { status, events })
        })
    }

    /// Failed deliveries the user has not seen yet.
    pub fn delivery_notices(&self) -> Result<Vec<DeliveryNotice>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let mut notices = Vec::new();
            for entry in store.outbox_notices()? {
                let stored = store.invoice(entry.invoice_id)?;
                let reason = entry
                    .last_error
                    .as_ref()
                    .map(|error| error.message.in_language(language).to_owned())
                    .unwrap_or_default();
                let number = stored.invoice.number.clone().unwrap_or_default();
                let message = if entry.state == fakturera_store::OutboxState::HandedOver {
                    // Handed over, but AutoInvoice has not answered about it for a long time.
                    Text::new(
                        format!("Faktura {number} är hos AutoInvoice, men var den är går inte att få veta just nu. {reason}"),
                        format!("Invoice {number} is with AutoInvoice, but where it stands cannot be learnt right now. {reason}"),
                    )
                } else {
                    Text::new(
                        format!("Faktura {number} kunde inte levereras. {reason}"),
                        format!("Invoice {number} could not be delivered. {reason}"),
                    )
                };
                notices.push(DeliveryNotice {
                    invoice_id: entry.invoice_id.0,
                    number: stored.invoice.number.clone(),
                    customer_name: stored.invoice.buyer.name.clone(),
                    message: message.in_language(language).to_owned(),
                });
            }
            Ok::<_, StoreError>(notices)
        })
    }

    pub fn dismiss_delivery_notice(&self, id: i64) -> Result<(), AppError> {
        self.with_store(|store| store.dismiss_outbox_notice(InvoiceId(id)))
    }

    /// "Markera som hanterad": the user dealt with a failed delivery outside the program.
    pub fn mark_delivery_handled(
        &self,
        id: i64,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<DeliveryStatusView, AppError> {
        let language = self.language();
        self.with_store(|store| {
            store.mark_outbox_handled(InvoiceId(id), note, now)?;
            read_status(store, InvoiceId(id), language)
        })
    }
}
