//! The one check that decides whether an invoice can be sent, run by the same code in the editor
//! while the user types, when the invoice is issued and when it is sent: whatever would stop it on
//! the route it will take (an e-invoice, an e-mail or a letter) is found before it is locked, so an
//! invoice that could be issued can always be sent.
//!
//! It joins what AutoInvoice needs for the channel (an e-mail address, a postal address, a Peppol
//! address) with peppol's pre-send findings. AutoInvoice takes the UBL on every channel, so the
//! validator's fatal rules block every route; only the rules that matter to a Peppol receiver
//! alone (a reference the buyer gave, a Peppol address for the buyer) are advice on paper.

use fakturera_core::invoice::Invoice;
use fakturera_core::{Language, Text};
use fakturera_peppol::{
    BuyerReferenceSource, Finding, Severity, buyer_reference, buyer_reference_source,
    check_before_send, einvoice_reference_finding,
};
use fakturera_store::Customer;

use super::report::{FindingSeverity, PresendFinding, PresendReport};
use super::route::DeliveryRoute;
use crate::error::{AppError, ErrorCode, FieldMessage};
use crate::routing::{ChannelCode, RoutingSnapshot, channel_for_customer};

/// The rule id of a channel's own requirement (an address AutoInvoice needs to deliver).
pub const ROUTE_RULE: &str = "AUTOINVOICE-ROUTE";

/// Whether the check runs before issuing or before sending an issued invoice: the message says
/// what is stopped, and for an issued invoice how to get out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckStage {
    Issue,
    Send,
}

/// "E-fakturan" for the e-invoice route, "Fakturan" for e-mail and letter: messages name the
/// channel the invoice really takes.
fn document_name(channel: ChannelCode) -> Text {
    match channel {
        ChannelCode::Einvoice => Text::new("E-fakturan", "The e-invoice"),
        ChannelCode::Email | ChannelCode::Print => Text::new("Fakturan", "The invoice"),
    }
}

/// What AutoInvoice needs for the customer's channel, as findings on the customer's fields.
fn routing_findings(customer: &Customer, language: Language) -> Vec<PresendFinding> {
    match RoutingSnapshot::for_customer(customer, customer.delivery_choice) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .0
            .into_iter()
            .map(|error| PresendFinding {
                rule_id: ROUTE_RULE.to_owned(),
                field: format!("buyer.{}", error.field),
                message: error.message.in_language(language).to_owned(),
                severity: FindingSeverity::Error,
            })
            .collect(),
    }
}

/// A buyer-address finding that only a Peppol receiver cares about: no address at all, or only
/// the e-mail address, which Peppol's code list does not take.
fn is_peppol_only_address(finding: &Finding, invoice: &Invoice) -> bool {
    let address = fakturera_peppol::buyer_address(&invoice.buyer);
    matches!(
        finding.rule_id,
        "PEPPOL-EN16931-R010" | "PEPPOL-EN16931-CL008"
    ) && address.is_none_or(|address| address.scheme == fakturera_peppol::endpoint::EMAIL)
}

fn paper_address_advice(channel: ChannelCode) -> Text {
    let (sv, en) = match channel {
        ChannelCode::Print => ("brev", "a letter"),
        _ => ("e-post", "e-mail"),
    };
    Text::new(
        format!(
            "Kunden saknar organisations-, person- och momsnummer. Det hindrar inte {sv}, men fakturan kan inte skickas som e-faktura förrän något av dem finns i kundregistret."
        ),
        format!(
            "The customer has no organisation, personal or VAT number. That does not stop {en}, but the invoice cannot go as an e-invoice until the customer register has one of them."
        ),
    )
}

fn finding_view(
    finding: Finding,
    invoice: &Invoice,
    channel: ChannelCode,
    language: Language,
) -> PresendFinding {
    let paper = channel != ChannelCode::Einvoice;
    let (message, severity) = if paper && is_peppol_only_address(&finding, invoice) {
        (paper_address_advice(channel), FindingSeverity::Warning)
    } else {
        let severity = match finding.severity {
            Severity::Error => FindingSeverity::Error,
            Severity::Warning => FindingSeverity::Warning,
        };
        (finding.message, severity)
    };
    PresendFinding {
        rule_id: finding.rule_id.to_owned(),
        // Lines and text rows are numbered as the editor's grid shows them.
        field: crate::invoice_form::form_field(invoice, &finding.field),
        message: message.in_language(language).to_owned(),
        severity,
    }
}

