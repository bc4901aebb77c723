//! Which credit invoices point at an invoice, for the invoice screens. A plain read, no rules.

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
                id: row.get("id")?,
                number: row.get("number_text")?,
            })
        })?;
        Ok(links.collect::<Result<Vec<_>, _>>()?)
    }
}
