// Typed calls for money in: Översikt, Reskontra (ledger and aging), the bank file, reminders,
// interest invoices, statements and their settings. Money crosses as exact decimal strings;
// every figure and bar height comes from Rust.
import type { AgingReportView } from "./bindings/AgingReportView";
import type { BankFilePreview } from "./bindings/BankFilePreview";
import type { CompanyLedgerView } from "./bindings/CompanyLedgerView";
import type { CustomerLedgerView } from "./bindings/CustomerLedgerView";
import type { DashboardView } from "./bindings/DashboardView";
import type { InterestInvoiceView } from "./bindings/InterestInvoiceView";
import type { InterestProposal } from "./bindings/InterestProposal";
import type { ReceivablesSettingsForm } from "./bindings/ReceivablesSettingsForm";
import type { ReferenceRateView } from "./bindings/ReferenceRateView";
import type { ReminderProposal } from "./bindings/ReminderProposal";
import type { ReminderView } from "./bindings/ReminderView";
import type { SavedDocument } from "./bindings/SavedDocument";
import type { StatementDocument } from "./bindings/StatementDocument";
import type { UnplacedPaymentView } from "./bindings/UnplacedPaymentView";
import { call } from "./call";

export type { AgingAmountsView } from "./bindings/AgingAmountsView";
export type { AgingBucketCode } from "./bindings/AgingBucketCode";
export type { BankPaymentPreview } from "./bindings/BankPaymentPreview";
export type { LedgerEntryCode } from "./bindings/LedgerEntryCode";
export type { LedgerRowView } from "./bindings/LedgerRowView";
export type { MatchOutcomeCode } from "./bindings/MatchOutcomeCode";
export type { MonthBar } from "./bindings/MonthBar";
export type { OpenItemView } from "./bindings/OpenItemView";
export type { ReminderCandidate } from "./bindings/ReminderCandidate";
export type {
  AgingReportView,
  BankFilePreview,
  CompanyLedgerView,
  CustomerLedgerView,
  DashboardView,
  InterestInvoiceView,
  InterestProposal,
  ReceivablesSettingsForm,
  ReferenceRateView,
  ReminderProposal,
  ReminderView,
  StatementDocument,
  UnplacedPaymentView,
};

export function dashboard(): Promise<DashboardView> {
  return call("dashboard");
}

export function companyLedger(asOf: string | null): Promise<CompanyLedgerView> {
  return call("company_ledger", { asOf });
}

export function customerLedger(customer: number, asOf: string | null): Promise<CustomerLedgerView> {
  return call("customer_ledger", { customer, asOf });
}

export function agingReport(asOf: string | null, customer: number | null): Promise<AgingReportView> {
  return call("aging_report", { asOf, customer });
}

/** Asks the user for the bank's file (a native dialog); `null` when cancelled. */
export function pickBankFile(): Promise<string | null> {
  return call("pick_bank_file");
}

export function previewBankFile(path: string, writeOff: boolean): Promise<BankFilePreview> {
  return call("preview_bank_file", { path, writeOff });
}

export function importBankFile(path: string, writeOff: boolean): Promise<BankFilePreview> {
  return call("import_bank_file", { path, writeOff });
}

export function unplacedBankPayments(): Promise<UnplacedPaymentView[]> {
  return call("unplaced_bank_payments");
}

/** Places `amount` of bank payment `id` on the invoice numbered `invoice`. */
export function placeBankPayment(id: number, invoice: string, amount: string): Promise<UnplacedPaymentView[]> {
  return call("place_bank_payment", { id, invoice, amount });
}

export function refundBankPayment(id: number, amount: string, note: string): Promise<UnplacedPaymentView[]> {
  return call("refund_bank_payment", { id, amount, note });
}

export function reminderProposal(): Promise<ReminderProposal> {
  return call("reminder_proposal");
}

export function createReminders(invoices: number[] | null): Promise<ReminderView[]> {
  return call("create_reminders", { invoices });
}

export function reminders(): Promise<ReminderView[]> {
  return call("reminders");
}

export function interestProposal(): Promise<InterestProposal> {
  return call("interest_proposal");
}

export function createInterestInvoices(customers: number[] | null): Promise<InterestInvoiceView[]> {
  return call("create_interest_invoices", { customers });
}

export function referenceRates(): Promise<ReferenceRateView[]> {
  return call("reference_rates");
}

export function setReferenceRate(validFrom: string, rate: string): Promise<ReferenceRateView[]> {
  return call("set_reference_rate", { validFrom, rate });
}

export function receivablesSettings(): Promise<ReceivablesSettingsForm> {
  return call("receivables_settings");
}

export function saveReceivablesSettings(form: ReceivablesSettingsForm): Promise<ReceivablesSettingsForm> {
  return call("save_receivables_settings", { form });
}

export function createStatement(customer: number): Promise<StatementDocument> {
  return call("create_statement", { customer });
}

export function saveStatementPdf(customer: number): Promise<SavedDocument | null> {
  return call("save_statement_pdf", { customer });
}
