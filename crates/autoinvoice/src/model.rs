//! The AX objects the client reads and the requests it sends. Reading is lenient (see `lenient`):
//! every field the real models mark optional is optional here, and unknown enum values are kept as
//! `Other` rather than failing, because the operator adds statuses, channels and action types.

use crate::lenient;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An invoice's delivery state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvoiceStatus {
    Pending,
    Delivered,
    Failed,
    #[default]
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

/// A channel an action is related to (`EINVOICE | PRINT | SCAN | EMAIL` in the real model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Channel {
    Einvoice,
    Email,
    Print,
    /// Where a received paper invoice came from; never a delivery channel of ours.
    Scan,
    #[serde(other)]
    Other,
}

/// What an action records (`RECEIVED | CREATED | SENT | DELIVERED | INFO | ERROR` in the real model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActionType {
    Received,
    Created,
    Sent,
    Delivered,
    Info,
    Error,
    #[default]
    #[serde(other)]
    Other,
}

/// One step of an invoice's history at the operator.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Action {
    #[serde(
        rename = "type",
        default,
        deserialize_with = "lenient::enum_or_default"
    )]
    pub action_type: ActionType,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub channel: Option<Channel>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub message: Option<String>,
    /// ISO 8601 time as the operator wrote it.
    #[serde(default, deserialize_with = "lenient::text")]
    pub happened_at: Option<String>,
}

/// The receiver as the operator resolved it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Recipient {
    #[serde(default, deserialize_with = "lenient::text")]
    pub eia: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub bid: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub country: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub operator: Option<String>,
}

/// A file the operator keeps with an invoice (the real model's `InvoiceFile`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct InvoiceFile {
    #[serde(default, deserialize_with = "lenient::text_or_empty")]
    pub id: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub filename: Option<String>,
    /// The file format.
    #[serde(rename = "type", default, deserialize_with = "lenient::text")]
    pub file_type: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub mimetype: Option<String>,
    /// A direct link to the content.
    #[serde(default, deserialize_with = "lenient::text")]
    pub href: Option<String>,
}

/// The AX Invoice object. `id` reads as empty when missing (the real model marks it optional); the
/// client then falls back to the `uuid` it sent, which the operator uses as the id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Invoice {
    #[serde(default, deserialize_with = "lenient::text_or_empty")]
    pub id: String,
    #[serde(default, deserialize_with = "lenient::enum_or_default")]
    pub status: InvoiceStatus,
    #[serde(default, deserialize_with = "lenient::text")]
    pub number: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub reference: Option<String>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub recipient: Option<Recipient>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub date_due: Option<String>,
    /// "Invoice sum" in the real model.
    #[serde(default, deserialize_with = "lenient::optional_decimal")]
    pub sum: Option<Decimal>,
    /// "Invoice sum with tax" in the real model: the total including VAT, not the VAT.
    #[serde(default, deserialize_with = "lenient::optional_decimal")]
    pub sum_tax: Option<Decimal>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub created_at: Option<String>,
    /// The channel the operator chose (a free string in the real model).
    #[serde(default, deserialize_with = "lenient::optional")]
    pub destination: Option<Channel>,
    #[serde(default, deserialize_with = "lenient::list_or_null")]
    pub files: Vec<InvoiceFile>,
    /// The invoice's history; it comes with the invoice, so polling needs no separate call.
    #[serde(default, deserialize_with = "lenient::list_or_null")]
    pub actions: Vec<Action>,
}

/// One hit of the receiver lookup (the real model's `LookupEntryReceiver`, every field optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Receiver {
    #[serde(default, deserialize_with = "lenient::text")]
    pub eia: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub network: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub operator: Option<String>,
    #[serde(default, deserialize_with = "lenient::list_or_null")]
    pub document_types: Vec<DocumentType>,
    #[serde(default, deserialize_with = "lenient::optional")]
    pub participant: Option<Participant>,
}

impl Receiver {
    /// Whether the receiver takes this document type (`INVOICE`, `CREDIT_NOTE`); a list that
    /// names no type means any.
    pub fn accepts(&self, document_type: &str) -> bool {
        let named: Vec<&str> = self
            .document_types
            .iter()
            .filter_map(|accepted| accepted.document_type.as_deref())
            .collect();
        named.is_empty()
            || named
                .iter()
                .any(|accepted| accepted.eq_ignore_ascii_case(document_type))
    }

