//! The AX objects the client reads and the requests it sends. Unknown enum values from the operator
//! are kept as `Other` rather than failing, because statuses may be added on their side.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};
use std::str::FromStr;

/// An invoice's delivery state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvoiceStatus {
    Pending,
    Delivered,
    Failed,
    #[serde(other)]
    Other,
}

impl InvoiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceStatus::Pending => "PENDING",
            InvoiceStatus::Delivered => "DELIVERED",
            InvoiceStatus::Failed => "FAILED",
            InvoiceStatus::Other => "OTHER",
        }
    }
}

/// A delivery channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Channel {
    Einvoice,
    Email,
    Print,
    #[serde(other)]
    Other,
}

/// What an action records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActionType {
    Created,
    Sent,
    Delivered,
    Info,
    Error,
    #[serde(other)]
    Other,
}

/// One step of an invoice's history at the operator.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Action {
    #[serde(rename = "type")]
    pub action_type: ActionType,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub message: Option<String>,
    /// RFC 3339 time as the operator wrote it.
    #[serde(default)]
    pub happened_at: Option<String>,
}

/// The receiver as the operator resolved it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Recipient {
    #[serde(default)]
    pub eia: Option<String>,
    #[serde(default)]
    pub bid: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub operator: Option<String>,
}

/// The AX Invoice object.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Invoice {
    pub id: String,
    pub status: InvoiceStatus,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub recipient: Option<Recipient>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub date_due: Option<String>,
    #[serde(default, deserialize_with = "optional_decimal")]
    pub sum: Option<Decimal>,
    #[serde(default, deserialize_with = "optional_decimal")]
    pub sum_tax: Option<Decimal>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    /// [ours: field name] The channel the operator chose.
    #[serde(default)]
    pub destination: Option<Channel>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// Amounts arrive as decimal strings (the sandbox) or JSON numbers (possibly the real service); a number
/// is read from its text, never through arithmetic on a float.
fn optional_decimal<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    let text = match value {
        None | Some(serde_json::Value::Null) => return Ok(None),
        Some(serde_json::Value::String(text)) => text,
        Some(serde_json::Value::Number(number)) => number.to_string(),
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "expected a decimal amount, got {other}"
            )));
        }
    };
    Decimal::from_str(text.trim())
        .or_else(|_| Decimal::from_scientific(text.trim()))
        .map(Some)
        .map_err(|error| serde::de::Error::custom(format!("amount {text:?}: {error}")))
}

/// One hit of the receiver lookup: this organisation can take e-invoices at `eia`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Receiver {
    pub eia: String,
    #[serde(default)]
    pub network: Option<String>,
    #[serde(default)]
    pub operator: Option<String>,
    #[serde(default)]
    pub document_types: Vec<DocumentType>,
    #[serde(default)]
    pub participant: Option<Participant>,
}

impl Receiver {
    /// Whether the receiver takes this document type (`INVOICE`, `CREDIT_NOTE`); an empty list means any.
    pub fn accepts(&self, document_type: &str) -> bool {
        self.document_types.is_empty()
            || self
                .document_types
                .iter()
                .any(|accepted| accepted.document_type.eq_ignore_ascii_case(document_type))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DocumentType {
    pub document_type: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Participant {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub bid: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

/// The language of the operator's e-mail and cover texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Swedish,
    English,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Swedish => "SE",
            Language::English => "EN",
        }
    }
}

/// The file sent as `file`: the UBL XML alone, or a ZIP with the XML and the PDF (see `zip_invoice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Xml { filename: String, bytes: Vec<u8> },
    Zip { filename: String, bytes: Vec<u8> },
}

impl Document {
    pub(crate) fn parts(&self) -> (&str, &[u8], &'static str) {
        match self {
            Document::Xml { filename, bytes } => (filename, bytes, "application/xml"),
            Document::Zip { filename, bytes } => (filename, bytes, "application/zip"),
        }
    }
}

/// Everything `POST /v1/invoices` needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendInvoice {
    /// The idempotency key: chosen once per invoice and never changed, so a retry cannot send twice.
    pub uuid: String,
    pub document: Document,
    pub language: Language,
    pub routing: crate::routing::Routing,
    pub sender_comment: Option<String>,
}

/// What a send achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    /// The operator took the invoice now.
    Accepted(Box<Invoice>),
    /// The operator already had an invoice with this `uuid` (an earlier reply was lost); its id.
    AlreadySent { id: String },
}

impl SendOutcome {
    /// The operator's id of the invoice either way.
    pub fn invoice_id(&self) -> &str {
        match self {
            SendOutcome::Accepted(invoice) => &invoice.id,
            SendOutcome::AlreadySent { id } => id,
        }
    }
}

/// Filters of `GET /v1/invoices` (sent invoices only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// A date (`YYYY-MM-DD`) or RFC 3339 time.
    pub created_at_start: Option<String>,
    pub created_at_end: Option<String>,
    pub statuses: Vec<InvoiceStatus>,
    pub page: u32,
    pub per_page: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            created_at_start: None,
            created_at_end: None,
            statuses: Vec::new(),
            page: 1,
            per_page: 100,
        }
    }
}

/// A postal address for rerouting to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintAddress {
    pub recipient_name: String,
    pub recipient_address1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_address2: Option<String>,
    pub recipient_post_code: String,
    pub recipient_post_office: String,
    /// ISO 3166 alpha-2, for example `SE`.
    pub recipient_country: String,
}

/// Send an invoice again by another channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reroute {
    Email {
        recipient_email: String,
    },
    Print(PrintAddress),
    EInvoice {
        recipient_eia: String,
        recipient_operator: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_from_strings_and_numbers_without_floats() {
        let cases = [
            (
                r#"{"id":"a","status":"PENDING","sum":"1250.00"}"#,
                Some(Decimal::new(125000, 2)),
            ),
            (
                r#"{"id":"a","status":"PENDING","sum":1250.10}"#,
                Some(Decimal::new(125010, 2)),
            ),
            (
                r#"{"id":"a","status":"PENDING","sum":0.1}"#,
                Some(Decimal::new(1, 1)),
            ),
            (r#"{"id":"a","status":"PENDING","sum":null}"#, None),
            (r#"{"id":"a","status":"PENDING"}"#, None),
        ];
        for (json, expected) in cases {
            let invoice: Invoice = serde_json::from_str(json).expect(json);
            assert_eq!(invoice.sum, expected, "{json}");
        }
        assert!(
            serde_json::from_str::<Invoice>(r#"{"id":"a","status":"PENDING","sum":"12,50"}"#)
                .is_err()
        );
    }

    #[test]
    fn unknown_statuses_do_not_break_reading() {
        let invoice: Invoice =
            serde_json::from_str(r#"{"id":"a","status":"ARCHIVED","destination":"FAX"}"#)
                .expect("reads");
        assert_eq!(invoice.status, InvoiceStatus::Other);
        assert_eq!(invoice.destination, Some(Channel::Other));
    }
}
