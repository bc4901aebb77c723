//! The demo company's delivery history: a year of invoices was sent as it was issued, so every
//! invoice but the few newest carries its delivery (queued, handed to AutoInvoice, delivered) by
//! its customer's channel, and "Skicka alla" offers only those few, not a year of paid invoices.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime};
use fakturera_core::Language;
use fakturera_store::{DeliveredHistory, InvoiceId, NewOutboxEntry, Store};

use crate::delivery::routing_for;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::routing::{ChannelCode, channel_for_customer};

/// How many of the newest issued invoices are still waiting to be sent ...
const UNSENT_NEWEST: usize = 4;
/// ... as long as they are from the last month.
const UNSENT_WITHIN_DAYS: i64 = 30;

/// How long after queueing each channel reports the invoice delivered: an e-invoice and an
/// e-mail within minutes, a letter the next day.
fn delivery_time(channel: ChannelCode) -> Duration {
    match channel {
        ChannelCode::Einvoice => Duration::minutes(3),
        ChannelCode::Email => Duration::minutes(8),
        ChannelCode::Print => Duration::hours(26),
    }
}

fn channel_code(channel: ChannelCode) -> &'static str {
    match channel {
        ChannelCode::Einvoice => "einvoice",
        ChannelCode::Email => "email",
        ChannelCode::Print => "print",
    }
}

/// Records the delivery of every issued invoice in `store` except the [`UNSENT_NEWEST`] newest of
/// the last month, each sent the afternoon it was issued. Keys and ids are made from the invoice
/// id, so the same `today` gives the same file.
pub(crate) fn record_deliveries(
    store: &mut Store,
    today: NaiveDate,
    language: Language,
) -> Result<u32, AppError> {
    let to_app = |error: fakturera_store::StoreError| error.into_app_error(language);
    let mut issued = Vec::new();
    for id in store.issued_unsent_invoices().map_err(to_app)? {
        let stored = store.invoice(id).map_err(to_app)?;
        issued.push((stored.invoice.issue_date, id, stored));
    }
    issued.sort_by_key(|(date, id, _)| (*date, *id));
    let recent_from = today - Duration::days(UNSENT_WITHIN_DAYS);
    let newest = issued.len().saturating_sub(UNSENT_NEWEST);
    let mut recorded = 0;
    for (index, (issue_date, id, stored)) in issued.into_iter().enumerate() {
        if index >= newest && issue_date >= recent_from {
            continue;
        }
        let customer = store.customer(stored.customer_id).map_err(to_app)?;
        let snapshot = routing_for(&customer, &stored.invoice).for_user(language)?;
        let channel = channel_for_customer(&customer);
        let queued_at = sent_at(issue_date, id);
        let history = DeliveredHistory {
            entry: NewOutboxEntry {
                idempotency_key: format!("00000000-0000-4000-8000-{:012}", id.0),
                routing: snapshot.to_json(),
            },
            remote_id: format!("demo-{:08}", id.0),
            channel: channel_code(channel).to_owned(),
            queued_at,
            delivered_at: queued_at + delivery_time(channel),
        };
        store
            .record_delivered_history(id, &history)
            .map_err(to_app)?;
        recorded += 1;
    }
    Ok(recorded)
}

/// Mid-afternoon of the issue day, a minute apart per invoice.
fn sent_at(date: NaiveDate, id: InvoiceId) -> DateTime<chrono::Utc> {
    let start = date
        .and_time(NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default())
        .and_utc();
    start + Duration::minutes(id.0 % 60)
}
