//! Money in: what is left to pay on each invoice, the customer ledger and its aging, late-payment
//! interest, reminders and the bank's payment files (BgMax).
//!
//! Pure like the rest of the core: the store reads the records, these functions decide what they
//! mean, so the list, the ledger, reminders, interest and the dashboard all agree.

mod aging;
mod bank_matching;
mod bgmax;
mod bgmax_writer;
mod interest;
mod ledger;
mod reminders;
mod settlement;

pub use aging::{AgingAmounts, AgingBucket, AgingLine, AgingReport};
pub use bank_matching::{
    Allocation, InvoiceIndex, MatchCandidate, MatchOutcome, PaymentPlan, payment_identity,
    plan_bank_file,
};
pub use bgmax::{
    BankEntryKind, BankPayment, BgMaxError, BgMaxFile, Deposit, ExtraReference, parse_bgmax,
};
pub use bgmax_writer::{BgMaxSpec, DepositSpec, PaymentSpec, write_bgmax};
pub use interest::{
    InterestRate, InterestSegment, PrincipalHistory, ReferenceRates, STATUTORY_MARGIN,
    interest_segments,
};
pub use ledger::{EntryKind, Ledger, LedgerDocument, LedgerRecord, LedgerRow, OpenItem, to_sek};
pub use reminders::{PastReminder, ReminderRules, ReminderStep, next_step};
pub use settlement::{Settlement, SettlementFacts, without_negative_zero};
