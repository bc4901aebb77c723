//! The send check: the one check that decides whether an invoice can go to its customer on the
//! route it will take. It looks only at the invoice and the customer, so every module that needs
//! it builds on it: `invoices` runs it before numbering, `delivery` before queueing, and
//! `documents` on the editor's form and on a saved invoice.

mod check;
mod report;
mod route;

pub use check::{ROUTE_RULE, UNPRINTABLE_RULE};
pub use report::{FindingSeverity, PresendFinding, PresendReport};
pub use route::DeliveryRoute;

pub(crate) use check::{CheckStage, refuse_when_blocked, report_for};
