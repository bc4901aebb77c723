//! "Skicka kopia": a delivered invoice sent once more, by e-mail, to an address the user types
//! (the customer's accountant, a second office), or when none is typed to the customer's own
//! address for copies (its `copy_email` in the register). AutoInvoice has no separate copy call; the same
//! invoice is rerouted to e-mail (AX `PUT /v1/invoices/{id}/reroute/email`), so it keeps its
//! number and idempotency key, nothing new is booked, and the timeline shows the copy delivered.

use std::time::Duration;

use chrono::{DateTime, Utc};
use fakturera_autoinvoice::Reroute;
use fakturera_core::{FieldError, Text};
use fakturera_store::{InvoiceId, OutboxState, StoreError, StoreErrorKind};

use super::credentials::connection;
use super::queue::read_status;
use super::schedule::Schedule;
use super::views::DeliveryStatusView;
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::keychain::Keychain;

fn not_delivered() -> StoreError {
    StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            "Bara en levererad faktura kan skickas som kopia. Vänta tills den är levererad, eller använd Skicka igen om leveransen misslyckades.",
            "Only a delivered invoice can be sent as a copy. Wait until it is delivered, or use Send again if the delivery failed.",
        ),
    )
}

impl App {
    /// Sends a copy of delivered invoice `invoice_id` by e-mail to `email`, or, when `email` is
    /// blank, to the customer's address for copies.
    pub async fn send_invoice_copy(
        &self,
        invoice_id: i64,
        email: &str,
        keychain: &dyn Keychain,
        now: DateTime<Utc>,
    ) -> Result<DeliveryStatusView, AppError> {
        let language = self.language();
        let id = InvoiceId(invoice_id);
        let address = match email.trim() {
            "" => self.with_store(|store| {
                let customer_id = store.invoice(id)?.customer_id;
                Ok::<_, StoreError>(store.customer(customer_id)?.copy_email)
            })?,
            typed => typed.to_owned(),
        };
        if !email_address::EmailAddress::is_valid(&address) {
            return Err(FieldError::new(
                "email",
                "invalid",
                Text::new(
                    "Ange e-postadressen kopian ska till, t.ex. ekonomi@kund.se, eller spara en e-post för kopior på kunden.",
                    "Enter the e-mail address the copy goes to, e.g. accounts@customer.com, or save an e-mail for copies on the customer.",
                ),
            )
            .into_app_error(language));
        }
        let remote_id = self.with_store(|store| {
            let entry = store.outbox_entry(id)?.ok_or_else(not_delivered)?;
            match (entry.state, entry.remote_id) {
                (OutboxState::Delivered, Some(remote_id)) => Ok(remote_id),
                _ => Err(not_delivered()),
            }
        })?;
        let client = self
            .with_store(|store| connection(store, keychain))?
            .client(Duration::from_secs(20))
            .for_user(language)?;
        client
            .reroute(
                &remote_id,
                &Reroute::Email {
                    recipient_email: address.clone(),
                },
            )
            .await
            .for_user(language)?;
        let first_poll = now
            + chrono::Duration::from_std(Schedule::default().poll_delay(0))
                .unwrap_or(chrono::Duration::seconds(5));
        self.with_store(|store| {
            store.mark_outbox_copy_sent(id, &address, now, first_poll)?;
            read_status(store, id, language)
        })
    }
}
