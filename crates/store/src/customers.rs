//! The customer register.

use chrono::{DateTime, Utc};
use fakturera_core::Language;
use fakturera_core::Text;
use fakturera_core::money::Currency;
use fakturera_core::party::{Address, Buyer, BuyerKind};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::vat::VatTreatment;

use crate::delivery_choice::DeliveryChoice;
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::CustomerId;
use crate::register_query::{
    MATCH_RANK_SQL, RegisterQuery, like_pattern, part_start_pattern, search_text,
    word_start_pattern,
};
use crate::sql_values::{bool_at, code_at};

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

pub(crate) const CUSTOMER_COLUMNS: &str = "customer_number, kind, name, legal_id, vat_number, \
    street, street2, postal_code, city, country_code, has_delivery_address, \
    delivery_street, delivery_street2, delivery_postal_code, delivery_city, delivery_country_code, \
    email, phone, contact_name, our_reference, your_reference, buyer_reference, payment_terms, \
    currency, language, delivery_choice, vat_treatment, einvoice_address, einvoice_checked_at, notes, archived, \
    search_text";

pub(crate) fn customer_from_row(
    row: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<Customer> {
    let at = |offset: usize| first + offset;
    let address_from = |start: usize| -> rusqlite::Result<Address> {
        Ok(Address {
            street: row.get(at(start))?,
            street2: row.get(at(start + 1))?,
            postal_code: row.get(at(start + 2))?,
            city: row.get(at(start + 3))?,
            country_code: row.get(at(start + 4))?,
        })
    };
    let payment_terms: Option<String> = row.get(at(22))?;
    Ok(Customer {
        customer_number: row.get(at(0))?,
        kind: code_at(row, at(1), buyer_kind_from_code)?,
        name: row.get(at(2))?,
        legal_id: row.get(at(3))?,
        vat_number: row.get(at(4))?,
        address: address_from(5)?,
        delivery_address: if bool_at(row, at(10))? {
            Some(address_from(11)?)
        } else {
            None
        },
        email: row.get(at(16))?,
        phone: row.get(at(17))?,
        contact_name: row.get(at(18))?,
        our_reference: row.get(at(19))?,
        your_reference: row.get(at(20))?,
        buyer_reference: row.get(at(21))?,
        payment_terms: payment_terms.and_then(|code| PaymentTerms::parse(&code).ok()),
        currency: code_at(row, at(23), |code| Currency::parse(code).ok())?,
        language: code_at(row, at(24), Language::from_code)?,
        delivery_choice: code_at(row, at(25), DeliveryChoice::from_code)?,
        vat_treatment: code_at(row, at(26), VatTreatment::from_code)?,
        einvoice_address: row.get(at(27))?,
        einvoice_checked_at: row.get(at(28))?,
        notes: row.get(at(29))?,
        archived: bool_at(row, at(30))?,
    })
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
        let sql = format!("SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?1");
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement.query([id])?;
        match rows.next()? {
            Some(row) => Ok(customer_from_row(row, 0)?),
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
            "SELECT id, {CUSTOMER_COLUMNS} FROM customers
             WHERE (?1 IS NULL OR search_text LIKE ?1 ESCAPE '\\')
               AND (?2 OR archived = 0)
             ORDER BY {MATCH_RANK_SQL}, name COLLATE NOCASE, id
             LIMIT ?3 OFFSET ?4"
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
            |row| Ok((row.get::<_, CustomerId>(0)?, customer_from_row(row, 1)?)),
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The customer with this customer number, if any.
    pub fn customer_by_number(
        &self,
        customer_number: &str,
    ) -> Result<Option<(CustomerId, Customer)>, StoreError> {
        let sql =
            format!("SELECT id, {CUSTOMER_COLUMNS} FROM customers WHERE customer_number = ?1");
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement.query([customer_number])?;
        match rows.next()? {
            Some(row) => Ok(Some((row.get(0)?, customer_from_row(row, 1)?))),
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
    let placeholders: Vec<String> = (1..=CUSTOMER_COLUMNS.split(',').count())
        .map(|n| format!("?{n}"))
        .collect();
    let sql = format!(
        "INSERT INTO customers ({CUSTOMER_COLUMNS}) VALUES ({})",
        placeholders.join(", ")
    );
    connection
        .prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(customer_params(customer).iter()))
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
    let assignments: Vec<String> = CUSTOMER_COLUMNS
        .split(',')
        .enumerate()
        .map(|(index, column)| format!("{} = ?{}", column.trim(), index + 1))
        .collect();
    let id_placeholder = assignments.len() + 1;
    let sql = format!(
        "UPDATE customers SET {} WHERE id = ?{id_placeholder}",
        assignments.join(", ")
    );
    let mut params = customer_params(customer);
    params.push(Box::new(id));
    let changed = connection
        .prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(params.iter()))
        .map_err(|error| duplicate_number_or(error, &customer.customer_number))?;
    if changed == 0 {
        return Err(StoreError::not_found("kund", "customer", id));
    }
    Ok(())
}

fn customer_params(customer: &Customer) -> Vec<Box<dyn rusqlite::ToSql + '_>> {
    let delivery = customer.delivery_address.clone().unwrap_or_default();
    vec![
        Box::new(&customer.customer_number),
        Box::new(buyer_kind_code(customer.kind)),
        Box::new(&customer.name),
        Box::new(&customer.legal_id),
        Box::new(&customer.vat_number),
        Box::new(&customer.address.street),
        Box::new(&customer.address.street2),
        Box::new(&customer.address.postal_code),
        Box::new(&customer.address.city),
        Box::new(&customer.address.country_code),
        Box::new(customer.delivery_address.is_some()),
        Box::new(delivery.street),
        Box::new(delivery.street2),
        Box::new(delivery.postal_code),
        Box::new(delivery.city),
        Box::new(delivery.country_code),
        Box::new(&customer.email),
        Box::new(&customer.phone),
        Box::new(&customer.contact_name),
        Box::new(&customer.our_reference),
        Box::new(&customer.your_reference),
        Box::new(&customer.buyer_reference),
        Box::new(customer.payment_terms.map(PaymentTerms::code)),
        Box::new(customer.currency.code()),
        Box::new(customer.language.code()),
        Box::new(customer.delivery_choice.code()),
        Box::new(customer.vat_treatment.code()),
        Box::new(&customer.einvoice_address),
        Box::new(customer.einvoice_checked_at),
        Box::new(&customer.notes),
        Box::new(customer.archived),
        Box::new(search_text(&[
            &customer.name,
            &customer.customer_number,
            &customer.legal_id,
        ])),
    ]
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
