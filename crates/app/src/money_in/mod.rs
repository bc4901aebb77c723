//! Money in: the customer ledger and its aging, the bank's payment files (BgMax), reminders,
//! interest invoices, statements and the dashboard. Every amount is computed by the core and only
//! formatted here; every record is history, corrected by a new record.

mod aging;
mod bank_files;
mod dashboard;
mod documents;
mod interest;
mod ledger;
pub(crate) mod letters;
mod reminders;
mod settings;
mod statement;

pub use aging::{AgingAmountsView, AgingCustomerView, AgingReportView};
pub use bank_files::{
    AllocationView, BankFilePreview, BankPaymentPreview, DepositView, MatchOutcomeCode,
    OutcomeCounts, SampleBankFile, SamplePayment, SuggestionView, UnplacedPaymentView,
};
pub use dashboard::{DashboardView, Figure, MonthBar};
pub use interest::{
    InterestClaim, InterestInvoiceView, InterestLineView, InterestProposal, ReferenceRateView,
};
pub use ledger::{
    AgingBucketCode, CompanyLedgerView, CustomerLedgerView, LedgerCustomerLine, LedgerEntryCode,
    LedgerRowView, OpenItemView,
};
pub use reminders::{ReminderCandidate, ReminderProposal, ReminderStepCode, ReminderView};
pub use settings::ReceivablesSettingsForm;
pub use statement::StatementDocument;
