//! Which way the invoice leaves: as a Peppol e-invoice, an e-mail with our PDF or a letter.
//!
//! The customer's delivery choice decides; "automatic" is resolved the way AutoInvoice resolves it:
//! an e-invoice once the receiver lookup has found a Peppol address, else e-mail when the customer
//! has an address for it, else a letter. A private person has no Peppol address, which must not
//! stop a letter, so the rules that only a Peppol receiver needs block only the e-invoice route.

use fakturera_store::{Customer, DeliveryChoice};

use crate::delivery::ChannelCode;
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
        match channel_for_customer(customer) {
            ChannelCode::Einvoice => DeliveryRoute::EInvoice,
            ChannelCode::Email | ChannelCode::Print => DeliveryRoute::Paper,
        }
    }
}

/// The channel an invoice to `customer` goes by, "automatic" resolved as AutoInvoice does.
pub fn channel_for_customer(customer: &Customer) -> ChannelCode {
    let has_peppol_address = customer
        .einvoice_address
        .as_deref()
        .is_some_and(|address| !address.trim().is_empty());
    match customer.delivery_choice {
        DeliveryChoice::EInvoice => ChannelCode::Einvoice,
        DeliveryChoice::Email => ChannelCode::Email,
        DeliveryChoice::Letter => ChannelCode::Print,
        DeliveryChoice::Automatic if has_peppol_address => ChannelCode::Einvoice,
        DeliveryChoice::Automatic if !customer.email.trim().is_empty() => ChannelCode::Email,
        DeliveryChoice::Automatic => ChannelCode::Print,
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

    #[test]
    fn automatic_goes_the_way_autoinvoice_would_send_it() {
        let mut customer = Customer::new("1", "Kund AB");
        assert_eq!(channel_for_customer(&customer), ChannelCode::Print);
        customer.email = "ekonomi@kund.se".to_owned();
        assert_eq!(channel_for_customer(&customer), ChannelCode::Email);
        customer.einvoice_address = Some("0007:5567212047".to_owned());
        assert_eq!(channel_for_customer(&customer), ChannelCode::Einvoice);
        customer.delivery_choice = DeliveryChoice::Letter;
        assert_eq!(channel_for_customer(&customer), ChannelCode::Print);
    }
}
