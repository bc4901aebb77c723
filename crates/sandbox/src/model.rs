//! The JSON shapes of the AX API as the sandbox answers them: invoices, their actions and error bodies.

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

/// A file stored with an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceFile {
    pub id: String,
    pub filename: String,
    pub mime_type: String,
    pub size: usize,
}

/// The AX Invoice object. Amounts are decimal strings, never floats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: String,
    pub status: InvoiceStatus,
    pub number: Option<String>,
    pub reference: Option<String>,
    pub recipient: Recipient,
    pub date: Option<String>,
    pub date_due: Option<String>,
    pub sum: Option<String>,
    pub sum_tax: Option<String>,
    pub currency: Option<String>,
    pub created_at: String,
    pub destination: Option<Channel>,
    pub files: Vec<InvoiceFile>,
    pub actions: Vec<Action>,
}

/// The AX error body `{code, message, details}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub details: Vec<String>,
}
