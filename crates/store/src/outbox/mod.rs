//! The outbox: one row per issued invoice to send through AutoInvoice, with its idempotency key,
//! where it stands, and when the worker should look at it next.
//!
//! Issuing for sending and queueing commit in one transaction ([`Store::issue_invoice_for_sending`]),
//! so an invoice is never numbered without being queued, nor queued without being numbered.

pub(crate) mod events;
pub(crate) mod history;
mod retry;
pub(crate) mod transitions;

use chrono::{DateTime, Utc};
use fakturera_core::invoice::Invoice;
use fakturera_core::{FieldErrors, Text};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::column_list::MappedTable;
use crate::error::{StoreError, StoreErrorKind};
use crate::invoices::StoredInvoice;
use crate::invoices::issue::issue_in_transaction;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::outbox::events::{DeliveryEventKind, NewDeliveryEvent, insert_event};
use crate::record_ids::InvoiceId;
use crate::sql_values::json_ids;

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxState {
    /// Waiting to be sent (first time, or again after a transient failure).
    Queued,
    /// A send was started; after a crash it is sent again with the same key.
    Sending,
    /// AutoInvoice has it; the worker polls its status.
    HandedOver,
    Delivered,
    /// AutoInvoice refused it or could not deliver it; the user decides what to do.
    Failed,
    /// The user dealt with it outside the program.
    Handled,
}

impl OutboxState {
    pub const ALL: [OutboxState; 6] = [
        OutboxState::Queued,
        OutboxState::Sending,
        OutboxState::HandedOver,
        OutboxState::Delivered,
        OutboxState::Failed,
        OutboxState::Handled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::HandedOver => "handed_over",
            OutboxState::Delivered => "delivered",
            OutboxState::Failed => "failed",
            OutboxState::Handled => "handled",
        }
    }

    pub fn from_code(code: &str) -> Option<OutboxState> {
        Self::ALL.into_iter().find(|state| state.code() == code)
    }
}

/// What the app decides when it queues an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutboxEntry {
    /// A fresh UUID v4; the store keeps it for the entry's whole life.
    pub idempotency_key: String,
    /// The delivery choice and its fields, as JSON (the app owns the format).
    pub routing: String,
}

/// The last failure of an entry: its kind code and a message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxError {
    pub kind: String,
    pub message: Text,
}

/// One outbox row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub invoice_id: InvoiceId,
    pub sequence: i64,
    pub idempotency_key: String,
    pub state: OutboxState,
    pub routing: String,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<OutboxError>,
    pub reasons: Vec<String>,
    pub remote_id: Option<String>,
    pub channel: Option<String>,
    pub next_poll_at: Option<DateTime<Utc>>,
    pub polls: u32,
    pub notice_pending: bool,
    pub enqueued_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub handed_over_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Who holds the entry while it is `sending`, and until when (see [`OutboxLease`]).
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTime<Utc>>,
    /// Status polls that failed in a row since the last answer.
    pub poll_errors: u32,
}

/// A worker's claim on an entry it is about to send: no other worker posts the entry until
/// `until`, unless it finds `owner` gone first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxLease {
    pub owner: String,
    pub until: DateTime<Utc>,
}

impl OutboxEntry {
    /// Whether AutoInvoice cannot deliver the invoice on its own, so the user may mark it handled:
    /// it failed, or it is queued and was never tried (nothing was ever posted).
    pub fn can_be_marked_handled(&self) -> bool {
        match self.state {
            OutboxState::Failed => true,
            OutboxState::Queued => self.attempts == 0,
            _ => false,
        }
    }
}

/// How many entries are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxCounts {
    pub queued: u64,
    pub sending: u64,
    pub handed_over: u64,
    pub delivered: u64,
    pub failed: u64,
    pub handled: u64,
}

impl OutboxCounts {
    /// Entries the worker still has to send.
    pub fn unsent(&self) -> u64 {
        self.queued + self.sending
    }
}

/// The columns an entry is read from: every column of the outbox.
pub(crate) const ENTRY_READS: &[&str] = &[
    "invoice_id",
    "sequence",
    "idempotency_key",
    "state",
    "routing",
    "attempts",
    "next_attempt_at",
    "last_error_kind",
    "last_error_sv",
    "last_error_en",
    "reasons",
    "remote_id",
    "channel",
    "next_poll_at",
    "polls",
    "notice_pending",
    "enqueued_at",
    "updated_at",
    "handed_over_at",
    "finished_at",
    "lease_owner",
    "lease_until",
    "poll_errors",
];

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        ("outbox", ENTRY_READS.to_vec()),
        (
            "delivery_events",
            events::EVENT_WRITES.names().chain(["invoice_id"]).collect(),
        ),
    ]
}

fn entry_columns() -> String {
    ENTRY_READS.join(", ")
}

/// Milliseconds since the epoch, the way due times are stored.
pub(crate) fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn from_millis(value: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(value).unwrap_or_default()
}

