// Typed calls for an invoice's documents: the pre-send checks, "Förhandsgranska", "Spara PDF" and
// "Spara e-faktura". Files are written by Rust (a native save dialog, or the tests' folder).
import type { DocumentKind } from "./bindings/DocumentKind";
import type { DocumentRequest } from "./bindings/DocumentRequest";
import type { PresendReport } from "./bindings/PresendReport";
import type { SavedDocument } from "./bindings/SavedDocument";
import { call } from "./call";

export type { DeliveryRoute } from "./bindings/DeliveryRoute";
export type { FindingSeverity } from "./bindings/FindingSeverity";
export type { PresendFinding } from "./bindings/PresendFinding";
export type { DocumentKind, DocumentRequest, PresendReport, SavedDocument };

/** The e-invoice checks of what the editor shows now; run while the user works. */
export function presendFindings(request: DocumentRequest): Promise<PresendReport> {
  return call<PresendReport>("presend_findings", { request });
}

/** The e-invoice checks of a saved invoice. */
export function invoiceFindings(id: number): Promise<PresendReport> {
  return call<PresendReport>("invoice_findings", { id });
}

/** Renders the editor's invoice as a PDF and opens it in the system's PDF viewer. */
export function previewInvoicePdf(request: DocumentRequest): Promise<SavedDocument> {
  return call<SavedDocument>("preview_invoice_pdf", { request });
}

/** Asks where to save and writes the PDF or e-invoice; `null` when the user cancelled. */
export function saveInvoiceDocument(id: number, kind: DocumentKind): Promise<SavedDocument | null> {
  return call<SavedDocument | null>("save_invoice_document", { id, kind });
}
