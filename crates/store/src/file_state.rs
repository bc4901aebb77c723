//! The company file as a whole: whether it is still empty (the demo data goes only into an empty
//! file), and a mode for bulk fills that skips waiting for the disk.

use crate::error::StoreError;
use crate::open::Store;

impl Store {
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
