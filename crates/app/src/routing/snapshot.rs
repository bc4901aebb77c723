//! The routing snapshot: the customer's delivery choice (utskriftsval) and the fields it needs,
//! taken when the invoice is queued and kept on the outbox entry, so a later change to the
//! customer never changes where an already-sent invoice went. It maps to AX routing fields per
//! the contract's table.

use fakturera_autoinvoice::Routing;
use fakturera_core::party::BuyerKind;
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{Customer, DeliveryChoice};
use serde::{Deserialize, Serialize};

use crate::register_fields::DeliveryChoiceCode;

/// What the outbox stores as JSON in `outbox.routing`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingSnapshot {
    pub choice: DeliveryChoiceCode,
    /// E-faktura: the Peppol address (`0007:5567212047`) and operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eia: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// E-post med PDF: where to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The Peppol address to send an e-invoice to: the lookup's, else the one the invoice file names
/// the buyer by (an org number under 0007, a foreign registry or VAT number under its scheme),
/// never an e-mail address, which Peppol does not route.
fn einvoice_address(customer: &Customer) -> Option<String> {
    fakturera_peppol::buyer_address(&customer.buyer())
        .filter(|address| address.scheme != fakturera_peppol::endpoint::EMAIL)
        .map(|address| address.to_string())
}

impl RoutingSnapshot {
    /// The snapshot for sending to `customer` by `choice`, or what is missing for that choice,
    /// named by the customer field to fill in.
    pub fn for_customer(
        customer: &Customer,
        choice: DeliveryChoice,
    ) -> Result<RoutingSnapshot, FieldErrors> {
        let mut snapshot = RoutingSnapshot {
            choice: choice.into(),
            eia: None,
            operator: None,
            email: None,
        };
        match choice {
            DeliveryChoice::EInvoice
                if customer.kind == BuyerKind::Private && customer.einvoice_address.is_none() =>
            {
                return Err(FieldErrors::from(FieldError::new(
                    "delivery_choice",
                    "private_einvoice",
                    Text::new(
                        format!(
                            "{} är en privatperson och kan inte ta emot e-faktura via Peppol. Välj e-post eller brev för kunden.",
                            customer.name
                        ),
                        format!(
                            "{} is a private person and cannot receive Peppol e-invoices. Choose e-mail or letter for the customer.",
                            customer.name
                        ),
                    ),
                )));
            }
            DeliveryChoice::EInvoice => {
                let address = einvoice_address(customer).ok_or_else(|| {
                    FieldErrors::from(FieldError::new(
                        "legal_id",
                        "einvoice_address_missing",
                        Text::new(
                            format!(
                                "{} har ingen e-fakturaadress. Ange kundens organisationsnummer och sök mottagaren, eller välj e-post eller brev.",
                                customer.name
                            ),
                            format!(
                                "{} has no e-invoice address. Enter the customer's organisation number and look up the receiver, or choose e-mail or letter.",
                                customer.name
                            ),
                        ),
                    ))
                })?;
                snapshot.eia = Some(address);
                snapshot.operator = Some("PEPPOL".to_owned());
            }
            DeliveryChoice::Email => {
                let email = customer.email.trim();
                if email.is_empty() {
                    return Err(FieldErrors::from(FieldError::new(
                        "email",
                        "required",
                        Text::new(
                            format!(
                                "{} ska få fakturan med e-post men har ingen e-postadress. Ange en på kunden eller välj ett annat utskriftsval.",
                                customer.name
                            ),
                            format!(
                                "{} gets invoices by e-mail but has no e-mail address. Enter one on the customer or choose another delivery.",
                                customer.name
                            ),
                        ),
                    )));
                }
                snapshot.email = Some(email.to_owned());
            }
            DeliveryChoice::Letter => {
                let address = &customer.address;
                let missing = [
                    ("address.street", address.street.trim().is_empty()),
                    ("address.postal_code", address.postal_code.trim().is_empty()),
                    ("address.city", address.city.trim().is_empty()),
                ];
                let mut errors = FieldErrors::default();
                for (field, _) in missing.iter().filter(|(_, empty)| *empty) {
                    errors.push(FieldError::new(
                        *field,
                        "required",
                        Text::new(
                            "Brev kräver en fullständig postadress (gata, postnummer och ort).",
                            "A letter needs a complete postal address (street, postcode and town).",
                        ),
                    ));
                }
                if !errors.0.is_empty() {
                    return Err(errors);
                }
            }
            DeliveryChoice::Automatic => {}
        }
        Ok(snapshot)
    }

