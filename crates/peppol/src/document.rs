//! The UBL 2.1 `Invoice` (380) or `CreditNote` (381) for one issued invoice, in the element order the
//! UBL schema requires, with every amount taken from core's `compute_totals`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use fakturera_core::FieldError;
use fakturera_core::invoice::{Invoice, Totals};
use fakturera_core::text::{Language, Text};
use fakturera_core::vat::VatCategory;

use crate::xml::UblXml;
use crate::{lines, parties, payment, tax};

const CUSTOMIZATION_ID: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
const PROFILE_ID: &str = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
const CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// The MIME types Peppol accepts for embedded attachments (PEPPOL-EN16931-CL001).
pub const ATTACHMENT_MIME_TYPES: [&str; 6] = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
];

/// A file embedded in the e-invoice, normally the invoice PDF so receivers see our layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// What every part of the writer needs to know about the document being written.
pub(crate) struct Document<'a> {
    pub invoice: &'a Invoice,
    pub totals: &'a Totals,
    pub currency: &'a str,
    pub language: Language,
    /// Invoices outside the scope of VAT must carry no VAT identifiers at all (BR-O-02).
    pub outside_scope: bool,
}

impl Document<'_> {
    pub fn is_credit(&self) -> bool {
        self.invoice.is_credit()
    }

    /// The text in the invoice's language.
    pub fn say<'t>(&self, text: &'t Text) -> &'t str {
        text.in_language(self.language)
    }

    pub fn has_category(&self, category: VatCategory) -> bool {
        self.totals
            .vat_breakdown
            .iter()
            .any(|subtotal| subtotal.category == category)
    }
}

/// The Peppol BIS Billing 3.0 UBL document for an issued invoice or credit invoice.
///
/// Fails only for a draft (no number yet) or an attachment Peppol does not accept; everything else
/// a receiver would reject is reported by [`crate::check_before_send`].
pub fn write_ubl(invoice: &Invoice, attachment: Option<&Attachment>) -> Result<String, FieldError> {
    let Some(number) = invoice
        .number
        .as_deref()
        .filter(|number| !number.trim().is_empty())
    else {
        return Err(FieldError::new(
            "number",
            "not_issued",
            Text::new(
                "Fakturan har inget nummer än. Utfärda fakturan innan e-fakturan skapas.",
                "The invoice has no number yet. Issue the invoice before creating the e-invoice.",
            ),
        ));
    };
    if let Some(attachment) = attachment {
        check_attachment(attachment)?;
    }
    let totals = invoice.totals();
    let document = Document {
        invoice,
        totals: &totals,
        currency: invoice.currency.code(),
        language: invoice.language,
        outside_scope: totals
            .vat_breakdown
            .iter()
            .any(|subtotal| subtotal.category == VatCategory::OutsideScope),
    };
    let (root, namespace) = if document.is_credit() {
        (
            "CreditNote",
            "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
        )
    } else {
        (
            "Invoice",
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
        )
    };
    let mut xml = UblXml::new();
    let namespaces = [("xmlns", namespace), ("xmlns:cac", CAC), ("xmlns:cbc", CBC)];
    xml.group_with(root, &namespaces, |xml| {
        header(xml, &document, number);
        if let Some(attachment) = attachment {
            embed(xml, number, attachment);
        }
        parties::supplier(xml, &document);
        parties::customer(xml, &document);
        parties::delivery(xml, &document);
        payment::means(xml, &document, number);
        payment::terms(xml, &document);
        tax::document_allowances(xml, &document);
        tax::document_charges(xml, &document);
        tax::tax_totals(xml, &document);
        tax::monetary_total(xml, &document);
        lines::lines(xml, &document);
    });
    xml.newline();
    xml.finish().map_err(|error| {
        FieldError::new(
            "number",
            "xml",
            Text::new(
                format!("E-fakturan kunde inte skrivas ({error}). Försök igen."),
                format!("The e-invoice could not be written ({error}). Try again."),
            ),
        )
    })
}

