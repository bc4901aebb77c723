//! The outbox's state machine: each method moves one entry from the states it may leave to the
//! next one, records the matching timeline event in the same transaction, and refuses any other
//! move with a `Conflict`, so two workers (or a worker and the user) cannot undo each other.
//!
//! queued ──send started──▶ sending ──201/409──▶ handed_over ──DELIVERED──▶ delivered
//!   ▲                        │  │                     │
//!   └──transient failure─────┘  └──refused──▶ failed ◀┘ FAILED        failed ──reroute──▶ handed_over
//!                                                                     failed/queued ──by hand──▶ handled

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use rusqlite::{Connection, TransactionBehavior};

use crate::error::{StoreError, StoreErrorKind};
use crate::open::Store;
use crate::outbox::events::{DeliveryEventKind, NewDeliveryEvent, insert_event};
use crate::outbox::{OutboxEntry, OutboxError, OutboxLease, OutboxState, millis, read_entry};
use crate::record_ids::InvoiceId;

/// Where a failed or refused delivery leaves the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryFailure {
    pub error: OutboxError,
    pub reasons: Vec<String>,
    pub channel: Option<String>,
}

fn require_state(
    entry: Option<OutboxEntry>,
    invoice_id: InvoiceId,
    allowed: &[OutboxState],
) -> Result<OutboxEntry, StoreError> {
    let entry =
        entry.ok_or_else(|| StoreError::not_found("kö-post", "outbox entry", invoice_id))?;
    if allowed.contains(&entry.state) {
        return Ok(entry);
    }
    Err(StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            format!(
                "Leveransen av faktura {invoice_id} har redan gått vidare (nu: {}). Ladda om fakturan.",
                entry.state.code()
            ),
            format!(
                "The delivery of invoice {invoice_id} has already moved on (now: {}). Reload the invoice.",
                entry.state.code()
            ),
        ),
    ))
}

