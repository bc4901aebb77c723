//! What a receiver reads from the written documents: references, VAT, payment, units, rounding,
//! currency, attachments and escaped texts, checked value by value.

use base64::Engine;
use fakturera_core::invoice::Invoice;
use fakturera_peppol::{Attachment, write_ubl};

use crate::scenarios::{self, Scenario};
use crate::xml_paths::XmlPaths;

fn scenario(name: &str) -> Scenario {
    scenarios::all()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no scenario {name}"))
}

fn read(name: &str) -> (Invoice, XmlPaths) {
    let scenario = scenario(name);
    let xml = write_ubl(&scenario.invoice, scenario.attachment.as_ref())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    (scenario.invoice, XmlPaths::parse(&xml))
}

const INV: &str = "/Invoice";
const CN: &str = "/CreditNote";

#[test]
fn domestic_invoice_carries_swedish_identifiers_and_bankgiro_with_ocr() {
    let (invoice, doc) = read("domestic-25");
    let party = format!("{INV}/cac:AccountingSupplierParty/cac:Party");
    assert_eq!(doc.one(&format!("{party}/cbc:EndpointID")), "5567212047");
    assert_eq!(
        doc.one(&format!("{party}/cbc:EndpointID/@schemeID")),
        "0007"
    );
    assert_eq!(
        doc.all(&format!("{party}/cac:PartyTaxScheme/cbc:CompanyID")),
        ["SE556721204701", "Godkänd för F-skatt"]
    );
    assert_eq!(
        doc.all(&format!("{party}/cac:PartyTaxScheme/cac:TaxScheme/cbc:ID")),
        ["VAT", "TAX"]
    );
    assert_eq!(doc.one(&format!("{INV}/cbc:InvoiceTypeCode")), "380");
    assert_eq!(doc.one(&format!("{INV}/cbc:BuyerReference")), "PROJ-4711");
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"
        )),
        "5560360793"
    );
    assert_eq!(
        doc.one(&format!("{INV}/cac:PaymentMeans/cbc:PaymentMeansCode")),
        "30"
    );
    assert_eq!(
        doc.one(&format!("{INV}/cac:PaymentMeans/cbc:PaymentID")),
        invoice.ocr
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"
        )),
        "56781230"
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"
        )),
        "SE:BANKGIRO"
    );
    assert_eq!(
        doc.one(&format!("{INV}/cac:PaymentTerms/cbc:Note")),
        "30 dagar netto. Dröjsmålsränta 12 %."
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:InvoiceLine/cbc:InvoicedQuantity/@unitCode"
        )),
        "HUR"
    );
    assert_eq!(
        doc.one(&format!("{INV}/cac:LegalMonetaryTotal/cbc:PayableAmount")),
        "9500.00"
    );
}

#[test]
fn rounding_is_its_own_amount_up_and_down() {
    for (name, rounding, payable) in [
        ("rounding-up", "0.40", "126.00"),
        ("rounding-down", "-0.40", "125.00"),
    ] {
        let (_, doc) = read(name);
        assert_eq!(
            doc.one(&format!(
                "{INV}/cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"
            )),
            rounding,
            "{name}"
        );
        assert_eq!(
            doc.one(&format!("{INV}/cac:LegalMonetaryTotal/cbc:PayableAmount")),
            payable,
            "{name}"
        );
    }
}

