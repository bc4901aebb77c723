//! What the editor's pickers offer: customers by name or number, and articles by number or
//! name with the VAT rate in force on the invoice date and the VAT treatment of the customer.

use chrono::NaiveDate;
use fakturera_core::vat::VatTreatment;
use fakturera_core::vat_rates::VatRateSchedule;
use fakturera_store::{Article, Customer, CustomerId, RegisterQuery, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::AppError;
use crate::invoice_form::{InvoiceLineForm, RowKindCode, VatTreatmentCode};

/// How many matches a picker shows; enough to choose from, few enough to read.
const PICKER_LIMIT: u32 = 20;

/// A customer as the editor's customer picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomerChoice {
    #[ts(type = "number")]
    pub id: i64,
    pub customer_number: String,
    pub name: String,
    pub city: String,
    pub currency: String,
}

impl CustomerChoice {
    pub(crate) fn new(id: CustomerId, customer: &Customer) -> CustomerChoice {
        CustomerChoice {
            id: id.0,
            customer_number: customer.customer_number.clone(),
            name: customer.name.clone(),
            city: customer.address.city.clone(),
            currency: customer.currency.code().to_owned(),
        }
    }
}

/// An article as the rows grid offers it, ready to fill a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleChoice {
    pub article_number: String,
    pub name: String,
    /// The row this article fills in, for the customer and the invoice date asked about.
    pub line: InvoiceLineForm,
}

/// The VAT treatment a row for `customer` starts with: the customer's own, except that an EU
/// customer's row naming an article is goods or services by that article's kind. A free-text
/// row (`is_service` unknown) follows the customer: "EU, varor" rows are goods (K), "EU,
/// tjänster" rows services (AE).
pub(crate) fn line_treatment(
    customer: Option<&Customer>,
    is_service: Option<bool>,
) -> VatTreatment {
    match (customer.map(|customer| customer.vat_treatment), is_service) {
        (Some(VatTreatment::EuGoods | VatTreatment::EuServices), Some(true)) => {
            VatTreatment::EuServices
        }
        (Some(VatTreatment::EuGoods | VatTreatment::EuServices), Some(false)) => {
            VatTreatment::EuGoods
        }
        (Some(treatment), _) => treatment,
        (None, _) => VatTreatment::Swedish,
    }
}

/// A new empty row for `customer`: one piece at 25 % or the customer's VAT-free treatment.
pub(crate) fn blank_line(customer: Option<&Customer>) -> InvoiceLineForm {
    let treatment = line_treatment(customer, None);
    InvoiceLineForm {
        quantity: "1".to_owned(),
        unit: "st".to_owned(),
        vat_treatment: treatment.into(),
        vat_rate: if treatment.charges_vat() { "25" } else { "0" }.to_owned(),
        ..InvoiceLineForm::default()
    }
}

pub(crate) fn article_line(
    article: &Article,
    customer: Option<&Customer>,
    date: NaiveDate,
) -> InvoiceLineForm {
    let treatment = line_treatment(customer, Some(article.is_service));
    let rate = if treatment.charges_vat() {
        VatRateSchedule::swedish()
            .rate_for(article.vat_rate_class, date)
            .unwrap_or_default()
    } else {
        rust_decimal::Decimal::ZERO
    };
    InvoiceLineForm {
        kind: RowKindCode::Item,
        article_number: article.article_number.clone(),
        description: article.name.clone(),
        quantity: "1".to_owned(),
        unit: article.unit.as_str().to_owned(),
        unit_price: article.unit_price.normalize().to_string(),
        discount_percent: String::new(),
        vat_treatment: VatTreatmentCode::from(treatment),
        vat_rate: rate.normalize().to_string(),
    }
}

impl App {
    /// Customers whose name, number or org number contains `search`, for the customer picker.
    pub fn invoice_customer_choices(&self, search: &str) -> Result<Vec<CustomerChoice>, AppError> {
        self.with_store(|store| {
            let query = RegisterQuery {
                search: Some(search.trim().to_owned()).filter(|text| !text.is_empty()),
                limit: PICKER_LIMIT,
                ..RegisterQuery::default()
            };
            Ok::<_, StoreError>(
                store
                    .customers(&query)?
                    .iter()
                    .map(|(id, customer)| CustomerChoice::new(*id, customer))
                    .collect(),
            )
        })
    }

    /// The customer with this customer number, for scripts that name customers by number.
    pub fn invoice_customer_by_number(
        &self,
        customer_number: &str,
    ) -> Result<CustomerChoice, AppError> {
        let number = customer_number.trim().to_owned();
        self.with_store(|store| match store.customer_by_number(&number)? {
            Some((id, customer)) => Ok(CustomerChoice::new(id, &customer)),
            None => Err(StoreError::new(
                fakturera_store::StoreErrorKind::NotFound,
                fakturera_core::Text::new(
                    format!("Det finns ingen kund med kundnummer \"{number}\". Kontrollera numret i kundregistret."),
                    format!("There is no customer with customer number \"{number}\". Check the number in the customer register."),
                ),
            )),
        })
    }

