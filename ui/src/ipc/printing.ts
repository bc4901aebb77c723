// Typed calls for printing through the operating system's print system: the printers it offers,
// "Skriv ut" / "Skriv ut kopia" of one invoice and "Skriv ut alla" on the default printer.
import type { PrintReceipt } from "./bindings/PrintReceipt";
import type { PrinterView } from "./bindings/PrinterView";
import { call } from "./call";

export type { PrintReceipt, PrinterView };

export const printers = () => call<PrinterView[]>("printers");
/** Prints issued invoice `id`; an empty printer name means the default printer. */
export const printInvoice = (id: number, printer: string, copy: boolean) =>
  call<PrintReceipt>("print_invoice", { id, printer, copy });
export const unprintedCount = () => call<number>("unprinted_count");
export const printAllInvoices = () => call<PrintReceipt[]>("print_all_invoices");
