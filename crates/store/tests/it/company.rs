//! The company record.

use fakturera_core::Language;
use fakturera_core::party::Address;
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_store::{DeliveryChoice, Logo, Store, StoreErrorKind};
use rust_decimal_macros::dec;

use crate::temp_file;

#[test]
fn a_new_file_has_an_empty_company_with_defaults() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let company = Store::open(&path)?.company()?;
    assert_eq!(company.name, "");
    assert_eq!(
        company.default_payment_terms,
        PaymentTerms::Net { days: 30 }
    );
    assert_eq!(company.default_delivery, DeliveryChoice::Automatic);
    assert_eq!(company.late_payment_interest, None);
    assert_eq!(company.language, Language::Swedish);
    assert!(company.cash_rounding);
    assert_eq!(company.invoice_fee, dec!(0));
    Ok(())
}

#[test]
fn the_company_round_trips_exactly_and_survives_reopening() -> Result<(), Box<dyn std::error::Error>>
{
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let mut company = store.company()?;
    company.name = "Åkesson & Öberg Bygg AB \"Robert'); DROP TABLE company;--\" 🧾".to_owned();
    company.org_number = "5566778899".to_owned();
    company.vat_number = "SE556677889901".to_owned();
    company.f_tax_approved = true;
    company.address = Address {
        street: "Storgatan 1".to_owned(),
        street2: String::new(),
        postal_code: "111 22".to_owned(),
        city: "Stockholm".to_owned(),
        country_code: "SE".to_owned(),
    };
    company.bankgiro = "50501055".to_owned();
    company.late_payment_interest = Some(dec!(10.50));
    company.invoice_fee = dec!(45.00);
    company.language = Language::English;
    company.cash_rounding = false;
    company.default_delivery = DeliveryChoice::EInvoice;
    company.default_payment_terms = PaymentTerms::EndOfMonthPlus { days: 10 };
    store.set_company(&company)?;
    drop(store);

    let reopened = Store::open(&path)?;
    let read = reopened.company()?;
    assert_eq!(read, company);
    assert_eq!(read.seller().name, company.name);
    assert_eq!(read.seller().late_payment_interest, Some(dec!(10.50)));
    assert_eq!(read.invoice_fee.to_string(), "45.00", "the scale is kept");
    Ok(())
}

#[test]
fn the_logo_is_set_read_and_removed() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    assert_eq!(store.company_logo()?, None);
    let logo = Logo {
        bytes: vec![0x89, b'P', b'N', b'G', 0, 1, 2],
        media_type: "image/png".to_owned(),
    };
    store.set_company_logo(Some(&logo))?;
    assert_eq!(store.company_logo()?, Some(logo));
    store.set_company_logo(None)?;
    assert_eq!(store.company_logo()?, None);
    Ok(())
}

#[test]
fn the_company_row_cannot_be_deleted() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let error = store
        .raw_connection()
        .execute("DELETE FROM company", [])
        .expect_err("refused");
    let error = fakturera_store::StoreError::from(error);
    assert_eq!(error.kind(), StoreErrorKind::Conflict);
    assert_eq!(
        store
            .raw_connection()
            .query_row("SELECT count(*) FROM company", [], |row| row
                .get::<_, i64>(0))?,
        1
    );
    Ok(())
}