    /// The AX routing fields of this snapshot.
    pub fn routing(&self) -> Routing {
        match self.choice {
            DeliveryChoiceCode::Einvoice => Routing::EInvoice {
                eia: self.eia.clone().unwrap_or_default(),
                operator: self.operator.clone().unwrap_or_else(|| "PEPPOL".to_owned()),
            },
            DeliveryChoiceCode::Email => Routing::Email {
                address: self.email.clone().unwrap_or_default(),
            },
            DeliveryChoiceCode::Letter => Routing::Print,
            DeliveryChoiceCode::Automatic => Routing::Automatic,
        }
    }

    /// The channel this choice goes by, when it fixes one (`Automatic` leaves it to AutoInvoice).
    pub fn channel(&self) -> Option<&'static str> {
        match self.choice {
            DeliveryChoiceCode::Einvoice => Some("einvoice"),
            DeliveryChoiceCode::Email => Some("email"),
            DeliveryChoiceCode::Letter => Some("print"),
            DeliveryChoiceCode::Automatic => None,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| r#"{"choice":"automatic"}"#.to_owned())
    }

    /// Reads a stored snapshot; an unreadable one (edited by hand) falls back to automatic
    /// routing, which lets AutoInvoice choose rather than refusing to send.
    pub fn from_json(json: &str) -> RoutingSnapshot {
        serde_json::from_str(json).unwrap_or(RoutingSnapshot {
            choice: DeliveryChoiceCode::Automatic,
            eia: None,
            operator: None,
            email: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer() -> Customer {
        let mut customer = Customer::new("1001", "Exempelkund AB");
        customer.legal_id = "556721-2047".to_owned();
        customer.email = "faktura@exempelkund.se".to_owned();
        customer.address.street = "Storgatan 1".to_owned();
        customer.address.postal_code = "111 22".to_owned();
        customer.address.city = "Stockholm".to_owned();
        customer
    }

    #[test]
    fn each_choice_maps_to_the_contract_routing() {
        let mut found = customer();
        found.einvoice_address = Some("0007:5567212047".to_owned());
        let cases = [
            (
                found.clone(),
                DeliveryChoice::EInvoice,
                Routing::EInvoice {
                    eia: "0007:5567212047".to_owned(),
                    operator: "PEPPOL".to_owned(),
                },
            ),
            (
                customer(),
                DeliveryChoice::EInvoice,
                Routing::EInvoice {
                    eia: "0007:5567212047".to_owned(),
                    operator: "PEPPOL".to_owned(),
                },
            ),
            (
                customer(),
                DeliveryChoice::Email,
                Routing::Email {
                    address: "faktura@exempelkund.se".to_owned(),
                },
            ),
            (customer(), DeliveryChoice::Letter, Routing::Print),
            (customer(), DeliveryChoice::Automatic, Routing::Automatic),
        ];
        for (customer, choice, expected) in cases {
            let snapshot = RoutingSnapshot::for_customer(&customer, choice).expect("complete");
            assert_eq!(snapshot.routing(), expected, "{choice:?}");
            assert_eq!(
                RoutingSnapshot::from_json(&snapshot.to_json()),
                snapshot,
                "{choice:?}"
            );
        }
    }

    #[test]
    fn missing_fields_are_named_per_choice() {
        let mut no_ids = customer();
        no_ids.legal_id.clear();
        no_ids.email.clear();
        no_ids.address.street.clear();
        no_ids.address.city.clear();
        let cases: [(DeliveryChoice, &[&str]); 4] = [
            (DeliveryChoice::EInvoice, &["legal_id"]),
            (DeliveryChoice::Email, &["email"]),
            (DeliveryChoice::Letter, &["address.street", "address.city"]),
            (DeliveryChoice::Automatic, &[]),
        ];
        for (choice, fields) in cases {
            let named: Vec<String> = match RoutingSnapshot::for_customer(&no_ids, choice) {
                Ok(_) => Vec::new(),
                Err(errors) => errors.0.into_iter().map(|error| error.field).collect(),
            };
            assert_eq!(named, fields, "{choice:?}");
        }
    }

    #[test]
    fn an_unreadable_snapshot_falls_back_to_automatic() {
        assert_eq!(
            RoutingSnapshot::from_json("not json").routing(),
            Routing::Automatic
        );
    }
}
