//! The outbox: issuing and queueing in one transaction, the state machine, the timeline and the
//! AutoInvoice settings, against real company files.

use chrono::{Duration, TimeDelta};
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{
    AutoInvoiceEnvironment, DeliveryEventKind, DeliveryFailure, InvoiceId, NewDeliveryEvent,
    NewOutboxEntry, OutboxError, OutboxState, Store, StoreErrorKind,
};

use crate::invoices::{date, now, prepared_store};
use crate::temp_file;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn entry(key: &str) -> NewOutboxEntry {
    NewOutboxEntry {
        idempotency_key: key.to_owned(),
        routing: r#"{"choice":"auto"}"#.to_owned(),
    }
}

fn draft(store: &mut Store, customer: fakturera_store::CustomerId) -> InvoiceId {
    let invoice = fakturera_core::samples::domestic_invoice(date("2026-05-04"));
    store
        .create_draft(customer, &invoice, now())
        .expect("draft")
}

fn issue_and_queue(store: &mut Store, id: InvoiceId, key: &str) {
    store
        .issue_invoice_for_sending(id, now(), |_| Ok(()), &entry(key))
        .expect("issued and queued");
}

fn transient() -> OutboxError {
    OutboxError {
        kind: "connection".to_owned(),
        message: Text::new("Ingen anslutning", "No connection"),
    }
}

#[test]
fn issuing_for_sending_numbers_and_queues_in_one_commit() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let first = draft(&mut store, customer);
    let issued = store.issue_invoice_for_sending(first, now(), |_| Ok(()), &entry("key-1"))?;
    assert_eq!(issued.invoice.number.as_deref(), Some("1"));
    let queued = store.outbox_entry(first)?.expect("queued");
    assert_eq!(
        (
            queued.state,
            queued.idempotency_key.as_str(),
            queued.attempts
        ),
        (OutboxState::Queued, "key-1", 0)
    );
    let events = store.delivery_events(first)?;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, DeliveryEventKind::Queued);

    // A failure inside issuing leaves neither a number nor an entry behind.
    let second = draft(&mut store, customer);
    let refused = store.issue_invoice_for_sending(
        second,
        now(),
        |_| {
            Err(FieldErrors::from(FieldError::new(
                "x",
                "y",
                Text::new("sv", "en"),
            )))
        },
        &entry("key-2"),
    );
    assert!(refused.is_err());
    assert_eq!(store.outbox_entry(second)?, None);
    assert_eq!(store.invoice(second)?.invoice.number, None);
    // A duplicate key fails the whole transaction too: the draft keeps no number.
    let duplicate = store.issue_invoice_for_sending(second, now(), |_| Ok(()), &entry("key-1"));
    assert!(duplicate.is_err());
    assert_eq!(store.invoice(second)?.invoice.number, None);
    let issued = store.issue_invoice_for_sending(second, now(), |_| Ok(()), &entry("key-2"))?;
    assert_eq!(
        issued.invoice.number.as_deref(),
        Some("2"),
        "no gap after the failures"
    );
    Ok(())
}

#[test]
fn only_issued_invoices_are_queued_and_only_once() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = draft(&mut store, customer);
    let error = store
        .enqueue_issued_invoice(id, &entry("a"), now())
        .expect_err("a draft cannot be queued");
    assert_eq!(error.kind(), StoreErrorKind::Conflict);
    store.issue_invoice(id, now(), |_| Ok(()))?;
    assert_eq!(store.issued_unsent_invoices()?, vec![id]);
    store.enqueue_issued_invoice(id, &entry("a"), now())?;
    assert_eq!(store.issued_unsent_invoices()?, Vec::<InvoiceId>::new());
    let again = store
        .enqueue_issued_invoice(id, &entry("b"), now())
        .expect_err("queued twice");
    assert_eq!(again.kind(), StoreErrorKind::Conflict);
    // The trigger holds against raw SQL too.
    let other = draft(&mut store, customer);
    let raw = store.raw_connection().execute(
        "INSERT INTO outbox (invoice_id, sequence, idempotency_key, state, routing, next_attempt_at,
             enqueued_at, updated_at) VALUES (?1, 99, 'raw', 'queued', '{}', 0, 'x', 'x')",
        [other],
    );
    assert!(raw.is_err(), "a draft cannot enter the outbox by raw SQL");
    Ok(())
}

