//! Identifier rules: organisation numbers (PEPPOL-EN16931-R020, SE-R-003/004/013, PEPPOL-COMMON-R049/R041), VAT numbers
//! (SE-R-001/002, BR-CO-09), the identifiers each VAT category needs (BR-*-02), the buyer's electronic
//! address (PEPPOL-EN16931-R010) and the Bankgiro and Plusgiro accounts (SE-R-007..010).

use fakturera_core::ids::luhn;
use fakturera_core::invoice::Invoice;
use fakturera_core::party::BuyerKind;
use fakturera_core::vat::VatCategory;

use super::Finding;
use crate::codes::{is_address_scheme, is_country_code};
use crate::endpoint::{self, NORWEGIAN_ORG_NUMBER, SWEDISH_ORG_NUMBER, compact};
use crate::payment::payment_accounts;
use crate::registry_ids::format_rule;

pub(super) fn check(invoice: &Invoice, findings: &mut Vec<Finding>) {
    let categories: Vec<VatCategory> = invoice
        .lines
        .iter()
        .map(|line| line.vat.category())
        .chain(invoice.charges.iter().map(|charge| charge.vat.category()))
        .collect();
    let outside_scope = categories.contains(&VatCategory::OutsideScope);
    seller_org_number(invoice, findings);
    if !outside_scope {
        seller_vat_number(invoice, &categories, findings);
        buyer_vat_number(invoice, &categories, findings);
    }
    buyer_address(invoice, findings);
    accounts(invoice, findings);
}

/// Whether `digits` is a valid Swedish organisation number: ten digits with a Luhn check digit.
pub fn is_swedish_org_number(digits: &str) -> bool {
    digits.len() == 10 && luhn::is_valid(digits)
}

/// Whether `digits` is a valid Norwegian organisation number: nine digits, modulus 11 with weights
/// 2..7 from the right, as PEPPOL-COMMON-R041 computes it.
pub fn is_norwegian_org_number(digits: &str) -> bool {
    if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) || digits == "000000000" {
        return false;
    }
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = values[..8]
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| d * (i as u32 % 6 + 2))
        .sum();
    (11 - sum % 11) % 11 == values[8]
}

fn seller_org_number(invoice: &Invoice, findings: &mut Vec<Finding>) {
    let number = compact(&invoice.seller.org_number);
    let field = "seller.org_number";
    let shown = &invoice.seller.org_number;
    if number.is_empty() {
        findings.push(Finding::error("PEPPOL-EN16931-R020", field,
            "Företagets organisationsnummer saknas; det är också företagets e-fakturaadress. Fyll i det i företagsinställningarna.".to_owned(),
            "The company's organisation number is missing; it is also the company's e-invoice address. Add it in the company settings.".to_owned()));
    } else if !number.bytes().all(|b| b.is_ascii_digit()) {
        findings.push(Finding::error("SE-R-003", field,
            format!("Företagets organisationsnummer \"{shown}\" får bara innehålla siffror. Ange tio siffror, t.ex. 5567212047."),
            format!("The company's organisation number \"{shown}\" may only contain digits. Enter ten digits, e.g. 5567212047.")));
    } else if number.len() != 10 {
        findings.push(Finding::error("SE-R-004", field,
            format!("Företagets organisationsnummer \"{shown}\" har {} siffror men ska ha tio. Rätta det i företagsinställningarna.", number.len()),
            format!("The company's organisation number \"{shown}\" has {} digits but must have ten. Correct it in the company settings.", number.len())));
    } else if !is_swedish_org_number(&number) {
        findings.push(Finding::error("SE-R-013", field,
            format!("Företagets organisationsnummer \"{shown}\" har fel kontrollsiffra. Kontrollera numret mot registreringsbeviset."),
            format!("The company's organisation number \"{shown}\" has a wrong check digit. Check it against the registration certificate.")));
    }
}

