//! The AX client against the in-process sandbox over real HTTP on loopback: every endpoint, the
//! routing matrix, token renewal, and each failure the outbox must tell apart.

mod fixture;

mod connection;
mod faults;
mod invoices;
mod routing;
mod tokens;
