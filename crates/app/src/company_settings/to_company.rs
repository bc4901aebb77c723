//! From the settings form to the stored company record and back, checking every identifier with
//! the core's parsers and storing each in its normalised form.

use chrono::NaiveDate;
use fakturera_core::ids::{Bankgiro, Bic, Iban, LegalId, Plusgiro, VatNumber};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::Company;
use rust_decimal::Decimal;

use super::form::CompanySettingsForm;
use crate::invoice_form::parse_decimal;
use crate::register_fields::{
    AddressForm, NAME_MAX, SHORT_MAX, address_field, email_field, identifier_field, required_text,
    shorten, shown_identifier, text_field,
};

/// The highest invoice fee we accept; more is a typo for a price.
const INVOICE_FEE_MAX: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// The company record the form describes, keeping what the form does not edit (the AutoInvoice
/// settings) from `current`; or every field that needs fixing.
pub fn company_from_form(
    form: &CompanySettingsForm,
    current: &Company,
    today: NaiveDate,
) -> Result<Company, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = required_text(
        &form.name,
        "name",
        ("Företagsnamnet", "The company name"),
        NAME_MAX,
        &mut errors,
    );
    let org_number = identifier_field(
        &form.org_number,
        "org_number",
        |input| LegalId::parse_on(input, today),
        |id| id.ten_digits().to_owned(),
        &mut errors,
    );
    let vat_number = identifier_field(
        &form.vat_number,
        "vat_number",
        VatNumber::parse,
        |vat| vat.as_str().to_owned(),
        &mut errors,
    );
    check_vat_matches_org(&vat_number, &org_number, &mut errors);
    let late_payment_interest = late_payment_interest(&form.late_payment_interest, &mut errors);
    let invoice_fee = invoice_fee(&form.invoice_fee, &mut errors);
    let default_payment_terms = errors.collect(
        PaymentTerms::parse(&form.default_payment_terms).map_err(|mut error| {
            error.field = "default_payment_terms".to_owned();
            error
        }),
    );
    let company = Company {
        name,
        org_number,
        vat_number,
        f_tax_approved: form.f_tax_approved,
        address: address_field(&form.address, "address", &mut errors),
        visiting_address: optional_address(&form.visiting_address, "visiting_address", &mut errors),
        phone: text_field(
            &form.phone,
            "phone",
            ("Telefonnumret", "The phone number"),
            SHORT_MAX,
            false,
            &mut errors,
        ),
        email: email_field(&form.email, "email", &mut errors),
        website: text_field(
            &form.website,
            "website",
            ("Webbadressen", "The website"),
            NAME_MAX,
            false,
            &mut errors,
        ),
        contact_name: text_field(
            &form.contact_name,
            "contact_name",
            ("Kontaktpersonen", "The contact person"),
            NAME_MAX,
            false,
            &mut errors,
        ),
        bankgiro: identifier_field(
            &form.bankgiro,
            "bankgiro",
            Bankgiro::parse,
            |bg| bg.digits().to_owned(),
            &mut errors,
        ),
        plusgiro: identifier_field(
            &form.plusgiro,
            "plusgiro",
            Plusgiro::parse,
            |pg| pg.digits().to_owned(),
            &mut errors,
        ),
        iban: identifier_field(
            &form.iban,
            "iban",
            Iban::parse,
            |iban| iban.as_str().to_owned(),
            &mut errors,
        ),
        bic: identifier_field(
            &form.bic,
            "bic",
            Bic::parse,
            |bic| bic.as_str().to_owned(),
            &mut errors,
        ),
        late_payment_interest,
        default_payment_terms: default_payment_terms.unwrap_or_default(),
        invoice_fee,
        default_delivery: form.default_delivery.into(),
        language: form.language.into(),
        cash_rounding: form.cash_rounding,
        autoinvoice_enabled: current.autoinvoice_enabled,
        autoinvoice_company_id: current.autoinvoice_company_id.clone(),
    };
    errors.into_result(company)
}

