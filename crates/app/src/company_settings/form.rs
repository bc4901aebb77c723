//! The shapes the Inställningar screen sends and receives for the company register.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::language::LanguageCode;
use crate::register_fields::{AddressForm, DeliveryChoiceCode};

/// The company's details as typed: identifiers in any usual notation, decimals as strings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompanySettingsForm {
    pub name: String,
    /// Organisationsnummer (or a sole trader's personal number), e.g. "556721-2047".
    pub org_number: String,
    /// Momsregistreringsnummer, e.g. "SE556721204701"; empty when not VAT registered.
    pub vat_number: String,
    /// "Godkänd för F-skatt".
    pub f_tax_approved: bool,
    /// The postal address printed on invoices.
    pub address: AddressForm,
    pub visiting_address: AddressForm,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub contact_name: String,
    pub bankgiro: String,
    pub plusgiro: String,
    pub iban: String,
    pub bic: String,
    /// Percent per year; empty means the statutory rate (reference rate + 8).
    pub late_payment_interest: String,
    /// A payment terms code such as "net:30", "cash", "eom:10", "eonm".
    pub default_payment_terms: String,
    /// Fakturaavgift excluding VAT, e.g. "29" or "0".
    pub invoice_fee: String,
    pub default_delivery: DeliveryChoiceCode,
    pub language: LanguageCode,
    /// Öresavrundning to whole kronor on SEK invoices.
    pub cash_rounding: bool,
}

/// What the screen shows: the form as saved (identifiers in their printed form) and the logo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompanySettings {
    pub form: CompanySettingsForm,
    /// The logo as a `data:` URL for an `<img>`, or `None` without a logo.
    pub logo_data_url: Option<String>,
}
