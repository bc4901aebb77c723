//! The company file: one SQLite database per company, with forward-only migrations, backups,
//! and the registers and invoices of the offline core.
//!
//! The store keeps the rules that must hold whatever code touches the file (numbering without
//! gaps, issued invoices frozen, an append-only event log) in the database itself, with
//! transactions and triggers, so no front end can break them.

mod articles;
mod backup;
mod company;
mod customers;
mod delivery_choice;
mod error;
mod integrity;
mod invoices;
mod invoices_queries;
mod migrations;
mod number_series;
mod open;
mod outbox;
mod outbox_events;
mod outbox_lookup;
mod outbox_settings;
mod outbox_transitions;
mod record_ids;
mod register_query;
mod sql_values;

pub use articles::Article;
pub use backup::{BackupFile, BackupKind, BackupPolicy, backup_dir_for};
pub use company::{Company, Logo};
pub use customers::Customer;
pub use delivery_choice::DeliveryChoice;
pub use error::{StoreError, StoreErrorKind};
pub use integrity::IntegrityStatus;
pub use invoices::{
    InvoiceEvent, InvoiceEventKind, InvoiceFilter, InvoiceListQuery, InvoicePage, InvoiceSummary,
    Payment, PaymentStatus, StoredInvoice,
};
pub use invoices_queries::CreditLink;
pub use migrations::{MIGRATIONS, Migration, latest_version};
pub use number_series::{NumberSeries, SeriesInput};
pub use open::Store;
pub use outbox::{NewOutboxEntry, OutboxCounts, OutboxEntry, OutboxError, OutboxState};
pub use outbox_events::{DeliveryEvent, DeliveryEventKind, NewDeliveryEvent};
pub use outbox_settings::{AutoInvoiceEnvironment, AutoInvoiceSettings};
pub use outbox_transitions::DeliveryFailure;
pub use record_ids::{ArticleId, CustomerId, InvoiceId, SeriesId};
pub use register_query::RegisterQuery;
