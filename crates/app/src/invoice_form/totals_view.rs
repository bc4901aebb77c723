//! Totals as the UI shows them: every amount already computed by Rust, as an exact decimal string.

use fakturera_core::Language;
use fakturera_core::invoice::{RowRef, TextRow, Totals, rows_in_order};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One row of the VAT summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VatRowView {
    /// EN 16931 category code: S, Z, E, AE, K, G, O.
    pub category: String,
    pub rate: String,
    pub taxable_amount: String,
    pub vat_amount: String,
    /// The exemption text the invoice carries, in the invoice's language; empty when VAT is charged.
    pub exemption: String,
}

/// Every total of an invoice. The UI never adds these up itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TotalsView {
    pub currency: String,
    /// Net amount per row of the editor, in row order; empty for a text row.
    pub line_nets: Vec<String>,
    pub line_net_total: String,
    /// The invoice-level discount (BT-107), positive; "0.00" for none.
    pub allowance_total: String,
    pub charge_total: String,
    pub tax_exclusive: String,
    pub vat_rows: Vec<VatRowView>,
    pub vat_total: String,
    pub tax_inclusive: String,
    pub rounding: String,
    pub payable: String,
}

impl TotalsView {
    pub fn new(totals: &Totals, currency: &str, language: Language) -> TotalsView {
        let amount = |value: rust_decimal::Decimal| format!("{value:.2}");
        TotalsView {
            currency: currency.to_owned(),
            line_nets: totals.lines.iter().map(|line| amount(line.net)).collect(),
            line_net_total: amount(totals.line_net_total),
            allowance_total: amount(totals.allowance_total),
            charge_total: amount(totals.charge_total),
            tax_exclusive: amount(totals.tax_exclusive),
            vat_rows: totals
                .vat_breakdown
                .iter()
                .map(|row| VatRowView {
                    category: row.category.code().to_owned(),
                    rate: row.rate.normalize().to_string(),
                    taxable_amount: amount(row.taxable_amount),
                    vat_amount: amount(row.vat_amount),
                    exemption: row
                        .exemption
                        .as_ref()
                        .map(|exemption| exemption.text.in_language(language).to_owned())
                        .unwrap_or_default(),
                })
                .collect(),
            vat_total: amount(totals.vat_total),
            tax_inclusive: amount(totals.tax_inclusive),
            rounding: amount(totals.rounding),
            payable: amount(totals.payable),
        }
    }

    /// The line amounts laid out as the editor's rows, with an empty amount for each text row.
    pub fn with_text_rows(mut self, text_rows: &[TextRow]) -> TotalsView {
        if text_rows.is_empty() {
            return self;
        }
        let nets = std::mem::take(&mut self.line_nets);
        self.line_nets = rows_in_order(nets.len(), text_rows)
            .into_iter()
            .map(|row| match row {
                RowRef::Line(index) => nets.get(index).cloned().unwrap_or_default(),
                RowRef::Text(_) => String::new(),
            })
            .collect();
        self
    }
}
