//! The documents of an invoice or any other issued document: the PDF (a preview of a draft, the
//! copy of an issued invoice, a reminder or statement as its letter), the Peppol e-invoice with
//! that PDF embedded, and the send check (`crate::send_check`) run on the editor's form and on a
//! saved invoice. It makes what `invoices` and `money_in` issue, so it builds on both.

mod files;
mod pdf;
mod presend;
mod request;
mod source;
mod ubl;

pub use files::{
    DOCUMENTS_DIR_ENV, DocumentKind, SavedDocument, documents_dir_for_tests, private_preview_folder,
};
pub use request::DocumentRequest;
pub use ubl::IssuedDocuments;

pub(crate) use files::write_whole;
