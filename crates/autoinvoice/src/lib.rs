//! The AutoInvoice (Visma / Maventa AX) HTTP client: token cache, receiver lookup, sending (UBL or a
//! ZIP with our PDF), status, actions, resync lists and reroutes, with errors sorted into transient and
//! permanent. It knows nothing of Fakturera's domain: bytes and routing fields in, statuses out.
//! The contract it implements is shared/autoinvoice/contract.md.

mod bundle;
mod classify;
mod client;
mod clock;
mod config;
mod error;
mod model;
mod routing;
mod secret;
mod token;

pub use bundle::{BundleError, zip_invoice};
pub use client::AxClient;
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{AxConfig, Credentials, PRODUCTION_URL, TEST_URL};
pub use error::{AxError, Message, PermanentKind, TransientKind};
pub use model::{
    Action, ActionType, Channel, Document, DocumentType, Invoice, InvoiceStatus, Language,
    ListQuery, Participant, PrintAddress, Receiver, Recipient, Reroute, SendInvoice, SendOutcome,
};
pub use routing::Routing;
pub use secret::Secret;
pub use token::REFRESH_AHEAD;
