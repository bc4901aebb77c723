//! Which invoices "Skriv ut alla" prints: issued invoices to customers whose delivery choice is
//! a letter, that have no "printed" event yet and are not on their way through AutoInvoice, in
//! number order. A plain read; printing and the event that marks an invoice printed belong to
//! the app.

use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::InvoiceId;

/// The event kind that marks an invoice printed (its original, not a copy).
pub const PRINTED_EVENT: &str = "printed";

impl Store {
    /// Issued invoices and credit invoices for letter customers never printed, by series and number.
    /// One queued, handed over or delivered by AutoInvoice is left out: AutoInvoice posts that
    /// letter, and printing it too would send it twice. One whose delivery failed (or that the
    /// user marked handled) is in: printing and posting it is how the user gets it out.
    pub fn unprinted_letter_invoices(&self) -> Result<Vec<InvoiceId>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT i.id FROM invoices i JOIN customers c ON c.id = i.customer_id
             WHERE i.status = 'issued' AND c.delivery_choice = 'letter'
               AND NOT EXISTS (SELECT 1 FROM invoice_events e
                               WHERE e.invoice_id = i.id AND e.kind = ?1)
               AND NOT EXISTS (SELECT 1 FROM outbox o
                               WHERE o.invoice_id = i.id
                                 AND o.state IN ('queued', 'sending', 'handed_over', 'delivered'))
             ORDER BY i.series_id, i.number",
        )?;
        let ids = statement.query_map([PRINTED_EVENT], |row| row.get(0))?;
        Ok(ids.collect::<Result<Vec<_>, _>>()?)
    }
}
