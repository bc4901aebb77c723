// Typed calls for Fakturor: the list, the editor (new, live preview, save, issue), credits,
// payments, the history, the pickers and demo data. Money crosses as exact decimal strings.
import type { ArticleChoice } from "./bindings/ArticleChoice";
import type { CreditRequest } from "./bindings/CreditRequest";
import type { CustomerChoice } from "./bindings/CustomerChoice";
import type { DemoSummary } from "./bindings/DemoSummary";
import type { EditorPreview } from "./bindings/EditorPreview";
import type { InvoiceDetail } from "./bindings/InvoiceDetail";
import type { InvoiceEventView } from "./bindings/InvoiceEventView";
import type { InvoiceForm } from "./bindings/InvoiceForm";
import type { InvoiceListPage } from "./bindings/InvoiceListPage";
import type { InvoiceListRequest } from "./bindings/InvoiceListRequest";
import type { NewInvoice } from "./bindings/NewInvoice";
import type { PaymentRequest } from "./bindings/PaymentRequest";
import type { PaymentView } from "./bindings/PaymentView";
import { call } from "./call";

export type { InvoiceFilterCode } from "./bindings/InvoiceFilterCode";
export type { InvoiceLineForm } from "./bindings/InvoiceLineForm";
export type { InvoiceRow } from "./bindings/InvoiceRow";
export type { InvoiceStatusCode } from "./bindings/InvoiceStatusCode";
export type { MoneyKindCode } from "./bindings/MoneyKindCode";
export type { PaymentEntry } from "./bindings/PaymentEntry";
export type { PaymentStateCode } from "./bindings/PaymentStateCode";
export type { TotalsView } from "./bindings/TotalsView";
export type { VatTreatmentCode } from "./bindings/VatTreatmentCode";
export type {
  ArticleChoice,
  CreditRequest,
  CustomerChoice,
  DemoSummary,
  EditorPreview,
  InvoiceDetail,
  InvoiceEventView,
  InvoiceForm,
  InvoiceListPage,
  InvoiceListRequest,
  NewInvoice,
  PaymentRequest,
  PaymentView,
};

/** A page of the invoice list, newest first; overdue is judged on today's date by Rust. */
export function listInvoices(request: InvoiceListRequest): Promise<InvoiceListPage> {
  return call("list_invoices", { request });
}

export function invoiceDetail(id: number): Promise<InvoiceDetail> {
  return call("invoice_detail", { id });
}

/** The form a new invoice for `customer` starts from, with the customer's defaults. */
export function newInvoice(customer: number): Promise<NewInvoice> {
  return call("new_invoice", { customer });
}

/** Totals and problems of the form as typed, computed by Rust. */
export function previewInvoice(form: InvoiceForm): Promise<EditorPreview> {
  return call("preview_invoice", { form });
}

export function createInvoiceDraft(customer: number, form: InvoiceForm): Promise<InvoiceDetail> {
  return call("create_invoice_draft", { customer, form });
}

export function updateInvoiceDraft(id: number, customer: number, form: InvoiceForm): Promise<InvoiceDetail> {
  return call("update_invoice_draft", { id, customer, form });
}

export function deleteInvoiceDraft(id: number): Promise<void> {
  return call("delete_invoice_draft", { id });
}

/** Numbers, makes the OCR reference and locks the draft. */
export function issueInvoice(id: number): Promise<InvoiceDetail> {
  return call("issue_invoice", { id });
}

/** "Kopiera till ny faktura": a new draft with the rows of invoice `id` (of a credit: its original). */
export function copyInvoice(id: number): Promise<InvoiceDetail> {
  return call("copy_invoice", { id });
}

/** A draft credit invoice of the issued invoice `id`: all of it, or the lines in `request`. */
export function creditInvoice(id: number, request: CreditRequest): Promise<InvoiceDetail> {
  return call("credit_invoice", { id, request });
}

export function recordInvoicePayment(id: number, request: PaymentRequest): Promise<PaymentView> {
  return call("record_invoice_payment", { id, request });
}

/** Money paid back to the customer on an overpaid (or credited after payment) invoice. */
export function recordInvoiceRefund(id: number, request: PaymentRequest): Promise<PaymentView> {
  return call("record_invoice_refund", { id, request });
}

/** Closes a small difference (öresdifferens) within the company's limit; Rust refuses more. */
export function writeOffInvoiceDifference(id: number): Promise<PaymentView> {
  return call("write_off_invoice_difference", { id });
}

/** Reverses a booked money record with a new record of the opposite amount. */
export function reverseInvoicePayment(record: number, note: string): Promise<PaymentView> {
  return call("reverse_invoice_payment", { record, note });
}

export function invoiceEvents(id: number): Promise<InvoiceEventView[]> {
  return call("invoice_events", { id });
}

export function invoiceCustomerChoices(search: string): Promise<CustomerChoice[]> {
  return call("invoice_customer_choices", { search });
}

/** Articles matching `search`, each as the row it fills for `customer` on the invoice `date`. */
export function invoiceArticleChoices(search: string, customer: number | null, date: string): Promise<ArticleChoice[]> {
  return call("invoice_article_choices", { search, customer, date });
}

export function fillDemoData(): Promise<DemoSummary> {
  return call("fill_demo_data");
}
