//! Faults on the way to AutoInvoice: server errors, a timeout, 429 with Retry-After, a reply lost
//! after the invoice was stored, and a 422 rejection with reasons.

use autoinvoice_sandbox::Fault;
use fakturera_app::delivery::DeliveryStateCode;
use fakturera_store::{InvoiceId, OutboxEntry, OutboxState};

use super::{Setup, add_customer, draft, later, setup};

fn upload_fault(status: Option<u16>) -> Fault {
    Fault {
        path: "/v1/invoices".into(),
        method: Some("POST".into()),
        times: 1,
        status,
        body: None,
        retry_after: None,
        delay_ms: None,
        drop_connection: false,
    }
}

fn entry(setup: &Setup, id: i64) -> OutboxEntry {
    setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("queued")
}

async fn one_queued(setup: &Setup) -> i64 {
    let customer = add_customer(
        setup,
        "Mejla AB",
        "5560360793",
        fakturera_store::DeliveryChoice::Email,
    );
    let id = draft(setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    id
}

fn uploads(setup: &Setup) -> usize {
    setup
        .sandbox
        .state()
        .lock()
        .calls
        .iter()
        .filter(|call| call.method == "POST" && call.path == "/v1/invoices")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_server_errors_then_success_with_growing_waits() {
    let setup = setup().await;
    setup.sandbox.state().lock().faults.push(Fault {
        times: 3,
        ..upload_fault(Some(500))
    });
    let id = one_queued(&setup).await;
    let mut now = later(0);
    let mut waits = Vec::new();
    for _ in 0..3 {
        setup.worker.run_once(now).await.expect("pass");
        let queued = entry(&setup, id);
        assert_eq!(queued.state, OutboxState::Queued);
        assert_eq!(
            queued.last_error.as_ref().map(|e| e.kind.as_str()),
            Some("server_error")
        );
        // Not due before its backoff.
        setup.worker.run_once(now).await.expect("pass");
        waits.push((queued.next_attempt_at - now).num_milliseconds());
        now = queued.next_attempt_at;
    }
    assert!(waits[0] < waits[1] && waits[1] < waits[2], "{waits:?}");
    setup.worker.run_once(now).await.expect("pass");
    let sent = entry(&setup, id);
    assert_eq!((sent.state, sent.attempts), (OutboxState::HandedOver, 4));
    assert_eq!(uploads(&setup), 4);
    assert_eq!(setup.sandbox.state().lock().received().len(), 1);
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timeout_is_retried_and_a_429_waits_as_long_as_asked() {
    let setup = setup().await;
    // The sandbox never answers within the test (ten minutes), so a worker with a 3 s call limit
    // times out on any machine, however fast or slow.
    setup.sandbox.state().lock().faults.push(Fault {
        delay_ms: Some(600_000),
        ..upload_fault(None)
    });
    let id = one_queued(&setup).await;
    let impatient = fakturera_app::delivery::DeliveryWorker::new(
        std::sync::Arc::new(fakturera_app::App::new(
            setup.app.file_path(),
            fakturera_core::Language::Swedish,
        )),
        setup.keychain.clone(),
        fakturera_app::delivery::WorkerOptions {
            request_timeout: std::time::Duration::from_secs(3),
            ..super::fast_options()
        },
    );
    impatient.run_once(later(0)).await.expect("pass");
    let waited = entry(&setup, id);
    assert_eq!(waited.state, OutboxState::Queued);
    assert_eq!(
        waited.last_error.as_ref().map(|e| e.kind.as_str()),
        Some("timeout")
    );
    assert_eq!(
        setup.app.delivery_status(id).expect("status").state,
        DeliveryStateCode::WaitingForConnection
    );

    setup.sandbox.state().lock().faults.push(Fault {
        retry_after: Some(7),
        ..upload_fault(Some(429))
    });
    let now = waited.next_attempt_at;
    setup.worker.run_once(now).await.expect("pass");
    let limited = entry(&setup, id);
    assert_eq!(
        limited.last_error.as_ref().map(|e| e.kind.as_str()),
        Some("rate_limited")
    );
    assert!(
        (limited.next_attempt_at - now).num_seconds() >= 7,
        "Retry-After honoured: {}",
        limited.next_attempt_at - now
    );
    setup
        .worker
        .run_once(limited.next_attempt_at)
        .await
        .expect("pass");
    assert_eq!(entry(&setup, id).state, OutboxState::HandedOver);
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_reply_after_storing_leaves_exactly_one_copy() {
    let setup = setup().await;
    setup.sandbox.state().lock().faults.push(Fault {
        drop_connection: true,
        ..upload_fault(None)
    });
    let id = one_queued(&setup).await;
    setup.worker.run_once(later(0)).await.expect("pass");
    let lost = entry(&setup, id);
    assert_eq!(lost.state, OutboxState::Queued, "the reply never came");
    assert_eq!(
        setup.sandbox.state().lock().received().len(),
        1,
        "but it was stored"
    );
    setup
        .worker
        .run_once(lost.next_attempt_at)
        .await
        .expect("pass");
    let sent = entry(&setup, id);
    assert_eq!(sent.state, OutboxState::HandedOver);
    let received = setup.sandbox.state().lock().received();
    assert_eq!(
        received.len(),
        1,
        "the retry with the same uuid stored nothing new"
    );
    assert_eq!(received[0].uuid, sent.idempotency_key);
    assert_eq!(
        sent.remote_id.as_deref(),
        Some(received[0].invoice_id.as_str())
    );
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejection_shows_its_reasons_and_is_not_retried() {
    let setup = setup().await;
    setup.sandbox.state().lock().faults.push(Fault {
        body: Some(serde_json::json!({
            "code": "VALIDATION_FAILED",
            "message": "Rejected",
            "details": ["BR-CO-15 totals do not add up", "BR-16 at least one line"]
        })),
        ..upload_fault(Some(422))
    });
    let id = one_queued(&setup).await;
    let report = setup.worker.run_once(later(0)).await.expect("pass");
    assert_eq!(report.failed, 1);
    let status = setup.app.delivery_status(id).expect("status");
    assert_eq!(status.state, DeliveryStateCode::Failed);
    assert_eq!(
        status.reasons,
        ["BR-CO-15 totals do not add up", "BR-16 at least one line"]
    );
    assert!(!status.can_reroute, "AutoInvoice never took it");
    assert!(status.can_mark_handled);
    let notices = setup.app.delivery_notices().expect("notices");
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].message.contains("kunde inte levereras"),
        "{notices:?}"
    );
    for seconds in [60, 3600, 86_400] {
        setup.worker.run_once(later(seconds)).await.expect("pass");
    }
    assert_eq!(uploads(&setup), 1, "not retried");

    let handled = setup
        .app
        .mark_delivery_handled(id, "Skickad med post för hand", later(90_000))
        .expect("handled");
    assert_eq!(handled.state, DeliveryStateCode::Handled);
    assert!(setup.app.delivery_notices().expect("notices").is_empty());
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_delivery_is_rerouted_to_email_and_ends_delivered() {
    let setup = setup().await;
    {
        let mut state = setup.sandbox.state().lock();
        state.progression.outcome = autoinvoice_sandbox::ProgressionOutcome::Failed;
        state.progression.message = Some("Mailbox full".into());
    }
    let id = one_queued(&setup).await;
    setup.worker.run_once(later(0)).await.expect("pass");
    super::pass_until(&setup, 1, 5, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Failed
    })
    .await;
    let failed = setup.app.delivery_status(id).expect("status");
    assert!(
        failed
            .detail
            .as_deref()
            .is_some_and(|d| d.contains("Mailbox full")),
        "{failed:?}"
    );
    assert!(failed.can_reroute);

    setup.sandbox.state().lock().progression.outcome =
        autoinvoice_sandbox::ProgressionOutcome::Delivered;
    let request = fakturera_app::delivery::RerouteRequest {
        invoice_id: id,
        channel: fakturera_app::delivery::RerouteChannel::Email,
        email: "annan@kund.se".into(),
    };
    let rerouted = setup
        .app
        .reroute_delivery(&request, setup.keychain.as_ref(), later(10))
        .await
        .expect("rerouted");
    assert_eq!(rerouted.state, DeliveryStateCode::HandedOver);
    super::pass_until(&setup, 20, 10, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
    })
    .await;
    let timeline = setup.app.delivery_timeline(id).expect("timeline");
    assert_eq!(timeline.status.label, "Levererad (e-post)");
    let kinds: Vec<&str> = timeline.events.iter().map(|e| e.kind.as_str()).collect();
    assert!(
        kinds.contains(&"failed") && kinds.contains(&"rerouted"),
        "{kinds:?}"
    );
    setup.sandbox.shutdown().await;
}

/// The reported storm: a 429 with an absurd Retry-After made the sender panic, the entry stayed
/// `sending` (always due) and was posted again and again without backoff. Now the wait is bounded
/// to an hour where it is read, and each invoice is posted once until then.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_absurd_retry_after_waits_an_hour_and_posts_each_invoice_once() {
    let setup = setup().await;
    setup.sandbox.state().lock().faults.push(Fault {
        times: 1000,
        retry_after: Some(u64::MAX),
        ..upload_fault(Some(429))
    });
    let customer = add_customer(
        &setup,
        "Mejla AB",
        "5560360793",
        fakturera_store::DeliveryChoice::Email,
    );
    let ids: Vec<i64> = (0..5).map(|_| draft(&setup, customer)).collect();
    for id in &ids {
        setup.app.send_invoice(*id, later(0)).expect("queued");
    }
    for second in 0..20 {
        setup.worker.run_once(later(second)).await.expect("pass");
    }
    assert_eq!(uploads(&setup), 5, "one post each, then the wait");
    for id in &ids {
        let waiting = entry(&setup, *id);
        assert_eq!(waiting.state, OutboxState::Queued);
        let wait = (waiting.next_attempt_at - later(0)).num_seconds();
        assert!((3600..3600 + 60).contains(&wait), "{wait}");
    }
    setup.sandbox.shutdown().await;
}

/// A 409 "duplicate" for an invoice the operator cannot find by uuid or number: its status can never
/// be asked for, so the entry fails with a notice instead of being polled for ever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_without_an_id_fails_with_a_notice_instead_of_polling_nothing() {
    let setup = setup().await;
    setup.sandbox.state().lock().faults.push(Fault {
        body: Some(
            serde_json::json!({"code": "DUPLICATE_UUID", "message": "Duplicate", "details": []}),
        ),
        ..upload_fault(Some(409))
    });
    let id = one_queued(&setup).await;
    setup.worker.run_once(later(0)).await.expect("pass");
    let failed = entry(&setup, id);
    assert_eq!(failed.state, OutboxState::Failed);
    assert_eq!(failed.remote_id, None);
    assert_eq!(
        failed.last_error.as_ref().map(|error| error.kind.as_str()),
        Some("duplicate_without_id")
    );
    let notices = setup.app.delivery_notices().expect("notices");
    assert_eq!(notices.len(), 1, "{notices:?}");
    setup.sandbox.shutdown().await;
}