#[test]
fn the_key_never_changes_and_rows_and_events_are_kept() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = draft(&mut store, customer);
    issue_and_queue(&mut store, id, "fixed");
    let connection = store.raw_connection();
    for sql in [
        "UPDATE outbox SET idempotency_key = 'other'",
        "UPDATE outbox SET sequence = 7",
        "DELETE FROM outbox",
        "UPDATE delivery_events SET message = 'x'",
        "DELETE FROM delivery_events",
    ] {
        assert!(connection.execute(sql, []).is_err(), "{sql}");
    }
    assert_eq!(
        store.outbox_entry(id)?.expect("kept").idempotency_key,
        "fixed"
    );
    Ok(())
}

#[test]
fn an_entry_walks_the_happy_path_with_its_timeline() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = draft(&mut store, customer);
    issue_and_queue(&mut store, id, "k");
    let t0 = now();

    let sending = store.mark_outbox_sending(id, t0)?;
    assert_eq!((sending.state, sending.attempts), (OutboxState::Sending, 1));
    let retry_at = t0 + Duration::seconds(4);
    let queued = store.mark_outbox_retry(id, &transient(), t0, retry_at)?;
    assert_eq!(queued.state, OutboxState::Queued);
    assert_eq!(queued.last_error.expect("kept").kind, "connection");
    assert!(store.due_outbox_entries(t0, 10)?.is_empty(), "not due yet");
    assert_eq!(store.due_outbox_entries(retry_at, 10)?.len(), 1);
    assert_eq!(store.next_outbox_wakeup()?, Some(retry_at));

    store.mark_outbox_sending(id, retry_at)?;
    let poll_at = retry_at + Duration::seconds(5);
    let handed = store.mark_outbox_handed_over(id, "ax-1", Some("einvoice"), retry_at, poll_at)?;
    assert_eq!(
        (handed.state, handed.remote_id.as_deref(), handed.attempts),
        (OutboxState::HandedOver, Some("ax-1"), 2)
    );
    assert_eq!(handed.last_error, None);
    assert!(store.due_outbox_polls(retry_at, 10)?.is_empty());
    assert_eq!(store.due_outbox_polls(poll_at, 10)?.len(), 1);

    // The same operator action read twice is stored once.
    let action = NewDeliveryEvent {
        kind: DeliveryEventKind::Action,
        at: poll_at,
        action: Some("SENT".to_owned()),
        channel: Some("einvoice".to_owned()),
        message: String::new(),
        dedupe_key: Some("SENT|EINVOICE|2026-05-04T09:30:09Z".to_owned()),
    };
    assert!(store.append_delivery_event(id, &action)?);
    assert!(!store.append_delivery_event(id, &action)?);

    let next = poll_at + Duration::seconds(10);
    let polled = store.record_outbox_poll(id, None, poll_at, next)?;
    assert_eq!((polled.polls, polled.next_poll_at), (1, Some(next)));
    let delivered = store.mark_outbox_delivered(id, Some("einvoice"), next)?;
    assert_eq!(delivered.state, OutboxState::Delivered);
    assert_eq!(delivered.finished_at, Some(next));

    let kinds: Vec<DeliveryEventKind> = store
        .delivery_events(id)?
        .iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            DeliveryEventKind::Queued,
            DeliveryEventKind::HandedOver,
            DeliveryEventKind::Action
        ]
    );
    let counts = store.outbox_counts()?;
    assert_eq!((counts.delivered, counts.unsent()), (1, 0));
    Ok(())
}

