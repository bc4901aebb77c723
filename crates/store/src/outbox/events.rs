//! The delivery timeline of each sent invoice: queued, handed over, every action AutoInvoice
//! reports (created, sent, delivered, info, error) with channel and time, reroutes and manual
//! handling. Append-only (triggers refuse changes), and an operator action read twice is kept once.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ToSql};

use crate::column_list::{ColumnList, RowValues};
use crate::error::StoreError;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::InvoiceId;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryEventKind {
    Queued,
    HandedOver,
    /// An action AutoInvoice reported; `action` says which.
    Action,
    /// Not delivered: refused on sending, or reported failed by the operator.
    Failed,
    Rerouted,
    Handled,
    /// Sent again with the same idempotency key after a failure AutoInvoice never held.
    Retried,
    /// A copy of the delivered invoice sent by e-mail; `message` is the address.
    CopySent,
}

impl DeliveryEventKind {
    pub const ALL: [DeliveryEventKind; 8] = [
        DeliveryEventKind::Queued,
        DeliveryEventKind::HandedOver,
        DeliveryEventKind::Action,
        DeliveryEventKind::Failed,
        DeliveryEventKind::Rerouted,
        DeliveryEventKind::Handled,
        DeliveryEventKind::Retried,
        DeliveryEventKind::CopySent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeliveryEventKind::Queued => "queued",
            DeliveryEventKind::HandedOver => "handed_over",
            DeliveryEventKind::Action => "action",
            DeliveryEventKind::Failed => "failed",
            DeliveryEventKind::Rerouted => "rerouted",
            DeliveryEventKind::Handled => "handled",
            DeliveryEventKind::Retried => "retried",
            DeliveryEventKind::CopySent => "copy_sent",
        }
    }

    pub fn from_code(code: &str) -> Option<DeliveryEventKind> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// An event to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeliveryEvent {
    pub kind: DeliveryEventKind,
    pub at: DateTime<Utc>,
    /// The operator's action type (CREATED, SENT, DELIVERED, INFO, ERROR) for `Action`.
    pub action: Option<String>,
    /// einvoice, email or print.
    pub channel: Option<String>,
    pub message: String,
    /// Events with the same key for one invoice are stored once.
    pub dedupe_key: Option<String>,
}

impl NewDeliveryEvent {
    pub fn new(kind: DeliveryEventKind, at: DateTime<Utc>) -> NewDeliveryEvent {
        NewDeliveryEvent {
            kind,
            at,
            action: None,
            channel: None,
            message: String::new(),
            dedupe_key: None,
        }
    }

    pub fn with_channel(mut self, channel: Option<String>) -> NewDeliveryEvent {
        self.channel = channel;
        self
    }

    pub fn with_message(mut self, message: impl Into<String>) -> NewDeliveryEvent {
        self.message = message.into();
        self
    }
}

/// One stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryEvent {
    pub at: DateTime<Utc>,
    pub kind: DeliveryEventKind,
    pub action: Option<String>,
    pub channel: Option<String>,
    pub message: String,
}

const EVENT_INVOICE_COLUMNS: ColumnList<InvoiceId> =
    ColumnList(&[("invoice_id", |id| id.to_sql())]);

pub(crate) const EVENT_WRITES: ColumnList<NewDeliveryEvent> = ColumnList(&[
    ("at", |e| e.at.to_sql()),
    ("kind", |e| e.kind.code().to_sql()),
    ("action", |e| e.action.to_sql()),
    ("channel", |e| e.channel.to_sql()),
    ("message", |e| e.message.to_sql()),
    ("dedupe_key", |e| e.dedupe_key.to_sql()),
]);

/// Adds the event unless one with the same dedupe key exists; true when it was added.
pub(crate) fn insert_event(
    connection: &Connection,
    invoice_id: InvoiceId,
    event: &NewDeliveryEvent,
) -> Result<bool, StoreError> {
    let values = RowValues::of(&EVENT_INVOICE_COLUMNS, &invoice_id)?.and(&EVENT_WRITES, event)?;
    let sql = format!(
        "{} ON CONFLICT (invoice_id, dedupe_key) DO NOTHING",
        values.insert_sql("delivery_events")
    );
    let added = values.execute(connection, &sql)?;
    Ok(added == 1)
}

impl Store {
    /// Adds an event to an invoice's delivery timeline; false when it was already there.
    pub fn append_delivery_event(
        &self,
        invoice_id: InvoiceId,
        event: &NewDeliveryEvent,
    ) -> Result<bool, StoreError> {
        insert_event(&self.connection, invoice_id, event)
    }

    /// The delivery timeline of an invoice, oldest first.
    pub fn delivery_events(&self, invoice_id: InvoiceId) -> Result<Vec<DeliveryEvent>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT at, kind, action, channel, message FROM delivery_events
             WHERE invoice_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([invoice_id], |row| {
            Ok(DeliveryEvent {
                at: row.get("at")?,
                kind: row.code("kind", DeliveryEventKind::from_code)?,
                action: row.get("action")?,
                channel: row.get("channel")?,
                message: row.get("message")?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}
