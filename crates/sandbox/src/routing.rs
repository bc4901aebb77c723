//! The operator's routing rules from the contract: e-invoice, then e-mail, then print, unless the sender
//! names the e-invoice address itself (then e-invoice only, no fallback) or disables routes.

use crate::model::Channel;
use serde::{Deserialize, Serialize};

/// One entry of the e-invoice receiver directory, as seeded through the control API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiverEntry {
    /// Organisation number, digits only.
    pub bid: String,
    /// Electronic invoice address, for example `0007:5567212047`.
    pub eia: String,
    #[serde(default = "peppol")]
    pub network: String,
    #[serde(default = "peppol")]
    pub operator: String,
    #[serde(default = "default_document_types")]
    pub document_types: Vec<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default = "sweden")]
    pub country: String,
}

fn peppol() -> String {
    "PEPPOL".to_owned()
}

fn sweden() -> String {
    "SE".to_owned()
}

fn default_document_types() -> Vec<String> {
    vec!["INVOICE".to_owned(), "CREDIT_NOTE".to_owned()]
}

/// Everything the routing decision depends on, from the form fields and the XML.
#[derive(Debug, Clone, Default)]
pub struct RouteInput {
    pub recipient_eia: Option<String>,
    pub recipient_operator: Option<String>,
    /// `recipient_email` from the form, else the buyer's e-mail in the XML.
    pub email: Option<String>,
    pub disabled: Vec<Channel>,
    /// The buyer's organisation number from the XML.
    pub buyer_bid: Option<String>,
    /// The buyer's `EndpointID` as `scheme:value`.
    pub buyer_eia: Option<String>,
    pub address_complete: bool,
}

/// Where the operator will deliver, or why it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum RouteDecision {
    EInvoice { eia: String, operator: String },
    Email { address: String },
    Print,
    Fail { reason: String },
}

impl RouteDecision {
    pub fn channel(&self) -> Option<Channel> {
        match self {
            RouteDecision::EInvoice { .. } => Some(Channel::Einvoice),
            RouteDecision::Email { .. } => Some(Channel::Email),
            RouteDecision::Print => Some(Channel::Print),
            RouteDecision::Fail { .. } => None,
        }
    }
}

/// The text of the ERROR action when no rule applies (the contract's wording).
pub const NO_VALID_ROUTE: &str = "No valid route";

/// Applies the routing rules in the contract's order.
pub fn decide_route(
    input: &RouteInput,
    directory: &[ReceiverEntry],
    print_enabled: bool,
) -> RouteDecision {
    if let (Some(eia), Some(operator)) = (
        non_blank(&input.recipient_eia),
        non_blank(&input.recipient_operator),
    ) {
        return match directory.iter().find(|entry| entry.eia == eia) {
            Some(entry) => RouteDecision::EInvoice {
                eia: entry.eia.clone(),
                operator: operator.to_owned(),
            },
            None => RouteDecision::Fail {
                reason: format!("Recipient {eia} was not found in the {operator} network"),
            },
        };
    }
    let enabled = |channel: Channel| !input.disabled.contains(&channel);
    if enabled(Channel::Einvoice)
        && let Some(entry) = find_receiver(input, directory)
    {
        return RouteDecision::EInvoice {
            eia: entry.eia.clone(),
            operator: entry.operator.clone(),
        };
    }
    if enabled(Channel::Email)
        && let Some(address) = non_blank(&input.email)
    {
        return RouteDecision::Email {
            address: address.to_owned(),
        };
    }
    if enabled(Channel::Print) && print_enabled && input.address_complete {
        return RouteDecision::Print;
    }
    RouteDecision::Fail {
        reason: NO_VALID_ROUTE.to_owned(),
    }
}

fn find_receiver<'a>(
    input: &RouteInput,
    directory: &'a [ReceiverEntry],
) -> Option<&'a ReceiverEntry> {
    let bid = non_blank(&input.buyer_bid).map(digits_only);
    let eia = non_blank(&input.buyer_eia);
    directory.iter().find(|entry| {
        bid.as_deref()
            .is_some_and(|bid| digits_only(&entry.bid) == bid)
            || eia.is_some_and(|eia| entry.eia == eia)
    })
}

