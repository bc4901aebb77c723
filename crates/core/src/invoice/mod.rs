//! Invoices and credit invoices: their content, totals, validation, credit and lifecycle.

mod allowance;
mod credit;
mod document;
mod lifecycle;
mod limits;
mod line;
mod totals;
mod validate;
mod vat_inclusive;

pub use allowance::DocumentAllowance;
pub use credit::{CreditSelection, credit_invoice};
pub use document::{CreditReference, Invoice, InvoiceKind, PriceEntry, Rounding};
pub use lifecycle::{InvoiceStatus, PaymentState, is_overdue};
pub use limits::{MAX_AMOUNT, MAX_EXCHANGE_RATE, MAX_LINES, MAX_QUANTITY, check_amount_limits};
pub use line::{Charge, ChargeKind, Discount, InvoiceLine, RowRef, TextRow, rows_in_order};
pub use totals::{LineAmounts, Totals, VatSubtotal, compute_totals};
pub use validate::{
    MAX_TEXT_LENGTH, validate_discount, validate_for_issue, validate_lines, validate_text_rows,
};
