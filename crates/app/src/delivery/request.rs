//! The AX send request for one outbox entry: the Peppol UBL (with our PDF embedded), alone for an
//! e-invoice, or in a ZIP beside the PDF when the route prints or e-mails our layout; the fixed
//! idempotency key; the routing fields of the snapshot taken at enqueue; and what the client needs
//! to recognise a resend after a lost reply (whether an attempt came before, and the invoice's
//! number, date and total).

use fakturera_autoinvoice::{
    Document, InvoiceIdentity, Language as AxLanguage, SendInvoice, file_stem, zip_invoice,
};
use fakturera_core::{Language, Text};
use fakturera_store::{InvoiceId, OutboxEntry};

use crate::app::App;
use crate::error::AppError;
use crate::routing::RoutingSnapshot;

/// The base name of the files sent for an invoice. The operator takes only a–z, digits, `.` and
/// `_` in attachment names, and the PDF must share the XML's base name to be the invoice's image.
fn base_name(number: &str) -> String {
    file_stem(&format!("faktura_{number}"))
}

/// Builds the request for `entry`; an error here is permanent (the documents cannot be made).
/// `entry` is as `mark_outbox_sending` returned it, its attempt already counted.
pub(crate) fn build_request(app: &App, entry: &OutboxEntry) -> Result<SendInvoice, AppError> {
    let id: InvoiceId = entry.invoice_id;
    let stored = app.with_store(|store| store.invoice(id))?;
    let number = stored.invoice.number.clone().unwrap_or_default();
    let snapshot = RoutingSnapshot::from_json(&entry.routing);
    let routing = snapshot.routing();
    let documents = app.issued_documents(id.0)?;
    let (xml, pdf) = (documents.xml.into_bytes(), documents.pdf);
    let name = base_name(&number);
    let document = if routing.needs_pdf() {
        let bytes = zip_invoice(&name, &xml, &pdf).map_err(|error| {
            AppError::internal(
                &Text::new(
                    format!("Kunde inte packa fakturan för AutoInvoice: {error}"),
                    format!("Could not pack the invoice for AutoInvoice: {error}"),
                ),
                app.language(),
            )
        })?;
        Document::Zip {
            filename: format!("{name}.zip"),
            bytes,
        }
    } else {
        Document::Xml {
            filename: format!("{name}.xml"),
            bytes: xml,
        }
    };
    let identity = (!number.is_empty()).then(|| InvoiceIdentity {
        number: number.clone(),
        date: Some(stored.invoice.issue_date.to_string()),
        total_with_tax: Some(stored.invoice.totals().tax_inclusive),
    });
    Ok(SendInvoice {
        uuid: entry.idempotency_key.clone(),
        document,
        language: match stored.invoice.language {
            Language::Swedish => AxLanguage::Swedish,
            Language::English => AxLanguage::English,
        },
        routing,
        sender_comment: None,
        // The attempt being made is counted already: more than one means an earlier one may have
        // reached AutoInvoice without its reply reaching us.
        earlier_attempt: entry.attempts > 1,
        identity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_what_the_operator_accepts() {
        let cases = [
            ("1001", "faktura_1001"),
            ("F-2026/17", "faktura_f_2026_17"),
            ("A B", "faktura_a_b"),
            ("Ö-12", "faktura_o_12"),
        ];
        for (number, expected) in cases {
            assert_eq!(base_name(number), expected);
        }
    }
}