/// The form showing `company` as saved, identifiers in the form people read.
pub fn form_from_company(company: &Company) -> CompanySettingsForm {
    CompanySettingsForm {
        name: company.name.clone(),
        org_number: shown_ten_digits(&company.org_number),
        vat_number: company.vat_number.clone(),
        f_tax_approved: company.f_tax_approved,
        address: AddressForm::from(&company.address),
        visiting_address: AddressForm::from(&company.visiting_address),
        phone: company.phone.clone(),
        email: company.email.clone(),
        website: company.website.clone(),
        contact_name: company.contact_name.clone(),
        bankgiro: shown_identifier(&company.bankgiro, Bankgiro::parse),
        plusgiro: shown_identifier(&company.plusgiro, Plusgiro::parse),
        iban: shown_identifier(&company.iban, Iban::parse),
        bic: company.bic.clone(),
        late_payment_interest: company
            .late_payment_interest
            .map(|rate| rate.normalize().to_string())
            .unwrap_or_default(),
        default_payment_terms: company.default_payment_terms.code(),
        invoice_fee: company.invoice_fee.normalize().to_string(),
        default_delivery: company.default_delivery.into(),
        language: company.language.into(),
        cash_rounding: company.cash_rounding,
    }
}

/// "NNNNNN-NNNN" for the ten stored digits of an org number or a sole trader's personal number.
fn shown_ten_digits(digits: &str) -> String {
    match digits.get(..6).zip(digits.get(6..)) {
        Some((head, tail)) if digits.len() == 10 => format!("{head}-{tail}"),
        _ => digits.to_owned(),
    }
}

/// The visiting address is optional: left blank, it stays blank rather than becoming "SE".
fn optional_address(
    form: &AddressForm,
    parent: &str,
    errors: &mut FieldErrors,
) -> fakturera_core::party::Address {
    let blank = [
        &form.street,
        &form.street2,
        &form.postal_code,
        &form.city,
        &form.country_code,
    ]
    .iter()
    .all(|part| part.trim().is_empty());
    if blank {
        fakturera_core::party::Address::default()
    } else {
        address_field(form, parent, errors)
    }
}

/// A Swedish VAT number wraps the org number: `SE` + the ten digits + `01`.
fn check_vat_matches_org(vat_number: &str, org_number: &str, errors: &mut FieldErrors) {
    let Some(national) = vat_number.strip_prefix("SE") else {
        return;
    };
    if org_number.is_empty() || national.get(..10) == Some(org_number) {
        return;
    }
    errors.push(FieldError::new(
        "vat_number",
        "org_number_mismatch",
        Text::new(
            format!(
                "Momsregistreringsnumret {vat_number} hör inte till organisationsnumret {}. Det ska vara SE{org_number}01.",
                shown_ten_digits(org_number)
            ),
            format!(
                "The VAT number {vat_number} does not belong to the organisation number {}. It should be SE{org_number}01.",
                shown_ten_digits(org_number)
            ),
        ),
    ));
}

fn late_payment_interest(input: &str, errors: &mut FieldErrors) -> Option<Decimal> {
    if input.trim().is_empty() {
        return None;
    }
    let label = ("Dröjsmålsräntan", "The late-payment interest");
    let rate = errors.collect(parse_decimal(input, "late_payment_interest", label))?;
    if rate < Decimal::ZERO || rate > Decimal::ONE_HUNDRED || rate.scale() > 2 {
        errors.push(FieldError::new(
            "late_payment_interest",
            "range",
            Text::new(
                format!("Dröjsmålsräntan {} ska vara mellan 0 och 100 procent med högst två decimaler, t.ex. 12,5.", shorten(input)),
                format!("The late-payment interest {} must be from 0 to 100 percent with at most two decimals, e.g. 12.5.", shorten(input)),
            ),
        ));
        return None;
    }
    Some(rate)
}

