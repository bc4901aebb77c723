//! What AutoInvoice says about an invoice, written into the outbox: every action onto the timeline
//! (once, however often it is read), and DELIVERED or FAILED as the entry's final state.

use chrono::{DateTime, Utc};
use fakturera_autoinvoice::{
    Action, ActionType, AxError, Channel, Invoice, InvoiceStatus, PermanentKind, TransientKind,
};
use fakturera_core::Text;
use fakturera_store::{
    DeliveryEventKind, DeliveryFailure, InvoiceId, NewDeliveryEvent, OutboxError, Store, StoreError,
};

/// The stable code of a channel, as stored.
pub(crate) fn channel_code(channel: Channel) -> Option<&'static str> {
    match channel {
        Channel::Einvoice => Some("einvoice"),
        Channel::Email => Some("email"),
        Channel::Print => Some("print"),
        Channel::Scan | Channel::Other => None,
    }
}

fn action_code(action: ActionType) -> &'static str {
    match action {
        ActionType::Received => "RECEIVED",
        ActionType::Created => "CREATED",
        ActionType::Sent => "SENT",
        ActionType::Delivered => "DELIVERED",
        ActionType::Info => "INFO",
        ActionType::Error => "ERROR",
        ActionType::Other => "OTHER",
    }
}

/// The stored kind of an AX error.
pub(crate) fn error_kind(error: &AxError) -> &'static str {
    match error {
        AxError::Transient { kind, .. } => match kind {
            TransientKind::Timeout => "timeout",
            TransientKind::Connection => "connection",
            TransientKind::ServerError => "server_error",
            TransientKind::RateLimited => "rate_limited",
        },
        AxError::Permanent { kind, .. } => match kind {
            PermanentKind::BadRequest => "bad_request",
            PermanentKind::Unauthorized => "unauthorized",
            PermanentKind::CompanyNotVerified => "company_not_verified",
            PermanentKind::Forbidden => "forbidden",
            PermanentKind::NotFound => "not_found",
            PermanentKind::Conflict => "conflict",
            PermanentKind::ValidationFailed => "validation_failed",
            PermanentKind::OtherStatus => "other_status",
            PermanentKind::InvalidResponse => "invalid_response",
            PermanentKind::InvalidConfiguration => "invalid_configuration",
        },
    }
}

/// The error as the outbox keeps it.
pub(crate) fn outbox_error(error: &AxError) -> OutboxError {
    let message = error.describe();
    OutboxError {
        kind: error_kind(error).to_owned(),
        message: Text::new(message.sv, message.en),
    }
}

/// Refused credentials (any 4xx from the token endpoint, a 401 that a new token does not cure, a
/// 403, a company that is not verified) pause all sending instead of failing invoices.
pub(crate) fn is_credentials_error(error: &AxError) -> bool {
    error.is_credentials_problem()
}

fn parse_time(text: Option<&str>, fallback: DateTime<Utc>) -> DateTime<Utc> {
    text.and_then(|text| DateTime::parse_from_rfc3339(text).ok())
        .map_or(fallback, |time| time.with_timezone(&Utc))
}

/// Adds the operator's actions to the timeline; the same action read again is not added twice.
pub(crate) fn record_actions(
    store: &Store,
    id: InvoiceId,
    actions: &[Action],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for action in actions {
        let code = action_code(action.action_type);
        let channel = action.channel.and_then(channel_code);
        let message = action.message.clone().unwrap_or_default();
        let event = NewDeliveryEvent {
            kind: DeliveryEventKind::Action,
            at: parse_time(action.happened_at.as_deref(), now),
            action: Some(code.to_owned()),
            channel: channel.map(str::to_owned),
            dedupe_key: Some(format!(
                "{code}|{}|{}|{message}",
                channel.unwrap_or(""),
                action.happened_at.as_deref().unwrap_or("")
            )),
            message,
        };
        store.append_delivery_event(id, &event)?;
    }
    Ok(())
}

/// Where the invoice ended, when it has: delivered by a channel, or failed with a reason.
pub(crate) enum Settled {
    Delivered(Option<&'static str>),
    Failed(DeliveryFailure),
    Pending(Option<&'static str>),
}

/// Reads the operator's invoice and actions as a final state or still pending.
pub(crate) fn settle(invoice: &Invoice, actions: &[Action]) -> Settled {
    let last_channel = |wanted: ActionType| {
        actions
            .iter()
            .rev()
            .find(|action| action.action_type == wanted)
            .and_then(|action| action.channel)
            .and_then(channel_code)
    };
    let destination = invoice.destination.and_then(channel_code);
    match invoice.status {
        InvoiceStatus::Delivered => {
            Settled::Delivered(last_channel(ActionType::Delivered).or(destination))
        }
        InvoiceStatus::Failed => {
            let reason = actions
                .iter()
                .rev()
                .find(|action| action.action_type == ActionType::Error)
                .and_then(|action| action.message.clone())
                .unwrap_or_else(|| "No reason given".to_owned());
            Settled::Failed(DeliveryFailure {
                error: OutboxError {
                    kind: "delivery_failed".to_owned(),
                    message: Text::new(
                        format!("AutoInvoice kunde inte leverera fakturan: {reason}"),
                        format!("AutoInvoice could not deliver the invoice: {reason}"),
                    ),
                },
                reasons: vec![reason],
                channel: last_channel(ActionType::Error)
                    .or(destination)
                    .map(str::to_owned),
            })
        }
        InvoiceStatus::Pending | InvoiceStatus::Other => {
            Settled::Pending(last_channel(ActionType::Sent).or(destination))
        }
    }
}
