//! Reads the few facts the sandbox needs from a UBL Invoice or CreditNote: the document kind,
//! the buyer (for routing), the references and the monetary totals (for the receipt check).
//!
//! This is deliberately not a UBL model: it tracks the element path and keeps only the leaves
//! that an operator looks at on receipt.

use quick_xml::NsReader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use rust_decimal::Decimal;
use std::str::FromStr;

const INVOICE_NS: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const CREDIT_NOTE_NS: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

/// Which of the two UBL documents Peppol BIS 3 allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Invoice,
    CreditNote,
}

/// The buyer as written in `cac:AccountingCustomerParty`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Buyer {
    pub name: Option<String>,
    /// `cbc:EndpointID` as `scheme:value`, for example `0007:5567212047`.
    pub endpoint: Option<String>,
    /// `cac:PartyLegalEntity/cbc:CompanyID`, the organisation number.
    pub company_id: Option<String>,
    pub email: Option<String>,
    pub street: Option<String>,
    pub city: Option<String>,
    pub postal_zone: Option<String>,
    pub country: Option<String>,
}

impl Buyer {
    /// A letter can be printed only when the address has street, post code, town and country.
    pub fn has_complete_address(&self) -> bool {
        [&self.street, &self.city, &self.postal_zone, &self.country]
            .iter()
            .all(|part| part.as_deref().is_some_and(|text| !text.trim().is_empty()))
    }
}

/// The `cac:LegalMonetaryTotal` amounts, each optional because a broken document may lack them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonetaryTotals {
    pub line_extension: Option<Decimal>,
    pub tax_exclusive: Option<Decimal>,
    pub tax_inclusive: Option<Decimal>,
    pub allowance_total: Option<Decimal>,
    pub charge_total: Option<Decimal>,
    pub prepaid: Option<Decimal>,
    pub rounding: Option<Decimal>,
    pub payable: Option<Decimal>,
}

/// What the sandbox read from one UBL document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UblDocument {
    pub kind: DocumentKind,
    pub number: Option<String>,
    pub issue_date: Option<String>,
    pub due_date: Option<String>,
    pub currency: Option<String>,
    pub buyer_reference: Option<String>,
    pub order_reference: Option<String>,
    pub buyer: Buyer,
    pub totals: MonetaryTotals,
    /// Sum of every line's `cbc:LineExtensionAmount`.
    pub line_sum: Decimal,
    pub line_count: usize,
    /// The `cac:TaxTotal/cbc:TaxAmount` in the document currency (BT-110).
    pub tax_amount: Option<Decimal>,
    /// Amounts that were present but not decimal numbers, by element path.
    pub unreadable_amounts: Vec<String>,
}

/// Reads a UBL document, or says why the bytes are not one.
pub fn read_ubl(bytes: &[u8]) -> Result<UblDocument, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "The XML is not UTF-8".to_owned())?;
    let mut reader = NsReader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut document: Option<UblDocument> = None;
    let mut text_buffer = String::new();
    let mut attributes: Vec<(String, String)> = Vec::new();
    loop {
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|error| format!("The XML is not well-formed: {error}"))?;
        match event {
            Event::Start(start) if path.is_empty() && document.is_none() => {
                document = Some(root_document(&namespace, &start)?);
                path.push(local_name(&start));
            }
            Event::Empty(start) if path.is_empty() && document.is_none() => {
                document = Some(root_document(&namespace, &start)?);
            }
            Event::Start(start) => {
                path.push(local_name(&start));
                text_buffer.clear();
                attributes = read_attributes(&start);
            }
            Event::Empty(_) => {}
            Event::Text(text) => text_buffer.push_str(&text.xml10_content()),
            Event::CData(data) => text_buffer.push_str(&data),
            Event::GeneralRef(reference) => {
                if let Ok(Some(character)) = reference.resolve_char_ref() {
                    text_buffer.push(character);
                } else if let Some(resolved) = resolve_predefined_entity(&reference.xml10_content())
                {
                    text_buffer.push_str(resolved);
                }
            }
            Event::End(_) => {
                if let Some(document) = document.as_mut() {
                    let relative = path.get(1..).unwrap_or_default().join("/");
                    record_leaf(document, &relative, text_buffer.trim(), &attributes);
                }
                text_buffer.clear();
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        return Err("The XML ends before its root element is closed".to_owned());
    }
    document.ok_or_else(|| "The XML has no root element".to_owned())
}

