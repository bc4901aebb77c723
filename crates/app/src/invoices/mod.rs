//! The invoice use cases: drafting from the editor's form, issuing with a number and an OCR
//! reference, crediting, the paged list, payments and the event log.
//!
//! Every method takes the time it needs (`today`, `now`) from its caller, so the shells read
//! the clock and these functions stay repeatable in tests.

pub(crate) mod choices;
mod codes;
mod copy;
mod credit;
mod detail;
pub(crate) mod drafts;
pub(crate) mod issue;
mod list;
mod payments;

pub use choices::{ArticleChoice, CustomerChoice};
pub use codes::{InvoiceFilterCode, InvoiceStatusCode, PaymentStateCode};
pub use credit::{CreditLineRequest, CreditRequest};
pub use detail::{InvoiceDetail, InvoiceLink};
pub use drafts::NewInvoice;
pub use list::{InvoiceListPage, InvoiceListRequest, InvoiceRow};
pub use payments::{InvoiceEventView, MoneyKindCode, PaymentEntry, PaymentRequest, PaymentView};
