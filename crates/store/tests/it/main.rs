//! Integration tests of the store against real SQLite files in temporary folders.

mod backups;
mod column_mappings;
mod company;
mod invoiced;
mod invoices;
mod issue_race;
mod open;
mod outbox;
mod outbox_retry;
mod registers;
mod settlement;
mod statement_forms;

/// A fresh temporary folder and a company-file path inside it.
pub fn temp_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("Företag AB.fakturera");
    (dir, path)
}