#[test]
fn charges_and_discounts_are_allowances_and_charges_with_their_own_vat() {
    let (_, doc) = read("freight");
    let charge = format!("{INV}/cac:AllowanceCharge");
    assert_eq!(
        doc.all(&format!("{charge}/cbc:AllowanceChargeReasonCode")),
        ["FC", "AEO"]
    );
    assert_eq!(
        doc.all(&format!("{charge}/cbc:AllowanceChargeReason")),
        ["Frakt", "Fakturaavgift"]
    );
    assert_eq!(
        doc.all(&format!("{charge}/cac:TaxCategory/cbc:Percent")),
        ["25", "25"]
    );
    assert_eq!(
        doc.all(&format!(
            "{INV}/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"
        )),
        ["25", "12"]
    );

    let (_, doc) = read("line-discounts");
    let allowance = format!("{INV}/cac:InvoiceLine/cac:AllowanceCharge");
    assert_eq!(
        doc.all(&format!("{allowance}/cbc:ChargeIndicator")),
        ["false", "false", "false"]
    );
    assert_eq!(
        doc.all(&format!("{allowance}/cbc:Amount")),
        ["854.55", "250.00", "24.75"]
    );
    assert_eq!(
        doc.all(&format!("{allowance}/cbc:MultiplierFactorNumeric")),
        ["15", "12.5"]
    );
    assert_eq!(
        doc.all(&format!("{allowance}/cbc:BaseAmount")),
        ["5697.00", "198.00"]
    );
    assert_eq!(
        doc.all(&format!(
            "{INV}/cac:InvoiceLine/cbc:InvoicedQuantity/@unitCode"
        )),
        ["H87", "MTR", "LTR"]
    );
}

#[test]
fn zero_vat_categories_state_their_exemption() {
    for (name, category, code, reason) in [
        (
            "reverse-charge-construction",
            "AE",
            "VATEX-EU-AE",
            "Omvänd betalningsskyldighet",
        ),
        (
            "eu-goods-germany",
            "K",
            "VATEX-EU-IC",
            "Intra-Community supply of goods, Article 138 of Council Directive 2006/112/EC",
        ),
        (
            "export-outside-eu",
            "G",
            "VATEX-EU-G",
            "Export of goods outside the EU",
        ),
        (
            "outside-scope",
            "O",
            "VATEX-EU-O",
            "Utanför mervärdesskattelagens tillämpningsområde",
        ),
    ] {
        let (_, doc) = read(name);
        let tax_category = format!("{INV}/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory");
        assert_eq!(
            doc.one(&format!("{tax_category}/cbc:ID")),
            category,
            "{name}"
        );
        assert_eq!(
            doc.one(&format!("{tax_category}/cbc:TaxExemptionReasonCode")),
            code,
            "{name}"
        );
        assert_eq!(
            doc.one(&format!("{tax_category}/cbc:TaxExemptionReason")),
            reason,
            "{name}"
        );
    }
    let (_, doc) = read("outside-scope");
    let vat_ids = doc.all(&format!(
        "{INV}/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"
    ));
    assert_eq!(
        vat_ids,
        ["Godkänd för F-skatt"],
        "BR-O-02: no VAT number on an invoice outside the scope of VAT"
    );
    let (_, doc) = read("eu-goods-germany");
    assert_eq!(
        doc.one(&format!("{INV}/cac:Delivery/cbc:ActualDeliveryDate")),
        "2026-03-02"
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode"
        )),
        "DE"
    );
}

#[test]
fn foreign_currency_states_vat_in_sek_and_foreign_buyers_pay_by_iban() {
    let (invoice, doc) = read("euro");
    assert_eq!(doc.one(&format!("{INV}/cbc:DocumentCurrencyCode")), "EUR");
    assert_eq!(doc.one(&format!("{INV}/cbc:TaxCurrencyCode")), "SEK");
    let totals = invoice.totals();
    assert_eq!(
        doc.all(&format!("{INV}/cac:TaxTotal/cbc:TaxAmount/@currencyID")),
        ["EUR", "SEK"]
    );
    assert_eq!(
        doc.all(&format!("{INV}/cac:TaxTotal/cbc:TaxAmount")),
        [
            format!("{:.2}", totals.vat_total),
            format!("{:.2}", totals.vat_total_sek)
        ]
    );

    let (_, doc) = read("eu-services");
    assert_eq!(
        doc.one(&format!("{INV}/cac:PaymentMeans/cbc:PaymentMeansCode")),
        "58"
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"
        )),
        "SE4550000000058398257466"
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"
        )),
        "ESSESESS"
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID/@schemeID"
        )),
        "9930"
    );
}

