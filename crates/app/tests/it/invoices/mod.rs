//! The invoice use cases through `App`, on real company files in temporary folders: drafting,
//! issuing, immutability, credits, the list, payments, the event log and the demo data.

mod copies;
mod credits;
mod demo;
mod drafts_and_issue;
mod list_and_payments;
mod money_in;
mod ocr;

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_app::App;
use fakturera_app::invoice_form::{InvoiceForm, InvoiceLineForm};
use fakturera_core::Language;
use fakturera_core::party::Address;
use fakturera_core::samples;
use fakturera_store::{Company, Customer, CustomerId};

/// An app on a fresh company file in its own temporary folder.
#[derive(Debug)]
pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub app: App,
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("ISO date")
}

pub fn at(text: &str) -> DateTime<Utc> {
    format!("{text}T10:00:00Z").parse().expect("RFC 3339 time")
}

/// A company file with the sample company filled in.
pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = App::open(dir.path().join("Bolaget.fakturera"), Language::Swedish).expect("opens");
    app.with_store(|store| {
        let seller = samples::seller();
        let company = Company {
            name: seller.name,
            org_number: seller.org_number,
            vat_number: seller.vat_number,
            f_tax_approved: true,
            address: seller.address,
            contact_name: seller.contact_name,
            bankgiro: seller.bankgiro,
            cash_rounding: true,
            ..store.company()?
        };
        store.set_company(&company)
    })
    .expect("company saved");
    Fixture { _dir: dir, app }
}

/// Adds a Swedish company customer with a complete address and returns its id.
pub fn add_customer(fixture: &Fixture, number: &str, name: &str) -> i64 {
    fixture
        .app
        .with_store(|store| {
            let customer = Customer {
                legal_id: "5560360793".into(),
                vat_number: "SE556036079301".into(),
                address: Address {
                    street: "Östra Hamngatan 12".into(),
                    street2: String::new(),
                    postal_code: "411 10".into(),
                    city: "Göteborg".into(),
                    country_code: "SE".into(),
                },
                your_reference: "Per Öberg".into(),
                ..Customer::new(number, name)
            };
            store.add_customer(&customer)
        })
        .map(|id: CustomerId| id.0)
        .expect("customer saved")
}

pub fn line(description: &str, quantity: &str, price: &str, rate: &str) -> InvoiceLineForm {
    InvoiceLineForm {
        kind: Default::default(),
        description: description.into(),
        quantity: quantity.into(),
        unit: "st".into(),
        unit_price: price.into(),
        vat_rate: rate.into(),
        ..InvoiceLineForm::default()
    }
}

/// The new-invoice form for `customer` on 2026-11-26 with two lines: 12.5 h at 1,150 (25 %)
/// and a train ticket at 1,295 (6 %).
pub fn two_line_form(fixture: &Fixture, customer: i64) -> InvoiceForm {
    let mut form = fixture
        .app
        .new_invoice(customer, date("2026-11-26"))
        .expect("new invoice")
        .form;
    form.lines = vec![
        line("Konsultarvode", "12,5", "1 150", "25"),
        line("Tågresa", "1", "1295", "6"),
    ];
    form
}
