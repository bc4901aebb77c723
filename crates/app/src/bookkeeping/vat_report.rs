//! Momsrapport: the sales boxes of the VAT return for a month, quarter or year, each figure with the
//! invoices behind it, from the invoices alone (faktureringsmetoden).

use fakturera_bookkeeping::vat_return::{BoxInvoice, vat_return};
use fakturera_core::Language;
use fakturera_core::Text;
use fakturera_core::money::{format_english, format_swedish};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period_input::period_from_input;
use crate::app::App;
use crate::error::{AppError, ForUser};

/// One invoice's share of a box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VatBoxInvoiceView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: String,
    pub date: String,
    pub customer_name: String,
    pub is_credit: bool,
    /// Exact SEK, negative for credit invoices ("-1250.00").
    pub amount: String,
}

/// One box of the return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VatBoxView {
    /// "05", "10", "35", …
    pub code: String,
    pub label: String,
    /// Exact SEK with öre.
    pub amount: String,
    /// What goes on the return: whole kronor, öre left out.
    pub whole_kronor: String,
    /// The figure formatted for the user's language ("12 345,00").
    pub amount_display: String,
    /// False for boxes invoices never fill (06, 07, 08, 37, 38).
    pub filled_from_invoices: bool,
    pub invoices: Vec<VatBoxInvoiceView>,
}

/// The sales side of the VAT return for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VatReport {
    pub from: String,
    pub to: String,
    pub boxes: Vec<VatBoxView>,
    /// Invoiced outside VAT altogether (utlägg); in no box.
    pub outside_scope: Vec<VatBoxInvoiceView>,
}

fn invoice_view(share: &BoxInvoice) -> VatBoxInvoiceView {
    VatBoxInvoiceView {
        invoice_id: share.invoice_id,
        number: share.number.clone(),
        date: share.date.to_string(),
        customer_name: share.customer_name.clone(),
        is_credit: share.is_credit,
        amount: format!("{:.2}", share.amount),
    }
}

fn display(amount: Decimal, language: Language) -> String {
    match language {
        Language::Swedish => format_swedish(amount),
        Language::English => format_english(amount),
    }
}

impl App {
    /// The VAT return's sales boxes for `period` (`2026-03`, `2026-K1`, `2026`) or `from`–`to`.
    pub fn vat_report(&self, period: &str, from: &str, to: &str) -> Result<VatReport, AppError> {
        let language = self.language();
        let period = period_from_input(period, from, to).for_user(language)?;
        let invoices =
            self.with_store(|store| store.ledger_invoices(period.first_day(), period.last_day()))?;
        let report = vat_return(&invoices);
        Ok(VatReport {
            from: period.first_day().to_string(),
            to: period.last_day().to_string(),
            boxes: report
                .figures
                .iter()
                .map(|figure| {
                    let (sv, en) = figure.vat_box.label();
                    VatBoxView {
                        code: figure.vat_box.code().to_owned(),
                        label: Text::new(sv, en).in_language(language).to_owned(),
                        amount: format!("{:.2}", figure.amount),
                        whole_kronor: figure.whole_kronor().to_string(),
                        amount_display: display(figure.amount, language),
                        filled_from_invoices: figure.vat_box.filled_from_invoices(),
                        invoices: figure.invoices.iter().map(invoice_view).collect(),
                    }
                })
                .collect(),
            outside_scope: report.outside_scope.iter().map(invoice_view).collect(),
        })
    }
}
