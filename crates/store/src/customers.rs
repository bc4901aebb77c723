//! The customer register.

use chrono::{DateTime, Utc};
use fakturera_core::Language;
use fakturera_core::Text;
use fakturera_core::money::Currency;
use fakturera_core::party::{Address, Buyer, BuyerKind};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::vat::VatTreatment;
use rusqlite::ToSql;

use crate::column_list::{ColumnList, MappedTable, owned};
use crate::delivery_choice::DeliveryChoice;
use crate::error::StoreError;
use crate::named_columns::{NamedColumns, address_named};
use crate::open::Store;
use crate::record_ids::CustomerId;
use crate::register_query::{
    MATCH_RANK_SQL, RegisterQuery, like_pattern, part_start_pattern, search_text,
    word_start_pattern,
};

/// A customer as kept in the register (product.md, "Customers"). Text fields are `""` when not
/// given; identifiers are validated and normalised by the app before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub customer_number: String,
    pub kind: BuyerKind,
    pub name: String,
    /// Org number for companies, personal number for private persons.
    pub legal_id: String,
    pub vat_number: String,
    /// The invoice address; its country is the customer's country.
    pub address: Address,
    pub delivery_address: Option<Address>,
    /// Where invoices go by e-mail.
    pub email: String,
    /// Where copies of its invoices go ("Skicka kopia"), e.g. the customer's accountant.
    pub copy_email: String,
    pub phone: String,
    pub contact_name: String,
    pub our_reference: String,
    pub your_reference: String,
    /// Referenskod (BT-10), required by many public-sector buyers.
    pub buyer_reference: String,
    /// `None` means the company's default terms.
    pub payment_terms: Option<PaymentTerms>,
    pub currency: Currency,
    pub language: Language,
    pub delivery_choice: DeliveryChoice,
    pub vat_treatment: VatTreatment,
    /// The Peppol address found by the receiver lookup, and when it was looked up.
    pub einvoice_address: Option<String>,
    pub einvoice_checked_at: Option<DateTime<Utc>>,
    pub notes: String,
    pub archived: bool,
}

impl Customer {
    /// An empty Swedish company customer with the given number and name.
    pub fn new(customer_number: impl Into<String>, name: impl Into<String>) -> Customer {
        Customer {
            customer_number: customer_number.into(),
            kind: BuyerKind::Company,
            name: name.into(),
            legal_id: String::new(),
            vat_number: String::new(),
            address: Address {
                country_code: "SE".to_owned(),
                ..Address::default()
            },
            delivery_address: None,
            email: String::new(),
            copy_email: String::new(),
            phone: String::new(),
            contact_name: String::new(),
            our_reference: String::new(),
            your_reference: String::new(),
            buyer_reference: String::new(),
            payment_terms: None,
            currency: Currency::sek(),
            language: Language::Swedish,
            delivery_choice: DeliveryChoice::Automatic,
            vat_treatment: VatTreatment::Swedish,
            einvoice_address: None,
            einvoice_checked_at: None,
            notes: String::new(),
            archived: false,
        }
    }

    /// The customer as the buyer on an invoice.
    pub fn buyer(&self) -> Buyer {
        Buyer {
            customer_number: self.customer_number.clone(),
            kind: self.kind,
            name: self.name.clone(),
            legal_id: self.legal_id.clone(),
            vat_number: self.vat_number.clone(),
            address: self.address.clone(),
            delivery_address: self.delivery_address.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            contact_name: self.contact_name.clone(),
            einvoice_address: self.einvoice_address.clone(),
            language: self.language,
        }
    }
}

pub(crate) fn buyer_kind_code(kind: BuyerKind) -> &'static str {
    match kind {
        BuyerKind::Company => "company",
        BuyerKind::Private => "private",
    }
}

pub(crate) fn buyer_kind_from_code(code: &str) -> Option<BuyerKind> {
    match code {
        "company" => Some(BuyerKind::Company),
        "private" => Some(BuyerKind::Private),
        _ => None,
    }
}

