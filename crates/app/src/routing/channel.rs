//! The channel an invoice goes by: an e-invoice, an e-mail with our PDF, or a letter. The customer's
//! delivery choice decides; "automatic" is resolved the way AutoInvoice resolves it: an e-invoice
//! once the receiver lookup has found a Peppol address, else e-mail when the customer has an
//! address for it, else a letter.

use fakturera_core::Text;
use fakturera_store::{Customer, DeliveryChoice};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How AutoInvoice delivered (or tries to deliver) an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChannelCode {
    Einvoice,
    Email,
    Print,
}

impl ChannelCode {
    pub fn from_code(code: &str) -> Option<ChannelCode> {
        match code {
            "einvoice" | "EINVOICE" => Some(ChannelCode::Einvoice),
            "email" | "EMAIL" => Some(ChannelCode::Email),
            "print" | "PRINT" => Some(ChannelCode::Print),
            _ => None,
        }
    }

    pub fn label(self) -> Text {
        match self {
            ChannelCode::Einvoice => Text::new("e-faktura", "e-invoice"),
            ChannelCode::Email => Text::new("e-post", "e-mail"),
            ChannelCode::Print => Text::new("brev", "letter"),
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
