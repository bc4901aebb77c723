//! From the customer form to the stored customer and back: identifiers checked and normalised by
//! the core, and the combinations that make invoices go wrong refused with a reason.

use chrono::NaiveDate;
use fakturera_core::ids::{LegalId, VatNumber};
use fakturera_core::money::Currency;
use fakturera_core::party::{Address, BuyerKind};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::vat::VatTreatment;
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{Customer, DeliveryChoice};

use super::form::CustomerForm;
use crate::register_fields::{
    AddressForm, NAME_MAX, NOTES_MAX, SHORT_MAX, address_field, email_field, identifier_field,
    required_text, shown_identifier, text_field,
};

fn error(field: &str, code: &'static str, sv: String, en: String) -> FieldError {
    FieldError::new(field, code, Text::new(sv, en))
}

/// The customer the form describes, keeping what the form does not edit (the receiver lookup's
/// findings) from `current`; or every field that needs fixing. `today` decides the century of a
/// ten-digit personal number.
pub fn customer_from_form(
    form: &CustomerForm,
    current: Option<&Customer>,
    today: NaiveDate,
) -> Result<Customer, FieldErrors> {
    let mut errors = FieldErrors::default();
    let kind = BuyerKind::from(form.kind);
    let address = address_field(&form.address, "address", &mut errors);
    let swedish = address.country_code == "SE";
    let legal_id = legal_id_field(&form.legal_id, kind, swedish, today, &mut errors);
    let vat_number = identifier_field(
        &form.vat_number,
        "vat_number",
        VatNumber::parse,
        |vat| vat.as_str().to_owned(),
        &mut errors,
    );
    let vat_treatment = VatTreatment::from(form.vat_treatment);
    check_vat(
        kind,
        vat_treatment,
        &address,
        &vat_number,
        &legal_id,
        &form.vat_number,
        &mut errors,
    );
    let delivery_choice = DeliveryChoice::from(form.delivery_choice);
    let email = email_field(&form.email, "email", &mut errors);
    let copy_email = email_field(&form.copy_email, "copy_email", &mut errors);
    let delivery_address = form
        .delivery_address
        .as_ref()
        .map(|delivery| address_field(delivery, "delivery_address", &mut errors));
    let payment_terms = if form.payment_terms.trim().is_empty() {
        None
    } else {
        errors.collect(PaymentTerms::parse(&form.payment_terms))
    };
    let currency = if form.currency.trim().is_empty() {
        Some(Currency::sek())
    } else {
        errors.collect(Currency::parse(&form.currency))
    };
    let customer = Customer {
        customer_number: required_text(
            &form.customer_number,
            "customer_number",
            ("Kundnumret", "The customer number"),
            20,
            &mut errors,
        ),
        kind,
        name: required_text(
            &form.name,
            "name",
            ("Namnet", "The name"),
            NAME_MAX,
            &mut errors,
        ),
        legal_id,
        vat_number,
        address,
        delivery_address,
        email,
        copy_email,
        phone: text_field(
            &form.phone,
            "phone",
            ("Telefonnumret", "The phone number"),
            SHORT_MAX,
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
        our_reference: text_field(
            &form.our_reference,
            "our_reference",
            ("Vår referens", "Our reference"),
            SHORT_MAX,
            false,
            &mut errors,
        ),
        your_reference: text_field(
            &form.your_reference,
            "your_reference",
            ("Er referens", "Your reference"),
            SHORT_MAX,
            false,
            &mut errors,
        ),
        buyer_reference: text_field(
            &form.buyer_reference,
            "buyer_reference",
            ("Referenskoden", "The buyer reference"),
            SHORT_MAX,
            false,
            &mut errors,
        ),
        payment_terms,
        currency: currency.unwrap_or_else(Currency::sek),
        language: form.language.into(),
        delivery_choice,
        vat_treatment,
        einvoice_address: current.and_then(|customer| customer.einvoice_address.clone()),
        einvoice_checked_at: current.and_then(|customer| customer.einvoice_checked_at),
        notes: text_field(
            &form.notes,
            "notes",
            ("Anteckningarna", "The notes"),
            NOTES_MAX,
            true,
            &mut errors,
        ),
        archived: form.archived,
    };
    check_delivery(&customer, &mut errors);
    errors.into_result(customer)
}

/// Swedish customers: a company has an org number (or a sole trader's personal number), a private
/// person a personal number. Foreign customers may carry any id of their own country.
fn legal_id_field(
    input: &str,
    kind: BuyerKind,
    swedish: bool,
    today: NaiveDate,
    errors: &mut FieldErrors,
) -> String {
    let label = (
        "Organisations- eller personnumret",
        "The organisation or personal number",
    );
    if !swedish {
        return text_field(input, "legal_id", label, 40, false, errors);
    }
    let parsed = identifier_field(
        input,
        "legal_id",
        |text| LegalId::parse_on(text, today),
        |id| id.digits().to_owned(),
        errors,
    );
    if kind == BuyerKind::Private && parsed.len() == 10 {
        errors.push(error(
            "legal_id",
            "kind",
            format!("{} är ett organisationsnummer. Ange personnumret, eller välj Företag som kundtyp.", input.trim()),
            format!("{} is an organisation number. Enter the personal number, or choose Company as the customer type.", input.trim()),
        ));
        return String::new();
    }
    parsed
}

/// The VAT treatment must fit the customer: reverse charge and EU sales need the buyer's VAT number
/// and a business buyer, EU sales a buyer in another EU country, export a buyer outside Sweden.
fn check_vat(
    kind: BuyerKind,
    treatment: VatTreatment,
    address: &Address,
    vat_number: &str,
    legal_id: &str,
    vat_input: &str,
    errors: &mut FieldErrors,
) {
    let swedish = address.country_code == "SE";
    let refuse = |errors: &mut FieldErrors, code, sv: &str, en: &str| {
        errors.push(error("vat_treatment", code, sv.to_owned(), en.to_owned()));
    };
    if treatment.requires_buyer_vat_number() && kind == BuyerKind::Private {
        return refuse(
            errors,
            "private",
            "Privatpersoner kan inte ha omvänd betalningsskyldighet eller EU-försäljning. Välj svensk moms eller export.",
            "Private persons cannot have reverse charge or EU sales. Choose Swedish VAT or export.",
        );
    }
    if matches!(treatment, VatTreatment::EuGoods | VatTreatment::EuServices) && swedish {
        return refuse(
            errors,
            "country",
            "EU-försäljning gäller kunder i ett annat EU-land. Ändra landet i adressen eller välj svensk moms.",
            "EU sales are for customers in another EU country. Change the country in the address or choose Swedish VAT.",
        );
    }
    if treatment == VatTreatment::Export && swedish {
        return refuse(
            errors,
            "country",
            "Export gäller kunder utanför Sverige. Ändra landet i adressen eller välj svensk moms.",
            "Export is for customers outside Sweden. Change the country in the address or choose Swedish VAT.",
        );
    }
    if treatment.requires_buyer_vat_number() && vat_input.trim().is_empty() {
        errors.push(error(
            "vat_number",
            "required",
            "Ange kundens momsregistreringsnummer; det måste stå på fakturan vid omvänd betalningsskyldighet och EU-försäljning.".to_owned(),
            "Enter the customer's VAT number; it must be on the invoice for reverse charge and EU sales.".to_owned(),
        ));
        return;
    }
    let Ok(vat) = VatNumber::parse(vat_number) else {
        return;
    };
    if matches!(treatment, VatTreatment::EuGoods | VatTreatment::EuServices)
        && (!vat.is_eu() || vat.is_swedish())
    {
        errors.push(error(
            "vat_number",
            "eu",
            format!("{vat_number} är inte ett momsregistreringsnummer från ett annat EU-land, vilket EU-försäljning kräver."),
            format!("{vat_number} is not a VAT number from another EU country, which EU sales require."),
        ));
    }
    // By characters, not bytes: a foreign legal id such as "€123456789" is 12 bytes too.
    let ten_digits = if legal_id.chars().count() == 12 {
        legal_id
            .char_indices()
            .nth(2)
            .map_or(legal_id, |(start, _)| &legal_id[start..])
    } else {
        legal_id
    };
    if vat.is_swedish()
        && swedish
        && !ten_digits.is_empty()
        && vat.national_part().get(..10) != Some(ten_digits)
    {
        errors.push(error(
            "vat_number",
            "legal_id_mismatch",
            format!("Momsregistreringsnumret {vat_number} hör inte till organisationsnumret; det ska vara SE{ten_digits}01."),
            format!("The VAT number {vat_number} does not belong to the organisation number; it should be SE{ten_digits}01."),
        ));
    }
}

/// The delivery choice needs what it delivers to.
fn check_delivery(customer: &Customer, errors: &mut FieldErrors) {
    match customer.delivery_choice {
        DeliveryChoice::Email
            if customer.email.is_empty() && !errors.0.iter().any(|e| e.field == "email") =>
        {
            errors.push(error(
                "email",
                "required",
                "Ange en e-postadress för fakturor, eller välj ett annat leveranssätt.".to_owned(),
                "Enter an e-mail address for invoices, or choose another delivery method."
                    .to_owned(),
            ));
        }
        DeliveryChoice::Letter if !customer.address.is_complete() => {
            errors.push(error(
                "address.street",
                "required",
                "Brev kräver en fullständig adress: gatuadress, postnummer och ort.".to_owned(),
                "Letters need a complete address: street, postal code and city.".to_owned(),
            ));
        }
        DeliveryChoice::EInvoice if customer.kind == BuyerKind::Private => {
            errors.push(error(
                "delivery_choice",
                "private_einvoice",
                "Privatpersoner kan inte ta emot e-faktura via Peppol. Välj e-post eller brev."
                    .to_owned(),
                "Private persons cannot receive Peppol e-invoices. Choose e-mail or letter."
                    .to_owned(),
            ));
        }
        DeliveryChoice::EInvoice
            if customer.legal_id.is_empty()
                && customer.vat_number.is_empty()
                && customer.einvoice_address.is_none() =>
        {
            errors.push(error(
                "legal_id",
                "required",
                "E-faktura kräver kundens organisationsnummer, som e-fakturaadressen hittas med.".to_owned(),
                "E-invoices need the customer's organisation number, which finds the e-invoice address.".to_owned(),
            ));
        }
        _ => {}
    }
}

/// The form showing `customer` as saved, identifiers in the form people read.
pub fn form_from_customer(customer: &Customer) -> CustomerForm {
    CustomerForm {
        customer_number: customer.customer_number.clone(),
        kind: customer.kind.into(),
        name: customer.name.clone(),
        legal_id: shown_legal_id(customer),
        vat_number: customer.vat_number.clone(),
        address: AddressForm::from(&customer.address),
        delivery_address: customer.delivery_address.as_ref().map(AddressForm::from),
        email: customer.email.clone(),
        copy_email: customer.copy_email.clone(),
        phone: customer.phone.clone(),
        contact_name: customer.contact_name.clone(),
        our_reference: customer.our_reference.clone(),
        your_reference: customer.your_reference.clone(),
        buyer_reference: customer.buyer_reference.clone(),
        payment_terms: customer
            .payment_terms
            .map(PaymentTerms::code)
            .unwrap_or_default(),
        currency: customer.currency.code().to_owned(),
        language: customer.language.into(),
        delivery_choice: customer.delivery_choice.into(),
        vat_treatment: customer.vat_treatment.into(),
        notes: customer.notes.clone(),
        archived: customer.archived,
    }
}

/// The org or personal number as printed ("556721-2047", "19121212-1212"); foreign ids as stored.
pub fn shown_legal_id(customer: &Customer) -> String {
    if customer.address.is_swedish() {
        shown_identifier(&customer.legal_id, LegalId::parse)
    } else {
        customer.legal_id.clone()
    }
}
