//! Which way the invoice leaves: the Peppol rules only matter when it goes as an e-invoice.
//!
//! A private person has no Peppol address, so PEPPOL-EN16931-R010 fires for every invoice to one;
//! blocking on it would stop every letter and e-mail. The customer's delivery choice decides: an
//! explicit e-invoice, or "automatic" once the receiver lookup has found a Peppol address.

use fakturera_store::{Customer, DeliveryChoice};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the invoice reaches the customer, as far as the pre-send checks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeliveryRoute {
    /// A Peppol e-invoice: every error finding blocks issuing.
    EInvoice,
    /// E-mail with PDF or a letter: findings are advice for a later e-invoice.
    Paper,
}

impl DeliveryRoute {
    pub fn for_customer(customer: &Customer) -> DeliveryRoute {
        let has_peppol_address = customer
            .einvoice_address
            .as_deref()
            .is_some_and(|address| !address.trim().is_empty());
        match customer.delivery_choice {
            DeliveryChoice::EInvoice => DeliveryRoute::EInvoice,
            DeliveryChoice::Automatic if has_peppol_address => DeliveryRoute::EInvoice,
            DeliveryChoice::Automatic | DeliveryChoice::Email | DeliveryChoice::Letter => {
                DeliveryRoute::Paper
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivery_choice_and_lookup_decide_the_route() {
        let cases = [
            (DeliveryChoice::EInvoice, None, DeliveryRoute::EInvoice),
            (
                DeliveryChoice::EInvoice,
                Some("0007:5567212047"),
                DeliveryRoute::EInvoice,
            ),
            (
                DeliveryChoice::Automatic,
                Some("0007:5567212047"),
                DeliveryRoute::EInvoice,
            ),
            (DeliveryChoice::Automatic, Some("  "), DeliveryRoute::Paper),
            (DeliveryChoice::Automatic, None, DeliveryRoute::Paper),
            (
                DeliveryChoice::Email,
                Some("0007:5567212047"),
                DeliveryRoute::Paper,
            ),
            (DeliveryChoice::Letter, None, DeliveryRoute::Paper),
        ];
        for (choice, address, expected) in cases {
            let mut customer = Customer::new("1", "Kund AB");
            customer.delivery_choice = choice;
            customer.einvoice_address = address.map(str::to_owned);
            assert_eq!(
                DeliveryRoute::for_customer(&customer),
                expected,
                "{choice:?} {address:?}"
            );
        }
    }
}
