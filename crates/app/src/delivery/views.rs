//! How a delivery looks on screen: the state at a glance ("Levererad (e-faktura)", "Väntar på
//! anslutning") and the timeline, with every label in the user's language.

use fakturera_core::{Language, Text};
use fakturera_store::{DeliveryEvent, DeliveryEventKind, InvoiceId, OutboxEntry, OutboxState};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::routing::ChannelCode;

/// Where an invoice's delivery stands, as the list and the invoice show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeliveryStateCode {
    NotSent,
    Queued,
    /// Queued, and the last attempt could not reach AutoInvoice.
    WaitingForConnection,
    /// Queued, and sending waits for the user to fix the credentials.
    Paused,
    Sending,
    HandedOver,
    Delivered,
    Failed,
    Handled,
}

/// The delivery state of one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveryStatusView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub state: DeliveryStateCode,
    pub channel: Option<ChannelCode>,
    /// "Levererad (e-faktura)", "Väntar på anslutning", ...
    pub label: String,
    /// The last error or the reason for the pause, when there is one.
    pub detail: Option<String>,
    /// The operator's reasons for a rejection (rule ids and texts).
    pub reasons: Vec<String>,
    pub attempts: u32,
    /// RFC 3339; when a queued invoice is tried next.
    pub next_attempt_at: Option<String>,
    /// AutoInvoice has the invoice, so it can send it again by another channel.
    pub can_reroute: bool,
    /// The failure was ours and AutoInvoice never held the invoice: "Försök igen" sends it again
    /// with the same idempotency key once the cause (in `detail`) is fixed.
    pub can_retry: bool,
    pub can_mark_handled: bool,
    /// Delivered and held by AutoInvoice: a copy can be sent by e-mail to another address.
    pub can_send_copy: bool,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveryEventView {
    /// RFC 3339.
    pub at: String,
    /// queued, handed_over, action, failed, rerouted, handled, retried, copy_sent
    pub kind: String,
    /// The operator's action (CREATED, SENT, DELIVERED, INFO, ERROR) for kind `action`.
    pub action: Option<String>,
    pub channel: Option<ChannelCode>,
    /// What happened, in the user's language.
    pub label: String,
    pub message: String,
}

/// The invoice's delivery: state and timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveryTimeline {
    pub status: DeliveryStatusView,
    pub events: Vec<DeliveryEventView>,
}

/// Error kinds that mean "AutoInvoice could not be reached"; the invoice waits for the connection.
pub(crate) const OFFLINE_KINDS: [&str; 3] = ["connection", "timeout", "server_error"];

fn state_of(entry: &OutboxEntry, paused: bool) -> DeliveryStateCode {
    match entry.state {
        OutboxState::Queued | OutboxState::Sending if paused => DeliveryStateCode::Paused,
        OutboxState::Queued
            if entry
                .last_error
                .as_ref()
                .is_some_and(|error| OFFLINE_KINDS.contains(&error.kind.as_str())) =>
        {
            DeliveryStateCode::WaitingForConnection
        }
        OutboxState::Queued => DeliveryStateCode::Queued,
        OutboxState::Sending => DeliveryStateCode::Sending,
        OutboxState::HandedOver => DeliveryStateCode::HandedOver,
        OutboxState::Delivered => DeliveryStateCode::Delivered,
        OutboxState::Failed => DeliveryStateCode::Failed,
        OutboxState::Handled => DeliveryStateCode::Handled,
    }
}

fn state_label(state: DeliveryStateCode, channel: Option<ChannelCode>) -> Text {
    let via = |sv: &str, en: &str| match channel {
        Some(channel) => {
            let name = channel.label();
            Text::new(format!("{sv} ({})", name.sv), format!("{en} ({})", name.en))
        }
        None => Text::new(sv, en),
    };
    match state {
        DeliveryStateCode::NotSent => Text::new("Ej skickad", "Not sent"),
        DeliveryStateCode::Queued => Text::new("I kö för att skickas", "Queued for sending"),
        DeliveryStateCode::WaitingForConnection => {
            Text::new("Väntar på anslutning", "Waiting for connection")
        }
        DeliveryStateCode::Paused => Text::new(
            "Pausad: kontrollera AutoInvoice-inställningarna",
            "Paused: check the AutoInvoice settings",
        ),
        DeliveryStateCode::Sending => Text::new("Skickas…", "Sending…"),
        DeliveryStateCode::HandedOver => {
            via("Överlämnad till AutoInvoice", "Handed to AutoInvoice")
        }
        DeliveryStateCode::Delivered => via("Levererad", "Delivered"),
        DeliveryStateCode::Failed => via("Ej levererad", "Not delivered"),
        DeliveryStateCode::Handled => Text::new("Hanterad manuellt", "Handled manually"),
    }
}

