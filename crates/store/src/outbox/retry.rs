//! "Försök igen": an entry that failed before AutoInvoice held it (our document could not be made,
//! the operator's answer could not be read, a rejection the user fixed in the registers) goes back
//! to the queue with the same idempotency key, so if AutoInvoice did keep it after all, the retry
//! is answered as a duplicate instead of sending the invoice twice.

use chrono::{DateTime, Utc};
use fakturera_core::Text;

use crate::error::{StoreError, StoreErrorKind};
use crate::open::Store;
use crate::outbox::events::{DeliveryEventKind, NewDeliveryEvent, insert_event};
use crate::outbox::{OutboxEntry, OutboxState, millis};
use crate::record_ids::InvoiceId;

fn held_by_autoinvoice() -> StoreError {
    StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            "AutoInvoice har redan fakturan. Skicka om den via en annan kanal i stället, eller markera den som hanterad.",
            "AutoInvoice already holds the invoice. Send it again by another channel instead, or mark it as handled.",
        ),
    )
}

impl Store {
    /// Queues a failed entry that AutoInvoice never accepted again, due now, with `routing` taken
    /// afresh from the customer register and the idempotency key unchanged.
    pub fn retry_failed_outbox_entry(
        &mut self,
        invoice_id: InvoiceId,
        routing: &str,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.change_entry(invoice_id, &[OutboxState::Failed], |connection, entry| {
            if entry.remote_id.is_some() {
                return Err(held_by_autoinvoice());
            }
            connection
                .prepare_cached(
                    "UPDATE outbox SET state = 'queued', routing = ?2, next_attempt_at = ?3,
                         last_error_kind = NULL, last_error_sv = NULL, last_error_en = NULL,
                         reasons = '', channel = NULL, notice_pending = 0, finished_at = NULL,
                         updated_at = ?4
                     WHERE invoice_id = ?1",
                )?
                .execute(rusqlite::params![invoice_id, routing, millis(now), now])?;
            insert_event(
                connection,
                invoice_id,
                &NewDeliveryEvent::new(DeliveryEventKind::Retried, now),
            )?;
            Ok(())
        })
    }
}
