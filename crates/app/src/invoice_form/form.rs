//! The shapes the invoice editor sends and receives.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use fakturera_core::vat::VatTreatment;

/// VAT treatment as it crosses IPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VatTreatmentCode {
    #[default]
    Swedish,
    Exempt,
    DomesticReverseCharge,
    EuGoods,
    EuServices,
    Export,
    OutsideScope,
}

impl From<VatTreatmentCode> for VatTreatment {
    fn from(code: VatTreatmentCode) -> VatTreatment {
        match code {
            VatTreatmentCode::Swedish => VatTreatment::Swedish,
            VatTreatmentCode::Exempt => VatTreatment::Exempt,
            VatTreatmentCode::DomesticReverseCharge => VatTreatment::DomesticReverseCharge,
            VatTreatmentCode::EuGoods => VatTreatment::EuGoods,
            VatTreatmentCode::EuServices => VatTreatment::EuServices,
            VatTreatmentCode::Export => VatTreatment::Export,
            VatTreatmentCode::OutsideScope => VatTreatment::OutsideScope,
        }
    }
}

impl From<VatTreatment> for VatTreatmentCode {
    fn from(treatment: VatTreatment) -> VatTreatmentCode {
        match treatment {
            VatTreatment::Swedish => VatTreatmentCode::Swedish,
            VatTreatment::Exempt => VatTreatmentCode::Exempt,
            VatTreatment::DomesticReverseCharge => VatTreatmentCode::DomesticReverseCharge,
            VatTreatment::EuGoods => VatTreatmentCode::EuGoods,
            VatTreatment::EuServices => VatTreatmentCode::EuServices,
            VatTreatment::Export => VatTreatmentCode::Export,
            VatTreatment::OutsideScope => VatTreatmentCode::OutsideScope,
        }
    }
}

/// What a row of the editor is: an item with quantity, price and VAT, or a text row with only a
/// description (a heading, an explanation), which never changes a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowKindCode {
    #[default]
    Item,
    Text,
}

/// How the invoice-level discount is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DiscountKindCode {
    /// A percentage of the lines.
    #[default]
    Percent,
    /// An amount in the invoice currency, with or without VAT as the prices are.
    Amount,
}

/// One row of the editor, every number as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceLineForm {
    /// An item, or a text row (only `description` counts; the other cells are ignored).
    #[serde(default)]
    pub kind: RowKindCode,
    pub article_number: String,
    pub description: String,
    pub quantity: String,
    pub unit: String,
    pub unit_price: String,
    /// Percent, empty for none.
    pub discount_percent: String,
    pub vat_treatment: VatTreatmentCode,
    /// Percent: 25, 12, 6 or 0.
    pub vat_rate: String,
}

/// The whole editor. Dates are ISO `YYYY-MM-DD`; empty strings mean "not given".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceForm {
    pub issue_date: String,
    /// Empty: computed from the payment terms.
    pub due_date: String,
    pub delivery_date: String,
    pub payment_terms: String,
    pub our_reference: String,
    pub your_reference: String,
    pub buyer_reference: String,
    pub order_reference: String,
    pub currency: String,
    /// SEK per unit of the currency; ignored for SEK.
    pub exchange_rate: String,
    pub prices_include_vat: bool,
    pub round_to_whole_kronor: bool,
    pub notes: String,
    pub lines: Vec<InvoiceLineForm>,
    /// Fakturaavgift excluding VAT (or including, with `prices_include_vat`); empty for none.
    pub invoice_fee: String,
    pub freight: String,
    /// The invoice-level discount as typed; empty for none.
    #[serde(default)]
    pub discount: String,
    #[serde(default)]
    pub discount_kind: DiscountKindCode,
}
