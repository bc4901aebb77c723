//! Customers, articles and number series.

use fakturera_core::party::{Address, BuyerKind};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::unit::Unit;
use fakturera_core::vat::VatTreatment;
use fakturera_core::vat_rates::VatRateClass;
use fakturera_store::{
    Article, Customer, DeliveryChoice, RegisterQuery, SeriesInput, Store, StoreErrorKind,
};
use rust_decimal_macros::dec;

use crate::temp_file;

fn search(text: &str) -> RegisterQuery {
    RegisterQuery {
        search: Some(text.to_owned()),
        ..RegisterQuery::default()
    }
}

#[test]
fn customers_round_trip_and_are_searchable_in_any_case() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let mut customer = Customer::new("1001", "Åkesson & Öberg Bygg AB");
    customer.legal_id = "5560360793".to_owned();
    customer.vat_treatment = VatTreatment::DomesticReverseCharge;
    customer.delivery_choice = DeliveryChoice::EInvoice;
    customer.payment_terms = Some(PaymentTerms::Net { days: 10 });
    customer.delivery_address = Some(Address {
        street: "Bygget 3".to_owned(),
        postal_code: "222 33".to_owned(),
        city: "Lund".to_owned(),
        country_code: "SE".to_owned(),
        ..Address::default()
    });
    customer.einvoice_address = Some("0007:5560360793".to_owned());
    let id = store.add_customer(&customer)?;
    let mut private = Customer::new("1002", "Eva Ström");
    private.kind = BuyerKind::Private;
    store.add_customer(&private)?;

    assert_eq!(store.customer(id)?, customer);
    assert_eq!(store.customer(id)?.buyer().name, customer.name);
    let table = [
        ("öberg", vec!["Åkesson & Öberg Bygg AB"]),
        ("ÅKESSON", vec!["Åkesson & Öberg Bygg AB"]),
        ("1002", vec!["Eva Ström"]),
        ("556036", vec!["Åkesson & Öberg Bygg AB"]),
        ("%", vec![]),
        ("x' OR 1=1 --", vec![]),
    ];
    for (text, expected) in table {
        let names: Vec<String> = store
            .customers(&search(text))?
            .into_iter()
            .map(|(_, c)| c.name)
            .collect();
        assert_eq!(names, expected, "search {text:?}");
    }
    assert_eq!(store.customers(&RegisterQuery::default())?.len(), 2);
    assert_eq!(store.next_customer_number()?, "1003");
    assert_eq!(
        store.customer_by_number("1002")?.map(|(_, c)| c.kind),
        Some(BuyerKind::Private)
    );
    Ok(())
}

#[test]
fn duplicate_and_empty_customers_are_refused_with_the_field()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let first = store.add_customer(&Customer::new("1001", "Första AB"))?;
    let error = store
        .add_customer(&Customer::new("1001", "Andra AB"))
        .expect_err("duplicate");
    assert_eq!(
        (error.kind(), error.field()),
        (StoreErrorKind::Invalid, Some("customer_number"))
    );
    assert!(
        error.message().sv.contains("1001 används redan"),
        "{}",
        error.message().sv
    );
    let error = store
        .add_customer(&Customer::new("1002", "  "))
        .expect_err("empty name");
    assert_eq!(error.field(), Some("name"));

    let mut renamed = store.customer(first)?;
    renamed.name = "Första Bygg AB".to_owned();
    renamed.archived = true;
    store.update_customer(first, &renamed)?;
    assert_eq!(store.customer(first)?.name, "Första Bygg AB");
    assert!(
        store.customers(&RegisterQuery::default())?.is_empty(),
        "archived customers are hidden"
    );
    let all = RegisterQuery {
        include_archived: true,
        ..RegisterQuery::default()
    };
    assert_eq!(store.customers(&all)?.len(), 1);
    let missing = store
        .update_customer(fakturera_store::CustomerId(999), &renamed)
        .expect_err("missing");
    assert_eq!(missing.kind(), StoreErrorKind::NotFound);
    Ok(())
}

#[test]
fn articles_round_trip_exactly() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let article = Article {
        article_number: "KAFFE-1".to_owned(),
        name: "Kaffe, mörkrost 500 g".to_owned(),
        unit: Unit::new("st"),
        unit_price: dec!(89.90),
        vat_rate_class: VatRateClass::Food,
        is_service: false,
        archived: false,
    };
    let id = store.add_article(&article)?;
    assert_eq!(store.article(id)?, article);
    assert_eq!(store.article(id)?.unit_price.to_string(), "89.90");
    assert_eq!(
        store.article_by_number("KAFFE-1")?.map(|(found, _)| found),
        Some(id)
    );
    let found: Vec<_> = store.articles(&search("MÖRKROST"))?;
    assert_eq!(found.len(), 1);
    let error = store.add_article(&article).expect_err("duplicate number");
    assert_eq!(error.field(), Some("article_number"));
    Ok(())
}

#[test]
fn number_series_can_be_added_but_never_moved_back() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let mut store = Store::open(&path)?;
    let default = store.default_series()?;
    assert_eq!((default.prefix.as_str(), default.next_number), ("", 1));
    let export = store.add_number_series(&SeriesInput {
        name: "Export".to_owned(),
        prefix: "EX-".to_owned(),
        next_number: 5000,
    })?;
    store.set_default_series(export)?;
    assert_eq!(store.default_series()?.id, export);
    assert_eq!(store.number_series()?.len(), 2);
    let duplicate = store
        .add_number_series(&SeriesInput {
            name: "Export".to_owned(),
            prefix: String::new(),
            next_number: 1,
        })
        .expect_err("duplicate name");
    assert_eq!(duplicate.field(), Some("name"));
    let zero = store
        .update_number_series(
            export,
            &SeriesInput {
                name: "Export".to_owned(),
                prefix: "EX-".to_owned(),
                next_number: 0,
            },
        )
        .expect_err("zero");
    assert_eq!(zero.field(), Some("next_number"));
    Ok(())
}

#[test]
fn searches_offer_matches_at_the_start_before_matches_inside_a_word()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    for (number, name) in [
        ("HW-SKARM", "Bildskärm 27 tum"),
        ("KONS", "Konsulttimme"),
        ("NAT-01", "Nätverk, kabeldragning"),
        ("KABEL", "Nätverkskabel 5 m"),
    ] {
        store.add_article(&Article {
            article_number: number.to_owned(),
            name: name.to_owned(),
            unit: Unit::new("st"),
            unit_price: dec!(100),
            vat_rate_class: VatRateClass::Standard,
            is_service: false,
            archived: false,
        })?;
    }
    let numbers: Vec<String> = store
        .articles(&search("k"))?
        .into_iter()
        .map(|(_, article)| article.article_number)
        .collect();
    // Starts with K (number or name), then a word starting with K, then K inside a word.
    assert_eq!(numbers, ["KONS", "KABEL", "NAT-01", "HW-SKARM"]);

    for (number, name) in [("20", "Byggmästarna i Kil AB"), ("21", "Kilens Bygg AB")] {
        store.add_customer(&Customer::new(number, name))?;
    }
    let names: Vec<String> = store
        .customers(&search("kil"))?
        .into_iter()
        .map(|(_, customer)| customer.name)
        .collect();
    assert_eq!(names, ["Kilens Bygg AB", "Byggmästarna i Kil AB"]);
    Ok(())
}
