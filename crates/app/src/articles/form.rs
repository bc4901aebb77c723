//! The shapes the Artiklar screen sends and receives.

use fakturera_core::vat_rates::VatRateClass;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which VAT rate an article carries, as a class: the rate itself follows the law on the invoice date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VatRateClassCode {
    /// 25 %.
    #[default]
    Standard,
    /// Food: 12 %, 6 % from 2026-04-01 to 2027-12-31.
    Food,
    /// Hotels, restaurants: 12 %.
    Reduced12,
    /// Books, passenger transport, culture: 6 %.
    Reduced6,
    /// 0 %.
    Zero,
}

impl From<VatRateClassCode> for VatRateClass {
    fn from(code: VatRateClassCode) -> VatRateClass {
        match code {
            VatRateClassCode::Standard => VatRateClass::Standard,
            VatRateClassCode::Food => VatRateClass::Food,
            VatRateClassCode::Reduced12 => VatRateClass::Reduced12,
            VatRateClassCode::Reduced6 => VatRateClass::Reduced6,
            VatRateClassCode::Zero => VatRateClass::Zero,
        }
    }
}

impl From<VatRateClass> for VatRateClassCode {
    fn from(class: VatRateClass) -> VatRateClassCode {
        match class {
            VatRateClass::Standard => VatRateClassCode::Standard,
            VatRateClass::Food => VatRateClassCode::Food,
            VatRateClass::Reduced12 => VatRateClassCode::Reduced12,
            VatRateClass::Reduced6 => VatRateClassCode::Reduced6,
            VatRateClass::Zero => VatRateClassCode::Zero,
        }
    }
}

/// Goods or a service (matters for EU sales and reverse charge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ArticleKindCode {
    #[default]
    Goods,
    Service,
}

/// An article as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleForm {
    pub article_number: String,
    pub name: String,
    /// One of the common units ("st", "tim", "kg", ...).
    pub unit: String,
    /// Excluding VAT, as typed: "1 250,50" or "1250.50".
    pub unit_price: String,
    pub vat_rate_class: VatRateClassCode,
    pub kind: ArticleKindCode,
    pub archived: bool,
}

/// A saved article: its id, the form as saved, and the figures Rust formats for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleDetails {
    #[ts(type = "number")]
    pub id: i64,
    pub form: ArticleForm,
    /// The VAT rate in force on the day asked about, in percent ("25").
    pub vat_rate_today: String,
}

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleRow {
    #[ts(type = "number")]
    pub id: i64,
    pub article_number: String,
    pub name: String,
    pub unit: String,
    /// Exact decimal string excluding VAT ("1250.5").
    pub unit_price: String,
    /// The price formatted for the user's language ("1 250,50").
    pub unit_price_display: String,
    pub vat_rate_class: VatRateClassCode,
    /// The rate in force today, in percent ("25").
    pub vat_rate_today: String,
    pub kind: ArticleKindCode,
    pub archived: bool,
}
