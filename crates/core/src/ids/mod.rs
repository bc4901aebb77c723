//! Swedish and European identifiers a Swedish invoice carries, each parsed leniently from what a
//! user types, stored in one normalised form and shown in the form Swedes expect to read.
//!
//! Every `parse` reports a [`crate::FieldError`] under a default field name (such as
//! `"org_number"`); callers re-path it with [`crate::FieldError::nested_under`] or by setting
//! `field`.

pub mod bankgiro;
pub mod bic;
pub mod iban;
mod input;
pub mod legal_id;
pub mod luhn;
pub mod ocr;
pub mod org_number;
pub mod personal_number;
pub mod plusgiro;
pub mod vat_number;

pub use bankgiro::Bankgiro;
pub use bic::Bic;
pub use iban::Iban;
pub use legal_id::LegalId;
pub use ocr::{LengthDigit, Ocr};
pub use org_number::OrgNumber;
pub use personal_number::PersonalNumber;
pub use plusgiro::Plusgiro;
pub use vat_number::VatNumber;

#[cfg(test)]
mod arbitrary_input;
