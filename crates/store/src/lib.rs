//! The company file: one SQLite database per company, with forward-only migrations, backups,
//! and the registers and invoices of the offline core.
//!
//! The store keeps the rules that must hold whatever code touches the file (numbering without
//! gaps, issued invoices frozen, an append-only event log) in the database itself, with
//! transactions and triggers, so no front end can break them.

mod backup;
mod company;
mod error;
mod migrations;
mod open;
mod sql_values;

pub use backup::{BackupFile, BackupKind, BackupPolicy, backup_dir_for};
pub use company::{Address, Company, Logo};
pub use error::{StoreError, StoreErrorKind};
pub use migrations::{MIGRATIONS, Migration, latest_version};
pub use open::Store;
