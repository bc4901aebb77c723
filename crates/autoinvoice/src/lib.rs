//! The AutoInvoice (Visma / Maventa AX) HTTP client: token cache, receiver lookup, sending (UBL or a
//! ZIP with our PDF), status, resync lists, reroutes, the company's authorization state and print
//! setting, with errors sorted into transient and permanent, and a resend after a lost reply
//! recognised as already sent. It knows nothing of Fakturera's domain: bytes and routing fields in,
//! statuses out. The contract it implements is shared/autoinvoice/contract.md, corrected where the
//! real API's public clients and documentation say otherwise (crates/sandbox/README.md lists each).

mod bundle;
mod classify;
mod client;
mod clock;
mod company;
mod config;
mod error;
mod lenient;
mod lookup;
mod model;
mod resend;
mod routing;
mod secret;
mod token;

pub use bundle::{BundleError, MAX_FILE_NAME, file_stem, is_acceptable_file_name, zip_invoice};
pub use client::AxClient;
pub use clock::{Clock, ManualClock, SystemClock};
pub use company::{CompanyAuthorization, CompanyState, OwnPdf, PrintSettings};
pub use config::{AxConfig, Credentials, PRODUCTION_URL, TEST_URL};
pub use error::{AxError, Message, PermanentKind, TransientKind};
pub use lookup::{LOOKUP_NETWORKS, ReceiverQuery, best_receiver};
pub use model::{
    Action, ActionType, Channel, Document, DocumentType, FoundBy, Invoice, InvoiceFile,
    InvoiceIdentity, InvoiceStatus, Language, ListQuery, Participant, PrintAddress, Receiver,
    Recipient, Reroute, SendInvoice, SendOutcome,
};
pub use routing::Routing;
pub use secret::Secret;
pub use token::REFRESH_AHEAD;