    /// Articles for a row: an exact article number first, then articles whose name or number
    /// contains `search`; each as the row it fills in for `customer_id` on `issue_date`.
    pub fn invoice_article_choices(
        &self,
        search: &str,
        customer_id: Option<i64>,
        issue_date: NaiveDate,
    ) -> Result<Vec<ArticleChoice>, AppError> {
        self.with_store(|store| {
            let customer = customer_id
                .map(|id| store.customer(CustomerId(id)))
                .transpose()?;
            let search = search.trim();
            let mut articles: Vec<Article> = Vec::new();
            if let Some((_, exact)) = store.article_by_number(search)? {
                articles.push(exact);
            }
            let query = RegisterQuery {
                search: Some(search.to_owned()).filter(|text| !text.is_empty()),
                limit: PICKER_LIMIT,
                ..RegisterQuery::default()
            };
            for (_, article) in store.articles(&query)? {
                if !articles
                    .iter()
                    .any(|known| known.article_number == article.article_number)
                {
                    articles.push(article);
                }
            }
            Ok::<_, StoreError>(
                articles
                    .iter()
                    .map(|article| ArticleChoice {
                        article_number: article.article_number.clone(),
                        name: article.name.clone(),
                        line: article_line(article, customer.as_ref(), issue_date),
                    })
                    .collect(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::unit::Unit;
    use fakturera_core::vat_rates::VatRateClass;
    use rust_decimal_macros::dec;

    fn customer(treatment: VatTreatment) -> Customer {
        Customer {
            vat_treatment: treatment,
            ..Customer::new("1", "Kund AB")
        }
    }

    #[test]
    fn rows_follow_the_customers_treatment_and_the_rate_on_the_invoice_date() {
        let food = Article {
            article_number: "KAFFE".into(),
            name: "Kaffe 500 g".into(),
            unit: Unit::new("st"),
            unit_price: dec!(89.00),
            vat_rate_class: VatRateClass::Food,
            is_service: false,
            archived: false,
        };
        let date = |text: &str| text.parse::<NaiveDate>().expect("date");
        let cases = [
            (None, "2026-03-31", VatTreatmentCode::Swedish, "12"),
            (None, "2026-04-01", VatTreatmentCode::Swedish, "6"),
            (
                Some(VatTreatment::EuServices),
                "2026-04-01",
                VatTreatmentCode::EuGoods,
                "0",
            ),
            (
                Some(VatTreatment::Export),
                "2026-04-01",
                VatTreatmentCode::Export,
                "0",
            ),
        ];
        for (treatment, on, expected_treatment, expected_rate) in cases {
            let customer = treatment.map(customer);
            let line = article_line(&food, customer.as_ref(), date(on));
            assert_eq!(
                (line.vat_treatment, line.vat_rate.as_str()),
                (expected_treatment, expected_rate),
                "{on}"
            );
            assert_eq!(line.unit_price, "89");
        }
    }

    #[test]
    fn blank_rows_follow_the_customers_treatment() {
        assert_eq!(blank_line(None).vat_rate, "25");
        let cases = [
            (VatTreatment::EuGoods, VatTreatmentCode::EuGoods),
            (VatTreatment::EuServices, VatTreatmentCode::EuServices),
            (VatTreatment::Export, VatTreatmentCode::Export),
            (
                VatTreatment::DomesticReverseCharge,
                VatTreatmentCode::DomesticReverseCharge,
            ),
        ];
        for (treatment, expected) in cases {
            let line = blank_line(Some(&customer(treatment)));
            assert_eq!(
                (line.vat_treatment, line.vat_rate.as_str()),
                (expected, "0"),
                "{treatment:?}"
            );
        }
    }

    #[test]
    fn an_articles_kind_decides_goods_or_services_for_eu_customers() {
        for (customer_treatment, is_service, expected) in [
            (VatTreatment::EuGoods, Some(true), VatTreatment::EuServices),
            (VatTreatment::EuServices, Some(false), VatTreatment::EuGoods),
            (VatTreatment::EuGoods, None, VatTreatment::EuGoods),
            (VatTreatment::EuServices, None, VatTreatment::EuServices),
            (VatTreatment::Swedish, Some(false), VatTreatment::Swedish),
        ] {
            assert_eq!(
                line_treatment(Some(&customer(customer_treatment)), is_service),
                expected,
                "{customer_treatment:?} {is_service:?}"
            );
        }
    }
}