    /// Whether the hit is in this network (`PEPPOL`, `INTERNAL`).
    pub fn in_network(&self, network: &str) -> bool {
        self.network
            .as_deref()
            .is_some_and(|named| named.eq_ignore_ascii_case(network))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct DocumentType {
    #[serde(default, deserialize_with = "lenient::text")]
    pub document_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Participant {
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub bid: Option<String>,
    #[serde(default, deserialize_with = "lenient::text")]
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
    /// The idempotency key: a UUID chosen once per invoice and never changed, so a retry cannot
    /// send twice. The operator uses it as the invoice's id.
    pub uuid: String,
    pub document: Document,
    pub language: Language,
    pub routing: crate::routing::Routing,
    pub sender_comment: Option<String>,
    /// An earlier attempt with this `uuid` may have reached the operator (its reply never came, or
    /// the program stopped during it). A refusal is then first checked against what the operator
    /// already has, so a delivered invoice is never reported as rejected.
    pub earlier_attempt: bool,
    /// What identifies the invoice in the operator's list, for when it cannot be found by `uuid`.
    pub identity: Option<InvoiceIdentity>,
}

/// The invoice as the operator's list shows it: its number, and its date and total when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceIdentity {
    pub number: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The total including VAT (the operator's `sum_tax`).
    pub total_with_tax: Option<Decimal>,
}

impl InvoiceIdentity {
    /// Whether a listed invoice is this one: the same number, and the same date and total where
    /// both sides know them.
    pub fn matches(&self, invoice: &Invoice) -> bool {
        let same_number = invoice
            .number
            .as_deref()
            .is_some_and(|number| number.trim().eq_ignore_ascii_case(self.number.trim()));
        let same_date = match (&self.date, &invoice.date) {
            (Some(ours), Some(theirs)) => theirs.starts_with(ours.as_str()),
            _ => true,
        };
        let same_total = match (self.total_with_tax, invoice.sum_tax) {
            (Some(ours), Some(theirs)) => ours == theirs,
            _ => true,
        };
        same_number && same_date && same_total
    }
}

/// How the client learnt that the operator already had the invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundBy {
    /// `GET /v1/invoices/{uuid}` answered with it.
    Uuid,
    /// The list of sent invoices holds one with the same number (and date and total).
    Number,
    /// Neither found it, but the refusal itself said the `uuid` is taken.
    RefusalOnly,
}

/// What a send achieved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    /// The operator took the invoice now.
    Accepted(Box<Invoice>),
    /// The operator already had this invoice (an earlier reply was lost): its id, the refusal the
    /// resend got (status and `code`), and how the invoice was found.
    AlreadySent {
        id: String,
        refused_with: (u16, Option<String>),
        found_by: FoundBy,
    },
}

impl SendOutcome {
    /// The operator's id of the invoice either way.
    pub fn invoice_id(&self) -> &str {
        match self {
            SendOutcome::Accepted(invoice) => &invoice.id,
            SendOutcome::AlreadySent { id, .. } => id,
        }
    }
}

/// Filters of `GET /v1/invoices` (sent invoices only). Times go out as full ISO 8601 UTC
/// date-times (`2016-09-23T09:09:06Z`), as the API's documentation asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub created_at_start: Option<DateTime<Utc>>,
    pub created_at_end: Option<DateTime<Utc>>,
    /// Only invoices with this number.
    pub number: Option<String>,
    pub statuses: Vec<InvoiceStatus>,
    pub page: u32,
    pub per_page: u32,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            created_at_start: None,
            created_at_end: None,
            number: None,
            statuses: Vec::new(),
            page: 1,
            per_page: 100,
        }
    }
}

