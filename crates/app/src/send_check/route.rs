//! The route as the send check sees it: a Peppol e-invoice, or paper (an e-mail with our PDF or a
//! letter), from the channel the customer's delivery choice gives (`routing`). A private person has
//! no Peppol address, which must not stop a letter, so the rules that only a Peppol receiver needs
//! block only the e-invoice route.

use fakturera_store::Customer;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::routing::{ChannelCode, channel_for_customer};

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
        match channel_for_customer(customer) {
            ChannelCode::Einvoice => DeliveryRoute::EInvoice,
            ChannelCode::Email | ChannelCode::Print => DeliveryRoute::Paper,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_store::DeliveryChoice;

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