fn seller_vat_number(invoice: &Invoice, categories: &[VatCategory], findings: &mut Vec<Finding>) {
    let vat_number = compact(&invoice.seller.vat_number).to_uppercase();
    let field = "seller.vat_number";
    if vat_number.is_empty() {
        // K and G need the VAT number itself; S, Z, E and AE accept any seller tax registration, so the
        // F-skatt statement satisfies them (BR-S-02 and siblings). Swedish law wants the VAT number anyway.
        let f_tax = invoice.seller.f_tax_approved;
        let mut rules: Vec<&'static str> = Vec::new();
        for category in categories {
            let rule = match category {
                VatCategory::IntraCommunity => "BR-IC-02",
                VatCategory::Export => "BR-G-02",
                VatCategory::Standard if !f_tax => "BR-S-02",
                VatCategory::ZeroRated if !f_tax => "BR-Z-02",
                VatCategory::Exempt if !f_tax => "BR-E-02",
                VatCategory::ReverseCharge if !f_tax => "BR-AE-02",
                _ => continue,
            };
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
        if rules.is_empty() && !categories.is_empty() {
            rules.push("SE-ML-17-24");
        }
        for rule in rules {
            findings.push(Finding::error(rule, field,
                "Företagets momsregistreringsnummer saknas. Fyll i det i företagsinställningarna (SE + organisationsnummer + 01).".to_owned(),
                "The company's VAT number is missing. Add it in the company settings (SE + organisation number + 01).".to_owned()));
        }
        return;
    }
    if !has_country_prefix(&vat_number) {
        findings.push(Finding::error("BR-CO-09", field,
            format!("Företagets momsregistreringsnummer \"{vat_number}\" måste börja med landskoden, t.ex. SE556721204701."),
            format!("The company's VAT number \"{vat_number}\" must start with the country code, e.g. SE556721204701.")));
    } else if vat_number.starts_with("SE") && vat_number.chars().count() != 14 {
        findings.push(Finding::error("SE-R-001", field,
            format!("Företagets momsregistreringsnummer \"{vat_number}\" ska ha 14 tecken: SE, organisationsnumret och 01."),
            format!("The company's VAT number \"{vat_number}\" must have 14 characters: SE, the organisation number and 01.")));
    } else if vat_number.starts_with("SE") && !vat_number[2..].bytes().all(|b| b.is_ascii_digit()) {
        findings.push(Finding::error(
            "SE-R-002",
            field,
            format!(
                "Företagets momsregistreringsnummer \"{vat_number}\" ska ha tolv siffror efter SE."
            ),
            format!("The company's VAT number \"{vat_number}\" must have twelve digits after SE."),
        ));
    }
}

fn has_country_prefix(vat_number: &str) -> bool {
    vat_number
        .get(..2)
        .is_some_and(|prefix| prefix == "EL" || is_country_code(prefix))
}

fn buyer_vat_number(invoice: &Invoice, categories: &[VatCategory], findings: &mut Vec<Finding>) {
    let buyer = &invoice.buyer;
    let vat_number = compact(&buyer.vat_number).to_uppercase();
    let field = "buyer.vat_number";
    if !vat_number.is_empty() && !has_country_prefix(&vat_number) {
        findings.push(Finding::error("BR-CO-09", field,
            format!("Kundens momsregistreringsnummer \"{vat_number}\" måste börja med landskoden, t.ex. DE123456789."),
            format!("The customer's VAT number \"{vat_number}\" must start with the country code, e.g. DE123456789.")));
    }
    if vat_number.is_empty() && categories.contains(&VatCategory::IntraCommunity) {
        findings.push(Finding::error("BR-IC-02", field,
            "Unionsintern varuleverans kräver kundens momsregistreringsnummer. Fyll i det i kundregistret.".to_owned(),
            "An intra-Community supply of goods needs the customer's VAT number. Add it in the customer register.".to_owned()));
    }
    if vat_number.is_empty() && categories.contains(&VatCategory::ReverseCharge) {
        // The writer states a legal id only for companies; that is what BR-AE-02 can see.
        let legal_id_written =
            buyer.kind == BuyerKind::Company && !compact(&buyer.legal_id).is_empty();
        if !legal_id_written {
            findings.push(Finding::error("BR-AE-02", field,
                "Omvänd betalningsskyldighet kräver kundens momsregistreringsnummer. Fyll i det i kundregistret.".to_owned(),
                "Reverse charge needs the customer's VAT number. Add it in the customer register.".to_owned()));
        } else {
            // Peppol accepts the legal id instead, but mervärdesskattelagen 17 kap. 24 § asks for the VAT number.
            findings.push(Finding::error("SE-ML-17-24", field,
                "Vid omvänd betalningsskyldighet ska kundens momsregistreringsnummer stå på fakturan enligt mervärdesskattelagen. Fyll i det i kundregistret.".to_owned(),
                "With reverse charge the Swedish VAT Act requires the customer's VAT number on the invoice. Add it in the customer register.".to_owned()));
        }
    }
}

fn buyer_address(invoice: &Invoice, findings: &mut Vec<Finding>) {
    let buyer = &invoice.buyer;
    let address = endpoint::buyer_address(buyer);
    let legal_id = compact(&buyer.legal_id);
    // A Swedish company's org number is also written as its legal id under scheme 0007, so it must be
    // valid even when the e-invoice address came from the lookup.
    let address_is_legal_id = address
        .as_ref()
        .is_some_and(|a| a.source_field == "buyer.legal_id");
    if buyer.kind == BuyerKind::Company
        && buyer.address.is_swedish()
        && !legal_id.is_empty()
        && !is_swedish_org_number(&legal_id)
        && !address_is_legal_id
    {
        findings.push(Finding::error("PEPPOL-COMMON-R049", "buyer.legal_id",
            format!("\"{legal_id}\" är inget giltigt svenskt organisationsnummer (tio siffror med rätt kontrollsiffra). Rätta kundens nummer."),
            format!("\"{legal_id}\" is not a valid Swedish organisation number (ten digits with a correct check digit). Correct the customer's number.")));
    }
    let Some(address) = address else {
        findings.push(Finding::error("PEPPOL-EN16931-R010", "buyer.legal_id",
            "Kunden saknar adress för e-faktura. Ange organisationsnummer (personnummer för privatpersoner), momsnummer eller e-postadress i kundregistret, eller sök kunden som e-fakturamottagare.".to_owned(),
            "The customer has no e-invoice address. Add the organisation number (personal number for private persons), VAT number or e-mail address in the customer register, or look the customer up as an e-invoice receiver.".to_owned()));
        return;
    };
    let shown = &address.identifier;
    if address.scheme == endpoint::EMAIL {
        // EN 16931 knows e-mail addresses; the Peppol code list does not, so the validator refuses it.
        findings.push(Finding::error("PEPPOL-EN16931-CL008", "buyer.legal_id",
            format!("Kunden har varken organisationsnummer, personnummer eller momsnummer, så fakturan får e-postadressen {shown} som mottagaradress. Peppol-nätet tar inte emot den; ange något av numren i kundregistret."),
            format!("The customer has no organisation number, personal number or VAT number, so the invoice gets the e-mail address {shown} as its receiver address. The Peppol network does not accept it; add one of the numbers in the customer register.")));
        return;
    }
    if !is_address_scheme(&address.scheme) {
        let scheme = &address.scheme;
        findings.push(Finding::error("PEPPOL-EN16931-CL008", address.source_field,
            format!("E-fakturaadressen {address} har ett okänt schema \"{scheme}\". Sök kunden som e-fakturamottagare igen."),
            format!("The e-invoice address {address} has an unknown scheme \"{scheme}\". Look the customer up as an e-invoice receiver again.")));
    }
    let Some(rule) = format_rule(&address.scheme, &address.identifier) else {
        return;
    };
    let (sv, en) = match address.scheme.as_str() {
        SWEDISH_ORG_NUMBER => (
            format!(
                "\"{shown}\" är inget giltigt svenskt organisationsnummer (tio siffror med rätt kontrollsiffra). Rätta kundens nummer."
            ),
            format!(
                "\"{shown}\" is not a valid Swedish organisation number (ten digits with a correct check digit). Correct the customer's number."
            ),
        ),
        NORWEGIAN_ORG_NUMBER => (
            format!(
                "\"{shown}\" är inget giltigt norskt organisationsnummer (nio siffror med rätt kontrollsiffra). Rätta kundens nummer."
            ),
            format!(
                "\"{shown}\" is not a valid Norwegian organisation number (nine digits with a correct check digit). Correct the customer's number."
            ),
        ),
        scheme => (
            format!(
                "\"{shown}\" har inte den form som schema {scheme} kräver. Rätta kundens nummer eller sök kunden som e-fakturamottagare igen."
            ),
            format!(
                "\"{shown}\" does not have the form scheme {scheme} requires. Correct the customer's number or look the customer up as an e-invoice receiver again."
            ),
        ),
    };
    findings.push(Finding::error(rule, address.source_field, sv, en));
}

fn accounts(invoice: &Invoice, findings: &mut Vec<Finding>) {
    if invoice.is_credit() {
        return;
    }
    for account in payment_accounts(&invoice.seller, invoice.buyer.is_foreign()) {
        let numeric = account.account.bytes().all(|b| b.is_ascii_digit());
        let length = account.account.len();
        let shown = &account.account;
        match account.branch.as_str() {
            "SE:BANKGIRO" if !numeric => findings.push(Finding::warning(
                "SE-R-008",
                "seller.bankgiro",
                format!("Bankgironumret \"{shown}\" får bara innehålla siffror."),
                format!("The Bankgiro number \"{shown}\" may only contain digits."),
            )),
            "SE:BANKGIRO" if !(7..=8).contains(&length) => findings.push(Finding::warning(
                "SE-R-009",
                "seller.bankgiro",
                format!("Bankgironumret \"{shown}\" ska ha sju eller åtta siffror."),
                format!("The Bankgiro number \"{shown}\" must have seven or eight digits."),
            )),
            "SE:PLUSGIRO" if !numeric => findings.push(Finding::warning(
                "SE-R-007",
                "seller.plusgiro",
                format!("Plusgironumret \"{shown}\" får bara innehålla siffror."),
                format!("The Plusgiro number \"{shown}\" may only contain digits."),
            )),
            "SE:PLUSGIRO" if !(2..=8).contains(&length) => findings.push(Finding::warning(
                "SE-R-010",
                "seller.plusgiro",
                format!("Plusgironumret \"{shown}\" ska ha två till åtta siffror."),
                format!("The Plusgiro number \"{shown}\" must have two to eight digits."),
            )),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_number_checksums() {
        for (number, swedish) in [
            ("5567212047", true),
            ("5560360793", true),
            ("5567212048", false),
            ("556721204", false),
        ] {
            assert_eq!(is_swedish_org_number(number), swedish, "{number}");
        }
        for (number, norwegian) in [
            ("923609016", true),
            ("987654321", false),
            ("000000000", false),
            ("92360901", false),
        ] {
            assert_eq!(is_norwegian_org_number(number), norwegian, "{number}");
        }
    }
}
