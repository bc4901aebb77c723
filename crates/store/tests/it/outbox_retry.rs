//! Sending again after our own failure (same key, fresh routing) and the delivered history the
//! demo company's older invoices carry.

use chrono::TimeDelta;
use fakturera_core::Text;
use fakturera_store::{
    DeliveredHistory, DeliveryEventKind, DeliveryFailure, NewOutboxEntry, OutboxError, OutboxState,
    StoreErrorKind,
};

use crate::invoices::{date, now, prepared_store};
use crate::temp_file;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn entry(key: &str, routing: &str) -> NewOutboxEntry {
    NewOutboxEntry {
        idempotency_key: key.to_owned(),
        routing: routing.to_owned(),
    }
}

fn ours() -> DeliveryFailure {
    DeliveryFailure {
        error: OutboxError {
            kind: "document".to_owned(),
            message: Text::new("Logotypen är skadad", "The logo is broken"),
        },
        reasons: Vec::new(),
        channel: None,
    }
}

#[test]
fn a_failure_autoinvoice_never_held_goes_back_to_the_queue_with_its_key() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let invoice = fakturera_core::samples::domestic_invoice(date("2026-05-04"));
    let ours_id = store.create_draft(customer, &invoice, now())?;
    let theirs_id = store.create_draft(customer, &invoice, now())?;
    store.issue_invoice_for_sending(ours_id, now(), |_| Ok(()), &entry("k1", "{}"))?;
    store.issue_invoice_for_sending(theirs_id, now(), |_| Ok(()), &entry("k2", "{}"))?;
    let t = now();
    store.mark_outbox_sending(ours_id, t)?;
    store.mark_outbox_failed(ours_id, &ours(), t)?;
    // Only a failed entry can be retried.
    assert_eq!(
        store
            .retry_failed_outbox_entry(theirs_id, "{}", t)
            .expect_err("queued, not failed")
            .kind(),
        StoreErrorKind::Conflict
    );

    let later = t + TimeDelta::minutes(5);
    let retried = store.retry_failed_outbox_entry(ours_id, r#"{"choice":"letter"}"#, later)?;
    assert_eq!(
        (
            retried.state,
            retried.idempotency_key.as_str(),
            retried.routing.as_str(),
            retried.attempts
        ),
        (OutboxState::Queued, "k1", r#"{"choice":"letter"}"#, 1)
    );
    assert!(retried.last_error.is_none() && !retried.notice_pending);
    assert_eq!(store.due_outbox_entries(later, 10)?[0].invoice_id, ours_id);
    let kinds: Vec<DeliveryEventKind> = store
        .delivery_events(ours_id)?
        .iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            DeliveryEventKind::Queued,
            DeliveryEventKind::Failed,
            DeliveryEventKind::Retried
        ]
    );

    // Once AutoInvoice holds the invoice, a retry would be a second invoice: refused.
    store.mark_outbox_sending(theirs_id, t)?;
    store.mark_outbox_handed_over(theirs_id, "ax-2", Some("email"), t, t)?;
    store.mark_outbox_failed(theirs_id, &ours(), t)?;
    assert_eq!(
        store
            .retry_failed_outbox_entry(theirs_id, "{}", later)
            .expect_err("held by AutoInvoice")
            .kind(),
        StoreErrorKind::Conflict
    );
    Ok(())
}

#[test]
fn a_delivered_history_is_one_entry_with_its_whole_timeline() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let invoice = fakturera_core::samples::domestic_invoice(date("2026-05-04"));
    let id = store.create_draft(customer, &invoice, now())?;
    let history = DeliveredHistory {
        entry: entry("demo-1", r#"{"choice":"letter"}"#),
        remote_id: "demo-ax-1".to_owned(),
        channel: "print".to_owned(),
        queued_at: now(),
        delivered_at: now() + TimeDelta::days(1),
    };
    // Only issued invoices have a delivery.
    assert!(store.record_delivered_history(id, &history).is_err());
    assert_eq!(store.outbox_entry(id)?, None);

    store.issue_invoice(id, now(), |_| Ok(()))?;
    assert_eq!(store.issued_unsent_invoices()?, vec![id]);
    store.record_delivered_history(id, &history)?;
    let entry = store.outbox_entry(id)?.expect("recorded");
    assert_eq!(
        (
            entry.state,
            entry.channel.as_deref(),
            entry.remote_id.as_deref()
        ),
        (OutboxState::Delivered, Some("print"), Some("demo-ax-1"))
    );
    assert!(store.issued_unsent_invoices()?.is_empty());
    let actions: Vec<Option<String>> = store
        .delivery_events(id)?
        .into_iter()
        .map(|event| event.action)
        .collect();
    assert_eq!(
        actions,
        [
            None,
            None,
            Some("CREATED".to_owned()),
            Some("SENT".to_owned()),
            Some("DELIVERED".to_owned())
        ]
    );
    // Recorded once: a second history (or a send) is refused.
    assert!(store.record_delivered_history(id, &history).is_err());
    Ok(())
}
