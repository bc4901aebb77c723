//! "Skriv ut / Skicka": sending invoices through Visma AutoInvoice with an offline outbox.
//!
//! Queueing ([`App::send_invoice`]) issues and queues in one transaction; the
//! [`DeliveryWorker`] sends in queue order with an idempotency key per invoice that never changes,
//! retries transient failures with backoff, stops on permanent ones, pauses on refused
//! credentials, and polls each handed-over invoice until it is delivered or failed. Settings keep
//! the keys in the keychain only; the receiver lookup tells whether a customer takes e-invoices.

mod copy;
mod credentials;
mod drain;
mod lookup;
mod queue;
mod remote_state;
mod request;
mod reroute;
mod sandbox_address;
mod schedule;
mod sender_lock;
mod settings;
mod tasks;
mod views;
mod worker;

pub use drain::{DrainLimits, DrainUntil, SystemWallClock, WallClock};
pub use lookup::ReceiverLookupView;
pub(crate) use queue::routing_for;
pub use queue::{DeliveryNotice, OutboxSummary, SendPreview, SendPreviewRow};
pub use reroute::{RerouteChannel, RerouteRequest};
pub use sandbox_address::{SANDBOX_AVAILABLE, sandbox_address_problem};
pub use schedule::Schedule;
pub use settings::{
    AutoInvoiceSettingsForm, AutoInvoiceSettingsView, ConnectionReport, EnvironmentCode,
};
pub use views::{DeliveryEventView, DeliveryStateCode, DeliveryStatusView, DeliveryTimeline};
pub use worker::{DeliveryWorker, PassReport, WorkerOptions};

use fakturera_core::Text;

/// Why nothing is sent while AutoInvoice has no company id or keys.
pub(crate) fn credentials_missing() -> Text {
    Text::new(
        "AutoInvoice är inte inställt: ange företags-id och API-nyckel under Inställningar > AutoInvoice. Fakturorna ligger kvar i kön.",
        "AutoInvoice is not set up: enter the company id and API key under Settings > AutoInvoice. The invoices stay queued.",
    )
}
