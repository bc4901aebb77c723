//! The company that owns the file: one row, read by every screen and document.

use fakturera_core::Language;
use fakturera_core::party::{Address, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use rust_decimal::Decimal;

use crate::delivery_choice::DeliveryChoice;
use crate::error::StoreError;
use crate::open::Store;
use crate::sql_values::{StoredDecimal, bool_at, code_at, decimal_at, optional_decimal_at};

/// The company register (product.md, "Company"). Text fields are `""` when not given.
/// Identifiers are stored as given; the app validates and normalises them before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    pub name: String,
    /// Ten digits, no hyphen.
    pub org_number: String,
    pub vat_number: String,
    /// "Godkänd för F-skatt".
    pub f_tax_approved: bool,
    /// The postal address, printed on invoices.
    pub address: Address,
    pub visiting_address: Address,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub contact_name: String,
    pub bankgiro: String,
    pub plusgiro: String,
    pub iban: String,
    pub bic: String,
    /// Late-payment interest in percent per year; `None` means the statutory reference rate + 8.
    pub late_payment_interest: Option<Decimal>,
    pub default_payment_terms: PaymentTerms,
    /// The invoice fee (fakturaavgift) added to new invoices, excluding VAT; zero for none.
    pub invoice_fee: Decimal,
    pub default_delivery: DeliveryChoice,
    pub language: Language,
    /// Öresavrundning to whole kronor on SEK invoices.
    pub cash_rounding: bool,
    pub autoinvoice_enabled: bool,
    pub autoinvoice_company_id: String,
}

impl Company {
    /// The company as the seller on an invoice.
    pub fn seller(&self) -> Seller {
        Seller {
            name: self.name.clone(),
            org_number: self.org_number.clone(),
            vat_number: self.vat_number.clone(),
            f_tax_approved: self.f_tax_approved,
            address: self.address.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            website: self.website.clone(),
            contact_name: self.contact_name.clone(),
            bankgiro: self.bankgiro.clone(),
            plusgiro: self.plusgiro.clone(),
            iban: self.iban.clone(),
            bic: self.bic.clone(),
            late_payment_interest: self.late_payment_interest,
        }
    }
}

/// The company's logo as stored: the image bytes and their media type ("image/png").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub media_type: String,
}

const COMPANY_COLUMNS: &str = "name, org_number, vat_number, f_tax_approved, \
    street, street2, postal_code, city, country_code, \
    visiting_street, visiting_street2, visiting_postal_code, visiting_city, visiting_country_code, \
    phone, email, website, contact_name, bankgiro, plusgiro, iban, bic, late_payment_interest, \
    default_payment_terms, invoice_fee, default_delivery, language, cash_rounding, \
    autoinvoice_enabled, autoinvoice_company_id";

fn address_at(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Address> {
    Ok(Address {
        street: row.get(first)?,
        street2: row.get(first + 1)?,
        postal_code: row.get(first + 2)?,
        city: row.get(first + 3)?,
        country_code: row.get(first + 4)?,
    })
}

impl Store {
    /// The company record. A new file has one with an empty name and the defaults.
    pub fn company(&self) -> Result<Company, StoreError> {
        let sql = format!("SELECT {COMPANY_COLUMNS} FROM company WHERE id = 1");
        let company = self.connection.query_row(&sql, [], |row| {
            Ok(Company {
                name: row.get(0)?,
                org_number: row.get(1)?,
                vat_number: row.get(2)?,
                f_tax_approved: bool_at(row, 3)?,
                address: address_at(row, 4)?,
                visiting_address: address_at(row, 9)?,
                phone: row.get(14)?,
                email: row.get(15)?,
                website: row.get(16)?,
                contact_name: row.get(17)?,
                bankgiro: row.get(18)?,
                plusgiro: row.get(19)?,
                iban: row.get(20)?,
                bic: row.get(21)?,
                late_payment_interest: optional_decimal_at(row, 22)?,
                default_payment_terms: code_at(row, 23, |code| PaymentTerms::parse(code).ok())?,
                invoice_fee: decimal_at(row, 24)?,
                default_delivery: code_at(row, 25, DeliveryChoice::from_code)?,
                language: code_at(row, 26, Language::from_code)?,
                cash_rounding: bool_at(row, 27)?,
                autoinvoice_enabled: bool_at(row, 28)?,
                autoinvoice_company_id: row.get(29)?,
            })
        })?;
        Ok(company)
    }

    /// Replaces the company record (all fields at once, as the settings form saves them).
    pub fn set_company(&self, company: &Company) -> Result<(), StoreError> {
        let assignments: Vec<String> = COMPANY_COLUMNS
            .split(',')
            .enumerate()
            .map(|(index, column)| format!("{} = ?{}", column.trim(), index + 1))
            .collect();
        let sql = format!("UPDATE company SET {} WHERE id = 1", assignments.join(", "));
        let address = &company.address;
        let visiting = &company.visiting_address;
        self.connection.execute(
            &sql,
            rusqlite::params![
                company.name,
                company.org_number,
                company.vat_number,
                company.f_tax_approved,
                address.street,
                address.street2,
                address.postal_code,
                address.city,
                address.country_code,
                visiting.street,
                visiting.street2,
                visiting.postal_code,
                visiting.city,
                visiting.country_code,
                company.phone,
                company.email,
                company.website,
                company.contact_name,
                company.bankgiro,
                company.plusgiro,
                company.iban,
                company.bic,
                company.late_payment_interest.map(StoredDecimal),
                company.default_payment_terms.code(),
                StoredDecimal(company.invoice_fee),
                company.default_delivery.code(),
                company.language.code(),
                company.cash_rounding,
                company.autoinvoice_enabled,
                company.autoinvoice_company_id,
            ],
        )?;
        Ok(())
    }

    /// The logo, if one has been set.
    pub fn company_logo(&self) -> Result<Option<Logo>, StoreError> {
        let logo = self.connection.query_row(
            "SELECT logo, logo_media_type FROM company WHERE id = 1",
            [],
            |row| {
                let bytes: Option<Vec<u8>> = row.get(0)?;
                let media_type: Option<String> = row.get(1)?;
                Ok(bytes
                    .zip(media_type)
                    .map(|(bytes, media_type)| Logo { bytes, media_type }))
            },
        )?;
        Ok(logo)
    }

    /// Sets or (with `None`) removes the logo.
    pub fn set_company_logo(&self, logo: Option<&Logo>) -> Result<(), StoreError> {
        self.connection.execute(
            "UPDATE company SET logo = ?1, logo_media_type = ?2 WHERE id = 1",
            rusqlite::params![
                logo.map(|logo| &logo.bytes),
                logo.map(|logo| &logo.media_type)
            ],
        )?;
        Ok(())
    }
}