fn root_document(
    namespace: &ResolveResult<'_>,
    start: &BytesStart<'_>,
) -> Result<UblDocument, String> {
    let name = local_name(start);
    let namespace_text = match namespace {
        ResolveResult::Bound(bound) => bound.as_ref().to_owned(),
        _ => String::new(),
    };
    let kind = match (name.as_str(), namespace_text.as_str()) {
        ("Invoice", INVOICE_NS) => DocumentKind::Invoice,
        ("CreditNote", CREDIT_NOTE_NS) => DocumentKind::CreditNote,
        _ => {
            return Err(format!(
                "The root element is {{{namespace_text}}}{name}, not a UBL Invoice or CreditNote"
            ));
        }
    };
    Ok(UblDocument {
        kind,
        number: None,
        issue_date: None,
        due_date: None,
        currency: None,
        buyer_reference: None,
        order_reference: None,
        buyer: Buyer::default(),
        totals: MonetaryTotals::default(),
        line_sum: Decimal::ZERO,
        line_count: 0,
        tax_amount: None,
        unreadable_amounts: Vec::new(),
    })
}

fn local_name(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

fn read_attributes(start: &BytesStart<'_>) -> Vec<(String, String)> {
    start
        .attributes()
        .flatten()
        .map(|attribute| {
            let key = attribute.key.local_name().as_ref().to_owned();
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|value| value.into_owned())
                .unwrap_or_default();
            (key, value)
        })
        .collect()
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

const BUYER: &str = "AccountingCustomerParty/Party/";

fn record_leaf(
    document: &mut UblDocument,
    path: &str,
    text: &str,
    attributes: &[(String, String)],
) {
    let owned = || Some(text.to_owned());
    match path {
        "ID" => document.number = owned(),
        "IssueDate" => document.issue_date = owned(),
        "DueDate" | "PaymentMeans/PaymentDueDate" if document.due_date.is_none() => {
            document.due_date = owned();
        }
        "DocumentCurrencyCode" => document.currency = owned(),
        "BuyerReference" => document.buyer_reference = owned(),
        "OrderReference/ID" => document.order_reference = owned(),
        "TaxTotal/TaxAmount" => {
            let in_document_currency =
                match (attribute(attributes, "currencyID"), &document.currency) {
                    (Some(currency), Some(document_currency)) => currency == document_currency,
                    _ => document.tax_amount.is_none(),
                };
            if in_document_currency {
                document.tax_amount = amount(document, path, text);
            }
        }
        "InvoiceLine/LineExtensionAmount" | "CreditNoteLine/LineExtensionAmount" => {
            document.line_count += 1;
            if let Some(value) = amount(document, path, text) {
                document.line_sum += value;
            }
        }
        _ => {
            if let Some(total) = path.strip_prefix("LegalMonetaryTotal/") {
                record_total(document, path, total, text);
            } else if let Some(buyer_path) = path.strip_prefix(BUYER) {
                record_buyer(&mut document.buyer, buyer_path, text, attributes);
            }
        }
    }
}

fn record_total(document: &mut UblDocument, path: &str, total: &str, text: &str) {
    let value = amount(document, path, text);
    let totals = &mut document.totals;
    match total {
        "LineExtensionAmount" => totals.line_extension = value,
        "TaxExclusiveAmount" => totals.tax_exclusive = value,
        "TaxInclusiveAmount" => totals.tax_inclusive = value,
        "AllowanceTotalAmount" => totals.allowance_total = value,
        "ChargeTotalAmount" => totals.charge_total = value,
        "PrepaidAmount" => totals.prepaid = value,
        "PayableRoundingAmount" => totals.rounding = value,
        "PayableAmount" => totals.payable = value,
        _ => {}
    }
}

fn record_buyer(buyer: &mut Buyer, path: &str, text: &str, attributes: &[(String, String)]) {
    let owned = || Some(text.to_owned());
    match path {
        "EndpointID" => {
            buyer.endpoint = Some(match attribute(attributes, "schemeID") {
                Some(scheme) => format!("{scheme}:{text}"),
                None => text.to_owned(),
            });
        }
        "PartyName/Name" => buyer.name = owned(),
        "PartyLegalEntity/RegistrationName" if buyer.name.is_none() => buyer.name = owned(),
        "PartyLegalEntity/CompanyID" => buyer.company_id = owned(),
        "Contact/ElectronicMail" => buyer.email = owned(),
        "PostalAddress/StreetName" => buyer.street = owned(),
        "PostalAddress/CityName" => buyer.city = owned(),
        "PostalAddress/PostalZone" => buyer.postal_zone = owned(),
        "PostalAddress/Country/IdentificationCode" => buyer.country = owned(),
        _ => {}
    }
}

fn amount(document: &mut UblDocument, path: &str, text: &str) -> Option<Decimal> {
    match Decimal::from_str(text) {
        Ok(value) => Some(value),
        Err(_) => {
            document
                .unreadable_amounts
                .push(format!("{path} = {text:?}"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL_INVOICE: &str = r#"<?xml version="1.0"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:ID>F-1</cbc:ID><cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>
 <cbc:BuyerReference>Anna &amp; Co</cbc:BuyerReference>
 <cac:AccountingCustomerParty><cac:Party>
  <cbc:EndpointID schemeID="0007">5567212047</cbc:EndpointID>
  <cac:PartyLegalEntity><cbc:RegistrationName>Kund AB</cbc:RegistrationName></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingCustomerParty>
 <cac:TaxTotal><cbc:TaxAmount currencyID="SEK">25.00</cbc:TaxAmount></cac:TaxTotal>
 <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="SEK">125.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
 <cac:InvoiceLine><cbc:LineExtensionAmount currencyID="SEK">60</cbc:LineExtensionAmount>
  <cac:Price><cbc:PriceAmount currencyID="SEK">60</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
 <cac:InvoiceLine><cbc:LineExtensionAmount currencyID="SEK">40.00</cbc:LineExtensionAmount></cac:InvoiceLine>
</Invoice>"#;

    #[test]
    fn reads_the_leaves_routing_and_the_receipt_check_need() {
        let document = read_ubl(SMALL_INVOICE.as_bytes()).expect("valid UBL");
        assert_eq!(document.kind, DocumentKind::Invoice);
        assert_eq!(document.number.as_deref(), Some("F-1"));
        assert_eq!(document.buyer_reference.as_deref(), Some("Anna & Co"));
        assert_eq!(document.buyer.endpoint.as_deref(), Some("0007:5567212047"));
        assert_eq!(document.buyer.name.as_deref(), Some("Kund AB"));
        assert_eq!(document.line_count, 2);
        assert_eq!(document.line_sum, Decimal::new(10000, 2));
        assert_eq!(document.tax_amount, Some(Decimal::new(2500, 2)));
        assert_eq!(document.totals.payable, Some(Decimal::new(12500, 2)));
    }

    #[test]
    fn rejects_what_is_not_a_ubl_document() {
        let cases = [
            (
                r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">"#,
                "ends before",
            ),
            (
                r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"></Faktura>"#,
                "not well-formed",
            ),
            ("<Invoice>", "not a UBL Invoice"),
            ("<Invoice/>", "not a UBL Invoice"),
            (
                r#"<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>"#,
                "not a UBL Invoice",
            ),
            ("", "no root element"),
        ];
        for (xml, expected) in cases {
            let error = read_ubl(xml.as_bytes()).expect_err(xml);
            assert!(error.contains(expected), "{xml}: {error}");
        }
    }
}
