//! "Skicka": putting invoices in the outbox (a draft is issued and queued in one transaction),
//! "Skicka alla" with its preview, and reading where each invoice's delivery stands.

use chrono::{DateTime, Utc};
use fakturera_core::FieldErrors;
use fakturera_core::invoice::{Invoice, InvoiceStatus};
use fakturera_core::{Language, Text};
use fakturera_store::{InvoiceId, NewOutboxEntry, Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::routing::RoutingSnapshot;
use super::views::{
    ChannelCode, DeliveryStatusView, DeliveryTimeline, event_view, not_sent, status_view,
};
use crate::app::App;
use crate::error::{AppError, ErrorCode, IntoAppError};
use crate::invoices::issue::{issue_stored_with, refreshed};
use crate::register_fields::DeliveryChoiceCode;

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

/// The routing for invoice `id` to its customer as the register has them now.
fn snapshot_for(
    store: &Store,
    id: InvoiceId,
) -> Result<Result<RoutingSnapshot, FieldErrors>, StoreError> {
    let stored = store.invoice(id)?;
    let customer = store.customer(stored.customer_id)?;
    Ok(RoutingSnapshot::for_customer(
        &customer,
        customer.delivery_choice,
    ))
}

fn new_entry(snapshot: &RoutingSnapshot) -> NewOutboxEntry {
    NewOutboxEntry {
        idempotency_key: uuid::Uuid::new_v4().to_string(),
        routing: snapshot.to_json(),
    }
}

/// Queues invoice `id` in the open store: a draft is issued and queued in one transaction, an
/// issued invoice is queued. Returns the status after queueing.
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
    let snapshot = snapshot_for(store, id)
        .map_err(to_app)?
        .map_err(|errors| errors.into_app_error(language))?;
    let stored = store.invoice(id).map_err(to_app)?;
    let document = match stored.status {
        InvoiceStatus::Draft => refreshed(store, id).map_err(to_app)?,
        _ => stored.invoice.clone(),
    };
    refuse_without_reference(&document, language)?;
    let entry = new_entry(&snapshot);
    match stored.status {
        InvoiceStatus::Draft => issue_stored_with(store, id, now, language, Some(&entry))?,
        _ => {
            store
                .enqueue_issued_invoice(id, &entry, now)
                .map_err(to_app)?;
        }
    }
    read_status(store, id, language).map_err(to_app)
}

/// AutoInvoice receives the e-invoice XML whatever the channel, and refuses it without a buyer
/// or order reference (PEPPOL-EN16931-R003); say so before the invoice is numbered.
fn refuse_without_reference(invoice: &Invoice, language: Language) -> Result<(), AppError> {
    let missing: Vec<_> = fakturera_peppol::check_before_send(invoice)
        .into_iter()
        .filter(|finding| finding.rule_id == "PEPPOL-EN16931-R003")
        .map(fakturera_core::FieldError::from)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(FieldErrors(missing).into_app_error(language))
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
            store
                .set_autoinvoice_paused(None)
                .map_err(|error| error.into_app_error(language))?;
            queue_invoice(store, InvoiceId(id), now, language)
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
                let snapshot = RoutingSnapshot::for_customer(&customer, customer.delivery_choice);
                rows.push(SendPreviewRow {
                    invoice_id: id.0,
                    number: stored.invoice.number.clone(),
                    customer_name: stored.invoice.buyer.name.clone(),
                    choice,
                    channel: snapshot
                        .as_ref()
                        .ok()
                        .and_then(RoutingSnapshot::channel)
                        .and_then(ChannelCode::from_code),
                    channel_label: choice_label(choice).in_language(language).to_owned(),
                    problem: snapshot.err().map(|errors| {
                        errors
                            .0
                            .iter()
                            .map(|error| error.message.in_language(language).to_owned())
                            .collect::<Vec<_>>()
                            .join(" ")
                    }),
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
                notices.push(DeliveryNotice {
                    invoice_id: entry.invoice_id.0,
                    number: stored.invoice.number.clone(),
                    customer_name: stored.invoice.buyer.name.clone(),
                    message: Text::new(
                        format!("Faktura {number} kunde inte levereras. {reason}"),
                        format!("Invoice {number} could not be delivered. {reason}"),
                    )
                    .in_language(language)
                    .to_owned(),
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
