//! Documents money-in sends through the invoices' numbering, outbox and timeline: reminders,
//! interest invoices and statements. Each is created and issued in one transaction together with
//! the record that says what it is (the reminder, the interest lines, the statement), so a crash
//! never leaves a numbered document without its meaning or the reverse.

use chrono::{DateTime, Utc};
use fakturera_core::FieldErrors;
use fakturera_core::invoice::Invoice;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::StoredInvoice;
use super::content::write_content;
use super::events::{InvoiceEventKind, append_event};
use super::issue::issue_in_transaction;
use super::new_row::{NewInvoiceRow, insert_invoice_row};
use crate::error::StoreError;
use crate::number_series::SeriesInput;
use crate::open::Store;
use crate::record_ids::{CustomerId, InvoiceId, SeriesId};

/// Why a document is in the invoices table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// A sale (or a credit invoice).
    Invoice,
    /// A payment reminder; it carries the reminder fee, if any.
    Reminder,
    /// An interest invoice (räntefaktura): a real invoice for late-payment interest.
    Interest,
    /// A customer statement (kontoutdrag); it asks for nothing itself.
    Statement,
}

impl DocumentKind {
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "invoice",
            DocumentKind::Reminder => "reminder",
            DocumentKind::Interest => "interest",
            DocumentKind::Statement => "statement",
        }
    }

    pub fn from_code(code: &str) -> Option<DocumentKind> {
        match code {
            "invoice" => Some(DocumentKind::Invoice),
            "reminder" => Some(DocumentKind::Reminder),
            "interest" => Some(DocumentKind::Interest),
            "statement" => Some(DocumentKind::Statement),
            _ => None,
        }
    }
}

/// The record written with a document, saying what it is.
#[derive(Debug, Clone, Copy)]
pub enum DocumentLink<'a> {
    Reminder(&'a crate::money_in::NewReminder),
    Interest(&'a [crate::money_in::InterestCharge]),
    Statement(&'a crate::money_in::NewStatement),
}

fn write_link(
    connection: &Connection,
    document: InvoiceId,
    link: &DocumentLink<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    match link {
        DocumentLink::Reminder(reminder) => {
            crate::money_in::insert_reminder(connection, document, reminder, now)
        }
        DocumentLink::Interest(charges) => {
            crate::money_in::insert_interest_charges(connection, document, charges, now)
        }
        DocumentLink::Statement(statement) => {
            crate::money_in::insert_statement(connection, document, statement)
        }
    }
}

/// A document to create and issue at once.
#[derive(Debug)]
pub struct NewDocument<'a> {
    pub customer_id: CustomerId,
    pub series_id: SeriesId,
    pub kind: DocumentKind,
    pub invoice: &'a Invoice,
}

impl Store {
    /// What kind of document invoice `id` is.
    pub fn document_kind(&self, id: InvoiceId) -> Result<DocumentKind, StoreError> {
        let code: Option<String> = self
            .connection
            .prepare_cached("SELECT document_kind FROM invoices WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        let code = code.ok_or_else(|| StoreError::not_found("faktura", "invoice", id))?;
        DocumentKind::from_code(&code).ok_or_else(crate::error::corrupt_file_error)
    }

    /// The ids of every document of the given kinds (other than sales).
    pub fn document_ids_of_kinds(
        &self,
        kinds: &[DocumentKind],
    ) -> Result<Vec<InvoiceId>, StoreError> {
        let mut ids = Vec::new();
        for kind in kinds {
            // Reminders, statements and interest invoices are found through the partial index
            // invoices_by_document_kind, which SQLite uses only when the query says
            // `document_kind <> 'invoice'` itself; without it every draw of Översikt scanned
            // every invoice twice (45 ms at 100,000).
            let sql = if *kind == DocumentKind::Invoice {
                "SELECT id FROM invoices WHERE document_kind = ?1 ORDER BY id"
            } else {
                "SELECT id FROM invoices WHERE document_kind = ?1 AND document_kind <> 'invoice'
                 ORDER BY id"
            };
            let mut statement = self.connection.prepare_cached(sql)?;
            let rows = statement.query_map([kind.code()], |row| row.get(0))?;
            for id in rows {
                ids.push(id?);
            }
        }
        Ok(ids)
    }

    /// The series called `name`, made (prefix `prefix`, from 1) the first time it is needed.
    pub fn series_named(&self, name: &str, prefix: &str) -> Result<SeriesId, StoreError> {
        if let Some(series) = self
            .number_series()?
            .into_iter()
            .find(|series| series.name == name)
        {
            return Ok(series.id);
        }
        self.add_number_series(&SeriesInput {
            name: name.to_owned(),
            prefix: prefix.to_owned(),
            next_number: 1,
        })
    }

    /// Creates `document` and issues it (number, then `prepare`, then the core's validation) in
    /// one IMMEDIATE transaction, together with the record that says what it is (`link`). Any
    /// error rolls everything back.
    pub fn issue_document(
        &mut self,
        document: &NewDocument<'_>,
        now: DateTime<Utc>,
        prepare: impl FnOnce(&mut Invoice) -> Result<(), FieldErrors>,
        link: &DocumentLink<'_>,
    ) -> Result<StoredInvoice, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let invoice = document.invoice;
        let row = NewInvoiceRow {
            series_id: document.series_id,
            customer_id: document.customer_id,
            credited_invoice_id: None,
            document_kind: document.kind.code(),
            created_at: now,
        };
        let id = insert_invoice_row(&transaction, &row, invoice)?;
        write_content(
            &transaction,
            id,
            document.customer_id,
            invoice,
            &invoice.totals(),
            now,
        )?;
        append_event(
            &transaction,
            id,
            &InvoiceEventKind::Created,
            document.kind.code(),
            now,
        )?;
        let issued = issue_in_transaction(&transaction, id, now, prepare)?;
        write_link(&transaction, id, link, now)?;
        transaction.commit()?;
        Ok(issued)
    }
}