/// The status of an invoice that was never queued.
pub(crate) fn not_sent(invoice_id: InvoiceId, language: Language) -> DeliveryStatusView {
    DeliveryStatusView {
        invoice_id: invoice_id.0,
        state: DeliveryStateCode::NotSent,
        channel: None,
        label: state_label(DeliveryStateCode::NotSent, None)
            .in_language(language)
            .to_owned(),
        detail: None,
        reasons: Vec::new(),
        attempts: 0,
        next_attempt_at: None,
        can_reroute: false,
        can_retry: false,
        can_mark_handled: false,
        can_send_copy: false,
    }
}

/// The status of a queued (or once queued) invoice; `paused` is the settings' pause reason.
pub(crate) fn status_view(
    entry: &OutboxEntry,
    paused: Option<&Text>,
    language: Language,
) -> DeliveryStatusView {
    let state = state_of(entry, paused.is_some());
    let channel = entry.channel.as_deref().and_then(ChannelCode::from_code);
    let detail = match (state, paused) {
        (DeliveryStateCode::Paused, Some(reason)) => Some(reason.in_language(language).to_owned()),
        (
            DeliveryStateCode::Queued
            | DeliveryStateCode::WaitingForConnection
            | DeliveryStateCode::Failed
            | DeliveryStateCode::HandedOver,
            _,
        ) => entry
            .last_error
            .as_ref()
            .map(|error| error.message.in_language(language).to_owned()),
        _ => None,
    };
    DeliveryStatusView {
        invoice_id: entry.invoice_id.0,
        state,
        channel,
        label: state_label(state, channel).in_language(language).to_owned(),
        detail,
        reasons: entry.reasons.clone(),
        attempts: entry.attempts,
        next_attempt_at: matches!(
            state,
            DeliveryStateCode::Queued | DeliveryStateCode::WaitingForConnection
        )
        .then(|| entry.next_attempt_at.to_rfc3339()),
        can_reroute: state == DeliveryStateCode::Failed && entry.remote_id.is_some(),
        can_retry: state == DeliveryStateCode::Failed && entry.remote_id.is_none(),
        // Only where AutoInvoice cannot deliver it on its own (the store refuses the others).
        can_mark_handled: entry.can_be_marked_handled(),
        can_send_copy: state == DeliveryStateCode::Delivered && entry.remote_id.is_some(),
    }
}

fn event_label(event: &DeliveryEvent, channel: Option<ChannelCode>) -> Text {
    let channel_name = channel.map(ChannelCode::label);
    let with_channel = |sv: &str, en: &str| match &channel_name {
        Some(name) => Text::new(format!("{sv} ({})", name.sv), format!("{en} ({})", name.en)),
        None => Text::new(sv, en),
    };
    match event.kind {
        DeliveryEventKind::Queued => Text::new("Lagd i kö för att skickas", "Queued for sending"),
        DeliveryEventKind::HandedOver => {
            Text::new("Överlämnad till AutoInvoice", "Handed to AutoInvoice")
        }
        DeliveryEventKind::Action => match event.action.as_deref() {
            Some("CREATED") => Text::new("Mottagen av AutoInvoice", "Received by AutoInvoice"),
            Some("SENT") => with_channel("Skickad", "Sent"),
            Some("DELIVERED") => with_channel("Levererad", "Delivered"),
            Some("ERROR") => with_channel("Fel vid leverans", "Delivery error"),
            _ => Text::new(
                "Information från AutoInvoice",
                "Information from AutoInvoice",
            ),
        },
        DeliveryEventKind::Failed => with_channel("Ej levererad", "Not delivered"),
        DeliveryEventKind::Rerouted => with_channel("Skickas om", "Sent again"),
        DeliveryEventKind::Handled => Text::new("Markerad som hanterad", "Marked as handled"),
        DeliveryEventKind::Retried => Text::new(
            "Skickas igen (samma faktura, inget dubbelt utskick)",
            "Sent again (the same invoice, never twice)",
        ),
        DeliveryEventKind::CopySent => Text::new(
            format!("Kopia skickad med e-post till {}", event.message),
            format!("Copy sent by e-mail to {}", event.message),
        ),
    }
}

