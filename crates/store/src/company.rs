//! The company that owns the file: one row, read by every screen and document.

use fakturera_core::Language;
use rust_decimal::Decimal;

use crate::error::StoreError;
use crate::open::Store;
use crate::sql_values::{StoredDecimal, bool_at, decimal_at};

/// A postal or visiting address. Empty parts are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. "SE".
    pub country: String,
}

/// The company register (product.md, "Company"). Identifiers are stored as given; the app
/// validates and normalises them with the core's identifier types before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    pub name: String,
    pub org_number: Option<String>,
    pub vat_number: Option<String>,
    /// "Godkänd för F-skatt".
    pub f_tax_approved: bool,
    pub postal_address: Address,
    pub visiting_address: Address,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub bankgiro: Option<String>,
    pub plusgiro: Option<String>,
    pub iban: Option<String>,
    pub bic: Option<String>,
    /// The default payment terms as the core's stable code, e.g. "net:30".
    pub default_payment_terms: String,
    /// Late-payment interest in percent per year.
    pub late_payment_interest: Decimal,
    pub invoice_fee: Decimal,
    /// The default delivery choice code: "einvoice", "email", "letter" or "auto".
    pub default_delivery: String,
    pub language: Language,
    /// Öresavrundning to whole kronor on SEK invoices.
    pub cash_rounding: bool,
    pub autoinvoice_enabled: bool,
    pub autoinvoice_company_id: Option<String>,
}

/// The company's logo as stored: the image bytes and their media type ("image/png").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub media_type: String,
}

const COMPANY_COLUMNS: &str = "name, org_number, vat_number, f_tax_approved, \
    postal_line1, postal_line2, postal_code, postal_city, postal_country, \
    visiting_line1, visiting_line2, visiting_postal_code, visiting_city, visiting_country, \
    phone, email, website, bankgiro, plusgiro, iban, bic, default_payment_terms, late_payment_interest, \
    invoice_fee, default_delivery, language, cash_rounding, autoinvoice_enabled, autoinvoice_company_id";

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
                postal_address: Address {
                    line1: row.get(4)?,
                    line2: row.get(5)?,
                    postal_code: row.get(6)?,
                    city: row.get(7)?,
                    country: row.get(8)?,
                },
                visiting_address: Address {
                    line1: row.get(9)?,
                    line2: row.get(10)?,
                    postal_code: row.get(11)?,
                    city: row.get(12)?,
                    country: row.get(13)?,
                },
                phone: row.get(14)?,
                email: row.get(15)?,
                website: row.get(16)?,
                bankgiro: row.get(17)?,
                plusgiro: row.get(18)?,
                iban: row.get(19)?,
                bic: row.get(20)?,
                default_payment_terms: row.get(21)?,
                late_payment_interest: decimal_at(row, 22)?,
                invoice_fee: decimal_at(row, 23)?,
                default_delivery: row.get(24)?,
                language: Language::from_code(&row.get::<_, String>(25)?).unwrap_or_default(),
                cash_rounding: bool_at(row, 26)?,
                autoinvoice_enabled: bool_at(row, 27)?,
                autoinvoice_company_id: row.get(28)?,
            })
        })?;
        Ok(company)
    }

    /// Replaces the company record (all fields at once, as the settings form saves them).
    pub fn set_company(&self, company: &Company) -> Result<(), StoreError> {
        let placeholders: Vec<String> = COMPANY_COLUMNS
            .split(',')
            .enumerate()
            .map(|(index, column)| format!("{} = ?{}", column.trim(), index + 1))
            .collect();
        let sql = format!(
            "UPDATE company SET {} WHERE id = 1",
            placeholders.join(", ")
        );
        let postal = &company.postal_address;
        let visiting = &company.visiting_address;
        self.connection.execute(
            &sql,
            rusqlite::params![
                company.name,
                company.org_number,
                company.vat_number,
                company.f_tax_approved,
                postal.line1,
                postal.line2,
                postal.postal_code,
                postal.city,
                postal.country,
                visiting.line1,
                visiting.line2,
                visiting.postal_code,
                visiting.city,
                visiting.country,
                company.phone,
                company.email,
                company.website,
                company.bankgiro,
                company.plusgiro,
                company.iban,
                company.bic,
                company.default_payment_terms,
                StoredDecimal(company.late_payment_interest),
                StoredDecimal(company.invoice_fee),
                company.default_delivery,
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
