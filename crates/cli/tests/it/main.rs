//! The `fakturera` binary, run for real on temporary company files, in one test binary.

mod delivery;
mod demo_company;
mod documents;
mod invoices;
mod printing;
mod registers;