fn digits_only(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

fn non_blank(value: &Option<String>) -> Option<&str> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Vec<ReceiverEntry> {
        vec![ReceiverEntry {
            bid: "5567212047".to_owned(),
            eia: "0007:5567212047".to_owned(),
            network: peppol(),
            operator: peppol(),
            document_types: default_document_types(),
            name: "Kund AB".to_owned(),
            country: sweden(),
        }]
    }

    fn input() -> RouteInput {
        RouteInput {
            recipient_eia: None,
            recipient_operator: None,
            email: Some("kund@example.se".to_owned()),
            disabled: vec![],
            buyer_bid: Some("556721-2047".to_owned()),
            buyer_eia: None,
            address_complete: true,
        }
    }

    fn einvoice() -> RouteDecision {
        RouteDecision::EInvoice {
            eia: "0007:5567212047".to_owned(),
            operator: "PEPPOL".to_owned(),
        }
    }

    fn email() -> RouteDecision {
        RouteDecision::Email {
            address: "kund@example.se".to_owned(),
        }
    }

    fn fail(reason: &str) -> RouteDecision {
        RouteDecision::Fail {
            reason: reason.to_owned(),
        }
    }

    #[test]
    fn routing_matrix() {
        let unknown_buyer = RouteInput {
            buyer_bid: Some("2029999998".to_owned()),
            ..input()
        };
        let cases: Vec<(&str, RouteInput, bool, RouteDecision)> = vec![
            ("directory hit by org number", input(), true, einvoice()),
            (
                "directory hit by endpoint",
                RouteInput {
                    buyer_bid: None,
                    buyer_eia: Some("0007:5567212047".to_owned()),
                    ..input()
                },
                true,
                einvoice(),
            ),
            ("no hit: e-mail", unknown_buyer.clone(), true, email()),
            (
                "no hit, no e-mail: print",
                RouteInput {
                    email: None,
                    ..unknown_buyer.clone()
                },
                true,
                RouteDecision::Print,
            ),
            (
                "print service off",
                RouteInput {
                    email: None,
                    ..unknown_buyer.clone()
                },
                false,
                fail(NO_VALID_ROUTE),
            ),
            (
                "incomplete address",
                RouteInput {
                    email: None,
                    address_complete: false,
                    ..unknown_buyer.clone()
                },
                true,
                fail(NO_VALID_ROUTE),
            ),
            (
                "e-invoice disabled: e-mail although the directory knows the buyer",
                RouteInput {
                    disabled: vec![Channel::Einvoice],
                    ..input()
                },
                true,
                email(),
            ),
            (
                "letter choice: e-invoice and e-mail disabled",
                RouteInput {
                    disabled: vec![Channel::Einvoice, Channel::Email],
                    ..input()
                },
                true,
                RouteDecision::Print,
            ),
            (
                "e-mail choice with print disabled and no address",
                RouteInput {
                    disabled: vec![Channel::Einvoice, Channel::Print],
                    email: None,
                    ..input()
                },
                true,
                fail(NO_VALID_ROUTE),
            ),
            (
                "explicit eia and operator: e-invoice",
                RouteInput {
                    recipient_eia: Some("0007:5567212047".to_owned()),
                    recipient_operator: Some("PEPPOL".to_owned()),
                    ..unknown_buyer.clone()
                },
                true,
                einvoice(),
            ),
            (
                "explicit eia unknown: fails, no fallback to e-mail",
                RouteInput {
                    recipient_eia: Some("0007:2029999998".to_owned()),
                    recipient_operator: Some("PEPPOL".to_owned()),
                    ..unknown_buyer.clone()
                },
                true,
                fail("Recipient 0007:2029999998 was not found in the PEPPOL network"),
            ),
            (
                "eia without operator is not explicit routing",
                RouteInput {
                    recipient_eia: Some("0007:2029999998".to_owned()),
                    ..unknown_buyer
                },
                true,
                email(),
            ),
        ];
        for (name, input, print_enabled, expected) in cases {
            assert_eq!(
                decide_route(&input, &directory(), print_enabled),
                expected,
                "{name}"
            );
        }
    }
}
