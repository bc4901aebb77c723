//! Table tests of the customer form's checks: each bad input names its field in both languages.

use chrono::NaiveDate;
use fakturera_core::party::BuyerKind;
use fakturera_store::DeliveryChoice;

use super::{CustomerForm, customer_from_form, form_from_customer};
use crate::invoice_form::VatTreatmentCode;
use crate::register_fields::{AddressForm, CustomerKindCode, DeliveryChoiceCode};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 4).expect("date")
}

fn valid_form() -> CustomerForm {
    CustomerForm {
        customer_number: "1001".into(),
        name: "Öberg & Åkesson AB".into(),
        legal_id: "5567212047".into(),
        vat_number: "SE556721204701".into(),
        address: AddressForm {
            street: "Storgatan 1".into(),
            postal_code: "111 22".into(),
            city: "Stockholm".into(),
            country_code: "se".into(),
            ..AddressForm::default()
        },
        email: "faktura@oberg.se".into(),
        delivery_choice: DeliveryChoiceCode::Email,
        currency: "sek".into(),
        payment_terms: "net:20".into(),
        buyer_reference: "4711".into(),
        ..CustomerForm::default()
    }
}

#[test]
fn a_valid_form_is_normalised_and_round_trips() {
    let customer = customer_from_form(&valid_form(), None, today()).expect("valid form");
    assert_eq!(customer.legal_id, "5567212047");
    assert_eq!(customer.address.country_code, "SE");
    assert_eq!(customer.currency.code(), "SEK");
    assert_eq!(customer.delivery_choice, DeliveryChoice::Email);
    let form = form_from_customer(&customer);
    assert_eq!(form.legal_id, "556721-2047");
    assert_eq!(customer_from_form(&form, None, today()), Ok(customer));
}

#[test]
fn private_persons_and_foreign_customers() {
    let mut form = valid_form();
    form.kind = CustomerKindCode::Private;
    form.name = "Åsa Öberg 😀".into();
    form.legal_id = "121212-1212".into();
    form.vat_number = String::new();
    let customer = customer_from_form(&form, None, today()).expect("a private person");
    assert_eq!(
        (customer.kind, customer.legal_id.as_str()),
        (BuyerKind::Private, "201212121212")
    );
    assert_eq!(form_from_customer(&customer).legal_id, "20121212-1212");

    let mut form = valid_form();
    form.address = AddressForm {
        street: "Hauptstraße 5".into(),
        postal_code: "10115".into(),
        city: "Berlin".into(),
        country_code: "DE".into(),
        ..AddressForm::default()
    };
    form.legal_id = "HRB 12345".into();
    form.vat_number = "DE123456789".into();
    form.vat_treatment = VatTreatmentCode::EuServices;
    form.currency = "EUR".into();
    let customer = customer_from_form(&form, None, today()).expect("an EU business");
    assert_eq!(
        (customer.legal_id.as_str(), customer.currency.code()),
        ("HRB 12345", "EUR")
    );
}

#[test]
fn bad_input_names_the_field() {
    /// Spoils one field of a valid form.
    type Spoil = fn(&mut CustomerForm);
    let cases: Vec<(&str, Spoil)> = vec![
        ("name", |form| form.name = String::new()),
        ("name", |form| form.name = "Å".repeat(10_000)),
        ("customer_number", |form| form.customer_number = "  ".into()),
        ("legal_id", |form| form.legal_id = "556721-2048".into()),
        ("legal_id", |form| {
            form.legal_id = "'; DROP TABLE customers;--".into()
        }),
        ("legal_id", |form| {
            form.kind = CustomerKindCode::Private;
            form.vat_number = String::new();
        }),
        ("vat_number", |form| form.vat_number = "SE123".into()),
        ("vat_number", |form| {
            form.vat_number = "SE202100541601".into()
        }),
        ("email", |form| form.email = "faktura(at)oberg.se".into()),
        ("email", |form| form.email = String::new()),
        ("address.postal_code", |form| {
            form.address.postal_code = "1234".into()
        }),
        ("address.country_code", |form| {
            form.address.country_code = "Sverige".into()
        }),
        ("delivery_address.city", |form| {
            form.delivery_address = Some(AddressForm {
                city: "\u{7}".into(),
                ..AddressForm::default()
            });
        }),
        ("payment_terms", |form| form.payment_terms = "net:-1".into()),
        ("currency", |form| form.currency = "kronor".into()),
        ("notes", |form| form.notes = "x".repeat(10_000)),
        ("vat_treatment", |form| {
            form.vat_treatment = VatTreatmentCode::EuGoods
        }),
        ("vat_treatment", |form| {
            form.vat_treatment = VatTreatmentCode::Export
        }),
        ("vat_number", |form| {
            form.vat_treatment = VatTreatmentCode::DomesticReverseCharge;
            form.vat_number = String::new();
        }),
        ("vat_treatment", |form| {
            form.kind = CustomerKindCode::Private;
            form.legal_id = "19121212-1212".into();
            form.vat_treatment = VatTreatmentCode::DomesticReverseCharge;
        }),
        ("address.street", |form| {
            form.delivery_choice = DeliveryChoiceCode::Letter;
            form.address.street = String::new();
        }),
        ("legal_id", |form| {
            form.delivery_choice = DeliveryChoiceCode::Einvoice;
            form.legal_id = String::new();
            form.vat_number = String::new();
        }),
    ];
    for (field, spoil) in cases {
        let mut form = valid_form();
        spoil(&mut form);
        let errors = customer_from_form(&form, None, today()).expect_err(field);
        let fields: Vec<&str> = errors.0.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, [field], "{field}: {errors}");
        let message = &errors.0[0].message;
        assert!(
            !message.sv.is_empty() && !message.en.is_empty() && message.sv != message.en,
            "{field}"
        );
        assert!(
            message.sv.chars().count() < 400,
            "{field}: the message stays readable"
        );
    }
}