/// The customer's columns and values: what is written, and (but `search_text`) what is read.
pub(crate) const CUSTOMER_COLUMNS: ColumnList<Customer> = ColumnList(&[
    ("customer_number", |c| c.customer_number.to_sql()),
    ("kind", |c| buyer_kind_code(c.kind).to_sql()),
    ("name", |c| c.name.to_sql()),
    ("legal_id", |c| c.legal_id.to_sql()),
    ("vat_number", |c| c.vat_number.to_sql()),
    ("street", |c| c.address.street.to_sql()),
    ("street2", |c| c.address.street2.to_sql()),
    ("postal_code", |c| c.address.postal_code.to_sql()),
    ("city", |c| c.address.city.to_sql()),
    ("country_code", |c| c.address.country_code.to_sql()),
    ("has_delivery_address", |c| {
        owned(c.delivery_address.is_some())
    }),
    ("delivery_street", |c| delivery(c, |a| &a.street).to_sql()),
    ("delivery_street2", |c| delivery(c, |a| &a.street2).to_sql()),
    ("delivery_postal_code", |c| {
        delivery(c, |a| &a.postal_code).to_sql()
    }),
    ("delivery_city", |c| delivery(c, |a| &a.city).to_sql()),
    ("delivery_country_code", |c| {
        delivery(c, |a| &a.country_code).to_sql()
    }),
    ("email", |c| c.email.to_sql()),
    ("copy_email", |c| c.copy_email.to_sql()),
    ("phone", |c| c.phone.to_sql()),
    ("contact_name", |c| c.contact_name.to_sql()),
    ("our_reference", |c| c.our_reference.to_sql()),
    ("your_reference", |c| c.your_reference.to_sql()),
    ("buyer_reference", |c| c.buyer_reference.to_sql()),
    ("payment_terms", |c| {
        owned(c.payment_terms.map(PaymentTerms::code))
    }),
    ("currency", |c| c.currency.code().to_sql()),
    ("language", |c| c.language.code().to_sql()),
    ("delivery_choice", |c| c.delivery_choice.code().to_sql()),
    ("vat_treatment", |c| c.vat_treatment.code().to_sql()),
    ("einvoice_address", |c| c.einvoice_address.to_sql()),
    ("einvoice_checked_at", |c| c.einvoice_checked_at.to_sql()),
    ("notes", |c| c.notes.to_sql()),
    ("archived", |c| c.archived.to_sql()),
    // What the register search matches; never read back.
    ("search_text", |c| {
        owned(search_text(&[&c.name, &c.customer_number, &c.legal_id]))
    }),
]);

/// The register's columns: the id it is found by and the written columns.
pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![(
        "customers",
        CUSTOMER_COLUMNS.names().chain(["id"]).collect(),
    )]
}

/// One part of the delivery address, `""` when there is none.
fn delivery(customer: &Customer, part: fn(&Address) -> &String) -> &str {
    customer
        .delivery_address
        .as_ref()
        .map_or("", |address| part(address))
}

pub(crate) fn customer_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Customer> {
    let payment_terms: Option<String> = row.get("payment_terms")?;
    Ok(Customer {
        customer_number: row.get("customer_number")?,
        kind: row.code("kind", buyer_kind_from_code)?,
        name: row.get("name")?,
        legal_id: row.get("legal_id")?,
        vat_number: row.get("vat_number")?,
        address: address_named(row, "")?,
        delivery_address: if row.get("has_delivery_address")? {
            Some(address_named(row, "delivery_")?)
        } else {
            None
        },
        email: row.get("email")?,
        copy_email: row.get("copy_email")?,
        phone: row.get("phone")?,
        contact_name: row.get("contact_name")?,
        our_reference: row.get("our_reference")?,
        your_reference: row.get("your_reference")?,
        buyer_reference: row.get("buyer_reference")?,
        payment_terms: payment_terms.and_then(|code| PaymentTerms::parse(&code).ok()),
        currency: row.code("currency", |code| Currency::parse(code).ok())?,
        language: row.code("language", Language::from_code)?,
        delivery_choice: row.code("delivery_choice", DeliveryChoice::from_code)?,
        vat_treatment: row.code("vat_treatment", VatTreatment::from_code)?,
        einvoice_address: row.get("einvoice_address")?,
        einvoice_checked_at: row.get("einvoice_checked_at")?,
        notes: row.get("notes")?,
        archived: row.get("archived")?,
    })
}

/// The columns a customer is read from: its id and the written columns.
pub(crate) fn customer_select() -> String {
    format!("id, {}", CUSTOMER_COLUMNS.select_list(None))
}

impl Store {
    /// Adds a customer; the customer number must be unused.
    pub fn add_customer(&self, customer: &Customer) -> Result<CustomerId, StoreError> {
        insert_customer(&self.connection, customer)
    }

    /// Replaces a customer's fields. Issued invoices keep the snapshot they were issued with.
    pub fn update_customer(&self, id: CustomerId, customer: &Customer) -> Result<(), StoreError> {
        update_customer_row(&self.connection, id, customer)
    }

