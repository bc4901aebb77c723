//! Creating, saving and deleting drafts. Every write is one transaction that also logs the event.

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use fakturera_core::invoice::{Invoice, InvoiceStatus};
use rusqlite::{OptionalExtension, TransactionBehavior};

use super::content::write_content;
use super::events::{InvoiceEventKind, append_event, describe_changes};
use super::new_row::{NewInvoiceRow, insert_invoice_row};
use super::read::{read_invoice, status_from_code};
use crate::error::{StoreError, StoreErrorKind};
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId, SeriesId};

impl Store {
    /// Saves a new draft invoice for `customer_id` in the default number series.
    pub fn create_draft(
        &mut self,
        customer_id: CustomerId,
        invoice: &Invoice,
        now: DateTime<Utc>,
    ) -> Result<InvoiceId, StoreError> {
        if invoice.is_credit() {
            return Err(kind_mismatch());
        }
        let series = self.default_series()?.id;
        self.insert_draft(customer_id, series, None, invoice, now)
    }

    /// Saves a new draft credit invoice for the issued invoice `original`, in its series and for
    /// its customer. `credit` is usually made by the core's `credit_invoice`.
    pub fn create_credit_draft(
        &mut self,
        original: InvoiceId,
        credit: &Invoice,
        now: DateTime<Utc>,
    ) -> Result<InvoiceId, StoreError> {
        let original_invoice = self.invoice(original)?;
        let reference = credit.credited_invoice().ok_or_else(kind_mismatch)?;
        if original_invoice.invoice.number.as_deref() != Some(reference.number.as_str()) {
            return Err(StoreError::invalid_field(
                "kind",
                Text::new(
                    "Kreditfakturan hänvisar till ett annat fakturanummer än den faktura den skapas från.",
                    "The credit invoice refers to another invoice number than the invoice it is created from.",
                ),
            ));
        }
        self.insert_draft(
            original_invoice.customer_id,
            original_invoice.series_id,
            Some(original),
            credit,
            now,
        )
    }

    fn insert_draft(
        &mut self,
        customer_id: CustomerId,
        series_id: SeriesId,
        credited: Option<InvoiceId>,
        invoice: &Invoice,
        now: DateTime<Utc>,
    ) -> Result<InvoiceId, StoreError> {
        let totals = invoice.checked_totals()?;
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = NewInvoiceRow {
            series_id,
            customer_id,
            credited_invoice_id: credited,
            document_kind: "invoice",
            created_at: now,
        };
        let id = insert_invoice_row(&transaction, &row, invoice).map_err(missing_reference)?;
        write_content(&transaction, id, customer_id, invoice, &totals, now)?;
        append_event(&transaction, id, &InvoiceEventKind::Created, "", now)?;
        transaction.commit()?;
        Ok(id)
    }

    /// Saves the draft `id` with new content (and possibly another customer).
    /// Refused for issued invoices, by this check and by the database's triggers.
    pub fn update_draft(
        &mut self,
        id: InvoiceId,
        customer_id: CustomerId,
        invoice: &Invoice,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let totals = invoice.checked_totals()?;
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before = read_invoice(&transaction, id)?;
        require_draft(before.status)?;
        if before.invoice.is_credit() != invoice.is_credit() {
            return Err(kind_mismatch());
        }
        let customer_exists: bool = transaction.query_row(
            "SELECT EXISTS (SELECT 1 FROM customers WHERE id = ?1)",
            [customer_id],
            |row| row.get(0),
        )?;
        if !customer_exists {
            return Err(StoreError::not_found("kund", "customer", customer_id));
        }
        write_content(&transaction, id, customer_id, invoice, &totals, now)?;
        append_event(
            &transaction,
            id,
            &InvoiceEventKind::Edited,
            &describe_changes(&before.invoice, invoice),
            now,
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Moves a draft to another number series; it gets its number from there at issue.
    pub fn set_draft_series(
        &mut self,
        id: InvoiceId,
        series_id: SeriesId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        require_draft(draft_status(&transaction, id)?)?;
        transaction
            .execute(
                "UPDATE invoices SET series_id = :series_id, updated_at = :now WHERE id = :id",
                rusqlite::named_params! { ":series_id": series_id, ":now": now, ":id": id },
            )
            .map_err(missing_reference)?;
        append_event(
            &transaction,
            id,
            &InvoiceEventKind::Edited,
            &format!("series {series_id}"),
            now,
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Deletes a draft. Issued invoices are never deleted; the draft's log stays.
    pub fn delete_draft(&mut self, id: InvoiceId, now: DateTime<Utc>) -> Result<(), StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        require_draft(draft_status(&transaction, id)?)?;
        transaction.execute("DELETE FROM invoices WHERE id = ?1", [id])?;
        append_event(&transaction, id, &InvoiceEventKind::Deleted, "", now)?;
        transaction.commit()?;
        Ok(())
    }
}

fn draft_status(
    connection: &rusqlite::Connection,
    id: InvoiceId,
) -> Result<InvoiceStatus, StoreError> {
    let status: Option<String> = connection
        .query_row("SELECT status FROM invoices WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?;
    let status = status.ok_or_else(|| StoreError::not_found("faktura", "invoice", id))?;
    status_from_code(&status).ok_or_else(crate::error::corrupt_file_error)
}

pub(crate) fn require_draft(status: InvoiceStatus) -> Result<(), StoreError> {
    match status {
        InvoiceStatus::Draft => Ok(()),
        InvoiceStatus::Issued => Err(StoreError::new(
            StoreErrorKind::Conflict,
            Text::new(
                "Fakturan är utfärdad och kan inte ändras eller tas bort. Rätta den med en kreditfaktura.",
                "The invoice has been issued and cannot be changed or deleted. Correct it with a credit invoice.",
            ),
        )),
    }
}

fn kind_mismatch() -> StoreError {
    StoreError::invalid_field(
        "kind",
        Text::new(
            "En kreditfaktura skapas från den faktura den krediterar, och en faktura kan inte bli en kreditfaktura.",
            "A credit invoice is created from the invoice it credits, and an invoice cannot become a credit invoice.",
        ),
    )
}

/// A foreign key failure here means the customer or series named does not exist.
fn missing_reference(error: rusqlite::Error) -> StoreError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && error.to_string().contains("FOREIGN KEY")
    {
        return StoreError::new(
            StoreErrorKind::NotFound,
            Text::new(
                "Kunden eller nummerserien finns inte längre. Välj en annan och spara igen.",
                "The customer or number series no longer exists. Choose another and save again.",
            ),
        )
        .with_detail(error.to_string());
    }
    StoreError::from(error)
}
