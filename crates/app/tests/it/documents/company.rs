//! A company file set up the way a user does it: the company settings, customers and articles
//! through the app's own use cases.

use fakturera_app::App;
use fakturera_app::LanguageCode;
use fakturera_app::company_settings::CompanySettingsForm;
use fakturera_app::customers::CustomerForm;
use fakturera_app::invoice_form::{InvoiceLineForm, VatTreatmentCode};
use fakturera_app::register_fields::{AddressForm, CustomerKindCode, DeliveryChoiceCode};
use fakturera_core::Language;
use fakturera_core::samples;

use super::{Fixture, date};

/// A company file with the sample company (Ljungberg & Åström Konsult AB) saved in the settings.
pub fn company_file(language: Language) -> Fixture {
    let dir = tempfile::tempdir().expect("temporary folder");
    let app = App::open(dir.path().join("Bolaget.fakturera"), language).expect("opens");
    let seller = samples::seller();
    let form = CompanySettingsForm {
        name: seller.name.clone(),
        org_number: seller.org_number.clone(),
        vat_number: seller.vat_number.clone(),
        f_tax_approved: true,
        address: AddressForm::from(&seller.address),
        visiting_address: AddressForm::default(),
        phone: seller.phone.clone(),
        email: seller.email.clone(),
        website: seller.website.clone(),
        contact_name: seller.contact_name.clone(),
        bankgiro: seller.bankgiro.clone(),
        plusgiro: String::new(),
        iban: seller.iban.clone(),
        bic: seller.bic.clone(),
        late_payment_interest: "12".into(),
        default_payment_terms: "net:30".into(),
        invoice_fee: String::new(),
        default_delivery: DeliveryChoiceCode::Automatic,
        language: LanguageCode::Sv,
        cash_rounding: true,
    };
    app.save_company_settings(&form, date("2026-03-01"))
        .expect("company settings saved");
    Fixture { dir, app }
}

/// A Swedish company customer with a complete address and the given delivery choice.
pub fn customer_form(name: &str, delivery: DeliveryChoiceCode) -> CustomerForm {
    CustomerForm {
        kind: CustomerKindCode::Company,
        name: name.into(),
        legal_id: "556036-0793".into(),
        vat_number: "SE556036079301".into(),
        address: AddressForm {
            street: "Östra Hamngatan 12".into(),
            street2: String::new(),
            postal_code: "411 10".into(),
            city: "Göteborg".into(),
            country_code: "SE".into(),
        },
        email: "ekonomi@gbgbygg.se".into(),
        your_reference: "Per Öberg".into(),
        buyer_reference: "PROJ-4711".into(),
        currency: "SEK".into(),
        language: LanguageCode::Sv,
        delivery_choice: delivery,
        vat_treatment: VatTreatmentCode::Swedish,
        ..CustomerForm::default()
    }
}

/// One editor row as typed.
pub fn line(
    description: &str,
    quantity: &str,
    unit: &str,
    price: &str,
    rate: &str,
) -> InvoiceLineForm {
    InvoiceLineForm {
        kind: Default::default(),
        article_number: String::new(),
        description: description.into(),
        quantity: quantity.into(),
        unit: unit.into(),
        unit_price: price.into(),
        discount_percent: String::new(),
        vat_treatment: VatTreatmentCode::Swedish,
        vat_rate: rate.into(),
    }
}
