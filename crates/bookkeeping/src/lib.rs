//! Bookkeeping output of Fakturera: what an accountant's program and Skatteverket need from the
//! invoices. Everything here is pure (no I/O, no clock): the store reads the facts
//! (`fakturera_core::ledger`), the app decides periods and remembers exports, and this crate turns
//! the facts into verifications, the SIE 4 file, the VAT return's sales boxes and the EU sales list.

pub mod accounts;
pub mod cp437;
pub mod eu_sales;
pub mod period;
pub mod record;
pub mod sek;
pub mod sie;
pub mod vat_return;
pub mod verification;

pub use accounts::{Account, AccountKey, AccountMap};
pub use period::ReportPeriod;
pub use record::{LedgerRecord, RecordKind};
pub use verification::{Transaction, Verification};