pub(crate) fn event_view(event: &DeliveryEvent, language: Language) -> DeliveryEventView {
    let channel = event.channel.as_deref().and_then(ChannelCode::from_code);
    DeliveryEventView {
        at: event.at.to_rfc3339(),
        kind: event.kind.code().to_owned(),
        action: event.action.clone(),
        channel,
        label: event_label(event, channel).in_language(language).to_owned(),
        message: event.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use fakturera_store::OutboxError;

    fn entry(state: OutboxState, channel: Option<&str>, error_kind: Option<&str>) -> OutboxEntry {
        let at = Utc
            .with_ymd_and_hms(2026, 5, 4, 9, 0, 0)
            .single()
            .unwrap_or_default();
        OutboxEntry {
            invoice_id: InvoiceId(7),
            sequence: 1,
            idempotency_key: "k".to_owned(),
            state,
            routing: "{}".to_owned(),
            attempts: 1,
            next_attempt_at: at,
            last_error: error_kind.map(|kind| OutboxError {
                kind: kind.to_owned(),
                message: Text::new("fel", "error"),
            }),
            reasons: Vec::new(),
            remote_id: Some("ax".to_owned()),
            channel: channel.map(str::to_owned),
            next_poll_at: None,
            polls: 0,
            notice_pending: false,
            enqueued_at: at,
            updated_at: at,
            handed_over_at: None,
            finished_at: None,
            lease_owner: None,
            lease_until: None,
            poll_errors: 0,
        }
    }

    #[test]
    fn states_read_at_a_glance_in_both_languages() {
        let pause = Text::new("Ej verifierat", "Not verified");
        let cases = [
            (
                entry(OutboxState::Delivered, Some("einvoice"), None),
                None,
                "Levererad (e-faktura)",
                "Delivered (e-invoice)",
            ),
            (
                entry(OutboxState::Delivered, Some("print"), None),
                None,
                "Levererad (brev)",
                "Delivered (letter)",
            ),
            (
                entry(OutboxState::Queued, None, Some("connection")),
                None,
                "Väntar på anslutning",
                "Waiting for connection",
            ),
            (
                entry(OutboxState::Queued, None, Some("unauthorized")),
                Some(&pause),
                "Pausad: kontrollera AutoInvoice-inställningarna",
                "Paused: check the AutoInvoice settings",
            ),
            (
                entry(OutboxState::Failed, Some("email"), Some("delivery_failed")),
                None,
                "Ej levererad (e-post)",
                "Not delivered (e-mail)",
            ),
        ];
        for (entry, paused, sv, en) in cases {
            assert_eq!(status_view(&entry, paused, Language::Swedish).label, sv);
            assert_eq!(status_view(&entry, paused, Language::English).label, en);
        }
        let failed = status_view(
            &entry(OutboxState::Failed, Some("email"), Some("delivery_failed")),
            None,
            Language::English,
        );
        assert!(failed.can_reroute && failed.can_mark_handled && !failed.can_retry);
        let mut never_held = entry(OutboxState::Failed, None, Some("document"));
        never_held.remote_id = None;
        let ours = status_view(&never_held, None, Language::Swedish);
        assert!(ours.can_retry && !ours.can_reroute);
        assert_eq!(failed.detail.as_deref(), Some("error"));
        // Tried before without a sure answer: AutoInvoice may hold it, so no "Markera som hanterad".
        let tried = status_view(
            &entry(OutboxState::Queued, None, Some("timeout")),
            None,
            Language::Swedish,
        );
        assert!(!tried.can_mark_handled);
        let never_tried = OutboxEntry {
            attempts: 0,
            ..entry(OutboxState::Queued, None, None)
        };
        assert!(status_view(&never_tried, None, Language::Swedish).can_mark_handled);
    }
}