pub(crate) fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxEntry> {
    let kind: Option<String> = row.get("last_error_kind")?;
    let sv: Option<String> = row.get("last_error_sv")?;
    let en: Option<String> = row.get("last_error_en")?;
    let reasons: String = row.get("reasons")?;
    Ok(OutboxEntry {
        invoice_id: row.get("invoice_id")?,
        sequence: row.get("sequence")?,
        idempotency_key: row.get("idempotency_key")?,
        state: row.code("state", OutboxState::from_code)?,
        routing: row.get("routing")?,
        attempts: row.get("attempts")?,
        next_attempt_at: from_millis(row.get("next_attempt_at")?),
        last_error: kind.map(|kind| OutboxError {
            kind,
            message: Text::new(sv.unwrap_or_default(), en.unwrap_or_default()),
        }),
        reasons: reasons
            .lines()
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect(),
        remote_id: row.get("remote_id")?,
        channel: row.get("channel")?,
        next_poll_at: row.get::<_, Option<i64>>("next_poll_at")?.map(from_millis),
        polls: row.get("polls")?,
        notice_pending: row.get("notice_pending")?,
        enqueued_at: row.get("enqueued_at")?,
        updated_at: row.get("updated_at")?,
        handed_over_at: row.get("handed_over_at")?,
        finished_at: row.get("finished_at")?,
        lease_owner: row.get("lease_owner")?,
        lease_until: row.get::<_, Option<i64>>("lease_until")?.map(from_millis),
        poll_errors: row.get("poll_errors")?,
    })
}

pub(crate) fn read_entry(
    connection: &Connection,
    invoice_id: InvoiceId,
) -> Result<Option<OutboxEntry>, StoreError> {
    let sql = format!(
        "SELECT {} FROM outbox WHERE invoice_id = ?1",
        entry_columns()
    );
    Ok(connection
        .prepare_cached(&sql)?
        .query_row([invoice_id], entry_from_row)
        .optional()?)
}

/// Inserts the entry and its "queued" event; the caller's transaction commits both.
pub(crate) fn insert_entry(
    connection: &Connection,
    invoice_id: InvoiceId,
    entry: &NewOutboxEntry,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if read_entry(connection, invoice_id)?.is_some() {
        return Err(already_queued(invoice_id));
    }
    connection
        .prepare_cached(
            "INSERT INTO outbox (invoice_id, sequence, idempotency_key, state, routing,
                 next_attempt_at, enqueued_at, updated_at)
             VALUES (:invoice_id, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM outbox),
                 :idempotency_key, 'queued', :routing, :due, :now, :now)",
        )?
        .execute(rusqlite::named_params! {
            ":invoice_id": invoice_id,
            ":idempotency_key": entry.idempotency_key,
            ":routing": entry.routing,
            ":due": millis(now),
            ":now": now,
        })?;
    insert_event(
        connection,
        invoice_id,
        &NewDeliveryEvent::new(DeliveryEventKind::Queued, now),
    )?;
    Ok(())
}

fn already_queued(invoice_id: InvoiceId) -> StoreError {
    StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            format!(
                "Faktura {invoice_id} är redan skickad eller köad för att skickas. Se leveranshistoriken på fakturan."
            ),
            format!(
                "Invoice {invoice_id} has already been sent or queued for sending. See the delivery history on the invoice."
            ),
        ),
    )
}

