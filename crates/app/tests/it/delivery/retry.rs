//! A failure that is ours can be fixed and sent again: a logo that cannot be drawn (stored before
//! logos were decoded in full) and an answer from AutoInvoice that cannot be read both end
//! "failed" without AutoInvoice holding the invoice; "Försök igen" says what to fix, and once it
//! is fixed sends the same invoice with the same idempotency key, delivered exactly once.

use autoinvoice_sandbox::Fault;
use fakturera_app::ErrorCode;
use fakturera_app::delivery::DeliveryStateCode;
use fakturera_store::{DeliveryChoice, InvoiceId, Logo};

use super::{Setup, add_customer, draft, later, pass_until, setup};

fn key(setup: &Setup, id: i64) -> String {
    setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("queued")
        .idempotency_key
}

fn uploads_with(setup: &Setup, key: &str) -> usize {
    setup
        .sandbox
        .state()
        .lock()
        .received()
        .iter()
        .filter(|upload| upload.uuid == key)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logo_that_cannot_be_drawn_is_named_and_a_retry_sends_once_it_is_replaced() {
    let setup = setup().await;
    // A file from before logos were decoded when set: the header reads, the pixels do not.
    setup
        .app
        .with_store(|store| {
            store.set_company_logo(Some(&Logo {
                bytes: b"\x89PNG\r\n\x1a\n not really".to_vec(),
                media_type: "image/png".into(),
            }))
        })
        .expect("logo stored");
    let customer = add_customer(&setup, "Brevet AB", "5560360793", DeliveryChoice::Letter);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    let first_key = key(&setup, id);
    setup.worker.run_once(later(0)).await.expect("pass");

    let failed = setup.app.delivery_status(id).expect("status");
    assert_eq!(failed.state, DeliveryStateCode::Failed);
    assert!(failed.can_retry && !failed.can_reroute, "{failed:?}");
    let detail = failed.detail.clone().unwrap_or_default();
    assert!(detail.contains("ogotyp"), "what to fix: {detail}");
    assert_eq!(uploads_with(&setup, &first_key), 0);

    // Trying again before the logo is fixed says what to fix and changes nothing.
    let refused = setup
        .app
        .retry_delivery(id, later(10))
        .expect_err("the logo is still broken");
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert_eq!(refused.fields[0].field, "logo");
    assert_eq!(
        setup.app.delivery_status(id).expect("status").state,
        DeliveryStateCode::Failed
    );

    setup.app.remove_company_logo().expect("logo removed");
    let again = setup
        .app
        .retry_delivery(id, later(20))
        .expect("queued again");
    assert_eq!(again.state, DeliveryStateCode::Queued);
    assert_eq!(key(&setup, id), first_key, "the same idempotency key");
    pass_until(&setup, 20, 10, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
    })
    .await;
    assert_eq!(uploads_with(&setup, &first_key), 1);
    let timeline = setup.app.delivery_timeline(id).expect("timeline");
    assert_eq!(timeline.status.label, "Levererad (brev)");
    let kinds: Vec<&str> = timeline.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(&kinds[..4], ["queued", "failed", "retried", "handed_over"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_answer_fails_without_a_remote_id_and_send_tries_again_with_the_same_key() {
    let setup = setup().await;
    // AutoInvoice answers 201 with something that is not an invoice.
    setup.sandbox.state().lock().faults.push(Fault {
        path: "/v1/invoices".into(),
        method: Some("POST".into()),
        times: 1,
        status: Some(201),
        body: Some(serde_json::json!("<html>gateway</html>")),
        retry_after: None,
        delay_ms: None,
        drop_connection: false,
    });
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    let first_key = key(&setup, id);
    setup.worker.run_once(later(0)).await.expect("pass");
    let failed = setup.app.delivery_status(id).expect("status");
    assert_eq!(failed.state, DeliveryStateCode::Failed, "{failed:?}");
    assert!(failed.can_retry, "{failed:?}");

    // "Skicka" on it is the same "Försök igen".
    let again = setup.app.send_invoice(id, later(5)).expect("queued again");
    assert_eq!(again.state, DeliveryStateCode::Queued);
    assert_eq!(key(&setup, id), first_key);
    pass_until(&setup, 5, 10, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
    })
    .await;
    assert_eq!(uploads_with(&setup, &first_key), 1);

    // Once AutoInvoice holds it, there is nothing of ours to retry.
    let held = setup
        .app
        .retry_delivery(id, later(3600))
        .expect_err("delivered");
    assert_eq!(held.code, ErrorCode::Conflict);
}
