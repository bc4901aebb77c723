//! What the receiver lookup found for a customer: its e-invoice address (or none) and when it was
//! checked. Written on its own so a lookup never rewrites the rest of the customer.

use chrono::{DateTime, Utc};

use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::CustomerId;

impl Store {
    /// Records the lookup result for a customer: the Peppol address, or `None` when not found.
    pub fn set_customer_receiver_lookup(
        &self,
        id: CustomerId,
        einvoice_address: Option<&str>,
        checked_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let changed = self.connection.execute(
            "UPDATE customers SET einvoice_address = ?2, einvoice_checked_at = ?3 WHERE id = ?1",
            rusqlite::params![id, einvoice_address, checked_at],
        )?;
        if changed == 0 {
            return Err(StoreError::not_found("kund", "customer", id));
        }
        Ok(())
    }
}
