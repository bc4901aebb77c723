//! The shapes the Kunder screen sends and receives.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::invoice_form::VatTreatmentCode;
use crate::language::LanguageCode;
use crate::register_fields::{AddressForm, CustomerKindCode, DeliveryChoiceCode};

/// A customer as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerForm {
    /// Empty: the next free number is given when saving.
    pub customer_number: String,
    pub kind: CustomerKindCode,
    pub name: String,
    /// Org number for companies, personal number for private persons; any id for foreign customers.
    pub legal_id: String,
    pub vat_number: String,
    /// The invoice address; its country is the customer's country.
    pub address: AddressForm,
    /// `None`: goods go to the invoice address.
    pub delivery_address: Option<AddressForm>,
    /// Where invoices go by e-mail.
    pub email: String,
    /// Where "Skicka kopia" sends copies when no other address is given; may be empty.
    pub copy_email: String,
    pub phone: String,
    pub contact_name: String,
    pub our_reference: String,
    pub your_reference: String,
    /// Referenskod (BT-10), required by many public-sector buyers.
    pub buyer_reference: String,
    /// A payment terms code ("net:30"); empty means the company's default.
    pub payment_terms: String,
    /// ISO 4217, e.g. "SEK"; empty means SEK.
    pub currency: String,
    pub language: LanguageCode,
    pub delivery_choice: DeliveryChoiceCode,
    pub vat_treatment: VatTreatmentCode,
    pub notes: String,
    pub archived: bool,
}

/// A saved customer: its id, the form as saved, and what the receiver lookup found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerDetails {
    #[ts(type = "number")]
    pub id: i64,
    pub form: CustomerForm,
    /// The Peppol address found by the receiver lookup, e.g. "0007:5567212047".
    pub einvoice_address: Option<String>,
    /// When the lookup ran, RFC 3339.
    pub einvoice_checked_at: Option<String>,
}

/// One row of the customer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerRow {
    #[ts(type = "number")]
    pub id: i64,
    pub customer_number: String,
    pub name: String,
    pub kind: CustomerKindCode,
    /// Org or personal number in its printed form.
    pub legal_id: String,
    pub city: String,
    pub country_code: String,
    pub email: String,
    pub delivery_choice: DeliveryChoiceCode,
    pub archived: bool,
}