/// Identification, dates, type, note, currencies and references.
fn header(xml: &mut UblXml, document: &Document<'_>, number: &str) {
    let invoice = document.invoice;
    xml.text("cbc:CustomizationID", CUSTOMIZATION_ID);
    xml.text("cbc:ProfileID", PROFILE_ID);
    xml.text("cbc:ID", number);
    xml.text("cbc:IssueDate", &invoice.issue_date.to_string());
    if document.is_credit() {
        xml.text("cbc:CreditNoteTypeCode", "381");
    } else {
        xml.text("cbc:DueDate", &invoice.due_date.to_string());
        xml.text("cbc:InvoiceTypeCode", "380");
    }
    xml.text("cbc:Note", &crate::text_rows::document_note(invoice));
    xml.text("cbc:DocumentCurrencyCode", document.currency);
    if !invoice.currency.is_sek() {
        // Swedish VAT must also be stated in kronor (BT-6 with BT-111, BR-53).
        xml.text("cbc:TaxCurrencyCode", "SEK");
    }
    xml.text("cbc:BuyerReference", buyer_reference(invoice));
    if !invoice.order_reference.trim().is_empty() {
        xml.group("cac:OrderReference", |xml| {
            xml.text("cbc:ID", &invoice.order_reference)
        });
    }
    if let Some(credited) = invoice.credited_invoice() {
        xml.group("cac:BillingReference", |xml| {
            xml.group("cac:InvoiceDocumentReference", |xml| {
                xml.text("cbc:ID", &credited.number);
                xml.text("cbc:IssueDate", &credited.issue_date.to_string());
            });
        });
    }
}

/// Where the buyer reference (BT-10) of an invoice comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuyerReferenceSource {
    /// The customer's referenskod.
    BuyerReference,
    /// No BT-10: the order number (BT-13) satisfies PEPPOL-EN16931-R003 on its own.
    OrderReference,
    /// The customer's own reference person ("Er referens").
    YourReference,
    /// Nothing the customer gave: their customer number, which they find on every invoice and
    /// statement from us.
    CustomerNumber,
    /// Nothing at all (a buyer without a customer number).
    Missing,
}

/// Which reference the invoice's BT-10 (or BT-13) is.
pub fn buyer_reference_source(invoice: &Invoice) -> BuyerReferenceSource {
    let given = |text: &str| !text.trim().is_empty();
    if given(&invoice.buyer_reference) {
        BuyerReferenceSource::BuyerReference
    } else if given(&invoice.order_reference) {
        BuyerReferenceSource::OrderReference
    } else if given(&invoice.your_reference) {
        BuyerReferenceSource::YourReference
    } else if given(&invoice.buyer.customer_number) {
        BuyerReferenceSource::CustomerNumber
    } else {
        BuyerReferenceSource::Missing
    }
}

/// The buyer reference (BT-10): the customer's referenskod; without one and without an order
/// number, the customer's own reference person ("Er referens"), which is what Swedish receivers
/// route on when they have given no code; without that, the customer number, so that every
/// invoice carries something the customer can match (PEPPOL-EN16931-R003).
pub fn buyer_reference(invoice: &Invoice) -> &str {
    match buyer_reference_source(invoice) {
        BuyerReferenceSource::BuyerReference => &invoice.buyer_reference,
        BuyerReferenceSource::YourReference => &invoice.your_reference,
        BuyerReferenceSource::CustomerNumber => &invoice.buyer.customer_number,
        BuyerReferenceSource::OrderReference | BuyerReferenceSource::Missing => "",
    }
}

fn check_attachment(attachment: &Attachment) -> Result<(), FieldError> {
    if !ATTACHMENT_MIME_TYPES.contains(&attachment.mime.as_str()) {
        return Err(FieldError::new(
            "attachment.mime",
            "unsupported",
            Text::new(
                format!(
                    "Bilagor av typen {} kan inte skickas med e-faktura. Använd PDF, PNG, JPEG, CSV, XLSX eller ODS.",
                    attachment.mime
                ),
                format!(
                    "Attachments of type {} cannot be sent in an e-invoice. Use PDF, PNG, JPEG, CSV, XLSX or ODS.",
                    attachment.mime
                ),
            ),
        ));
    }
    if attachment.filename.trim().is_empty() || attachment.bytes.is_empty() {
        return Err(FieldError::new(
            "attachment",
            "empty",
            Text::new(
                "Bilagan saknar filnamn eller innehåll. Skapa fakturans PDF igen.",
                "The attachment has no file name or no content. Create the invoice PDF again.",
            ),
        ));
    }
    Ok(())
}

/// The attachment as an AdditionalDocumentReference with the file in base64.
fn embed(xml: &mut UblXml, number: &str, attachment: &Attachment) {
    xml.group("cac:AdditionalDocumentReference", |xml| {
        xml.text("cbc:ID", number);
        xml.text("cbc:DocumentDescription", &attachment.filename);
        xml.group("cac:Attachment", |xml| {
            xml.text_with(
                "cbc:EmbeddedDocumentBinaryObject",
                &[
                    ("mimeCode", &attachment.mime),
                    ("filename", &attachment.filename),
                ],
                &BASE64.encode(&attachment.bytes),
            );
        });
    });
}
