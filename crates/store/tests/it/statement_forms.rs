//! Every SQL statement form against what must never change: an issued invoice, its lines, an
//! outbox entry's idempotency key, the number series behind issued numbers, and the delivery log.
//! `INSERT OR REPLACE`, `REPLACE` and `UPDATE OR REPLACE` delete the conflicting row before they
//! insert; without `recursive_triggers` that deletion fires no delete trigger, so each form is
//! tried here through the store's own connection, and each must be refused with nothing changed.

use fakturera_core::samples;
use fakturera_store::{InvoiceId, NewOutboxEntry, Store, StoreError, StoreErrorKind};

use crate::invoices::{date, now, prepared_store};
use crate::temp_file;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Every row that belongs to the invoice, the outbox and the series, to compare before and after.
fn snapshot(store: &Store) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut rows = Vec::new();
    for table in [
        "invoices",
        "invoice_seller",
        "invoice_buyer",
        "invoice_lines",
        "invoice_charges",
        "invoice_vat_summary",
        "invoice_payment_state",
        "outbox",
        "delivery_events",
        "number_series",
    ] {
        let mut statement = store
            .raw_connection()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))?;
        let columns = statement.column_count();
        let mut result = statement.query([])?;
        while let Some(row) = result.next()? {
            let values: Vec<String> = (0..columns)
                .map(|index| format!("{:?}", row.get_ref(index).map(|value| format!("{value:?}"))))
                .collect();
            rows.push(format!("{table}: {}", values.join("|")));
        }
    }
    Ok(rows)
}

/// A file with one invoice issued and queued for sending (key `key-1`), and a second draft.
fn issued_and_queued() -> Result<(tempfile::TempDir, Store, InvoiceId, InvoiceId), StoreError> {
    let (dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let invoice = samples::domestic_invoice(date("2026-05-04"));
    let issued = store.create_draft(customer, &invoice, now())?;
    store.issue_invoice_for_sending(
        issued,
        now(),
        |_| Ok(()),
        &NewOutboxEntry {
            idempotency_key: "key-1".to_owned(),
            routing: r#"{"choice":"auto"}"#.to_owned(),
        },
    )?;
    let draft = store.create_draft(customer, &invoice, now())?;
    Ok((dir, store, issued, draft))
}

/// The issued row again, as a draft with other amounts (the columns not named take defaults).
const INVOICE_COLUMNS: &str =
    "(id, kind, status, series_id, customer_id, buyer_name, issue_date, due_date,
    payment_terms, created_at, updated_at, payable)";
const INVOICE_AS_DRAFT: &str =
    "SELECT id, kind, 'draft', series_id, customer_id, buyer_name, issue_date,
    due_date, payment_terms, created_at, updated_at, '1' FROM invoices WHERE id = ?1";
/// A line of the issued invoice again, with another quantity.
const LINE_COLUMNS: &str = "(invoice_id, position, article_number, description, quantity, unit,
    unit_price, discount_kind, discount_value, vat_treatment, vat_rate, vat_category, net_amount)";
const LINE_CHANGED: &str = "SELECT invoice_id, position, article_number, description, '1000', unit,
    unit_price, discount_kind, discount_value, vat_treatment, vat_rate, vat_category, net_amount
    FROM invoice_lines WHERE invoice_id = ?1";
/// The outbox entry again, with another key.
const OUTBOX_COLUMNS: &str = "(invoice_id, sequence, idempotency_key, state, routing,
    next_attempt_at, enqueued_at, updated_at)";
const OUTBOX_NEW_KEY: &str = "SELECT invoice_id, sequence, 'key-2', 'queued', routing, 0,
    enqueued_at, updated_at FROM outbox WHERE invoice_id = ?1";

