//! The invoice's documents: the PDF (a preview of a draft, the copy of an issued invoice), the
//! Peppol e-invoice with that PDF embedded, and the pre-send checks that stop an e-invoice the
//! receiver's operator would reject before the user believes it was sent.

mod files;
mod pdf;
mod presend;
mod request;
mod route;
mod source;
mod ubl;

pub use files::{DOCUMENTS_DIR_ENV, DocumentKind, SavedDocument};
pub use presend::{FindingSeverity, PresendFinding, PresendReport};
pub use request::DocumentRequest;
pub use route::DeliveryRoute;
pub use ubl::IssuedDocuments;

pub(crate) use presend::refuse_when_blocked;
