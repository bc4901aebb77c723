//! Seller, buyer and delivery: who they are, where they are, and the identifiers each VAT category needs.

use fakturera_core::party::{Address, BuyerKind};
use fakturera_core::vat::VatCategory;

use crate::document::Document;
use crate::endpoint::{self, ElectronicAddress, SWEDISH_ORG_NUMBER, compact};
use crate::xml::UblXml;

/// The text Swedish suppliers state as their second tax scheme (SE-R-005).
pub const F_TAX_TEXT: &str = "Godkänd för F-skatt";

/// The seller (BG-4): 0007 endpoint and legal id, VAT number, F-skatt, contact.
pub(crate) fn supplier(xml: &mut UblXml, document: &Document<'_>) {
    let seller = &document.invoice.seller;
    xml.group("cac:AccountingSupplierParty", |xml| {
        xml.group("cac:Party", |xml| {
            endpoint_id(xml, &endpoint::seller_address(seller));
            party_name(xml, &seller.name);
            postal_address(xml, "cac:PostalAddress", &seller.address);
            if !document.outside_scope {
                vat_scheme(xml, &seller.vat_number);
            }
            if seller.f_tax_approved {
                xml.group("cac:PartyTaxScheme", |xml| {
                    xml.text("cbc:CompanyID", F_TAX_TEXT);
                    xml.group("cac:TaxScheme", |xml| xml.text("cbc:ID", "TAX"));
                });
            }
            xml.group("cac:PartyLegalEntity", |xml| {
                xml.text("cbc:RegistrationName", &seller.name);
                xml.text_with(
                    "cbc:CompanyID",
                    &[("schemeID", SWEDISH_ORG_NUMBER)],
                    &compact(&seller.org_number),
                );
            });
            let contact_name = if document.invoice.our_reference.trim().is_empty() {
                &seller.contact_name
            } else {
                &document.invoice.our_reference
            };
            contact(xml, contact_name, &seller.phone, &seller.email);
        });
    });
}

/// The buyer (BG-7): endpoint, name, address, VAT number where one is needed, legal id.
pub(crate) fn customer(xml: &mut UblXml, document: &Document<'_>) {
    let buyer = &document.invoice.buyer;
    xml.group("cac:AccountingCustomerParty", |xml| {
        xml.group("cac:Party", |xml| {
            if let Some(address) = endpoint::buyer_address(buyer) {
                endpoint_id(xml, &address);
            }
            party_name(xml, &buyer.name);
            postal_address(xml, "cac:PostalAddress", &buyer.address);
            if !document.outside_scope {
                vat_scheme(xml, &buyer.vat_number);
            }
            xml.group("cac:PartyLegalEntity", |xml| {
                xml.text("cbc:RegistrationName", &buyer.name);
                // A private person's personal number is not a company id and stays off the invoice body.
                if buyer.kind == BuyerKind::Company {
                    let legal_id = compact(&buyer.legal_id);
                    if buyer.address.is_swedish() {
                        xml.text_with(
                            "cbc:CompanyID",
                            &[("schemeID", SWEDISH_ORG_NUMBER)],
                            &legal_id,
                        );
                    } else {
                        xml.text("cbc:CompanyID", &buyer.legal_id);
                    }
                }
            });
            contact(
                xml,
                &document.invoice.your_reference,
                &buyer.phone,
                &buyer.email,
            );
        });
    });
}

/// Delivery date and place (BG-13), written when they differ from the invoice's defaults and always
/// for EU goods, which need both (BR-IC-11, BR-IC-12).
pub(crate) fn delivery(xml: &mut UblXml, document: &Document<'_>) {
    let invoice = document.invoice;
    let eu_goods = document.has_category(VatCategory::IntraCommunity);
    let date = invoice
        .delivery_date
        .or(eu_goods.then_some(invoice.issue_date));
    let place = invoice
        .buyer
        .delivery_address
        .as_ref()
        .or(eu_goods.then_some(&invoice.buyer.address));
    if date.is_none() && place.is_none() {
        return;
    }
    xml.group("cac:Delivery", |xml| {
        if let Some(date) = date {
            xml.text("cbc:ActualDeliveryDate", &date.to_string());
        }
        if let Some(place) = place {
            xml.group("cac:DeliveryLocation", |xml| {
                postal_address(xml, "cac:Address", place)
            });
        }
    });
}

fn endpoint_id(xml: &mut UblXml, address: &ElectronicAddress) {
    xml.text_with(
        "cbc:EndpointID",
        &[("schemeID", &address.scheme)],
        &address.identifier,
    );
}

fn party_name(xml: &mut UblXml, name: &str) {
    if !name.trim().is_empty() {
        xml.group("cac:PartyName", |xml| xml.text("cbc:Name", name));
    }
}

fn vat_scheme(xml: &mut UblXml, vat_number: &str) {
    let vat_number = compact(vat_number).to_uppercase();
    if !vat_number.is_empty() {
        xml.group("cac:PartyTaxScheme", |xml| {
            xml.text("cbc:CompanyID", &vat_number);
            xml.group("cac:TaxScheme", |xml| xml.text("cbc:ID", "VAT"));
        });
    }
}

/// The country code as written: upper case, and Sweden when none is given, as everywhere else in the
/// program.
pub(crate) fn country_code(address: &Address) -> String {
    let code = address.country_code.trim();
    if code.is_empty() {
        "SE".to_owned()
    } else {
        code.to_ascii_uppercase()
    }
}

fn postal_address(xml: &mut UblXml, element: &str, address: &Address) {
    let country = country_code(address);
    xml.group(element, |xml| {
        xml.text("cbc:StreetName", &address.street);
        xml.text("cbc:AdditionalStreetName", &address.street2);
        xml.text("cbc:CityName", &address.city);
        xml.text("cbc:PostalZone", &address.postal_code);
        xml.group("cac:Country", |xml| {
            xml.text("cbc:IdentificationCode", &country)
        });
    });
}

fn contact(xml: &mut UblXml, name: &str, phone: &str, email: &str) {
    if [name, phone, email]
        .iter()
        .all(|value| value.trim().is_empty())
    {
        return;
    }
    xml.group("cac:Contact", |xml| {
        xml.text("cbc:Name", name);
        xml.text("cbc:Telephone", phone);
        xml.text("cbc:ElectronicMail", email);
    });
}