#[test]
fn no_statement_form_changes_an_issued_invoice_its_lines_or_its_outbox_key() -> TestResult {
    let (_dir, store, issued, draft) = issued_and_queued()?;
    let before = snapshot(&store)?;
    let attempts: Vec<String> = vec![
        // UPDATE and DELETE (refused before this change too).
        "UPDATE invoices SET payable = '1' WHERE id = ?1".into(),
        "DELETE FROM invoices WHERE id = ?1".into(),
        "UPDATE invoice_lines SET quantity = '1000' WHERE invoice_id = ?1".into(),
        "DELETE FROM invoice_lines WHERE invoice_id = ?1".into(),
        "UPDATE outbox SET idempotency_key = 'key-2' WHERE invoice_id = ?1".into(),
        "DELETE FROM outbox WHERE invoice_id = ?1".into(),
        // INSERT OR REPLACE and REPLACE: the issued row back as a draft with other amounts.
        format!("INSERT OR REPLACE INTO invoices {INVOICE_COLUMNS} {INVOICE_AS_DRAFT}"),
        format!("REPLACE INTO invoices {INVOICE_COLUMNS} {INVOICE_AS_DRAFT}"),
        format!("INSERT OR REPLACE INTO invoice_lines {LINE_COLUMNS} {LINE_CHANGED}"),
        format!("REPLACE INTO invoice_lines {LINE_COLUMNS} {LINE_CHANGED}"),
        // The outbox entry replaced by one with another key (the old key is lost).
        format!("INSERT OR REPLACE INTO outbox {OUTBOX_COLUMNS} {OUTBOX_NEW_KEY}"),
        format!("REPLACE INTO outbox {OUTBOX_COLUMNS} {OUTBOX_NEW_KEY}"),
        // UPSERT: the conflict turned into an update.
        format!(
            "INSERT INTO invoices {INVOICE_COLUMNS} {INVOICE_AS_DRAFT}
             ON CONFLICT (id) DO UPDATE SET status = 'draft', number = NULL, number_text = NULL,
                 issued_at = NULL, payable = '1'"
        ),
        format!(
            "INSERT INTO invoice_lines {LINE_COLUMNS} {LINE_CHANGED}
             ON CONFLICT (invoice_id, position) DO UPDATE SET quantity = '1000'"
        ),
        format!(
            "INSERT INTO outbox {OUTBOX_COLUMNS} {OUTBOX_NEW_KEY}
             ON CONFLICT (invoice_id) DO UPDATE SET idempotency_key = excluded.idempotency_key"
        ),
        // UPDATE OR REPLACE: another row moved onto the issued one's key deletes it.
        format!(
            "UPDATE OR REPLACE invoices SET id = ?1 WHERE id = {}",
            draft.0
        ),
        format!(
            "UPDATE OR REPLACE invoice_lines SET invoice_id = ?1 WHERE invoice_id = {}",
            draft.0
        ),
    ];
    for sql in &attempts {
        let result = store.raw_connection().execute(sql, [issued]);
        let error = StoreError::from(result.expect_err(sql));
        assert!(
            matches!(
                error.kind(),
                StoreErrorKind::Conflict | StoreErrorKind::Invalid
            ),
            "{sql}: {error:?}"
        );
        assert_eq!(snapshot(&store)?, before, "{sql} changed the file");
    }
    let check: String = store
        .raw_connection()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    assert_eq!(check, "ok");
    Ok(())
}

#[test]
fn no_statement_form_resets_a_used_number_series_or_rewrites_the_delivery_log() -> TestResult {
    let (_dir, store, issued, _draft) = issued_and_queued()?;
    let before = snapshot(&store)?;
    let attempts = [
        "INSERT OR REPLACE INTO number_series (id, name, prefix, next_number, is_default)
         SELECT id, name, prefix, 1, is_default FROM number_series WHERE is_default = 1",
        "REPLACE INTO number_series (id, name, prefix, next_number, is_default)
         SELECT id, name, prefix, 1, is_default FROM number_series WHERE is_default = 1",
        "INSERT INTO number_series (id, name, prefix, next_number, is_default)
         SELECT id, name, prefix, 1, is_default FROM number_series WHERE is_default = 1
         ON CONFLICT (id) DO UPDATE SET next_number = 1",
        "INSERT OR REPLACE INTO delivery_events (id, invoice_id, at, kind, message)
         SELECT id, invoice_id, at, 'handled', 'rewritten' FROM delivery_events WHERE true",
        "REPLACE INTO delivery_events (id, invoice_id, at, kind, message)
         SELECT id, invoice_id, at, 'handled', 'rewritten' FROM delivery_events WHERE true",
    ];
    for sql in attempts {
        let result = store.raw_connection().execute(sql, []);
        let error = StoreError::from(result.expect_err(sql));
        assert!(
            matches!(
                error.kind(),
                StoreErrorKind::Conflict | StoreErrorKind::Invalid
            ),
            "{sql}: {error:?}"
        );
        assert_eq!(snapshot(&store)?, before, "{sql} changed the file");
    }
    assert_eq!(
        store
            .outbox_entry(issued)?
            .map(|entry| entry.idempotency_key),
        Some("key-1".to_owned())
    );
    Ok(())
}

#[test]
fn the_store_connection_runs_with_recursive_triggers() -> TestResult {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let on: i64 = store
        .raw_connection()
        .pragma_query_value(None, "recursive_triggers", |row| row.get(0))?;
    assert_eq!(on, 1);
    Ok(())
}
