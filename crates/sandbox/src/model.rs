//! The JSON shapes of the AX API as the sandbox answers them: invoices, their actions and error bodies.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An invoice's delivery state (AX `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InvoiceStatus {
    Pending,
    Delivered,
    Failed,
}

/// A delivery channel; in form fields it is written in lower case (`disabled_routes[]=email`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Channel {
    Einvoice,
    Email,
    Print,
}

impl Channel {
    /// Reads the lower-case route name used by `disabled_routes[]`.
    pub fn from_route_name(name: &str) -> Option<Channel> {
        match name.trim().to_ascii_lowercase().as_str() {
            "einvoice" => Some(Channel::Einvoice),
            "email" => Some(Channel::Email),
            "print" => Some(Channel::Print),
            _ => None,
        }
    }
}

/// What happened to an invoice (AX action `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActionType {
    Created,
    Sent,
    Delivered,
    Info,
    Error,
}

/// One entry of an invoice's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    #[serde(rename = "type")]
    pub action_type: ActionType,
    pub channel: Option<Channel>,
    pub message: String,
    pub happened_at: String,
}

/// The receiver as the operator resolved it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub eia: Option<String>,
    pub bid: Option<String>,
    pub name: Option<String>,
    pub country: Option<String>,
    pub operator: Option<String>,
}

/// A file stored with an invoice, with the real model's field names (`InvoiceFile` in the swagger:
/// `id`, `filename`, `type`, `mimetype`, `href`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceFile {
    pub id: String,
    pub filename: String,
    /// The file format: `PEPPOLBIS30` for the invoice XML, `PDF` for the invoice image, else the
    /// extension in capitals ([ours]: the real values are not documented).
    #[serde(rename = "type")]
    pub file_type: String,
    pub mimetype: String,
    /// A direct link to the content; the sandbox serves it.
    pub href: String,
}

/// The AX Invoice object. `sum` and `sum_tax` are JSON numbers as in the real model (`float`),
/// `sum_tax` being the sum *with* tax.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: String,
    pub status: InvoiceStatus,
    pub number: Option<String>,
    pub reference: Option<String>,
    pub recipient: Recipient,
    pub date: Option<String>,
    pub date_due: Option<String>,
    pub source_format: String,
    /// The total without VAT (`TaxExclusiveAmount`).
    #[serde(with = "json_number")]
    pub sum: Option<Decimal>,
    /// The total with VAT (`TaxInclusiveAmount`).
    #[serde(with = "json_number")]
    pub sum_tax: Option<Decimal>,
    pub currency: Option<String>,
    pub created_at: String,
    pub destination: Option<Channel>,
    pub files: Vec<InvoiceFile>,
    pub actions: Vec<Action>,
}

/// Amounts as JSON numbers. The real API sends floats; the sandbox writes the decimal's value
/// through `f64` only to print it (no arithmetic), which is exact for every amount an invoice
/// has, and reads a number back from its text.
mod json_number {
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::str::FromStr;

    pub fn serialize<S: Serializer>(
        amount: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match amount.and_then(|amount| amount.to_f64()) {
            Some(value) => serializer.serialize_f64(value),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let value = Option::<serde_json::Value>::deserialize(deserializer)?;
        let text = match value {
            Some(serde_json::Value::Number(number)) => number.to_string(),
            Some(serde_json::Value::String(text)) => text,
            _ => return Ok(None),
        };
        Decimal::from_str(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

/// The AX error body `{code, message, details}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub details: Vec<String>,
}
