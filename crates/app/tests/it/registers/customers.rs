//! Kunder: add, search (Unicode-aware), show and update customers, and bad input of every kind.

use fakturera_app::customers::CustomerForm;
use fakturera_app::invoice_form::VatTreatmentCode;
use fakturera_app::register_fields::{AddressForm, CustomerKindCode, DeliveryChoiceCode};
use fakturera_app::{ErrorCode, RegisterSearch};
use fakturera_core::Language;

use super::{fields, fresh_app, today};

fn customer(name: &str, legal_id: &str) -> CustomerForm {
    CustomerForm {
        name: name.into(),
        legal_id: legal_id.into(),
        address: AddressForm {
            street: "Storgatan 1".into(),
            postal_code: "90325".into(),
            city: "Umeå".into(),
            ..Default::default()
        },
        email: "faktura@example.se".into(),
        delivery_choice: DeliveryChoiceCode::Email,
        ..Default::default()
    }
}

fn search(text: &str) -> RegisterSearch {
    RegisterSearch {
        search: text.into(),
        ..Default::default()
    }
}

#[test]
fn customers_get_numbers_and_are_found_as_you_type() {
    let (_folder, app) = fresh_app(Language::Swedish);
    let blank = app.new_customer_form().expect("new form");
    assert_eq!(
        (
            blank.customer_number.as_str(),
            blank.address.country_code.as_str()
        ),
        ("1001", "SE")
    );

    let first = app
        .add_customer(&customer("Öberg Bygg AB", "556721-2047"), today())
        .expect("first");
    assert_eq!(first.form.customer_number, "1001");
    let mut private = customer("Åsa Nilsson", "19121212-1212");
    private.kind = CustomerKindCode::Private;
    private.customer_number = String::new();
    let second = app.add_customer(&private, today()).expect("second");
    assert_eq!(second.form.customer_number, "1002");
    app.add_customer(&customer("Zeta Konsult", ""), today())
        .expect("third");

    let names = |text: &str| -> Vec<String> {
        app.customers(&search(text))
            .expect("search")
            .into_iter()
            .map(|row| row.name)
            .collect()
    };
    assert_eq!(names(""), ["Zeta Konsult", "Åsa Nilsson", "Öberg Bygg AB"]);
    assert_eq!(names("öberg"), ["Öberg Bygg AB"]);
    assert_eq!(names("ÅSA"), ["Åsa Nilsson"]);
    assert_eq!(names("5567212047"), ["Öberg Bygg AB"]);
    assert_eq!(names("1002"), ["Åsa Nilsson"]);
    assert!(
        names("100%").is_empty(),
        "LIKE wildcards are taken literally"
    );
    assert_eq!(names("").len(), 3);

    let rows = app.customers(&search("öberg")).expect("search");
    assert_eq!(rows[0].legal_id, "556721-2047");
    assert_eq!(rows[0].delivery_choice, DeliveryChoiceCode::Email);
    assert_eq!(app.customer(first.id).expect("by id"), first);
    assert_eq!(
        app.customer_by_number(" 1002 ").expect("by number").id,
        second.id
    );
}

#[test]
fn updates_keep_the_number_unique_and_can_archive() {
    let (_folder, app) = fresh_app(Language::English);
    let first = app
        .add_customer(&customer("Alfa AB", ""), today())
        .expect("first");
    let second = app
        .add_customer(&customer("Beta AB", ""), today())
        .expect("second");

    let mut form = second.form.clone();
    form.customer_number = first.form.customer_number.clone();
    let error = app
        .update_customer(second.id, &form, today())
        .expect_err("duplicate number");
    assert_eq!(
        (error.code, fields(&error)),
        (ErrorCode::InvalidInput, vec!["customer_number"])
    );
    assert!(
        error.message.contains("already in use"),
        "{}",
        error.message
    );

    let mut form = second.form.clone();
    form.vat_treatment = VatTreatmentCode::EuServices;
    form.vat_number = "DE123456789".into();
    form.address.country_code = "de".into();
    form.address.postal_code = "10115".into();
    form.currency = "eur".into();
    form.language = fakturera_app::LanguageCode::En;
    form.buyer_reference = "PO-77".into();
    form.delivery_address = Some(AddressForm {
        street: "Lager 3".into(),
        city: "Hamburg".into(),
        country_code: "DE".into(),
        ..Default::default()
    });
    form.archived = true;
    let updated = app
        .update_customer(second.id, &form, today())
        .expect("valid update");
    assert_eq!(updated.form.address.country_code, "DE");
    assert_eq!(updated.form.currency, "EUR");
    assert_eq!(
        updated
            .form
            .delivery_address
            .as_ref()
            .map(|address| address.city.as_str()),
        Some("Hamburg")
    );
    assert!(
        app.customers(&search("beta")).expect("list").is_empty(),
        "archived customers are hidden"
    );
    let with_archived = RegisterSearch {
        search: "beta".into(),
        include_archived: true,
        ..Default::default()
    };
    assert_eq!(app.customers(&with_archived).expect("list").len(), 1);

    let error = app
        .update_customer(9_999, &form, today())
        .expect_err("no such customer");
    assert_eq!(error.code, ErrorCode::NotFound);
    let error = app.customer_by_number("4711").expect_err("no such number");
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[test]
fn bad_input_is_refused_with_the_field_named_and_nothing_stored() {
    let (_folder, app) = fresh_app(Language::Swedish);
    let cases: Vec<(CustomerForm, &str)> = vec![
        (customer("", ""), "name"),
        (customer(&"Å".repeat(10_000), ""), "name"),
        (customer("Fel AB", "556721-2048"), "legal_id"),
        (customer("Fel AB", "not a number"), "legal_id"),
        (
            CustomerForm {
                email: "'; DROP TABLE customers;--".into(),
                ..customer("Fel AB", "")
            },
            "email",
        ),
        (
            CustomerForm {
                notes: "😀".repeat(10_000),
                ..customer("Fel AB", "")
            },
            "notes",
        ),
    ];
    for (form, field) in cases {
        let error = app.add_customer(&form, today()).expect_err(field);
        assert_eq!(
            (error.code, fields(&error)),
            (ErrorCode::InvalidInput, vec![field]),
            "{field}"
        );
        assert!(!error.message.is_empty());
    }
    assert!(app.customers(&search("")).expect("list").is_empty());

    let tricky = customer("Robert'); DROP TABLE customers;-- 😀", "");
    let saved = app
        .add_customer(&tricky, today())
        .expect("quotes and emoji are just text");
    assert_eq!(saved.form.name, tricky.name);
    assert_eq!(
        app.customers(&search("drop table")).expect("search").len(),
        1
    );
}