/// Status polls that keep failing end in a notice (the polls go on); one that is answered again
/// clears the error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_polls_that_keep_failing_raise_a_notice() {
    let setup = setup().await;
    setup.sandbox.state().lock().progression.outcome =
        autoinvoice_sandbox::ProgressionOutcome::Manual;
    let id = one_queued(&setup).await;
    setup.worker.run_once(later(0)).await.expect("pass");
    assert_eq!(entry(&setup, id).state, OutboxState::HandedOver);
    setup.sandbox.state().lock().faults.push(Fault {
        path: "/v1/invoices/*".into(),
        method: Some("GET".into()),
        times: 1000,
        status: Some(503),
        body: None,
        retry_after: None,
        delay_ms: None,
        drop_connection: false,
    });
    let limit = super::fast_options().poll_errors_before_notice;
    let mut now = later(0);
    for _ in 0..limit {
        now = entry(&setup, id).next_poll_at.expect("polled");
        setup.worker.run_once(now).await.expect("pass");
    }
    let stuck = entry(&setup, id);
    assert_eq!(stuck.state, OutboxState::HandedOver, "still polled");
    assert_eq!(stuck.poll_errors, limit);
    let notices = setup.app.delivery_notices().expect("notices");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].message.contains("AutoInvoice"), "{notices:?}");

    setup.sandbox.state().lock().faults.clear();
    let next = stuck.next_poll_at.expect("polled");
    assert!(next > now);
    setup.worker.run_once(next).await.expect("pass");
    let answered = entry(&setup, id);
    assert_eq!((answered.poll_errors, answered.last_error), (0, None));
    setup.sandbox.shutdown().await;
}

