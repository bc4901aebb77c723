//! The company file: one SQLite database per company, with forward-only migrations, backups,
//! and the registers and invoices of the offline core.
//!
//! The store keeps the rules that must hold whatever code touches the file (numbering without
//! gaps, issued invoices frozen, an append-only event log) in the database itself, with
//! transactions and triggers, so no front end can break them.

mod articles;
mod autoinvoice_settings;
mod backup;
mod bookkeeping_settings;
mod column_list;
mod column_mappings;
mod company;
mod customers;
mod delivery_choice;
mod error;
mod file_state;
mod integrity;
mod invoices;
mod ledger;
mod migrations;
mod money_in;
mod named_columns;
mod number_series;
mod open;
mod outbox;
mod print_queue;
mod receiver_lookups;
mod record_ids;
mod register_query;
mod register_transfer;
mod restore;
mod schema_check;
mod sie_exports;
mod sql_values;

pub use articles::Article;
pub use autoinvoice_settings::{AutoInvoiceEnvironment, AutoInvoiceSettings};
pub use backup::{BackupFile, BackupKind, BackupPolicy, backup_dir_for};
pub use bookkeeping_settings::{BookkeepingSettings, StoredAccount};
#[doc(hidden)]
pub use column_mappings::mapped_columns;
pub use company::{Company, Logo};
pub use customers::Customer;
pub use delivery_choice::DeliveryChoice;
pub use error::{StoreError, StoreErrorKind};
pub use integrity::IntegrityStatus;
pub use invoices::{
    CreditLink, DocumentKind, DocumentLink, InvoiceEvent, InvoiceEventKind, InvoiceFilter,
    InvoiceListQuery, InvoicePage, InvoiceSummary, MoneyKind, MoneyRecord, NewDocument,
    NewMoneyRecord, OPENING_SERIES_NAME, OpeningItem, Payment, PaymentStatus, StoredInvoice,
};
pub use migrations::{MIGRATIONS, Migration, latest_version};
pub use money_in::{
    BankFileImport, CustomerName, ImportOutcome, ImportedFile, InterestCharge, InvoicedMonth,
    LedgerScope, MAX_REMINDER_FEE, NewReminder, NewStatement, ReceivablesSettings, Reminder,
    StoreIndex, UnplacedPayment,
};
pub use number_series::{NumberSeries, SeriesGap, SeriesInput};
pub use open::Store;
pub use outbox::events::{DeliveryEvent, DeliveryEventKind, NewDeliveryEvent};
pub use outbox::history::DeliveredHistory;
pub use outbox::transitions::DeliveryFailure;
pub use outbox::{
    NewOutboxEntry, OutboxCounts, OutboxEntry, OutboxError, OutboxLease, OutboxState,
};
pub use print_queue::PRINTED_EVENT;
pub use record_ids::{ArticleId, CustomerId, InvoiceId, SeriesId};
pub use register_query::RegisterQuery;
pub use register_transfer::{ExistingNumbers, ImportCounts};
pub use restore::{PaymentNotInBackup, RestoreReport};
pub use sie_exports::{
    SieAssigned, SieExportPlan, SieExportRequest, SieExportSummary, SieRecordKey,
};
