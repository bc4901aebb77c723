//! The invoice's documents: the PDF (a preview of a draft, the copy of an issued invoice), the
//! Peppol e-invoice with that PDF embedded, and the send check that stops, before the invoice is
//! locked, whatever would keep it from reaching the customer on its route.

mod files;
mod pdf;
mod presend;
mod request;
mod route;
mod send_check;
mod source;
mod ubl;

pub use files::{
    DOCUMENTS_DIR_ENV, DocumentKind, SavedDocument, documents_dir_for_tests, private_preview_folder,
};
pub use presend::{FindingSeverity, PresendFinding, PresendReport};
pub use request::DocumentRequest;
pub use route::DeliveryRoute;
pub use send_check::{ROUTE_RULE, UNPRINTABLE_RULE};
pub use ubl::IssuedDocuments;

pub(crate) use files::write_whole;
pub(crate) use send_check::{CheckStage, refuse_when_blocked, report_for};