fn invoice_fee(input: &str, errors: &mut FieldErrors) -> Decimal {
    if input.trim().is_empty() {
        return Decimal::ZERO;
    }
    let label = ("Fakturaavgiften", "The invoice fee");
    let Some(fee) = errors.collect(parse_decimal(input, "invoice_fee", label)) else {
        return Decimal::ZERO;
    };
    if fee < Decimal::ZERO || fee > INVOICE_FEE_MAX || fee.scale() > 2 {
        errors.push(FieldError::new(
            "invoice_fee",
            "range",
            Text::new(
                format!(
                    "Fakturaavgiften {} ska vara mellan 0 och 10 000 kr med högst två decimaler.",
                    shorten(input)
                ),
                format!(
                    "The invoice fee {} must be from 0 to 10,000 SEK with at most two decimals.",
                    shorten(input)
                ),
            ),
        ));
    }
    fee
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::Language;
    use fakturera_store::DeliveryChoice;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 4).expect("date")
    }

    fn blank_company() -> Company {
        Company {
            name: String::new(),
            org_number: String::new(),
            vat_number: String::new(),
            f_tax_approved: false,
            address: Default::default(),
            visiting_address: Default::default(),
            phone: String::new(),
            email: String::new(),
            website: String::new(),
            contact_name: String::new(),
            bankgiro: String::new(),
            plusgiro: String::new(),
            iban: String::new(),
            bic: String::new(),
            late_payment_interest: None,
            default_payment_terms: PaymentTerms::default(),
            invoice_fee: Decimal::ZERO,
            default_delivery: DeliveryChoice::Automatic,
            language: Language::Swedish,
            cash_rounding: true,
            autoinvoice_enabled: true,
            autoinvoice_company_id: "ax-42".into(),
        }
    }

    fn valid_form() -> CompanySettingsForm {
        CompanySettingsForm {
            name: "Åkesson Bygg AB".into(),
            org_number: "556721-2047".into(),
            vat_number: "se 5567212047 01".into(),
            f_tax_approved: true,
            address: AddressForm {
                street: "Storgatan 1".into(),
                postal_code: "11122".into(),
                city: "Stockholm".into(),
                ..Default::default()
            },
            bankgiro: "5050 1055".into(),
            plusgiro: "28 65 43-4".into(),
            iban: "se45 5000 0000 0583 9825 7466".into(),
            bic: "essesess".into(),
            late_payment_interest: "12,5".into(),
            default_payment_terms: "net:30".into(),
            invoice_fee: "29".into(),
            default_delivery: crate::register_fields::DeliveryChoiceCode::Email,
            cash_rounding: true,
            ..Default::default()
        }
    }

    #[test]
    fn identifiers_are_normalised_and_autoinvoice_settings_kept() {
        let company =
            company_from_form(&valid_form(), &blank_company(), today()).expect("valid form");
        assert_eq!(company.org_number, "5567212047");
        assert_eq!(company.vat_number, "SE556721204701");
        assert_eq!(company.bankgiro, "50501055");
        assert_eq!(company.plusgiro, "2865434");
        assert_eq!(company.iban, "SE4550000000058398257466");
        assert_eq!(company.bic, "ESSESESS");
        assert_eq!(company.address.postal_code, "111 22");
        assert_eq!(company.late_payment_interest, Some(Decimal::new(125, 1)));
        assert_eq!(company.invoice_fee, Decimal::from(29));
        assert_eq!(company.default_delivery, DeliveryChoice::Email);
        assert_eq!(
            (
                company.autoinvoice_enabled,
                company.autoinvoice_company_id.as_str()
            ),
            (true, "ax-42")
        );
        assert_eq!(company.visiting_address, Default::default());

        let form = form_from_company(&company);
        assert_eq!(
            (form.org_number.as_str(), form.bankgiro.as_str()),
            ("556721-2047", "5050-1055")
        );
        assert_eq!(form.iban, "SE45 5000 0000 0583 9825 7466");
        assert_eq!(
            company_from_form(&form, &blank_company(), today()),
            Ok(company)
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        /// Spoils one field of a valid form.
        type Spoil = fn(&mut CompanySettingsForm);
        let cases: [(&str, Spoil); 12] = [
            ("name", |form| form.name = "  ".into()),
            ("name", |form| form.name = "x".repeat(10_000)),
            ("org_number", |form| form.org_number = "556721-2048".into()),
            ("vat_number", |form| {
                form.vat_number = "SE556721204801".into()
            }),
            ("vat_number", |form| {
                form.vat_number = "SE559900000101".into()
            }),
            ("bankgiro", |form| form.bankgiro = "5050-1056".into()),
            ("plusgiro", |form| {
                form.plusgiro = "'; DROP TABLE company;--".into()
            }),
            ("iban", |form| {
                form.iban = "SE45 5000 0000 0583 9825 7467".into()
            }),
            ("late_payment_interest", |form| {
                form.late_payment_interest = "-1".into()
            }),
            ("invoice_fee", |form| form.invoice_fee = "29,999".into()),
            ("default_payment_terms", |form| {
                form.default_payment_terms = "net:9999".into()
            }),
            ("email", |form| form.email = "😀".into()),
        ];
        for (field, spoil) in cases {
            let mut form = valid_form();
            spoil(&mut form);
            let errors = company_from_form(&form, &blank_company(), today()).expect_err(field);
            let fields: Vec<&str> = errors.0.iter().map(|error| error.field.as_str()).collect();
            assert_eq!(fields, [field], "{field}");
            assert!(!errors.0[0].message.sv.is_empty() && !errors.0[0].message.en.is_empty());
        }
    }
}