/// An ISO 8601 UTC date-time as the API wants it in a query.
pub(crate) fn query_time(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%SZ").to_string()
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
                r#"{"id":"a","sum":"1250.00"}"#,
                Some(Decimal::new(125000, 2)),
            ),
            (r#"{"id":"a","sum":1250.10}"#, Some(Decimal::new(125010, 2))),
            (r#"{"id":"a","sum":0.1}"#, Some(Decimal::new(1, 1))),
            (r#"{"id":"a","sum":null}"#, None),
            (r#"{"id":"a"}"#, None),
            (r#"{"id":"a","sum":"12,50"}"#, None),
            (r#"{"id":"a","sum":{"value":1}}"#, None),
        ];
        for (json, expected) in cases {
            let invoice: Invoice = serde_json::from_str(json).expect(json);
            assert_eq!(invoice.sum, expected, "{json}");
        }
    }

    #[test]
    fn unknown_values_and_missing_fields_do_not_break_reading() {
        let invoice: Invoice = serde_json::from_str(
            r#"{"status":"ARCHIVED","destination":"FAX","number":1001,"files":null,
                "actions":[{"type":"RECEIVED","channel":"SCAN","happened_at":"2026-05-04T09:00:00Z"},
                           {"type":"TELEPORTED","channel":7},
                           {"happened_at":null},
                           "not an action"],
                "recipient":null,"source_format":"PEPPOLBIS30","origin":"SCAN"}"#,
        )
        .expect("reads");
        assert_eq!(invoice.id, "");
        assert_eq!(invoice.status, InvoiceStatus::Other);
        assert_eq!(invoice.destination, Some(Channel::Other));
        assert_eq!(invoice.number.as_deref(), Some("1001"));
        assert!(invoice.files.is_empty());
        let types: Vec<ActionType> = invoice.actions.iter().map(|a| a.action_type).collect();
        assert_eq!(
            types,
            [ActionType::Received, ActionType::Other, ActionType::Other]
        );
        assert_eq!(invoice.actions[0].channel, Some(Channel::Scan));
        assert_eq!(invoice.actions[1].channel, None);
        let empty: Invoice = serde_json::from_str("{}").expect("an empty object reads");
        assert_eq!(empty.status, InvoiceStatus::Other);
    }

    #[test]
    fn files_use_the_real_field_names() {
        let invoice: Invoice = serde_json::from_str(
            r#"{"id":"a","files":[{"id":"f1","filename":"faktura_1001.pdf","type":"PDF",
                "mimetype":"application/pdf","href":"https://ax.maventa.com/v1/invoices/a/files/f1"},
                {"filename":"no-id.xml"}]}"#,
        )
        .expect("reads");
        assert_eq!(invoice.files.len(), 2);
        assert_eq!(invoice.files[0].file_type.as_deref(), Some("PDF"));
        assert_eq!(
            invoice.files[0].mimetype.as_deref(),
            Some("application/pdf")
        );
        assert_eq!(invoice.files[1].id, "");
    }

    #[test]
    fn a_lookup_entry_needs_no_field_at_all() {
        let receivers: Vec<Receiver> = lenient::readable_items(
            serde_json::from_str(
                r#"[{"network":"PEPPOL","document_types":[{"document_identifier":"urn:x"}]},
                    {"eia":"0007:5567212047","document_types":null,"participant":null},
                    {}, 42]"#,
            )
            .expect("json"),
        );
        assert_eq!(receivers.len(), 3);
        assert_eq!(receivers[0].eia, None);
        assert!(receivers[0].accepts("INVOICE"), "no named type means any");
        assert!(receivers[1].accepts("CREDIT_NOTE"));
        assert!(receivers[0].in_network("peppol"));
    }

    #[test]
    fn a_listed_invoice_is_ours_by_number_date_and_total() {
        let identity = InvoiceIdentity {
            number: "1001".into(),
            date: Some("2026-05-04".into()),
            total_with_tax: Some(Decimal::new(125000, 2)),
        };
        let listed = |number: &str, date: Option<&str>, total: Option<&str>| Invoice {
            number: Some(number.into()),
            date: date.map(str::to_owned),
            sum_tax: total.map(|text| text.parse().expect("decimal")),
            ..Invoice::default()
        };
        let cases = [
            (listed("1001", Some("2026-05-04"), Some("1250")), true),
            (listed("1001", None, None), true),
            (listed(" 1001 ", Some("2026-05-04T00:00:00Z"), None), true),
            (listed("1002", Some("2026-05-04"), Some("1250")), false),
            (listed("1001", Some("2025-05-04"), Some("1250")), false),
            (listed("1001", Some("2026-05-04"), Some("1000")), false),
        ];
        for (invoice, expected) in cases {
            assert_eq!(identity.matches(&invoice), expected, "{invoice:?}");
        }
    }

    #[test]
    fn query_times_are_full_utc_date_times() {
        let time: DateTime<Utc> = "2026-05-04T11:22:33.456+02:00".parse().expect("time");
        assert_eq!(query_time(time), "2026-05-04T09:22:33Z");
    }
}