#[test]
fn failures_raise_a_notice_and_can_be_rerouted_or_handled() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let first = draft(&mut store, customer);
    let second = draft(&mut store, customer);
    issue_and_queue(&mut store, first, "k1");
    issue_and_queue(&mut store, second, "k2");
    let t = now();
    let failure = DeliveryFailure {
        error: OutboxError {
            kind: "validation_failed".to_owned(),
            message: Text::new("Avvisad", "Rejected"),
        },
        reasons: vec!["BR-CO-15 totals".to_owned(), "BR-16\nline".to_owned()],
        channel: None,
    };
    store.mark_outbox_sending(second, t)?;
    store.mark_outbox_failed(second, &failure, t)?;
    let never_accepted = store
        .mark_outbox_rerouted(second, "{}", "email", t, t)
        .expect_err("nothing to reroute at AutoInvoice");
    assert_eq!(never_accepted.kind(), StoreErrorKind::Conflict);

    store.mark_outbox_sending(first, t)?;
    store.mark_outbox_handed_over(first, "ax-1", None, t, t)?;
    let failed = store.mark_outbox_failed(first, &failure, t)?;
    assert_eq!(failed.state, OutboxState::Failed);
    assert_eq!(failed.reasons, ["BR-CO-15 totals", "BR-16 line"]);
    assert!(failed.notice_pending);
    assert_eq!(store.outbox_notices()?.len(), 2);
    // A failed entry is not sent again.
    assert!(
        store
            .due_outbox_entries(t + TimeDelta::days(1), 10)?
            .is_empty()
    );
    assert_eq!(
        store
            .mark_outbox_sending(first, t)
            .expect_err("failed is final")
            .kind(),
        StoreErrorKind::Conflict
    );
    let rerouted = store.mark_outbox_rerouted(
        first,
        r#"{"choice":"email"}"#,
        "email",
        t,
        t + Duration::seconds(5),
    )?;
    assert_eq!(rerouted.state, OutboxState::HandedOver);
    assert!(!rerouted.notice_pending && rerouted.reasons.is_empty());
    let notices: Vec<InvoiceId> = store
        .outbox_notices()?
        .iter()
        .map(|entry| entry.invoice_id)
        .collect();
    assert_eq!(notices, vec![second]);

    store.dismiss_outbox_notice(second)?;
    assert!(store.outbox_notices()?.is_empty());
    let handled = store.mark_outbox_handled(second, "Skickad per post för hand", t)?;
    assert_eq!(handled.state, OutboxState::Handled);
    let last = store.delivery_events(second)?.pop().expect("event");
    assert_eq!(
        (last.kind, last.message.as_str()),
        (DeliveryEventKind::Handled, "Skickad per post för hand")
    );
    Ok(())
}

#[test]
fn due_entries_come_in_queue_order_with_interrupted_sends_first_class() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let ids: Vec<InvoiceId> = (0..4).map(|_| draft(&mut store, customer)).collect();
    for (index, id) in ids.iter().enumerate() {
        issue_and_queue(&mut store, *id, &format!("k{index}"));
    }
    let t = now();
    // The second was being sent when the process died; the third waits for a retry.
    store.mark_outbox_sending(ids[1], t)?;
    store.mark_outbox_sending(ids[2], t)?;
    store.mark_outbox_retry(ids[2], &transient(), t, t + Duration::minutes(5))?;
    let due: Vec<InvoiceId> = store
        .due_outbox_entries(t, 10)?
        .iter()
        .map(|entry| entry.invoice_id)
        .collect();
    assert_eq!(due, vec![ids[0], ids[1], ids[3]]);
    assert_eq!(store.retry_queued_now(t)?, 1);
    assert_eq!(store.due_outbox_entries(t, 10)?.len(), 4);
    assert_eq!(store.outbox_entries_of(&[ids[0], ids[3]])?.len(), 2);
    Ok(())
}

