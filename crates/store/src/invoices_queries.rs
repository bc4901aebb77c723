//! Look-ups the invoice screens need beyond the invoice module's own: which credit invoices
//! point at an invoice, and whether a company file is still empty (for the demo data).
//! Plain reads, no rules.

use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::InvoiceId;

/// A credit invoice that refers to an invoice: its id and, once issued, its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditLink {
    pub id: InvoiceId,
    pub number: Option<String>,
}

impl Store {
    /// The credit invoices (drafts and issued) that credit `id`, oldest first.
    pub fn credits_of(&self, id: InvoiceId) -> Result<Vec<CreditLink>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id, number_text FROM invoices WHERE credited_invoice_id = ?1 ORDER BY id",
        )?;
        let links = statement.query_map([id], |row| {
            Ok(CreditLink {
                id: row.get(0)?,
                number: row.get(1)?,
            })
        })?;
        Ok(links.collect::<Result<Vec<_>, _>>()?)
    }

    /// True when the file has no customers, articles or invoices yet.
    pub fn has_no_records(&self) -> Result<bool, StoreError> {
        let empty: bool = self.connection.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM customers)
                AND NOT EXISTS (SELECT 1 FROM articles)
                AND NOT EXISTS (SELECT 1 FROM invoices)",
            [],
            |row| row.get(0),
        )?;
        Ok(empty)
    }
}

impl Store {
    /// Runs `work` without waiting for the disk after each commit (`synchronous = OFF`), then
    /// restores the usual `FULL` whatever `work` returned. Only for bulk fills such as demo data,
    /// where a power cut means starting again with a new file rather than losing a user's work;
    /// every write inside still commits or rolls back whole.
    pub fn with_bulk_writes<T>(
        &mut self,
        work: impl FnOnce(&mut Store) -> T,
    ) -> Result<T, StoreError> {
        self.connection.pragma_update(None, "synchronous", "OFF")?;
        let result = work(self);
        self.connection.pragma_update(None, "synchronous", "FULL")?;
        Ok(result)
    }
}
