//! After a failed delivery: send the same invoice again by another channel (AX reroute to e-mail,
//! letter or e-invoice). The invoice keeps its number and idempotency key; AutoInvoice sets it back
//! to pending and the worker polls it again.

use std::time::Duration;

use chrono::{DateTime, Utc};
use fakturera_autoinvoice::{PrintAddress, Reroute};
use fakturera_core::{FieldError, Text};
use fakturera_store::{DeliveryChoice, InvoiceId, StoreError, StoreErrorKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::credentials::connection;
use super::queue::read_status;
use super::schedule::Schedule;
use super::views::DeliveryStatusView;
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::keychain::Keychain;
use crate::routing::RoutingSnapshot;

/// The channel to send again by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RerouteChannel {
    Email,
    Letter,
    Einvoice,
}

/// "Skicka igen via ...".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RerouteRequest {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub channel: RerouteChannel,
    /// For e-mail: the address; empty means the customer's invoice e-mail.
    pub email: String,
}

impl App {
    /// Sends a failed invoice again by another channel. The customer's address, e-mail or
    /// e-invoice address comes from the register unless the request gives an e-mail address.
    pub async fn reroute_delivery(
        &self,
        request: &RerouteRequest,
        keychain: &dyn Keychain,
        now: DateTime<Utc>,
    ) -> Result<DeliveryStatusView, AppError> {
        let language = self.language();
        let id = InvoiceId(request.invoice_id);
        let (entry, mut customer) = self.with_store(|store| {
            let entry = store.outbox_entry(id)?.ok_or_else(|| {
                StoreError::new(
                    StoreErrorKind::Conflict,
                    Text::new(
                        "Fakturan har inte skickats; använd Skicka.",
                        "The invoice has not been sent; use Send.",
                    ),
                )
            })?;
            let stored = store.invoice(id)?;
            Ok::<_, StoreError>((entry, store.customer(stored.customer_id)?))
        })?;
        let Some(remote_id) = entry.remote_id.clone() else {
            // The store explains why a never-accepted invoice cannot be rerouted.
            let error = self
                .with_store(|store| {
                    store
                        .mark_outbox_rerouted(id, "{}", "email", now, now)
                        .map(|_| ())
                })
                .err();
            return Err(error.unwrap_or_else(|| {
                AppError::internal(&Text::new("Okänt fel.", "Unknown error."), language)
            }));
        };
        if !request.email.trim().is_empty() {
            customer.email = request.email.trim().to_owned();
        }
        let choice = match request.channel {
            RerouteChannel::Email => DeliveryChoice::Email,
            RerouteChannel::Letter => DeliveryChoice::Letter,
            RerouteChannel::Einvoice => DeliveryChoice::EInvoice,
        };
        let snapshot = RoutingSnapshot::for_customer(&customer, choice).for_user(language)?;
        let reroute = match request.channel {
            RerouteChannel::Email => {
                let address = snapshot.email.clone().unwrap_or_default();
                if !email_address::EmailAddress::is_valid(&address) {
                    return Err(FieldError::new(
                        "email",
                        "invalid",
                        Text::new(
                            "Ange en giltig e-postadress, t.ex. faktura@kund.se.",
                            "Enter a valid e-mail address, e.g. invoices@customer.com.",
                        ),
                    )
                    .into_app_error(language));
                }
                Reroute::Email {
                    recipient_email: address,
                }
            }
            RerouteChannel::Letter => Reroute::Print(PrintAddress {
                recipient_name: customer.name.clone(),
                recipient_address1: customer.address.street.clone(),
                recipient_address2: Some(customer.address.street2.clone())
                    .filter(|street| !street.trim().is_empty()),
                recipient_post_code: customer.address.postal_code.clone(),
                recipient_post_office: customer.address.city.clone(),
                recipient_country: customer.address.country_code.clone(),
            }),
            RerouteChannel::Einvoice => Reroute::EInvoice {
                recipient_eia: snapshot.eia.clone().unwrap_or_default(),
                recipient_operator: snapshot
                    .operator
                    .clone()
                    .unwrap_or_else(|| "PEPPOL".to_owned()),
            },
        };
        let client = self
            .with_store(|store| connection(store, keychain))?
            .client(Duration::from_secs(20))
            .for_user(language)?;
        client
            .reroute(&remote_id, &reroute)
            .await
            .for_user(language)?;
        let channel = snapshot.channel().unwrap_or("email");
        let first_poll = now
            + chrono::Duration::from_std(Schedule::default().poll_delay(0))
                .unwrap_or(chrono::Duration::seconds(5));
        self.with_store(|store| {
            store.mark_outbox_rerouted(id, &snapshot.to_json(), channel, now, first_poll)?;
            read_status(store, id, language)
        })
    }
}