/// "Markera som hanterad" only where AutoInvoice cannot deliver the invoice on its own: an entry
/// tried without a sure answer (a timeout) may be with AutoInvoice, so it is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_autoinvoice_may_hold_cannot_be_marked_handled() {
    let setup = setup().await;
    setup.sandbox.state().lock().faults.push(Fault {
        drop_connection: true,
        ..upload_fault(None)
    });
    let id = one_queued(&setup).await;
    setup.worker.run_once(later(0)).await.expect("pass");
    let status = setup.app.delivery_status(id).expect("status");
    assert_eq!(status.state, DeliveryStateCode::WaitingForConnection);
    assert!(!status.can_mark_handled, "{status:?}");
    let refused = setup
        .app
        .mark_delivery_handled(id, "Skickad med post", later(1))
        .expect_err("AutoInvoice may have it");
    assert_eq!(refused.code, fakturera_app::ErrorCode::Conflict);
    assert_eq!(setup.sandbox.state().lock().received().len(), 1, "it does");
    setup.sandbox.shutdown().await;
}

/// "Skicka kopia": a delivered invoice goes once more, by e-mail, to another address; the same
/// invoice at AutoInvoice (rerouted), polled until the copy is delivered, the address in the
/// timeline. Anything but a delivered invoice, or an address that is not one, is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copy_of_a_delivered_invoice_goes_by_email_to_another_address() {
    let setup = setup().await;
    let id = one_queued(&setup).await;
    let early = setup
        .app
        .send_invoice_copy(id, "ekonomi@kund.se", setup.keychain.as_ref(), later(0))
        .await
        .expect_err("not delivered yet");
    assert!(early.message.contains("levererad"), "{}", early.message);

    setup.worker.run_once(later(0)).await.expect("pass");
    super::pass_until(&setup, 1, 5, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
    })
    .await;
    assert!(setup.app.delivery_status(id).expect("status").can_send_copy);

    let bad = setup
        .app
        .send_invoice_copy(id, "ekonomi at kund", setup.keychain.as_ref(), later(30))
        .await
        .expect_err("not an address");
    assert_eq!(bad.fields[0].field, "email");
    let none = setup
        .app
        .send_invoice_copy(id, " ", setup.keychain.as_ref(), later(30))
        .await
        .expect_err("no address typed and none saved on the customer");
    assert_eq!(none.fields[0].field, "email");

    // With none typed, the copy goes to the customer's saved e-mail for copies.
    let customer_id = setup
        .app
        .invoice_detail(id, later(30).date_naive())
        .expect("detail")
        .customer
        .id;
    let mut form = setup.app.customer(customer_id).expect("customer").form;
    form.copy_email = "ekonomi@kund.se".to_owned();
    setup
        .app
        .update_customer(customer_id, &form, later(30).date_naive())
        .expect("copy address saved");
    let copied = setup
        .app
        .send_invoice_copy(id, "", setup.keychain.as_ref(), later(30))
        .await
        .expect("copy sent");
    assert_eq!(copied.state, DeliveryStateCode::HandedOver);
    assert!(!copied.can_send_copy);
    super::pass_until(&setup, 40, 10, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
    })
    .await;
    let timeline = setup.app.delivery_timeline(id).expect("timeline");
    let copy = timeline
        .events
        .iter()
        .find(|event| event.kind == "copy_sent")
        .expect("the copy is in the timeline");
    assert_eq!(copy.label, "Kopia skickad med e-post till ekonomi@kund.se");
    assert!(
        timeline
            .events
            .iter()
            .any(|event| event.kind == "action" && event.message.contains("ekonomi@kund.se")),
        "AutoInvoice was asked to e-mail the copy to the address: {:?}",
        timeline.events
    );
    let delivered = timeline
        .events
        .iter()
        .filter(|event| event.action.as_deref() == Some("DELIVERED"))
        .count();
    assert_eq!(delivered, 2, "the invoice and its copy");
    // One invoice at AutoInvoice: the copy is the same invoice, never a second one.
    assert_eq!(setup.sandbox.state().lock().received().len(), 1);
    setup.sandbox.shutdown().await;
}
