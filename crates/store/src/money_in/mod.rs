//! Money in: the bank's payment files, the customer ledger, reminders, interest invoices and
//! statements, with the settings that steer them. Every record is written once; the core decides
//! what the records mean.

mod bank_files;
mod interest;
mod ledger;
mod reminders;
mod settings;
mod statements;

use rusqlite::ToSql;

use crate::column_list::ColumnList;
use crate::record_ids::InvoiceId;

/// The money-in tables and the columns their mappings read or write.
pub(crate) fn mapped_tables() -> Vec<crate::column_list::MappedTable> {
    [
        bank_files::mapped_tables(),
        interest::mapped_tables(),
        reminders::mapped_tables(),
        settings::mapped_tables(),
        statements::mapped_tables(),
    ]
    .concat()
}

/// The document (reminder, interest invoice, statement) a money-in record is written with.
pub(crate) const DOCUMENT_COLUMNS: ColumnList<InvoiceId> =
    ColumnList(&[("document_id", |id| id.to_sql())]);

pub use bank_files::{BankFileImport, ImportOutcome, ImportedFile, StoreIndex, UnplacedPayment};
pub use interest::InterestCharge;
pub(crate) use interest::insert_interest_charges;
pub use ledger::{CustomerName, InvoicedMonth, LedgerScope};
pub(crate) use reminders::insert_reminder;
pub use reminders::{NewReminder, Reminder};
pub use settings::{MAX_REMINDER_FEE, ReceivablesSettings};
pub use statements::NewStatement;
pub(crate) use statements::insert_statement;