#[test]
fn credit_notes_reference_the_credited_invoice() {
    let original = scenario("original-for-credit").invoice;
    for name in ["credit-full", "credit-partial"] {
        let (credit, doc) = read(name);
        assert_eq!(
            doc.one(&format!("{CN}/cbc:CreditNoteTypeCode")),
            "381",
            "{name}"
        );
        assert_eq!(
            doc.one(&format!(
                "{CN}/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"
            )),
            original.number.as_deref().unwrap_or_default()
        );
        assert_eq!(
            doc.one(&format!(
                "{CN}/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate"
            )),
            "2026-03-02"
        );
        assert_eq!(
            doc.all(&format!("{CN}/cac:CreditNoteLine/cbc:ID")).len(),
            credit.lines.len(),
            "{name}"
        );
        assert!(
            doc.all(&format!("{CN}/cac:PaymentMeans/cbc:PaymentMeansCode"))
                .is_empty(),
            "{name}"
        );
    }
    let (_, full) = read("credit-full");
    let original_payable = format!("{:.2}", original.totals().payable);
    assert_eq!(
        full.one(&format!("{CN}/cac:LegalMonetaryTotal/cbc:PayableAmount")),
        original_payable
    );
    let (_, partial) = read("credit-partial");
    assert_eq!(
        partial.all(&format!("{CN}/cac:CreditNoteLine/cbc:CreditedQuantity")),
        ["2.5", "1"]
    );
}

#[test]
fn every_text_survives_escaping() {
    let (invoice, doc) = read("special-characters");
    let without_bell = |text: &str| text.replace('\u{7}', "").trim().to_owned();
    assert_eq!(
        doc.one(&format!("{INV}/cbc:BuyerReference")),
        without_bell(&invoice.buyer_reference)
    );
    assert_eq!(
        doc.one(&format!("{INV}/cac:OrderReference/cbc:ID")),
        without_bell(&invoice.order_reference)
    );
    assert_eq!(
        doc.one(&format!("{INV}/cbc:Note")),
        without_bell(&invoice.notes)
    );
    assert_eq!(
        doc.one(&format!("{INV}/cac:InvoiceLine/cac:Item/cbc:Name")),
        without_bell(&invoice.lines[0].description)
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cbc:ID"
        )),
        without_bell(&invoice.lines[0].article_number)
    );
    let seller = format!("{INV}/cac:AccountingSupplierParty/cac:Party");
    assert_eq!(
        doc.one(&format!(
            "{seller}/cac:PartyLegalEntity/cbc:RegistrationName"
        )),
        without_bell(&invoice.seller.name)
    );
    assert_eq!(
        doc.one(&format!(
            "{seller}/cac:PostalAddress/cbc:AdditionalStreetName"
        )),
        without_bell(&invoice.seller.address.street2)
    );
    assert_eq!(
        doc.one(&format!("{seller}/cac:Contact/cbc:ElectronicMail")),
        invoice.seller.email
    );
    let buyer = format!("{INV}/cac:AccountingCustomerParty/cac:Party");
    assert_eq!(
        doc.one(&format!("{buyer}/cac:PartyName/cbc:Name")),
        without_bell(&invoice.buyer.name)
    );
    assert_eq!(
        doc.one(&format!("{buyer}/cac:Contact/cbc:Name")),
        without_bell(&invoice.your_reference)
    );
}

#[test]
fn the_pdf_is_embedded_in_base64() {
    let scenario = scenario("with-pdf");
    let (_, doc) = read("with-pdf");
    let object = format!(
        "{INV}/cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject"
    );
    assert_eq!(doc.one(&format!("{object}/@mimeCode")), "application/pdf");
    assert_eq!(doc.one(&format!("{object}/@filename")), "Faktura 10060.pdf");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(doc.one(&object))
        .unwrap_or_default();
    assert_eq!(Some(decoded), scenario.attachment.map(|a| a.bytes));
}

