//! Keeps each issued invoice's settlement row (state and what is left) true to its records.
//!
//! The store sums the records (payments, credit invoices, write-offs) and the core's
//! `SettlementFacts::settle` decides what they mean; the row is rewritten in the same
//! transaction as any record that changes it, so the list can filter on it at 100,000 invoices.

use chrono::NaiveDate;
use fakturera_core::invoice::MAX_AMOUNT;
use fakturera_core::receivables::{Settlement, SettlementFacts};
use rusqlite::{Connection, OptionalExtension, ToSql};
use rust_decimal::Decimal;

use super::payments::{payment_state_code, too_large};
use crate::column_list::{ColumnList, owned};
use crate::error::StoreError;
use crate::named_columns::NamedColumns;
use crate::record_ids::InvoiceId;
use crate::sql_values::StoredDecimal;

fn sum_decimals(connection: &Connection, sql: &str, id: InvoiceId) -> Result<Decimal, StoreError> {
    let mut statement = connection.prepare_cached(sql)?;
    let amounts = statement.query_map([id], |row| row.decimal("amount"))?;
    let mut total = Decimal::ZERO;
    for amount in amounts {
        // Checked: a file from an older version may hold an amount too large to add up.
        let amount = amount?;
        total = Some(total)
            .filter(|_| amount.abs() <= MAX_AMOUNT)
            .and_then(|total| total.checked_add(amount))
            .ok_or_else(too_large)?;
    }
    Ok(total)
}

/// The facts that settle invoice `id` now: every record, whatever its date.
pub(crate) fn current_facts(
    connection: &Connection,
    id: InvoiceId,
) -> Result<Option<(SettlementFacts, Option<InvoiceId>)>, StoreError> {
    let header = connection
        .prepare_cached(
            "SELECT kind, payable, credited_invoice_id FROM invoices
             WHERE id = ?1 AND status = 'issued'",
        )?
        .query_row([id], |row| {
            Ok((
                row.get::<_, String>("kind")? == "credit",
                row.decimal("payable")?,
                row.get::<_, Option<InvoiceId>>("credited_invoice_id")?,
            ))
        })
        .optional()?;
    let Some((is_credit_note, payable, original)) = header else {
        return Ok(None);
    };
    if is_credit_note {
        return Ok(Some((
            SettlementFacts {
                is_credit_note,
                payable,
                ..SettlementFacts::default()
            },
            original,
        )));
    }
    let credited = sum_decimals(
        connection,
        "SELECT payable AS amount FROM invoices
         WHERE credited_invoice_id = ?1 AND kind = 'credit' AND status = 'issued'",
        id,
    )?;
    // Money paid back against one of its credit invoices (recorded there before this version)
    // is a refund of this invoice.
    let paid = sum_decimals(
        connection,
        "SELECT amount FROM invoice_payments WHERE invoice_id = ?1 AND kind <> 'write_off'",
        id,
    )? - sum_decimals(
        connection,
        "SELECT p.amount FROM invoice_payments p JOIN invoices c ON c.id = p.invoice_id
         WHERE c.credited_invoice_id = ?1 AND c.kind = 'credit'",
        id,
    )?;
    let written_off = sum_decimals(
        connection,
        "SELECT amount FROM invoice_payments WHERE invoice_id = ?1 AND kind = 'write_off'",
        id,
    )?;
    Ok(Some((
        SettlementFacts {
            is_credit_note,
            payable,
            credited,
            paid,
            written_off,
        },
        None,
    )))
}

/// The day of the last thing that happened to invoice `id`: its issue, a credit invoice of it,
/// or a money record on it or on one of its credit invoices.
fn last_event_date(
    connection: &Connection,
    id: InvoiceId,
) -> Result<Option<NaiveDate>, StoreError> {
    Ok(connection
        .prepare_cached(
            "SELECT MAX(day) FROM (
                 SELECT issue_date AS day FROM invoices WHERE id = ?1
                 UNION ALL SELECT issue_date FROM invoices
                     WHERE credited_invoice_id = ?1 AND status = 'issued'
                 UNION ALL SELECT paid_on FROM invoice_payments WHERE invoice_id = ?1
                 UNION ALL SELECT p.paid_on FROM invoice_payments p
                     JOIN invoices c ON c.id = p.invoice_id WHERE c.credited_invoice_id = ?1)",
        )?
        .query_row([id], |row| row.get(0))?)
}

/// What the settlement row of an invoice says, recomputed from its records.
pub(crate) struct SettlementRow {
    facts: SettlementFacts,
    settled: Settlement,
    settled_on: Option<NaiveDate>,
}

/// The columns recomputed on every change (the row's invoice and due date are set at issue).
pub(crate) const SETTLEMENT_WRITES: ColumnList<SettlementRow> = ColumnList(&[
    ("state", |r| payment_state_code(r.settled.state).to_sql()),
    ("paid_amount", |r| owned(StoredDecimal(r.facts.paid))),
    ("credited_amount", |r| {
        owned(StoredDecimal(r.facts.credited))
    }),
    ("written_off", |r| owned(StoredDecimal(r.facts.written_off))),
    ("remaining", |r| owned(StoredDecimal(r.settled.remaining))),
    ("settled_on", |r| r.settled_on.to_sql()),
]);

fn store_settlement(
    connection: &Connection,
    id: InvoiceId,
    facts: &SettlementFacts,
) -> Result<Settlement, StoreError> {
    let settled = facts.settle();
    let settled_on = if settled.remaining.is_zero() {
        last_event_date(connection, id)?
    } else {
        None
    };
    let row = SettlementRow {
        facts: *facts,
        settled,
        settled_on,
    };
    SETTLEMENT_WRITES.update(connection, "invoice_payment_state", &row, "invoice_id", &id)?;
    Ok(settled)
}

/// Recomputes and stores the settlement of issued invoice `id` (and, for a credit invoice, of
/// the invoice it credits). A draft has no row and is left alone.
pub(crate) fn refresh_settlement(
    connection: &Connection,
    id: InvoiceId,
) -> Result<Option<Settlement>, StoreError> {
    let Some((facts, original)) = current_facts(connection, id)? else {
        return Ok(None);
    };
    let settled = store_settlement(connection, id, &facts)?;
    if let Some(original) = original {
        refresh_settlement(connection, original)?;
    }
    Ok(Some(settled))
}

/// Recomputes every issued invoice's settlement: after the migration that introduced credits
/// into it, and for repairs.
pub(crate) fn refresh_every_settlement(connection: &Connection) -> Result<(), StoreError> {
    let ids: Vec<InvoiceId> = connection
        .prepare("SELECT invoice_id FROM invoice_payment_state ORDER BY invoice_id")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        if let Some((facts, _)) = current_facts(connection, id)? {
            store_settlement(connection, id, &facts)?;
        }
    }
    Ok(())
}
