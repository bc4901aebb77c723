//! Peppol BIS Billing 3.0 e-invoices: the UBL 2.1 `Invoice` or `CreditNote` for an issued invoice, and
//! the checks that catch, before sending, what would make a receiver's operator reject it.
//!
//! Pure functions from core's domain to text: no I/O, no clock. Every amount comes from
//! `fakturera_core::invoice::compute_totals`, never from arithmetic here.

pub mod checks;
mod codes;
mod document;
pub mod endpoint;
mod lines;
mod parties;
pub mod payment;
pub mod registry_ids;
mod tax;
mod text_rows;
mod xml;

pub use checks::{Finding, Severity, check_before_send, check_totals, einvoice_reference_finding};
pub use document::{
    ATTACHMENT_MIME_TYPES, Attachment, BuyerReferenceSource, buyer_reference,
    buyer_reference_source, write_ubl,
};
pub use endpoint::{ElectronicAddress, buyer_address};
