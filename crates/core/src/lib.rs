//! The Fakturera domain: money, VAT, Swedish identifiers, payment terms and invoices.
//!
//! Everything here is pure: no I/O, no clock, no random source. Dates and ids are passed in,
//! so the same input always gives the same invoice, totals and messages.

pub mod field_error;
pub mod ids;
pub mod invoice;
pub mod ledger;
pub mod money;
pub mod party;
pub mod payment_terms;
pub mod receivables;
pub mod samples;
pub mod text;
pub mod unit;
pub mod vat;
pub mod vat_rates;

pub use field_error::{FieldError, FieldErrors};
pub use text::{Language, Text};
