// Typed calls for Bokföring (SIE export, VAT report, EU sales list, account map), the registers'
// import and export, and company files in the window. Files are chosen and written by Rust.
import type { BookkeepingSettingsForm } from "./bindings/BookkeepingSettingsForm";
import type { BookkeepingSettingsView } from "./bindings/BookkeepingSettingsView";
import type { CompanyFileStatus } from "./bindings/CompanyFileStatus";
import type { EuSalesExport } from "./bindings/EuSalesExport";
import type { EuSalesForm } from "./bindings/EuSalesForm";
import type { ExportedFile } from "./bindings/ExportedFile";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportRequest } from "./bindings/ImportRequest";
import type { NewCompanyRequest } from "./bindings/NewCompanyRequest";
import type { Overview } from "./bindings/Overview";
import type { SieExportForm } from "./bindings/SieExportForm";
import type { SieExportPreview } from "./bindings/SieExportPreview";
import type { SieExportResult } from "./bindings/SieExportResult";
import type { VatReport } from "./bindings/VatReport";
import { call } from "./call";

export type { AccountSettingView } from "./bindings/AccountSettingView";
export type { ExistingChoice } from "./bindings/ExistingChoice";
export type { ExportFormat } from "./bindings/ExportFormat";
export type { ImportColumn } from "./bindings/ImportColumn";
export type { ImportProblem } from "./bindings/ImportProblem";
export type { RecentCompany } from "./bindings/RecentCompany";
export type { RegisterKind } from "./bindings/RegisterKind";
export type { VatBoxView } from "./bindings/VatBoxView";
export type {
  BookkeepingSettingsForm,
  BookkeepingSettingsView,
  CompanyFileStatus,
  EuSalesExport,
  EuSalesForm,
  ExportedFile,
  ExportRequest,
  ImportOutcome,
  ImportPreview,
  ImportRequest,
  NewCompanyRequest,
  SieExportForm,
  SieExportPreview,
  SieExportResult,
  VatReport,
};

export const bookkeepingSettings = () => call<BookkeepingSettingsView>("bookkeeping_settings");
export const saveBookkeepingSettings = (form: BookkeepingSettingsForm) =>
  call<BookkeepingSettingsView>("save_bookkeeping_settings", { form });
export const sieExportPreview = (form: SieExportForm) => call<SieExportPreview>("sie_export_preview", { form });
/** Asks where to save and writes the SIE file; `null` when the user cancelled. */
export const exportSie = (form: SieExportForm) => call<SieExportResult | null>("export_sie", { form });
export const vatReport = (period: string) => call<VatReport>("vat_report", { period });
export const euSalesList = (form: EuSalesForm) => call<EuSalesExport>("eu_sales_list", { form });
export const saveEuSalesList = (form: EuSalesForm) => call<EuSalesExport | null>("save_eu_sales_list", { form });

/** The native open dialog for an import file; `null` when cancelled. */
export const chooseImportFile = () => call<string | null>("choose_import_file");
export const previewImport = (request: ImportRequest) => call<ImportPreview>("preview_import", { request });
export const runImport = (request: ImportRequest) => call<ImportOutcome>("run_import", { request });
export const exportRegister = (request: ExportRequest) => call<ExportedFile | null>("export_register", { request });

export const companyFileStatus = () => call<CompanyFileStatus>("company_file_status");
export const createCompany = (request: NewCompanyRequest) => call<Overview>("create_company", { request });
export const openCompany = (path: string) => call<Overview>("open_company", { path });
/** The native open dialog for a company file; `null` when cancelled. */
export const chooseCompanyFile = () => call<string | null>("choose_company_file");
export const openDemoCompany = () => call<Overview>("open_demo_company");
export const setWindowTitle = (companyName: string) => call<void>("set_window_title", { companyName });