fn reasons_text(reasons: &[String]) -> String {
    reasons
        .iter()
        .map(|reason| reason.replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn failure_message(failure: &DeliveryFailure) -> String {
    let mut message = failure.error.message.sv.clone();
    let already_said = failure
        .reasons
        .iter()
        .all(|reason| message.contains(reason.as_str()));
    if !already_said {
        message = format!("{message} ({})", failure.reasons.join("; "));
    }
    message
}

impl Store {
    /// Runs `change` on the entry inside one IMMEDIATE transaction and returns the entry after it.
    pub(crate) fn change_entry(
        &mut self,
        invoice_id: InvoiceId,
        allowed: &[OutboxState],
        change: impl FnOnce(&Connection, &OutboxEntry) -> Result<(), StoreError>,
    ) -> Result<OutboxEntry, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let entry = require_state(read_entry(&transaction, invoice_id)?, invoice_id, allowed)?;
        change(&transaction, &entry)?;
        let changed = read_entry(&transaction, invoice_id)?
            .ok_or_else(|| StoreError::not_found("kö-post", "outbox entry", invoice_id))?;
        transaction.commit()?;
        Ok(changed)
    }

    /// Claims the entry for sending under `lease` and counts the attempt, before the HTTP call is
    /// made, in one IMMEDIATE transaction. `None` when it is not this worker's to send now: another
    /// holds it (`sending` under a lease of someone else's that has not ended), it waits for its
    /// backoff, or it has moved on meanwhile. Two processes can therefore never post the same entry
    /// at once; one that crashed mid-send is picked up after its lease.
    pub fn claim_outbox_entry(
        &mut self,
        invoice_id: InvoiceId,
        lease: &OutboxLease,
        now: DateTime<Utc>,
    ) -> Result<Option<OutboxEntry>, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let entry = read_entry(&transaction, invoice_id)?
            .ok_or_else(|| StoreError::not_found("kö-post", "outbox entry", invoice_id))?;
        let free = match entry.state {
            // Not retried before its backoff, even by a worker that read it as due earlier.
            OutboxState::Queued => entry.next_attempt_at <= now,
            OutboxState::Sending => {
                entry.lease_owner.as_deref() == Some(lease.owner.as_str())
                    || entry.lease_owner.as_deref().is_none_or(str::is_empty)
                    || entry.lease_until.is_none_or(|until| until <= now)
            }
            // Another worker has already sent it (or it failed, or was handled) meanwhile.
            _ => false,
        };
        if !free {
            return Ok(None);
        }
        transaction
            .prepare_cached(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?2,
                     lease_owner = ?3, lease_until = ?4
                 WHERE invoice_id = ?1",
            )?
            .execute(rusqlite::params![
                invoice_id,
                now,
                lease.owner,
                millis(lease.until)
            ])?;
        let claimed = read_entry(&transaction, invoice_id)?
            .ok_or_else(|| StoreError::not_found("kö-post", "outbox entry", invoice_id))?;
        transaction.commit()?;
        Ok(Some(claimed))
    }

    /// Marks the entry `sending` and counts the attempt without holding it: as a claim whose lease
    /// ends at once, so any worker may send it. For tools and tests that play a crashed sender.
    pub fn mark_outbox_sending(
        &mut self,
        invoice_id: InvoiceId,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        let lease = OutboxLease {
            owner: String::new(),
            until: now,
        };
        self.claim_outbox_entry(invoice_id, &lease, now)?
            .ok_or_else(|| {
                StoreError::new(
                    StoreErrorKind::Conflict,
                    Text::new(
                        format!("Faktura {invoice_id} skickas just nu av ett annat program."),
                        format!("Invoice {invoice_id} is being sent by another program right now."),
                    ),
                )
            })
    }

    /// AutoInvoice has the invoice (201, or 409 for a key it already had): poll from `next_poll_at`.
    pub fn mark_outbox_handed_over(
        &mut self,
        invoice_id: InvoiceId,
        remote_id: &str,
        channel: Option<&str>,
        now: DateTime<Utc>,
        next_poll_at: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(
            invoice_id,
            &[OutboxState::Sending, OutboxState::Queued],
            |connection, _| {
                connection
                    .prepare_cached(
                        "UPDATE outbox SET state = 'handed_over', remote_id = ?2, channel = ?3,
                             next_poll_at = ?4, polls = 0, last_error_kind = NULL, last_error_sv = NULL,
                             last_error_en = NULL, handed_over_at = ?5, updated_at = ?5,
                             lease_owner = NULL, lease_until = NULL
                         WHERE invoice_id = ?1",
                    )?
                    .execute(rusqlite::params![
                        invoice_id,
                        remote_id,
                        channel,
                        millis(next_poll_at),
                        now
                    ])?;
                let event = NewDeliveryEvent::new(DeliveryEventKind::HandedOver, now)
                    .with_channel(channel.map(str::to_owned))
                    .with_message(remote_id);
                insert_event(connection, invoice_id, &event)?;
                Ok(())
            },
        )
    }

    /// A transient failure: back to `queued`, to be tried again at `next_attempt_at`.
    pub fn mark_outbox_retry(
        &mut self,
        invoice_id: InvoiceId,
        error: &OutboxError,
        now: DateTime<Utc>,
        next_attempt_at: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(
            invoice_id,
            &[OutboxState::Sending, OutboxState::Queued],
            |connection, _| {
                connection
                    .prepare_cached(
                        "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, last_error_kind = ?3,
                             last_error_sv = ?4, last_error_en = ?5, updated_at = ?6,
                             lease_owner = NULL, lease_until = NULL
                         WHERE invoice_id = ?1",
                    )?
                    .execute(rusqlite::params![
                        invoice_id,
                        millis(next_attempt_at),
                        error.kind,
                        error.message.sv,
                        error.message.en,
                        now
                    ])?;
                Ok(())
            },
        )
    }

    /// Refused when sending (a permanent error) or reported failed by AutoInvoice: not retried,
    /// the reasons are kept and a notice is raised.
    pub fn mark_outbox_failed(
        &mut self,
        invoice_id: InvoiceId,
        failure: &DeliveryFailure,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(
            invoice_id,
            &[
                OutboxState::Sending,
                OutboxState::Queued,
                OutboxState::HandedOver,
            ],
            |connection, _| {
                connection
                    .prepare_cached(
                        "UPDATE outbox SET state = 'failed', last_error_kind = ?2, last_error_sv = ?3,
                             last_error_en = ?4, reasons = ?5, channel = COALESCE(?6, channel),
                             next_poll_at = NULL, notice_pending = 1, finished_at = ?7, updated_at = ?7,
                             lease_owner = NULL, lease_until = NULL
                         WHERE invoice_id = ?1",
                    )?
                    .execute(rusqlite::params![
                        invoice_id,
                        failure.error.kind,
                        failure.error.message.sv,
                        failure.error.message.en,
                        reasons_text(&failure.reasons),
                        failure.channel,
                        now
                    ])?;
                let event = NewDeliveryEvent::new(DeliveryEventKind::Failed, now)
                    .with_channel(failure.channel.clone())
                    .with_message(failure_message(failure));
                insert_event(connection, invoice_id, &event)?;
                Ok(())
            },
        )
    }

    /// A status poll that found the invoice still on its way: ask again at `next_poll_at`.
    pub fn record_outbox_poll(
        &mut self,
        invoice_id: InvoiceId,
        channel: Option<&str>,
        now: DateTime<Utc>,
        next_poll_at: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(invoice_id, &[OutboxState::HandedOver], |connection, _| {
            connection
                .prepare_cached(
                    "UPDATE outbox SET polls = polls + 1, next_poll_at = ?2,
                         channel = COALESCE(?3, channel), updated_at = ?4, poll_errors = 0,
                         last_error_kind = NULL, last_error_sv = NULL, last_error_en = NULL
                     WHERE invoice_id = ?1",
                )?
                .execute(rusqlite::params![
                    invoice_id,
                    millis(next_poll_at),
                    channel,
                    now
                ])?;
            Ok(())
        })
    }

    /// A status poll that got no answer: ask again at `next_poll_at`. When this is the
    /// `notice_after`-th failure in a row, the user gets a notice (once); the polls go on.
    pub fn record_outbox_poll_error(
        &mut self,
        invoice_id: InvoiceId,
        error: &OutboxError,
        now: DateTime<Utc>,
        next_poll_at: DateTime<Utc>,
        notice_after: u32,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(invoice_id, &[OutboxState::HandedOver], |connection, _| {
            connection
                .prepare_cached(
                    "UPDATE outbox SET polls = polls + 1, next_poll_at = ?2, updated_at = ?3,
                         poll_errors = poll_errors + 1, last_error_kind = ?4, last_error_sv = ?5,
                         last_error_en = ?6,
                         notice_pending = CASE WHEN poll_errors + 1 = ?7 THEN 1 ELSE notice_pending END
                     WHERE invoice_id = ?1",
                )?
                .execute(rusqlite::params![
                    invoice_id,
                    millis(next_poll_at),
                    now,
                    error.kind,
                    error.message.sv,
                    error.message.en,
                    notice_after
                ])?;
            Ok(())
        })
    }

    /// AutoInvoice reports the invoice delivered by `channel`.
    pub fn mark_outbox_delivered(
        &mut self,
        invoice_id: InvoiceId,
        channel: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(invoice_id, &[OutboxState::HandedOver], |connection, _| {
            connection
                .prepare_cached(
                    "UPDATE outbox SET state = 'delivered', channel = COALESCE(?2, channel),
                         polls = polls + 1, next_poll_at = NULL, finished_at = ?3, updated_at = ?3
                     WHERE invoice_id = ?1",
                )?
                .execute(rusqlite::params![invoice_id, channel, now])?;
            Ok(())
        })
    }

    /// The user sent a failed invoice again by another channel (AX reroute): polled again.
    pub fn mark_outbox_rerouted(
        &mut self,
        invoice_id: InvoiceId,
        routing: &str,
        channel: &str,
        now: DateTime<Utc>,
        next_poll_at: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(invoice_id, &[OutboxState::Failed], |connection, entry| {
            if entry.remote_id.is_none() {
                return Err(StoreError::new(
                    StoreErrorKind::Conflict,
                    Text::new(
                        "AutoInvoice tog aldrig emot fakturan, så den kan inte skickas om via en annan kanal. Kreditera den och skapa en ny faktura, eller markera den som hanterad.",
                        "AutoInvoice never accepted the invoice, so it cannot be sent again by another channel. Credit it and create a new invoice, or mark it as handled.",
                    ),
                ));
            }
            connection
                .prepare_cached(
                    "UPDATE outbox SET state = 'handed_over', routing = ?2, channel = ?3,
                         next_poll_at = ?4, polls = 0, last_error_kind = NULL, last_error_sv = NULL,
                         last_error_en = NULL, reasons = '', notice_pending = 0, finished_at = NULL,
                         updated_at = ?5
                     WHERE invoice_id = ?1",
                )?
                .execute(rusqlite::params![
                    invoice_id,
                    routing,
                    channel,
                    millis(next_poll_at),
                    now
                ])?;
            let event = NewDeliveryEvent::new(DeliveryEventKind::Rerouted, now)
                .with_channel(Some(channel.to_owned()));
            insert_event(connection, invoice_id, &event)?;
            Ok(())
        })
    }

    /// A copy of a delivered invoice was sent by e-mail to `email` (AX reroute of the same
    /// invoice): AutoInvoice sets it back to pending, so the entry is handed over again and
    /// polled until the copy is delivered. The routing chosen for the customer stays as it was.
    pub fn mark_outbox_copy_sent(
        &mut self,
        invoice_id: InvoiceId,
        email: &str,
        now: DateTime<Utc>,
        next_poll_at: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(
            invoice_id,
            &[OutboxState::Delivered],
            |connection, _entry| {
                connection
                .prepare_cached(
                    "UPDATE outbox SET state = 'handed_over', channel = 'email', next_poll_at = ?2,
                         polls = 0, notice_pending = 0, finished_at = NULL, updated_at = ?3
                     WHERE invoice_id = ?1",
                )?
                .execute(rusqlite::params![invoice_id, millis(next_poll_at), now])?;
                let event = NewDeliveryEvent::new(DeliveryEventKind::CopySent, now)
                    .with_channel(Some("email".to_owned()))
                    .with_message(email);
                insert_event(connection, invoice_id, &event)?;
                Ok(())
            },
        )
    }

    /// The user dealt with a delivery outside the program. Only where AutoInvoice cannot deliver the
    /// invoice on its own: it failed (refused, or AutoInvoice reported it failed), or it is queued
    /// and was never tried. An entry tried before without a sure answer may be with AutoInvoice,
    /// which could still deliver it: marking it handled is refused.
    pub fn mark_outbox_handled(
        &mut self,
        invoice_id: InvoiceId,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(
            invoice_id,
            &[OutboxState::Failed, OutboxState::Queued],
            |connection, entry| {
                if !entry.can_be_marked_handled() {
                    return Err(StoreError::new(
                        StoreErrorKind::Conflict,
                        Text::new(
                            "AutoInvoice kan redan ha fått fakturan (ett tidigare försök fick inget säkert svar) och kan leverera den. Vänta tills den har levererats eller misslyckats, eller kreditera den.",
                            "AutoInvoice may already have the invoice (an earlier attempt got no sure answer) and may deliver it. Wait until it is delivered or fails, or credit it.",
                        ),
                    ));
                }
                connection
                    .prepare_cached(
                        "UPDATE outbox SET state = 'handled', notice_pending = 0, next_poll_at = NULL,
                             finished_at = ?2, updated_at = ?2
                         WHERE invoice_id = ?1",
                    )?
                    .execute(rusqlite::params![invoice_id, now])?;
                let event = NewDeliveryEvent::new(DeliveryEventKind::Handled, now)
                    .with_message(note.trim());
                insert_event(connection, invoice_id, &event)?;
                Ok(())
            },
        )
    }

    /// The user has seen the failure notice.
    pub fn dismiss_outbox_notice(&self, invoice_id: InvoiceId) -> Result<(), StoreError> {
        self.connection
            .prepare_cached("UPDATE outbox SET notice_pending = 0 WHERE invoice_id = ?1")?
            .execute([invoice_id])?;
        Ok(())
    }

    /// Replaces the routing of an entry that has not been tried yet (a fresher receiver lookup).
    pub fn update_outbox_routing(
        &mut self,
        invoice_id: InvoiceId,
        routing: &str,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(
            invoice_id,
            &[OutboxState::Queued, OutboxState::Sending],
            |connection, entry| {
                // After a first attempt AutoInvoice may hold the invoice with the old routing.
                if entry.attempts > 0 {
                    return Ok(());
                }
                connection
                    .prepare_cached(
                        "UPDATE outbox SET routing = ?2, updated_at = ?3 WHERE invoice_id = ?1",
                    )?
                    .execute(rusqlite::params![invoice_id, routing, now])?;
                Ok(())
            },
        )
    }

    /// The connection is back: every queued entry is due now instead of after its backoff.
    pub fn retry_queued_now(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let changed = self
            .connection
            .prepare_cached(
                "UPDATE outbox SET next_attempt_at = ?1 WHERE state = 'queued' AND next_attempt_at > ?1",
            )?
            .execute([millis(now)])?;
        Ok(changed as u64)
    }
}
