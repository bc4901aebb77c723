//! The company file: one SQLite database per company, with forward-only migrations, backups,
//! and the registers and invoices of the offline core.
//!
//! The store keeps the rules that must hold whatever code touches the file (numbering without
//! gaps, issued invoices frozen, an append-only event log) in the database itself, with
//! transactions and triggers, so no front end can break them.

mod articles;
mod backup;
mod bookkeeping_settings;
mod company;
mod customers;
mod delivery_choice;
mod error;
mod integrity;
mod invoices;
mod invoices_queries;
mod ledger;
mod migrations;
mod money_in;
mod number_series;
mod open;
mod outbox;
mod outbox_events;
mod outbox_history;
mod outbox_lookup;
mod outbox_retry;
mod outbox_settings;
mod outbox_transitions;
mod print_queue;
mod record_ids;
mod register_query;
mod register_transfer;
mod restore;
mod schema_check;
mod sie_exports;
mod sql_values;

pub use articles::Article;
pub use backup::{BackupFile, BackupKind, BackupPolicy, backup_dir_for};
pub use bookkeeping_settings::{BookkeepingSettings, StoredAccount};
pub use company::{Company, Logo};
pub use customers::Customer;
pub use delivery_choice::DeliveryChoice;
pub use error::{StoreError, StoreErrorKind};
pub use integrity::IntegrityStatus;
pub use invoices::{
    DocumentKind, DocumentLink, InvoiceEvent, InvoiceEventKind, InvoiceFilter, InvoiceListQuery,
    InvoicePage, InvoiceSummary, MoneyKind, MoneyRecord, NewDocument, NewMoneyRecord,
    OPENING_SERIES_NAME, OpeningItem, Payment, PaymentStatus, StoredInvoice,
};
pub use invoices_queries::CreditLink;
pub use migrations::{MIGRATIONS, Migration, latest_version};
pub use money_in::{
    BankFileImport, CustomerName, ImportOutcome, ImportedFile, InterestCharge, InvoicedAmount,
    LedgerScope, MAX_REMINDER_FEE, NewReminder, NewStatement, ReceivablesSettings, Reminder,
    StoreIndex, UnplacedPayment,
};
pub use number_series::{NumberSeries, SeriesGap, SeriesInput};
pub use open::Store;
pub use outbox::{
    NewOutboxEntry, OutboxCounts, OutboxEntry, OutboxError, OutboxLease, OutboxState,
};
pub use outbox_events::{DeliveryEvent, DeliveryEventKind, NewDeliveryEvent};
pub use outbox_history::DeliveredHistory;
pub use outbox_settings::{AutoInvoiceEnvironment, AutoInvoiceSettings};
pub use outbox_transitions::DeliveryFailure;
pub use print_queue::PRINTED_EVENT;
pub use record_ids::{ArticleId, CustomerId, InvoiceId, SeriesId};
pub use register_query::RegisterQuery;
pub use register_transfer::{ExistingNumbers, ImportCounts};
pub use restore::{PaymentNotInBackup, RestoreReport};
pub use sie_exports::{
    SieAssigned, SieExportPlan, SieExportRequest, SieExportSummary, SieRecordKey,
};