/// What the buyer reference (BT-10) will be when the customer gave no reference code or order
/// number, so the user sees it before issuing.
fn reference_note(invoice: &Invoice, language: Language) -> Option<String> {
    let value = buyer_reference(invoice);
    let text = match buyer_reference_source(invoice) {
        BuyerReferenceSource::YourReference => Text::new(
            format!(
                "Referens i fakturafilen: Er referens \"{value}\" (referenskod och ordernummer saknas)."
            ),
            format!(
                "Reference in the invoice file: Your reference \"{value}\" (no buyer reference or order number)."
            ),
        ),
        BuyerReferenceSource::CustomerNumber => Text::new(
            format!(
                "Referens i fakturafilen: kundnumret \"{value}\" (referenskod, ordernummer och Er referens saknas)."
            ),
            format!(
                "Reference in the invoice file: the customer number \"{value}\" (no buyer reference, order number or Your reference)."
            ),
        ),
        BuyerReferenceSource::BuyerReference
        | BuyerReferenceSource::OrderReference
        | BuyerReferenceSource::Missing => return None,
    };
    Some(text.in_language(language).to_owned())
}

/// The rule id of a warning that some text would print as "?" on the PDF.
pub const UNPRINTABLE_RULE: &str = "PDF-TECKEN";

/// The invoice's own texts, each with the editor field it is typed in. The customer's name and
/// address come from the register and are named by their register field.
fn printed_texts(invoice: &Invoice) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = vec![
        ("buyer.name".to_owned(), invoice.buyer.name.as_str()),
        ("your_reference".to_owned(), invoice.your_reference.as_str()),
        ("our_reference".to_owned(), invoice.our_reference.as_str()),
        (
            "buyer_reference".to_owned(),
            invoice.buyer_reference.as_str(),
        ),
        (
            "order_reference".to_owned(),
            invoice.order_reference.as_str(),
        ),
        ("notes".to_owned(), invoice.notes.as_str()),
    ];
    texts.extend(invoice.lines.iter().enumerate().map(|(index, line)| {
        (
            format!("lines[{index}].description"),
            line.description.as_str(),
        )
    }));
    texts.extend(
        invoice
            .text_rows
            .iter()
            .enumerate()
            .map(|(index, row)| (format!("text_rows[{index}].text"), row.text.as_str())),
    );
    texts
}

/// A warning for each text with characters the PDF font cannot draw: they would print as "?",
/// and the user should know before the invoice is locked, never find out from the customer.
fn unprintable_findings(invoice: &Invoice, language: Language) -> Vec<PresendFinding> {
    printed_texts(invoice)
        .into_iter()
        .filter_map(|(field, text)| {
            let missing = fakturera_pdf::unprintable_characters(text);
            if missing.is_empty() {
                return None;
            }
            let shown: String = missing
                .iter()
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect::<Vec<_>>()
                .join(", ");
            let message = Text::new(
                format!(
                    "Fakturans typsnitt saknar {shown}; på PDF:en skrivs de ut som \"?\". Byt ut dem om fakturan ska skrivas ut eller skickas som PDF."
                ),
                format!(
                    "The invoice font lacks {shown}; they print as \"?\" on the PDF. Replace them if the invoice is printed or sent as a PDF."
                ),
            );
            Some(PresendFinding {
                rule_id: UNPRINTABLE_RULE.to_owned(),
                field: crate::invoice_form::form_field(invoice, &field),
                message: message.in_language(language).to_owned(),
                severity: FindingSeverity::Warning,
            })
        })
        .collect()
}

/// The check of `invoice` for `customer`, in `language`.
pub(crate) fn report_for(
    invoice: &Invoice,
    customer: &Customer,
    language: Language,
) -> PresendReport {
    let channel = channel_for_customer(customer);
    let route = DeliveryRoute::for_customer(customer);
    let mut findings = routing_findings(customer, language);
    let reference = (route == DeliveryRoute::EInvoice)
        .then(|| einvoice_reference_finding(invoice))
        .flatten();
    let note = if reference.is_some() {
        None
    } else {
        reference_note(invoice, language)
    };
    findings.extend(
        reference
            .into_iter()
            .chain(check_before_send(invoice))
            .map(|finding| finding_view(finding, invoice, channel, language)),
    );
    findings.extend(unprintable_findings(invoice, language));
    PresendReport {
        checked: true,
        route,
        channel,
        blocking: findings
            .iter()
            .any(|finding| finding.severity == FindingSeverity::Error),
        findings,
        reference_note: note,
    }
}

