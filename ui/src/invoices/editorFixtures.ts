// Invoices as Rust sends them, for the editor's component tests: one draft and one issued invoice
// with a part payment. Only the tests import this file.
import type { InvoiceDetail, InvoiceForm, PaymentView, TotalsView } from "../ipc/invoices";

const line = {
  kind: "item" as const,
  article_number: "101",
  description: "Konsultarvode",
  quantity: "10",
  unit: "h",
  unit_price: "1000",
  discount_percent: "",
  vat_treatment: "swedish",
  vat_rate: "25",
} as const;

export const draftForm: InvoiceForm = {
  issue_date: "2026-05-04",
  due_date: "2026-06-03",
  delivery_date: "",
  payment_terms: "net:30",
  our_reference: "",
  your_reference: "",
  buyer_reference: "",
  order_reference: "",
  currency: "SEK",
  exchange_rate: "",
  prices_include_vat: false,
  round_to_whole_kronor: false,
  notes: "",
  lines: [{ ...line }],
  invoice_fee: "",
  freight: "",
  discount: "",
  discount_kind: "percent",
};

export const totals: TotalsView = {
  currency: "SEK",
  line_nets: ["10000.00"],
  line_net_total: "10000.00",
  allowance_total: "0.00",
  charge_total: "0.00",
  tax_exclusive: "10000.00",
  vat_rows: [],
  vat_total: "2500.00",
  tax_inclusive: "12500.00",
  rounding: "0.00",
  payable: "12500.00",
};

export const partlyPaid: PaymentView = {
  state: "partly_paid",
  payable: "12500.00",
  paid: "2500.00",
  credited: "0.00",
  written_off: "0.00",
  remaining: "10000.00",
  to_refund: "0.00",
  due_date: "2026-06-03",
  payments: [
    { id: 31, kind: "payment", paid_on: "2026-05-20", amount: "2500.00", reference: "Bankgiro 1", reverses: null, from_bank_file: false },
  ],
  write_off_allowed: false,
};

export function draftDetail(form: InvoiceForm = draftForm): InvoiceDetail {
  return {
    id: 7,
    status: "draft",
    is_credit: false,
    number: null,
    customer: { id: 3, customer_number: "1001", name: "Öberg AB", city: "Umeå", currency: "SEK" },
    credited: null,
    credits: [],
    ocr: "",
    form: structuredClone(form),
    blank_line: { ...line, article_number: "", description: "", quantity: "1", unit_price: "" },
    totals,
    payment: null,
    overdue: false,
    created_at: "2026-05-04T08:00:00Z",
    updated_at: "2026-05-04T08:00:00Z",
    issued_at: null,
    today: "2026-05-20",
  };
}

export function issuedDetail(payment: PaymentView = partlyPaid): InvoiceDetail {
  return {
    ...draftDetail(),
    status: "issued",
    number: "1042",
    ocr: "104206",
    payment,
    issued_at: "2026-05-04T09:00:00Z",
  };
}
