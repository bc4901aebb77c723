//! The seller and buyer as they stand on one invoice.
//!
//! These are snapshots: when an invoice is issued, the company's and the customer's details are copied
//! into it, so a later change of address never alters an invoice that was already sent. Identifiers are
//! stored in their normalised form (validated by `crate::ids` when the registers are edited).

use rust_decimal::Decimal;

use crate::text::Language;

/// A postal address. `country_code` is ISO 3166-1 alpha-2 (`SE`, `DE`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    pub street: String,
    pub street2: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
}

impl Address {
    /// Whether a letter can be posted to it.
    pub fn is_complete(&self) -> bool {
        !self.street.trim().is_empty()
            && !self.postal_code.trim().is_empty()
            && !self.city.trim().is_empty()
            && self.country_code.trim().len() == 2
    }

    /// True for Swedish addresses and for addresses without a country (Swedish by default).
    pub fn is_swedish(&self) -> bool {
        self.country_code.is_empty() || self.country_code.eq_ignore_ascii_case("SE")
    }
}

/// The seller: our company, as on the invoice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Seller {
    pub name: String,
    /// Ten digits, no hyphen.
    pub org_number: String,
    /// `SE` + org number + `01`.
    pub vat_number: String,
    /// "Godkänd för F-skatt".
    pub f_tax_approved: bool,
    pub address: Address,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub contact_name: String,
    /// Digits only.
    pub bankgiro: String,
    /// Digits only.
    pub plusgiro: String,
    pub iban: String,
    pub bic: String,
    /// Late-payment interest in percent per year; `None` means the statutory reference rate + 8.
    pub late_payment_interest: Option<Decimal>,
}

/// Whether the buyer is a business or a private person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BuyerKind {
    #[default]
    Company,
    Private,
}

/// The buyer: the customer, as on the invoice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Buyer {
    pub customer_number: String,
    pub kind: BuyerKind,
    pub name: String,
    /// Org number (ten digits) for companies, personal number (twelve digits) for private persons,
    /// or a foreign company id; empty when unknown.
    pub legal_id: String,
    pub vat_number: String,
    pub address: Address,
    pub delivery_address: Option<Address>,
    pub email: String,
    pub phone: String,
    pub contact_name: String,
    /// The e-invoice address found by the receiver lookup, e.g. `0007:5567212047`.
    pub einvoice_address: Option<String>,
    pub language: Language,
}

impl Buyer {
    /// Whether the buyer is outside Sweden.
    pub fn is_foreign(&self) -> bool {
        !self.address.is_swedish()
    }
}
