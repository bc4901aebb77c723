//! The AX send request for one outbox entry: the Peppol UBL (with our PDF embedded), alone for an
//! e-invoice, or in a ZIP beside the PDF when the route prints or e-mails our layout; the fixed
//! idempotency key; and the routing fields of the snapshot taken at enqueue.

use fakturera_autoinvoice::{Document, Language as AxLanguage, SendInvoice, zip_invoice};
use fakturera_core::{Language, Text};
use fakturera_store::{InvoiceId, OutboxEntry};

use super::routing::RoutingSnapshot;
use crate::app::App;
use crate::error::AppError;

/// A file name safe in a ZIP and a multipart form: the number's letters, digits, `-` and `_`.
fn base_name(number: &str) -> String {
    let safe: String = number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("faktura-{safe}")
}

/// Builds the request for `entry`; an error here is permanent (the documents cannot be made).
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
        let bytes = zip_invoice(&format!("{name}.xml"), &xml, &format!("{name}.pdf"), &pdf)
            .map_err(|error| {
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
    Ok(SendInvoice {
        uuid: entry.idempotency_key.clone(),
        document,
        language: match stored.invoice.language {
            Language::Swedish => AxLanguage::Swedish,
            Language::English => AxLanguage::English,
        },
        routing,
        sender_comment: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain() {
        let cases = [
            ("1001", "faktura-1001"),
            ("F-2026/17", "faktura-F-2026_17"),
            ("A B", "faktura-A_B"),
        ];
        for (number, expected) in cases {
            assert_eq!(base_name(number), expected);
        }
    }
}
