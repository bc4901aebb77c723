//! The company that owns the file: one row, read by every screen and document.

use fakturera_core::Language;
use fakturera_core::party::{Address, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use rusqlite::ToSql;
use rust_decimal::Decimal;

use crate::column_list::{ColumnList, MappedTable, owned};
use crate::delivery_choice::DeliveryChoice;
use crate::error::StoreError;
use crate::named_columns::{NamedColumns, address_named};
use crate::open::Store;
use crate::sql_values::StoredDecimal;

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

/// The company's columns and values, written and read whole (the logo has columns of its own).
const COMPANY_COLUMNS: ColumnList<Company> = ColumnList(&[
    ("name", |c| c.name.to_sql()),
    ("org_number", |c| c.org_number.to_sql()),
    ("vat_number", |c| c.vat_number.to_sql()),
    ("f_tax_approved", |c| c.f_tax_approved.to_sql()),
    ("street", |c| c.address.street.to_sql()),
    ("street2", |c| c.address.street2.to_sql()),
    ("postal_code", |c| c.address.postal_code.to_sql()),
    ("city", |c| c.address.city.to_sql()),
    ("country_code", |c| c.address.country_code.to_sql()),
    ("visiting_street", |c| c.visiting_address.street.to_sql()),
    ("visiting_street2", |c| c.visiting_address.street2.to_sql()),
    ("visiting_postal_code", |c| {
        c.visiting_address.postal_code.to_sql()
    }),
    ("visiting_city", |c| c.visiting_address.city.to_sql()),
    ("visiting_country_code", |c| {
        c.visiting_address.country_code.to_sql()
    }),
    ("phone", |c| c.phone.to_sql()),
    ("email", |c| c.email.to_sql()),
    ("website", |c| c.website.to_sql()),
    ("contact_name", |c| c.contact_name.to_sql()),
    ("bankgiro", |c| c.bankgiro.to_sql()),
    ("plusgiro", |c| c.plusgiro.to_sql()),
    ("iban", |c| c.iban.to_sql()),
    ("bic", |c| c.bic.to_sql()),
    ("late_payment_interest", |c| {
        owned(c.late_payment_interest.map(StoredDecimal))
    }),
    ("default_payment_terms", |c| {
        owned(c.default_payment_terms.code())
    }),
    ("invoice_fee", |c| owned(StoredDecimal(c.invoice_fee))),
    ("default_delivery", |c| c.default_delivery.code().to_sql()),
    ("language", |c| c.language.code().to_sql()),
    ("cash_rounding", |c| c.cash_rounding.to_sql()),
    ("autoinvoice_enabled", |c| c.autoinvoice_enabled.to_sql()),
    ("autoinvoice_company_id", |c| {
        c.autoinvoice_company_id.to_sql()
    }),
]);

/// The logo's columns, read and written on their own by `company_logo`/`set_company_logo`.
const LOGO_COLUMNS: [&str; 2] = ["logo", "logo_media_type"];

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![(
        "company",
        COMPANY_COLUMNS.names().chain(LOGO_COLUMNS).collect(),
    )]
}

fn company_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Company> {
    Ok(Company {
        name: row.get("name")?,
        org_number: row.get("org_number")?,
        vat_number: row.get("vat_number")?,
        f_tax_approved: row.get("f_tax_approved")?,
        address: address_named(row, "")?,
        visiting_address: address_named(row, "visiting_")?,
        phone: row.get("phone")?,
        email: row.get("email")?,
        website: row.get("website")?,
        contact_name: row.get("contact_name")?,
        bankgiro: row.get("bankgiro")?,
        plusgiro: row.get("plusgiro")?,
        iban: row.get("iban")?,
        bic: row.get("bic")?,
        late_payment_interest: row.optional_decimal("late_payment_interest")?,
        default_payment_terms: row.code("default_payment_terms", |code| {
            PaymentTerms::parse(code).ok()
        })?,
        invoice_fee: row.decimal("invoice_fee")?,
        default_delivery: row.code("default_delivery", DeliveryChoice::from_code)?,
        language: row.code("language", Language::from_code)?,
        cash_rounding: row.get("cash_rounding")?,
        autoinvoice_enabled: row.get("autoinvoice_enabled")?,
        autoinvoice_company_id: row.get("autoinvoice_company_id")?,
    })
}

impl Store {
    /// The company record. A new file has one with an empty name and the defaults.
    pub fn company(&self) -> Result<Company, StoreError> {
        let sql = format!(
            "SELECT {} FROM company WHERE id = 1",
            COMPANY_COLUMNS.select_list(None)
        );
        Ok(self.connection.query_row(&sql, [], company_from_row)?)
    }

    /// Replaces the company record (all fields at once, as the settings form saves them).
    pub fn set_company(&self, company: &Company) -> Result<(), StoreError> {
        COMPANY_COLUMNS.update(&self.connection, "company", company, "id", &1)?;
        Ok(())
    }

    /// The logo, if one has been set.
    pub fn company_logo(&self) -> Result<Option<Logo>, StoreError> {
        let logo = self.connection.query_row(
            "SELECT logo, logo_media_type FROM company WHERE id = 1",
            [],
            |row| {
                let bytes: Option<Vec<u8>> = row.get("logo")?;
                let media_type: Option<String> = row.get("logo_media_type")?;
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