#[test]
fn settings_round_trip_and_saving_lifts_a_pause() -> TestResult {
    let (_dir, path) = temp_file();
    let (store, customer) = prepared_store(&path)?;
    let defaults = store.autoinvoice_settings()?;
    assert_eq!(
        (defaults.environment, defaults.concurrency, defaults.paused),
        (AutoInvoiceEnvironment::Production, 4, None)
    );
    store.set_autoinvoice_paused(Some(&Text::new("Ej verifierat", "Not verified")))?;
    assert_eq!(
        store.autoinvoice_settings()?.paused.map(|text| text.en),
        Some("Not verified".to_owned())
    );
    store.set_autoinvoice_settings(AutoInvoiceEnvironment::Sandbox, " http://127.0.0.1:9 ", 99)?;
    let saved = store.autoinvoice_settings()?;
    assert_eq!(
        (
            saved.environment,
            saved.sandbox_url.as_str(),
            saved.concurrency,
            saved.paused
        ),
        (
            AutoInvoiceEnvironment::Sandbox,
            "http://127.0.0.1:9",
            32,
            None
        )
    );
    store.set_autoinvoice_company(true, " 7e5b ")?;
    let company = store.company()?;
    assert_eq!(
        (
            company.autoinvoice_enabled,
            company.autoinvoice_company_id.as_str()
        ),
        (true, "7e5b")
    );
    store.set_customer_receiver_lookup(customer, Some("0007:5567212047"), now())?;
    let found = store.customer(customer)?;
    assert_eq!(
        (found.einvoice_address.as_deref(), found.einvoice_checked_at),
        (Some("0007:5567212047"), Some(now()))
    );
    Ok(())
}

fn lease(owner: &str, until: chrono::DateTime<chrono::Utc>) -> fakturera_store::OutboxLease {
    fakturera_store::OutboxLease {
        owner: owner.to_owned(),
        until,
    }
}

#[test]
fn a_claimed_entry_is_left_alone_until_its_lease_ends_or_its_owner_is_gone() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = draft(&mut store, customer);
    issue_and_queue(&mut store, id, "k");
    let t = now();
    let until = t + Duration::minutes(5);

    let claimed = store
        .claim_outbox_entry(id, &lease("a", until), t)?
        .ok_or("free")?;
    assert_eq!(
        (
            claimed.state,
            claimed.attempts,
            claimed.lease_owner.as_deref()
        ),
        (OutboxState::Sending, 1, Some("a"))
    );
    // Another worker neither sees it as due nor can claim it while the lease runs.
    assert!(
        store
            .due_outbox_entries(t + Duration::minutes(1), 10)?
            .is_empty()
    );
    assert!(
        store
            .claim_outbox_entry(id, &lease("b", until), t)?
            .is_none()
    );
    assert_eq!(store.next_outbox_wakeup()?, Some(until));
    assert_eq!(store.outbox_lease_owners(t)?, ["a"]);
    // The owner itself may go again (its own retry within the lease).
    assert!(
        store
            .claim_outbox_entry(id, &lease("a", until), t)?
            .is_some()
    );

    // "a" is proved gone: its lease ends now and the entry is due and free for "b".
    assert_eq!(store.end_outbox_leases_of("a", t)?, 1);
    assert_eq!(store.due_outbox_entries(t, 10)?.len(), 1);
    let taken = store
        .claim_outbox_entry(id, &lease("b", until), t)?
        .ok_or("free after the owner is gone")?;
    assert_eq!(taken.lease_owner.as_deref(), Some("b"));

    // Leaving `sending` clears the lease; a backoff is honoured even by a stale claim.
    let retry_at = t + Duration::seconds(30);
    let queued = store.mark_outbox_retry(id, &transient(), t, retry_at)?;
    assert_eq!((queued.lease_owner, queued.lease_until), (None, None));
    assert!(
        store
            .claim_outbox_entry(id, &lease("a", until), t)?
            .is_none()
    );
    let handed = {
        store
            .claim_outbox_entry(id, &lease("a", retry_at + Duration::minutes(5)), retry_at)?
            .ok_or("due")?;
        store.mark_outbox_handed_over(id, "ax-1", None, retry_at, retry_at)?
    };
    assert_eq!(handed.lease_owner, None);
    // Moved on: a late claim from a stale list is simply not granted.
    assert!(
        store
            .claim_outbox_entry(id, &lease("b", until), retry_at)?
            .is_none()
    );
    Ok(())
}

