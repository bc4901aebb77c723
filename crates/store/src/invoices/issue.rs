//! Issuing: the draft takes the next number of its series and is frozen, all in one IMMEDIATE
//! transaction, so two processes issuing at once on one file wait for each other and the
//! numbers come out without gaps or duplicates.

use chrono::{DateTime, Utc};
use fakturera_core::FieldErrors;
use fakturera_core::invoice::{Invoice, validate_for_issue};
use rusqlite::{Transaction, TransactionBehavior};

use super::StoredInvoice;
use super::content::write_content;
use super::drafts::require_draft;
use super::events::{InvoiceEventKind, append_event};
use super::read::read_invoice;
use super::settlement::refresh_settlement;
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::InvoiceId;
use crate::sql_values::StoredDecimal;

/// The columns issuing sets on the invoices row (besides the content).
pub(crate) const ISSUE_WRITES: [&str; 4] = ["status", "number", "number_text", "issued_at"];

/// The columns the settlement row is created with at issue (the rest is recomputed).
pub(crate) const PAYMENT_STATE_CREATED: [&str; 2] = ["invoice_id", "due_date"];

impl Store {
    /// Issues the draft `id` and returns it as issued.
    ///
    /// Inside the transaction the store assigns the number (`invoice.number` is set before
    /// `prepare` runs), then `prepare` may finish the document from it, e.g. the OCR reference
    /// and the issue date. The core's `validate_for_issue` then runs; any error, from `prepare`
    /// or the validation, rolls everything back and the number is not used.
    pub fn issue_invoice(
        &mut self,
        id: InvoiceId,
        now: DateTime<Utc>,
        prepare: impl FnOnce(&mut Invoice) -> Result<(), FieldErrors>,
    ) -> Result<StoredInvoice, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let issued = issue_in_transaction(&transaction, id, now, prepare)?;
        transaction.commit()?;
        Ok(issued)
    }
}

/// The issuing itself, inside a transaction the caller opened (IMMEDIATE) and commits. The outbox
/// uses it to issue and queue an invoice for sending in one commit.
pub(crate) fn issue_in_transaction(
    transaction: &Transaction<'_>,
    id: InvoiceId,
    now: DateTime<Utc>,
    prepare: impl FnOnce(&mut Invoice) -> Result<(), FieldErrors>,
) -> Result<StoredInvoice, StoreError> {
    let draft = read_invoice(transaction, id)?;
    require_draft(draft.status)?;

    let (prefix, number): (String, i64) = transaction
        .prepare_cached("SELECT prefix, next_number FROM number_series WHERE id = ?1")?
        .query_row([draft.series_id], |row| {
            Ok((row.get("prefix")?, row.get("next_number")?))
        })?;
    let number_text = format!("{prefix}{number}");
    transaction
        .prepare_cached("UPDATE number_series SET next_number = next_number + 1 WHERE id = ?1")?
        .execute([draft.series_id])?;

    let mut invoice = draft.invoice;
    invoice.number = Some(number_text.clone());
    prepare(&mut invoice)?;
    invoice.number = Some(number_text.clone());
    refuse_ocr_in_use(transaction, id, &invoice.ocr)?;
    validate_for_issue(&invoice).into_result(())?;
    let totals = invoice.checked_totals()?;
    write_content(transaction, id, draft.customer_id, &invoice, &totals, now)?;

    mark_issued(transaction, id, number, &number_text, invoice.due_date, now)?;
    // The core's rule decides the state; a credit invoice also settles the invoice it credits,
    // whose history says so.
    refresh_settlement(transaction, id)?;
    if let Some(original) = draft.credited_invoice_id {
        append_event(
            transaction,
            original,
            &InvoiceEventKind::Other("credited".to_owned()),
            &format!("credit invoice {number_text}"),
            now,
        )?;
    }
    append_event(
        transaction,
        id,
        &InvoiceEventKind::Issued,
        &format!("number {number_text}"),
        now,
    )?;
    read_invoice(transaction, id)
}

/// A customer's payment is matched to its invoice by the OCR reference alone, so two invoices of
/// one company must never share one. The caller chooses another reference and issues again.
/// Marks draft `id` issued under its number and opens its payment state (unpaid, due on
/// `due_date`): the step an issued invoice and an imported opening item share.
pub(crate) fn mark_issued(
    transaction: &Transaction<'_>,
    id: InvoiceId,
    number: i64,
    number_text: &str,
    due_date: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    transaction
        .prepare_cached(
            "UPDATE invoices SET status = 'issued', number = :number, number_text = :number_text,
                    issued_at = :now, updated_at = :now
                 WHERE id = :id AND status = 'draft'",
        )?
        .execute(rusqlite::named_params! {
            ":number": number, ":number_text": number_text, ":now": now, ":id": id
        })?;
    transaction
        .prepare_cached(
            "INSERT INTO invoice_payment_state (invoice_id, state, paid_amount, due_date)
                 VALUES (:id, 'unpaid', :zero, :due_date)",
        )?
        .execute(rusqlite::named_params! {
            ":id": id,
            ":zero": StoredDecimal(rust_decimal::Decimal::ZERO),
            ":due_date": due_date,
        })?;
    Ok(())
}

fn refuse_ocr_in_use(
    transaction: &Transaction<'_>,
    id: InvoiceId,
    ocr: &str,
) -> Result<(), StoreError> {
    if ocr.is_empty() {
        return Ok(());
    }
    let in_use = transaction
        .prepare_cached("SELECT 1 FROM invoices WHERE ocr = ?1 AND ocr <> '' AND id <> ?2 LIMIT 1")?
        .exists(rusqlite::params![ocr, id])?;
    if in_use {
        return Err(StoreError::ocr_in_use(ocr));
    }
    Ok(())
}
