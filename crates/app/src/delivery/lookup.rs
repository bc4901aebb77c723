//! The receiver lookup: can this organisation number take e-invoices? Asked with a button, when an
//! org number is entered while online, and again at send time when the last answer is over a day
//! old. The answer is stored on the customer with the time it was checked; the user's delivery
//! choice is never changed by it, only the recommendation.

use chrono::{DateTime, Utc};
use fakturera_core::ids::OrgNumber;
use fakturera_core::{Language, Text};
use fakturera_store::{CustomerId, StoreError};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use ts_rs::TS;

use super::credentials::connection;
use crate::app::App;
use crate::error::{AppError, ForUser};
use crate::keychain::Keychain;
use crate::register_fields::DeliveryChoiceCode;

/// What the lookup found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceiverLookupView {
    /// Ten digits.
    pub org_number: String,
    pub found: bool,
    /// The Peppol address, e.g. "0007:5567212047".
    pub einvoice_address: Option<String>,
    /// The receiver's name in the Peppol directory.
    pub name: Option<String>,
    /// E-faktura when found, else e-post med PDF.
    pub recommended: DeliveryChoiceCode,
    /// RFC 3339.
    pub checked_at: String,
    /// One sentence for the user.
    pub message: String,
}

/// How old a lookup may be before sending asks again.
pub(crate) const LOOKUP_MAX_AGE: chrono::TimeDelta = chrono::TimeDelta::days(1);

impl App {
    /// Looks up `org_number` in the Peppol directory through AutoInvoice.
    pub async fn lookup_receiver(
        &self,
        org_number: &str,
        keychain: &dyn Keychain,
        now: DateTime<Utc>,
    ) -> Result<ReceiverLookupView, AppError> {
        let language = self.language();
        let org = OrgNumber::parse(org_number).for_user(language)?;
        let connection = self.with_store(|store| connection(store, keychain))?;
        let client = connection
            .client(Duration::from_secs(15))
            .for_user(language)?;
        let receivers = client
            .lookup_receivers(org.digits(), "SE")
            .await
            .for_user(language)?;
        // By business id and by `0007:<org no>`, in Peppol and AutoInvoice's own network; a Peppol
        // address that takes invoices is preferred.
        let hit = fakturera_autoinvoice::best_receiver(&receivers);
        Ok(view(org.digits(), hit, now, language))
    }

    /// Looks up the customer's org number and stores the answer on the customer. When AutoInvoice
    /// cannot be reached the error says so and the customer is left as it was.
    pub async fn lookup_customer_receiver(
        &self,
        customer_id: i64,
        keychain: &dyn Keychain,
        now: DateTime<Utc>,
    ) -> Result<ReceiverLookupView, AppError> {
        let id = CustomerId(customer_id);
        let customer = self.with_store(|store| store.customer(id))?;
        let found = self
            .lookup_receiver(&customer.legal_id, keychain, now)
            .await
            .map_err(|mut error| {
                // The form shows it under the org number.
                error
                    .fields
                    .iter_mut()
                    .for_each(|field| field.field = "legal_id".to_owned());
                error
            })?;
        self.with_store(|store| {
            store.set_customer_receiver_lookup(id, found.einvoice_address.as_deref(), now)
        })?;
        Ok(found)
    }

    /// Re-checks every customer of a queued e-invoice or automatic entry whose lookup is older
    /// than a day; failures are ignored (the old answer stands). Returns how many were checked.
    pub async fn refresh_stale_lookups(
        &self,
        customer_ids: &[i64],
        keychain: &dyn Keychain,
        now: DateTime<Utc>,
    ) -> u32 {
        let mut checked = 0;
        for &customer_id in customer_ids {
            let stale = self
                .with_store(|store| {
                    let customer = store.customer(CustomerId(customer_id))?;
                    Ok::<_, StoreError>(
                        customer
                            .einvoice_checked_at
                            .is_none_or(|at| now - at > LOOKUP_MAX_AGE)
                            && !customer.legal_id.trim().is_empty(),
                    )
                })
                .unwrap_or(false);
            if stale
                && self
                    .lookup_customer_receiver(customer_id, keychain, now)
                    .await
                    .is_ok()
            {
                checked += 1;
            }
        }
        checked
    }
}

fn view(
    org_number: &str,
    hit: Option<&fakturera_autoinvoice::Receiver>,
    now: DateTime<Utc>,
    language: Language,
) -> ReceiverLookupView {
    let address = hit.and_then(|receiver| receiver.eia.clone());
    let name = hit
        .and_then(|receiver| receiver.participant.as_ref())
        .and_then(|participant| participant.name.clone());
    let message = match &address {
        Some(address) => Text::new(
            format!("Kan ta emot e-faktura på {address}. Vi rekommenderar E-faktura."),
            format!("Can receive e-invoices at {address}. We recommend E-invoice."),
        ),
        None => Text::new(
            "Hittades inte i Peppol-katalogen: kunden kan inte ta emot e-faktura. Välj e-post med PDF eller brev.",
            "Not found in the Peppol directory: the customer cannot receive e-invoices. Choose e-mail with PDF or letter.",
        ),
    };
    ReceiverLookupView {
        org_number: org_number.to_owned(),
        found: address.is_some(),
        einvoice_address: address.clone(),
        name,
        recommended: if address.is_some() {
            DeliveryChoiceCode::Einvoice
        } else {
            DeliveryChoiceCode::Email
        },
        checked_at: now.to_rfc3339(),
        message: message.in_language(language).to_owned(),
    }
}
