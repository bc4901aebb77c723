//! Inställningar: the company's details, identifiers and defaults, and the logo.

use fakturera_app::ErrorCode;
use fakturera_app::company_settings::CompanySettingsForm;
use fakturera_app::register_fields::{AddressForm, DeliveryChoiceCode};
use fakturera_core::Language;
use fakturera_store::Store;

use super::{fields, fresh_app, today};

fn form() -> CompanySettingsForm {
    CompanySettingsForm {
        name: "Åkesson Bygg AB".into(),
        org_number: "5567212047".into(),
        vat_number: "SE556721204701".into(),
        f_tax_approved: true,
        address: AddressForm {
            street: "Storgatan 1".into(),
            postal_code: "11122".into(),
            city: "Umeå".into(),
            ..Default::default()
        },
        bankgiro: "50501055".into(),
        late_payment_interest: "".into(),
        default_payment_terms: "eom:10".into(),
        invoice_fee: "29,00".into(),
        default_delivery: DeliveryChoiceCode::Einvoice,
        cash_rounding: false,
        ..Default::default()
    }
}

#[test]
fn settings_are_saved_normalised_and_read_back() {
    let (folder, app) = fresh_app(Language::Swedish);
    let saved = app
        .save_company_settings(&form(), today())
        .expect("valid settings");
    assert_eq!(saved.form.org_number, "556721-2047");
    assert_eq!(saved.form.bankgiro, "5050-1055");
    assert_eq!(saved.form.address.postal_code, "111 22");
    assert_eq!(saved.form.invoice_fee, "29");
    assert_eq!(app.company_settings().expect("read back"), saved);
    assert_eq!(
        app.overview().expect("overview").company_name,
        "Åkesson Bygg AB"
    );

    drop(app);
    let store = Store::open(&folder.path().join("company.fakturera")).expect("reopen");
    let company = store.company().expect("company");
    assert_eq!(
        (company.org_number.as_str(), company.bankgiro.as_str()),
        ("5567212047", "50501055")
    );
    assert_eq!(company.default_payment_terms.code(), "eom:10");
    assert!(!company.cash_rounding);
    assert_eq!(company.late_payment_interest, None);
}

#[test]
fn bad_settings_name_every_field_in_the_chosen_language_and_change_nothing() {
    let (_folder, app) = fresh_app(Language::English);
    app.save_company_settings(&form(), today())
        .expect("valid settings");
    let before = app.company_settings().expect("settings");

    let mut bad = form();
    bad.name = "x".repeat(10_000);
    bad.org_number = "556721-2048".into();
    bad.bankgiro = "1' OR '1'='1".into();
    bad.invoice_fee = "-5".into();
    bad.address.postal_code = "😀".into();
    let error = app
        .save_company_settings(&bad, today())
        .expect_err("bad settings");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let mut named = fields(&error);
    named.sort_unstable();
    assert_eq!(
        named,
        [
            "address.postal_code",
            "bankgiro",
            "invoice_fee",
            "name",
            "org_number"
        ]
    );
    assert!(error.fields.iter().all(|field| !field.message.is_empty()));
    let org_message = |error: &fakturera_app::AppError| {
        error
            .fields
            .iter()
            .find(|field| field.field == "org_number")
            .map(|field| field.message.clone())
            .unwrap_or_default()
    };
    assert!(
        org_message(&error).contains("check digit"),
        "{}",
        org_message(&error)
    );
    assert_eq!(
        app.company_settings().expect("settings"),
        before,
        "nothing half-written"
    );

    app.set_language(Language::Swedish);
    let error = app
        .save_company_settings(&bad, today())
        .expect_err("bad settings");
    assert!(
        org_message(&error).contains("kontrollsiffra"),
        "{}",
        org_message(&error)
    );
}

#[test]
fn quotes_sql_and_emoji_are_stored_as_text() {
    let (_folder, app) = fresh_app(Language::Swedish);
    let mut tricky = form();
    tricky.name = "Robert'); DROP TABLE company;-- \"Bobby\" AB 🚀".into();
    tricky.website = "https://exempel.se/?q='1'".into();
    let saved = app
        .save_company_settings(&tricky, today())
        .expect("stored as text");
    assert_eq!(saved.form.name, tricky.name);
    assert_eq!(
        app.company_settings().expect("read back").form.website,
        tricky.website
    );
}

#[test]
fn a_logo_must_be_a_real_png_or_jpeg() {
    let (_folder, app) = fresh_app(Language::English);
    let image = image::RgbaImage::from_pixel(8, 4, image::Rgba([200, 10, 10, 255]));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    let settings = app.set_company_logo(&png).expect("a png");
    assert!(
        settings
            .logo_data_url
            .as_deref()
            .is_some_and(|url| url.starts_with("data:image/png;base64,"))
    );

    let error = app
        .set_company_logo(b"<svg></svg>")
        .expect_err("svg refused");
    assert_eq!(
        (error.code, fields(&error)),
        (ErrorCode::InvalidInput, vec!["logo"])
    );
    assert!(
        app.company_settings()
            .expect("settings")
            .logo_data_url
            .is_some(),
        "the old logo stays"
    );

    let error = app.set_company_logo_base64("%%%").expect_err("bad base64");
    assert_eq!(fields(&error), ["logo"]);
    assert!(
        app.remove_company_logo()
            .expect("removed")
            .logo_data_url
            .is_none()
    );
}
