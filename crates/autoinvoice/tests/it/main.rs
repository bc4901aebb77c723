//! The AX client against the in-process sandbox over real HTTP on loopback: every endpoint, the
//! routing matrix, token renewal, each failure the outbox must tell apart, the resend after a lost
//! reply, the company's state and settings, and the lookup as the real API takes it.

mod fixture;

mod company;
mod connection;
mod faults;
mod invoices;
mod lookup;
mod resend;
mod routing;
mod tokens;
