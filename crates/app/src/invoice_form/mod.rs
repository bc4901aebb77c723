//! The invoice editor's form as it crosses IPC, and its translation to and from the domain invoice.
//!
//! The form carries exactly what the user typed (decimals as strings, in Swedish or English
//! notation), so nothing is lost to floating point on the way and every parse error can name its cell.

mod decimal_input;
mod form;
mod from_invoice;
mod rows;
mod to_invoice;
mod totals_view;

pub use decimal_input::parse_decimal;
pub use form::{DiscountKindCode, InvoiceForm, InvoiceLineForm, RowKindCode, VatTreatmentCode};
pub use from_invoice::form_from_invoice;
pub use rows::{form_field, form_fields};
pub use to_invoice::{FormParties, invoice_from_form};
pub use totals_view::{TotalsView, VatRowView};
