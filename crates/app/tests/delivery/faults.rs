//! Faults on the way to AutoInvoice: server errors, a timeout, 429 with Retry-After, a reply lost
//! after the invoice was stored, and a 422 rejection with reasons.

use autoinvoice_sandbox::Fault;
use fakturera_app::delivery::DeliveryStateCode;
use fakturera_store::{InvoiceId, OutboxEntry, OutboxState};

use crate::{Setup, add_customer, draft, later, setup};

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
    // The worker's call limit is 2 s; the sandbox answers after 4 s.
    setup.sandbox.state().lock().faults.push(Fault {
        delay_ms: Some(4000),
        ..upload_fault(None)
    });
    let id = one_queued(&setup).await;
    setup.worker.run_once(later(0)).await.expect("pass");
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
    crate::pass_until(&setup, 1, 5, |setup| {
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
    crate::pass_until(&setup, 20, 10, |setup| {
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
