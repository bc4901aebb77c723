// Where a figure or shortcut on Översikt leads: a filtered invoice list, or a tab of Reskontra.
import type { InvoiceFilterCode } from "../ipc/invoices";

export type ReceivablesTab = "ledger" | "aging" | "bank" | "reminders" | "interest";

export type Destination =
  | { section: "invoices"; filter: InvoiceFilterCode; create?: boolean }
  | { section: "receivables"; tab: ReceivablesTab };
