//! The events that reach the books, one variant per kind, each turned into its verification by one
//! small function in `verification`. A new kind of event (a BgMax deposit, a write-off) is a new
//! variant here, a new `RecordKind` code and one more function.

use chrono::NaiveDate;
use fakturera_core::ledger::{LedgerInvoice, LedgerPayment};

use crate::accounts::AccountMap;
use crate::verification::{Verification, invoice_verification, payment_verification};

/// The kind of an event, stored with every exported record so an export remembers what it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Invoice,
    Payment,
}

impl RecordKind {
    pub const ALL: [RecordKind; 2] = [RecordKind::Invoice, RecordKind::Payment];

    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Invoice => "invoice",
            RecordKind::Payment => "payment",
        }
    }

    pub fn from_code(code: &str) -> Option<RecordKind> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Where invoices and payments of each kind order within one day: invoices first, so a
    /// payment on the day of its invoice follows it.
    fn order(self) -> u8 {
        match self {
            RecordKind::Invoice => 0,
            RecordKind::Payment => 1,
        }
    }
}

/// One event for the books.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerRecord {
    Invoice(LedgerInvoice),
    Payment(LedgerPayment),
}

impl LedgerRecord {
    pub fn kind(&self) -> RecordKind {
        match self {
            LedgerRecord::Invoice(_) => RecordKind::Invoice,
            LedgerRecord::Payment(_) => RecordKind::Payment,
        }
    }

    pub fn id(&self) -> i64 {
        match self {
            LedgerRecord::Invoice(invoice) => invoice.id,
            LedgerRecord::Payment(payment) => payment.id,
        }
    }

    pub fn date(&self) -> NaiveDate {
        match self {
            LedgerRecord::Invoice(invoice) => invoice.date,
            LedgerRecord::Payment(payment) => payment.date,
        }
    }

    /// The verification this event books.
    pub fn verification(&self, accounts: &AccountMap) -> Verification {
        match self {
            LedgerRecord::Invoice(invoice) => invoice_verification(invoice, accounts),
            LedgerRecord::Payment(payment) => payment_verification(payment, accounts),
        }
    }

    /// The order of the books: by date, then invoices before payments, then by id (issue order).
    pub fn sort_key(&self) -> (NaiveDate, u8, i64) {
        (self.date(), self.kind().order(), self.id())
    }
}