/// Refuses to issue or send `invoice` while something would stop it on its route, listing every
/// field to fix with the rule id, so the user sees the same marks as in the editor.
pub(crate) fn refuse_when_blocked(
    invoice: &Invoice,
    customer: &Customer,
    stage: CheckStage,
    language: Language,
) -> Result<(), AppError> {
    let report = report_for(invoice, customer, language);
    if !report.blocking {
        return Ok(());
    }
    let fields: Vec<FieldMessage> = report
        .findings
        .into_iter()
        .filter(|finding| finding.severity == FindingSeverity::Error)
        .map(|finding| FieldMessage {
            field: finding.field,
            message: format!("{} ({})", finding.message, finding.rule_id),
        })
        .collect();
    let count = fields.len();
    let name = document_name(report.channel);
    let (sv_channel, en_channel) = match report.channel {
        // "E-fakturan" already names the channel.
        ChannelCode::Einvoice => ("", ""),
        ChannelCode::Email => (" med e-post", " by e-mail"),
        ChannelCode::Print => (" som brev", " as a letter"),
    };
    let message = match stage {
        CheckStage::Issue => Text::new(
            format!(
                "{} kan inte skickas{sv_channel}: {count} fel behöver rättas innan den utfärdas. Se markerade fält.",
                name.sv
            ),
            format!(
                "{} cannot be sent{en_channel}: {count} errors must be fixed before it is issued. See the marked fields.",
                name.en
            ),
        ),
        CheckStage::Send => Text::new(
            format!(
                "{} kan inte skickas{sv_channel}: {count} fel behöver rättas. Kunduppgifter rättas i kundregistret; ett fel i själva fakturan rättas med en kreditfaktura och en ny faktura.",
                name.sv
            ),
            format!(
                "{} cannot be sent{en_channel}: {count} errors must be fixed. Customer details are corrected in the customer register; a mistake in the invoice itself is corrected with a credit invoice and a new invoice.",
                name.en
            ),
        ),
    };
    Err(AppError {
        code: ErrorCode::InvalidInput,
        message: message.in_language(language).to_owned(),
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use fakturera_core::samples;
    use fakturera_store::DeliveryChoice;

    fn unreferenced() -> Invoice {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        let mut invoice = samples::domestic_invoice(date);
        invoice.buyer_reference.clear();
        invoice.your_reference.clear();
        invoice.order_reference.clear();
        invoice
    }

    fn customer(choice: DeliveryChoice) -> Customer {
        let mut customer = Customer::new("1001", "Kund AB");
        customer.legal_id = "5560360793".to_owned();
        customer.email = "ekonomi@kund.se".to_owned();
        customer.address.street = "Storgatan 1".to_owned();
        customer.address.postal_code = "111 22".to_owned();
        customer.address.city = "Stockholm".to_owned();
        customer.delivery_choice = choice;
        customer
    }

    #[test]
    fn a_missing_reference_blocks_only_the_e_invoice_and_paper_gets_the_customer_number() {
        let einvoice = report_for(
            &unreferenced(),
            &customer(DeliveryChoice::EInvoice),
            Language::Swedish,
        );
        assert!(einvoice.blocking);
        assert_eq!(einvoice.reference_note, None);
        let finding = &einvoice.findings[0];
        assert_eq!(
            (finding.rule_id.as_str(), finding.field.as_str()),
            ("PEPPOL-EN16931-R003", "buyer_reference")
        );
        assert!(
            finding.message.starts_with("E-fakturan"),
            "{}",
            finding.message
        );

        for choice in [DeliveryChoice::Email, DeliveryChoice::Letter] {
            let paper = report_for(&unreferenced(), &customer(choice), Language::Swedish);
            assert!(!paper.blocking, "{choice:?}: {:?}", paper.findings);
            assert!(paper.findings.is_empty(), "{:?}", paper.findings);
            let note = paper.reference_note.expect("note");
            assert!(note.contains("\"1001\""), "{note}");
        }
    }

    #[test]
    fn messages_name_the_channel_and_list_each_field_once() {
        let error = refuse_when_blocked(
            &unreferenced(),
            &customer(DeliveryChoice::EInvoice),
            CheckStage::Issue,
            Language::Swedish,
        )
        .expect_err("blocked");
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert!(
            error
                .message
                .starts_with("E-fakturan kan inte skickas: 1 fel"),
            "{}",
            error.message
        );
        assert_eq!(error.fields.len(), 1);
        assert_eq!(error.fields[0].field, "buyer_reference");
        assert!(error.fields[0].message.ends_with("(PEPPOL-EN16931-R003)"));
        assert_ne!(error.message, error.fields[0].message);

        let mut no_email = customer(DeliveryChoice::Email);
        no_email.email.clear();
        let error = refuse_when_blocked(
            &unreferenced(),
            &no_email,
            CheckStage::Send,
            Language::Swedish,
        )
        .expect_err("no address");
        assert!(
            error
                .message
                .starts_with("Fakturan kan inte skickas med e-post"),
            "{}",
            error.message
        );
        assert_eq!(error.fields[0].field, "buyer.email");
    }

    #[test]
    fn a_buyer_without_any_number_is_advice_on_paper_and_an_error_for_an_e_invoice() {
        let mut invoice = unreferenced();
        invoice.buyer = samples::private_buyer();
        let mut private = customer(DeliveryChoice::Letter);
        private.legal_id.clear();
        let letter = report_for(&invoice, &private, Language::English);
        assert!(!letter.blocking, "{:?}", letter.findings);
        assert_eq!(letter.findings.len(), 1, "{:?}", letter.findings);
        assert_eq!(letter.findings[0].severity, FindingSeverity::Warning);
        assert!(letter.findings[0].message.contains("a letter"));

        private.delivery_choice = DeliveryChoice::EInvoice;
        private.einvoice_address = Some("0007:5560360793".to_owned());
        invoice.buyer.einvoice_address = None;
        let einvoice = report_for(&invoice, &private, Language::English);
        assert!(einvoice.blocking, "{:?}", einvoice.findings);
    }
}