#[test]
fn drafts_and_unsupported_attachments_are_refused_with_the_field() {
    let mut draft = scenario("domestic-25").invoice;
    draft.number = None;
    let error = write_ubl(&draft, None).expect_err("a draft has no number");
    assert_eq!(error.field, "number");
    assert!(error.message.sv.contains("Utfärda") && error.message.en.contains("Issue"));

    let issued = scenario("domestic-25").invoice;
    let gif = Attachment {
        filename: "logo.gif".to_owned(),
        mime: "image/gif".to_owned(),
        bytes: vec![1, 2, 3],
    };
    let error = write_ubl(&issued, Some(&gif)).expect_err("GIF is not accepted by Peppol");
    assert_eq!(error.field, "attachment.mime");
}

#[test]
fn negative_prices_become_negative_quantities() {
    let (invoice, doc) = read("deductions");
    let line = format!("{INV}/cac:InvoiceLine");
    assert_eq!(
        doc.all(&format!("{line}/cbc:InvoicedQuantity")),
        ["40", "-3", "-1"]
    );
    assert_eq!(
        doc.all(&format!("{line}/cac:Price/cbc:PriceAmount")),
        ["690", "450", "500"]
    );
    assert_eq!(
        doc.all(&format!("{line}/cbc:LineExtensionAmount")),
        ["27600.00", "-1350.00", "-500.00"]
    );
    assert_eq!(
        invoice.totals().line_net_total,
        rust_decimal_macros::dec!(25750)
    );
}

#[test]
fn text_rows_travel_as_the_document_note_and_line_notes() {
    let (_, doc) = read("text-rows");
    assert_eq!(
        doc.one(&format!("{INV}/cbc:Note")),
        "Tack för beställningen!\nArbete enligt offert 2026-117"
    );
    let notes = doc.all(&format!("{INV}/cac:InvoiceLine/cbc:Note"));
    assert_eq!(
        notes,
        [
            "Avser vecka 9 och 10\nResa och logi i Göteborg:",
            "Litteraturen skickas separat."
        ]
    );
}

#[test]
fn an_invoice_discount_is_one_allowance_per_rate_with_its_percentage() {
    let (invoice, doc) = read("invoice-discount-percent");
    let totals = invoice.totals();
    let allowance = format!("{INV}/cac:AllowanceCharge");
    assert_eq!(
        doc.all(&format!("{allowance}/cbc:ChargeIndicator")),
        ["false", "false", "false", "true"],
        "three allowances, then the sample's invoice fee"
    );
    assert_eq!(
        doc.all(&format!("{allowance}/cbc:MultiplierFactorNumeric")),
        ["10", "10", "10"]
    );
    assert_eq!(
        doc.all(&format!("{allowance}/cac:TaxCategory/cbc:Percent")),
        ["25", "12", "6", "25"]
    );
    assert_eq!(
        doc.one(&format!(
            "{INV}/cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount"
        )),
        format!("{:.2}", totals.allowance_total)
    );
}

#[test]
fn every_buyer_gets_an_address_and_a_reference_it_can_match() {
    let endpoint = format!("{INV}/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID");
    for (name, scheme, identifier, reference) in [
        ("domestic-25", "0007", "5560360793", "PROJ-4711"),
        ("private-customer", "0007", "8112189876", "Åsa Lindqvist"),
        ("export-outside-eu", "0192", "923609016", "Fjord-77"),
        // The order number is the reference here (PEPPOL-EN16931-R003 takes either).
        ("eu-services", "9930", "DE123456789", ""),
        (
            "finnish-by-vat-number",
            "0216",
            "003701120389",
            "Accounts payable",
        ),
        (
            "belgian-enterprise-number",
            "0208",
            "0403170701",
            "Accounts payable",
        ),
        ("us-ein", "9959", "123456789", "Accounts payable"),
        ("no-reference-given", "0007", "5560360793", "1001"),
    ] {
        let (_, doc) = read(name);
        assert_eq!(doc.one(&format!("{endpoint}/@schemeID")), scheme, "{name}");
        assert_eq!(doc.one(&endpoint), identifier, "{name}");
        let written: Vec<&str> = doc.all(&format!("{INV}/cbc:BuyerReference"));
        let expected: Vec<&str> = [reference].into_iter().filter(|r| !r.is_empty()).collect();
        assert_eq!(written, expected, "{name}");
    }
}