#[test]
fn failing_status_polls_raise_one_notice_and_an_answer_clears_them() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = draft(&mut store, customer);
    issue_and_queue(&mut store, id, "k");
    let t = now();
    store.mark_outbox_sending(id, t)?;
    store.mark_outbox_handed_over(id, "ax-1", None, t, t)?;
    for round in 1..=4 {
        let entry = store.record_outbox_poll_error(id, &transient(), t, t, 3)?;
        assert_eq!(entry.poll_errors, round);
        assert_eq!(entry.notice_pending, round == 3, "round {round}");
        if round == 3 {
            store.dismiss_outbox_notice(id)?;
        }
    }
    assert!(store.outbox_notices()?.is_empty(), "raised once, not again");
    let answered = store.record_outbox_poll(id, None, t, t)?;
    assert_eq!((answered.poll_errors, answered.last_error), (0, None));
    Ok(())
}

#[test]
fn only_an_entry_autoinvoice_cannot_hold_is_marked_handled() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let t = now();
    let never_tried = draft(&mut store, customer);
    issue_and_queue(&mut store, never_tried, "k1");
    let tried = draft(&mut store, customer);
    issue_and_queue(&mut store, tried, "k2");
    store.mark_outbox_sending(tried, t)?;
    store.mark_outbox_retry(tried, &transient(), t, t)?;

    let refused = store
        .mark_outbox_handled(tried, "skickad för hand", t)
        .expect_err("a post may have reached AutoInvoice");
    assert_eq!(refused.kind(), StoreErrorKind::Conflict);
    assert_eq!(
        store.outbox_entry(tried)?.map(|entry| entry.state),
        Some(OutboxState::Queued)
    );
    let handled = store.mark_outbox_handled(never_tried, "skickad för hand", t)?;
    assert_eq!(handled.state, OutboxState::Handled);
    Ok(())
}

#[test]
fn print_all_leaves_out_letters_autoinvoice_posts_and_keeps_failed_ones() -> TestResult {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let mut letter = store.customer(customer)?;
    letter.delivery_choice = fakturera_store::DeliveryChoice::Letter;
    store.update_customer(customer, &letter)?;
    let [printed, queued, handed_over, failed, unsent] =
        std::array::from_fn(|_| draft(&mut store, customer));
    for (id, key) in [
        (printed, "p"),
        (queued, "q"),
        (handed_over, "h"),
        (failed, "f"),
    ] {
        issue_and_queue(&mut store, id, key);
    }
    store.issue_invoice(unsent, now(), |_| Ok(()))?;
    let t = now();
    store.mark_outbox_sending(handed_over, t)?;
    store.mark_outbox_handed_over(handed_over, "ax-h", Some("print"), t, t)?;
    store.mark_outbox_sending(failed, t)?;
    let failure = DeliveryFailure {
        error: OutboxError {
            kind: "validation_failed".to_owned(),
            message: Text::new("Avvisad", "Rejected"),
        },
        reasons: Vec::new(),
        channel: None,
    };
    store.mark_outbox_failed(failed, &failure, t)?;
    store.mark_outbox_sending(printed, t)?;
    store.mark_outbox_failed(printed, &failure, t)?;
    store.append_invoice_event(
        printed,
        &fakturera_store::InvoiceEventKind::Other(fakturera_store::PRINTED_EVENT.to_owned()),
        "Kontor Kontor-1",
        t,
    )?;

    // Queued and handed over go by AutoInvoice's post; the failed one and the one never sent are
    // the user's to print; the one printed is done.
    assert_eq!(store.unprinted_letter_invoices()?, [failed, unsent]);
    Ok(())
}