impl Store {
    /// Issues the draft `id` (exactly as [`Store::issue_invoice`]) and queues it for sending, in one
    /// IMMEDIATE transaction: either both happen or neither does.
    pub fn issue_invoice_for_sending(
        &mut self,
        id: InvoiceId,
        now: DateTime<Utc>,
        prepare: impl FnOnce(&mut Invoice) -> Result<(), FieldErrors>,
        entry: &NewOutboxEntry,
    ) -> Result<StoredInvoice, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let issued = issue_in_transaction(&transaction, id, now, prepare)?;
        insert_entry(&transaction, id, entry, now)?;
        transaction.commit()?;
        Ok(issued)
    }

    /// Queues an invoice that is already issued (issued earlier without sending).
    pub fn enqueue_issued_invoice(
        &mut self,
        id: InvoiceId,
        entry: &NewOutboxEntry,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let status: Option<String> = transaction
            .query_row("SELECT status FROM invoices WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?;
        match status.as_deref() {
            None => return Err(StoreError::not_found("faktura", "invoice", id)),
            Some("issued") => {}
            Some(_) => {
                return Err(StoreError::new(
                    StoreErrorKind::Conflict,
                    Text::new(
                        "Fakturan är ett utkast. Utfärda den för att skicka den.",
                        "The invoice is a draft. Issue it to send it.",
                    ),
                ));
            }
        }
        insert_entry(&transaction, id, entry, now)?;
        let queued = read_entry(&transaction, id)?
            .ok_or_else(|| StoreError::not_found("kö-post", "outbox entry", id))?;
        transaction.commit()?;
        Ok(queued)
    }

    /// The outbox entry of an invoice, if it was ever queued.
    pub fn outbox_entry(&self, id: InvoiceId) -> Result<Option<OutboxEntry>, StoreError> {
        read_entry(&self.connection, id)
    }

    /// Entries to send now, oldest first: queued ones that are due, and any left `sending` whose
    /// lease has ended (a process that stopped mid-send; they go again with the same key).
    pub fn due_outbox_entries(
        &self,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let sql = format!(
            "SELECT {} FROM outbox
             WHERE (state = 'queued' AND next_attempt_at <= ?1)
                OR (state = 'sending' AND COALESCE(lease_until, 0) <= ?1)
             ORDER BY sequence LIMIT ?2",
            entry_columns()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params![millis(now), limit], entry_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The owners of leases that have not ended: processes that are sending entries right now, or
    /// that stopped while sending. The worker checks whether each is still there.
    pub fn outbox_lease_owners(&self, now: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT DISTINCT lease_owner FROM outbox
             WHERE state = 'sending' AND lease_owner IS NOT NULL AND lease_until > ?1
             ORDER BY lease_owner",
        )?;
        let rows = statement.query_map([millis(now)], |row| row.get(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Ends every lease of `owner` now: the worker has proved that process gone, so its entries
    /// need not wait for their leases to run out.
    pub fn end_outbox_leases_of(&self, owner: &str, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let changed = self
            .connection
            .prepare_cached(
                "UPDATE outbox SET lease_until = ?2
                 WHERE state = 'sending' AND lease_owner = ?1 AND lease_until > ?2",
            )?
            .execute(rusqlite::params![owner, millis(now)])?;
        Ok(changed as u64)
    }

    /// Handed-over entries whose status should be asked for now, the longest-waiting first.
    pub fn due_outbox_polls(
        &self,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let sql = format!(
            "SELECT {} FROM outbox
             WHERE state = 'handed_over' AND next_poll_at <= ?1
             ORDER BY next_poll_at, sequence LIMIT ?2",
            entry_columns()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement.query_map(rusqlite::params![millis(now), limit], entry_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// When the worker next has something to do: the earliest queued attempt, lease end or poll.
    pub fn next_outbox_wakeup(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let earliest: Option<i64> = self.connection.query_row(
            "SELECT MIN(due) FROM (
                 SELECT MIN(next_attempt_at) AS due FROM outbox WHERE state = 'queued'
                 UNION ALL
                 SELECT MIN(COALESCE(lease_until, 0)) FROM outbox WHERE state = 'sending'
                 UNION ALL
                 SELECT MIN(next_poll_at) FROM outbox WHERE state = 'handed_over')",
            [],
            |row| row.get(0),
        )?;
        Ok(earliest.map(from_millis))
    }

    /// How many entries are in each state.
    pub fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let mut counts = OutboxCounts::default();
        let mut statement = self
            .connection
            .prepare_cached("SELECT state, COUNT(*) AS entries FROM outbox GROUP BY state")?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>("state")?,
                row.get::<_, i64>("entries")?,
            ))
        })?;
        for row in rows {
            let (state, count) = row?;
            let count = u64::try_from(count).unwrap_or(0);
            match OutboxState::from_code(&state) {
                Some(OutboxState::Queued) => counts.queued = count,
                Some(OutboxState::Sending) => counts.sending = count,
                Some(OutboxState::HandedOver) => counts.handed_over = count,
                Some(OutboxState::Delivered) => counts.delivered = count,
                Some(OutboxState::Failed) => counts.failed = count,
                Some(OutboxState::Handled) | None => counts.handled += count,
            }
        }
        Ok(counts)
    }

    /// The entries of these invoices (those that have one), for the list's delivery column.
    pub fn outbox_entries_of(&self, ids: &[InvoiceId]) -> Result<Vec<OutboxEntry>, StoreError> {
        let sql = format!(
            "SELECT {} FROM outbox WHERE invoice_id IN (SELECT value FROM json_each(?1))",
            entry_columns()
        );
        let list = json_ids(ids.iter().map(|id| id.0));
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement.query_map([list], entry_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Issued invoices that were never queued, oldest first ("Skicka alla").
    pub fn issued_unsent_invoices(&self) -> Result<Vec<InvoiceId>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id FROM invoices WHERE status = 'issued'
                 AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.invoice_id = invoices.id)
                 AND NOT EXISTS (SELECT 1 FROM opening_items o WHERE o.invoice_id = invoices.id)
             ORDER BY id",
        )?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Drafts that are not credit invoices, oldest first (the CLI's `send --include-drafts`).
    pub fn draft_invoice_ids(&self) -> Result<Vec<InvoiceId>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id FROM invoices WHERE status = 'draft' AND kind = 'invoice' ORDER BY id",
        )?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Entries whose failure the user has not seen yet.
    pub fn outbox_notices(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let sql = format!(
            "SELECT {} FROM outbox WHERE notice_pending = 1 ORDER BY updated_at, sequence",
            entry_columns()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement.query_map([], entry_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