    pub fn customer(&self, id: CustomerId) -> Result<Customer, StoreError> {
        let sql = format!("SELECT {} FROM customers WHERE id = ?1", customer_select());
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement.query([id])?;
        match rows.next()? {
            Some(row) => Ok(customer_from_row(row)?),
            None => Err(StoreError::not_found("kund", "customer", id)),
        }
    }

    /// A page of customers ordered by name, optionally filtered by a search text that matches
    /// the name, the customer number or the org number anywhere.
    pub fn customers(
        &self,
        query: &RegisterQuery,
    ) -> Result<Vec<(CustomerId, Customer)>, StoreError> {
        let sql = format!(
            "SELECT {} FROM customers
             WHERE (?1 IS NULL OR search_text LIKE ?1 ESCAPE '\\')
               AND (?2 OR archived = 0)
             ORDER BY {MATCH_RANK_SQL}, name COLLATE NOCASE, id
             LIMIT ?3 OFFSET ?4",
            customer_select()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let pattern = query.search.as_deref().map(like_pattern);
        let part_start = query.search.as_deref().map(part_start_pattern);
        let word_start = query.search.as_deref().map(word_start_pattern);
        let rows = statement.query_map(
            rusqlite::params![
                pattern,
                query.include_archived,
                query.limit(),
                query.offset,
                part_start,
                word_start
            ],
            |row| Ok((row.get::<_, CustomerId>("id")?, customer_from_row(row)?)),
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The customer with this customer number, if any.
    pub fn customer_by_number(
        &self,
        customer_number: &str,
    ) -> Result<Option<(CustomerId, Customer)>, StoreError> {
        let sql = format!(
            "SELECT {} FROM customers WHERE customer_number = ?1",
            customer_select()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement.query([customer_number])?;
        match rows.next()? {
            Some(row) => Ok(Some((row.get("id")?, customer_from_row(row)?))),
            None => Ok(None),
        }
    }

    /// The next free numeric customer number: one more than the highest all-digit number in use.
    pub fn next_customer_number(&self) -> Result<String, StoreError> {
        let highest: Option<i64> = self.connection.query_row(
            "SELECT MAX(CAST(customer_number AS INTEGER)) FROM customers
             WHERE customer_number <> '' AND customer_number NOT GLOB '*[^0-9]*'",
            [],
            |row| row.get(0),
        )?;
        Ok(highest.map_or(1001, |highest| highest + 1).to_string())
    }
}

/// Inserts a customer on `connection` (the store's, or an import's transaction).
pub(crate) fn insert_customer(
    connection: &rusqlite::Connection,
    customer: &Customer,
) -> Result<CustomerId, StoreError> {
    check_customer(customer)?;
    CUSTOMER_COLUMNS
        .insert(connection, "customers", customer)
        .map_err(|error| duplicate_number_or(error, &customer.customer_number))?;
    Ok(CustomerId(connection.last_insert_rowid()))
}

/// Replaces the fields of customer `id` on `connection`.
pub(crate) fn update_customer_row(
    connection: &rusqlite::Connection,
    id: CustomerId,
    customer: &Customer,
) -> Result<(), StoreError> {
    check_customer(customer)?;
    let changed = CUSTOMER_COLUMNS
        .update(connection, "customers", customer, "id", &id)
        .map_err(|error| duplicate_number_or(error, &customer.customer_number))?;
    if changed == 0 {
        return Err(StoreError::not_found("kund", "customer", id));
    }
    Ok(())
}

/// The few rules the store itself keeps; the app validates identifiers and formats.
fn check_customer(customer: &Customer) -> Result<(), StoreError> {
    if customer.customer_number.trim().is_empty() {
        return Err(StoreError::invalid_field(
            "customer_number",
            Text::new("Ange ett kundnummer.", "Enter a customer number."),
        ));
    }
    if customer.name.trim().is_empty() {
        return Err(StoreError::invalid_field(
            "name",
            Text::new("Ange kundens namn.", "Enter the customer's name."),
        ));
    }
    Ok(())
}

fn duplicate_number_or(error: rusqlite::Error, number: &str) -> StoreError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && error.to_string().contains("customers.customer_number")
    {
        return StoreError::invalid_field(
            "customer_number",
            Text::new(
                format!("Kundnummer {number} används redan. Välj ett annat nummer."),
                format!("Customer number {number} is already in use. Choose another number."),
            ),
        );
    }
    StoreError::from(error)
}
