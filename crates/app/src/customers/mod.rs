//! Kunder: the customer register's use cases (list and search, show, add, update).

mod form;
#[cfg(test)]
mod tests;
mod to_customer;

use chrono::NaiveDate;
use fakturera_core::Text;
use fakturera_store::{Customer, CustomerId, Store, StoreError, StoreErrorKind};

pub use form::{CustomerDetails, CustomerForm, CustomerRow};
pub use to_customer::{customer_from_form, form_from_customer, shown_legal_id};

use crate::app::App;
use crate::error::{AppError, ForUser};
use crate::register_search::RegisterSearch;

fn details(id: CustomerId, customer: &Customer) -> CustomerDetails {
    CustomerDetails {
        id: id.0,
        form: form_from_customer(customer),
        einvoice_address: customer.einvoice_address.clone(),
        einvoice_checked_at: customer.einvoice_checked_at.map(|time| time.to_rfc3339()),
    }
}

fn row(id: CustomerId, customer: &Customer) -> CustomerRow {
    CustomerRow {
        id: id.0,
        customer_number: customer.customer_number.clone(),
        name: customer.name.clone(),
        kind: customer.kind.into(),
        legal_id: shown_legal_id(customer),
        city: customer.address.city.clone(),
        country_code: customer.address.country_code.clone(),
        email: customer.email.clone(),
        delivery_choice: customer.delivery_choice.into(),
        archived: customer.archived,
    }
}

/// The form with an empty number filled in with the next free one.
fn numbered(store: &Store, form: &CustomerForm) -> Result<CustomerForm, StoreError> {
    let mut form = form.clone();
    if form.customer_number.trim().is_empty() {
        form.customer_number = store.next_customer_number()?;
    }
    Ok(form)
}

impl App {
    /// A page of customers ordered by name, filtered by the search text (Unicode-aware: "öberg"
    /// finds "Öberg").
    pub fn customers(&self, search: &RegisterSearch) -> Result<Vec<CustomerRow>, AppError> {
        self.with_store(|store| {
            let customers = store.customers(&search.to_query())?;
            Ok::<_, StoreError>(
                customers
                    .iter()
                    .map(|(id, customer)| row(*id, customer))
                    .collect(),
            )
        })
    }

    pub fn customer(&self, id: i64) -> Result<CustomerDetails, AppError> {
        self.with_store(|store| {
            let id = CustomerId(id);
            Ok::<_, StoreError>(details(id, &store.customer(id)?))
        })
    }

    /// The customer with this customer number.
    pub fn customer_by_number(&self, customer_number: &str) -> Result<CustomerDetails, AppError> {
        self.with_store(
            |store| match store.customer_by_number(customer_number.trim())? {
                Some((id, customer)) => Ok(details(id, &customer)),
                None => Err(StoreError::new(
                    StoreErrorKind::NotFound,
                    Text::new(
                        format!(
                            "Det finns ingen kund med kundnummer {}. Kontrollera numret.",
                            customer_number.trim()
                        ),
                        format!(
                            "There is no customer with customer number {}. Check the number.",
                            customer_number.trim()
                        ),
                    ),
                )),
            },
        )
    }

    /// An empty form for a new customer: the next free number and the company's defaults.
    pub fn new_customer_form(&self) -> Result<CustomerForm, AppError> {
        self.with_store(|store| {
            let company = store.company()?;
            Ok::<_, StoreError>(CustomerForm {
                customer_number: store.next_customer_number()?,
                address: crate::register_fields::AddressForm {
                    country_code: "SE".into(),
                    ..Default::default()
                },
                currency: "SEK".into(),
                language: company.language.into(),
                delivery_choice: company.default_delivery.into(),
                ..CustomerForm::default()
            })
        })
    }

    /// Checks and adds a customer; an empty customer number gets the next free one.
    pub fn add_customer(
        &self,
        form: &CustomerForm,
        today: NaiveDate,
    ) -> Result<CustomerDetails, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let form = numbered(store, form).for_user(language)?;
            let customer = customer_from_form(&form, None, today).for_user(language)?;
            let id = store.add_customer(&customer).for_user(language)?;
            Ok::<_, AppError>(details(id, &customer))
        })
    }

    /// Checks and saves the customer's new details; the receiver lookup's findings are kept.
    pub fn update_customer(
        &self,
        id: i64,
        form: &CustomerForm,
        today: NaiveDate,
    ) -> Result<CustomerDetails, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let id = CustomerId(id);
            let current = store.customer(id).for_user(language)?;
            let customer = customer_from_form(form, Some(&current), today).for_user(language)?;
            store.update_customer(id, &customer).for_user(language)?;
            Ok::<_, AppError>(details(id, &customer))
        })
    }
}
