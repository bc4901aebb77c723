//! The app crate's integration tests, in one binary (one link on a 2-core machine): each module
//! is one area, on a real SQLite file, with the sandbox over loopback HTTP where it sends.
//! The OS keychain test is a binary of its own (tests/os_keychain.rs): it needs a D-Bus session.

mod architecture;
mod bookkeeping;
mod delivery;
mod documents;
mod invoice_form;
mod invoices;
mod open_company_file;
mod registers;
