//! Invoices and credit invoices: their content, totals, validation, credit and lifecycle.

mod credit;
mod document;
mod lifecycle;
mod line;
mod totals;
mod validate;
mod vat_inclusive;

pub use credit::{CreditSelection, credit_invoice};
pub use document::{CreditReference, Invoice, InvoiceKind, PriceEntry, Rounding};
pub use lifecycle::{InvoiceStatus, PaymentState, is_overdue};
pub use line::{Charge, ChargeKind, Discount, InvoiceLine};
pub use totals::{LineAmounts, Totals, VatSubtotal, compute_totals};
pub use validate::{MAX_TEXT_LENGTH, validate_for_issue, validate_lines};
