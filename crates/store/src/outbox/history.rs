//! A delivery that happened before the company file knew of it: the demo company's older invoices
//! were sent and delivered long ago, so they carry the whole timeline (queued, handed over, sent,
//! delivered) by their customer's channel instead of waiting in "Skicka alla".

use chrono::{DateTime, Utc};
use rusqlite::TransactionBehavior;

use crate::error::StoreError;
use crate::open::Store;
use crate::outbox::events::{DeliveryEventKind, NewDeliveryEvent, insert_event};
use crate::outbox::{NewOutboxEntry, millis};
use crate::record_ids::InvoiceId;

/// When and how an invoice was delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveredHistory {
    pub entry: NewOutboxEntry,
    /// The operator's id of the invoice.
    pub remote_id: String,
    /// einvoice, email or print.
    pub channel: String,
    pub queued_at: DateTime<Utc>,
    pub delivered_at: DateTime<Utc>,
}

impl Store {
    /// Records that the issued invoice `id` was queued, handed over and delivered, with its
    /// timeline, in one transaction. Refused like any enqueue when it is not issued or already
    /// has an entry.
    pub fn record_delivered_history(
        &mut self,
        id: InvoiceId,
        history: &DeliveredHistory,
    ) -> Result<(), StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        crate::outbox::insert_entry(&transaction, id, &history.entry, history.queued_at)?;
        let handed_over_at = history.queued_at + chrono::TimeDelta::seconds(2);
        transaction
            .prepare_cached(
                "UPDATE outbox SET state = 'delivered', attempts = 1, remote_id = ?2, channel = ?3,
                     next_attempt_at = ?4, polls = 1, handed_over_at = ?5, finished_at = ?6,
                     updated_at = ?6
                 WHERE invoice_id = ?1",
            )?
            .execute(rusqlite::params![
                id,
                history.remote_id,
                history.channel,
                millis(history.queued_at),
                handed_over_at,
                history.delivered_at
            ])?;
        let channel = Some(history.channel.clone());
        let steps = [
            NewDeliveryEvent::new(DeliveryEventKind::HandedOver, handed_over_at)
                .with_channel(channel.clone())
                .with_message(history.remote_id.clone()),
            action("CREATED", None, handed_over_at),
            action("SENT", channel.clone(), handed_over_at),
            action("DELIVERED", channel, history.delivered_at),
        ];
        for event in &steps {
            insert_event(&transaction, id, event)?;
        }
        transaction.commit()?;
        Ok(())
    }
}

fn action(code: &str, channel: Option<String>, at: DateTime<Utc>) -> NewDeliveryEvent {
    NewDeliveryEvent {
        action: Some(code.to_owned()),
        ..NewDeliveryEvent::new(DeliveryEventKind::Action, at).with_channel(channel)
    }
}
