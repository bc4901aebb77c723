//! Bokföring: the account map and series (Inställningar), the SIE 4 export of invoices and
//! payments, the VAT return's sales figures and the EU sales list. The figures come from
//! `fakturera_bookkeeping`; this module picks the period's events, remembers exports and writes files.

mod eu_sales;
mod period_input;
mod records;
mod settings;
mod sie_export;
mod vat_report;

pub use eu_sales::{EuSalesExport, EuSalesForm, EuSalesProblemView, EuSalesRowView};
pub use settings::{
    AccountSettingForm, AccountSettingView, BookkeepingSettingsForm, BookkeepingSettingsView,
};
pub use sie_export::{SieExportForm, SieExportPreview, SieExportResult};
pub use vat_report::{VatBoxInvoiceView, VatBoxView, VatReport};
