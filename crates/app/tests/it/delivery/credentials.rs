//! Credentials: the connection test, a token that expires between sends, and an unverified
//! company, whose invoices stay queued (paused, nothing lost) until the problem is fixed.

use std::time::Instant;

use fakturera_app::delivery::DeliveryStateCode;
use fakturera_store::{DeliveryChoice, InvoiceId, OutboxState};

use super::{add_customer, draft, later, setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_that_expires_mid_run_is_renewed_without_losing_an_invoice() {
    let setup = setup().await;
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let first = [draft(&setup, customer), draft(&setup, customer)];
    for id in first {
        setup.app.send_invoice(id, later(0)).expect("queued");
    }
    assert_eq!(
        setup
            .worker
            .run_once(later(0))
            .await
            .expect("pass")
            .handed_over,
        2
    );
    setup.sandbox.state().lock().expire_tokens(Instant::now());
    let second = [draft(&setup, customer), draft(&setup, customer)];
    for id in second {
        setup.app.send_invoice(id, later(1)).expect("queued");
    }
    let report = setup.worker.run_once(later(1)).await.expect("pass");
    assert_eq!(report.handed_over, 2, "{report:?}");
    let summary = setup.sandbox.state().lock().token_summary(Instant::now());
    assert!(summary.issued >= 2, "a new token was fetched: {summary:?}");
    assert_eq!(setup.sandbox.state().lock().received().len(), 4);
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unverified_company_pauses_sending_and_nothing_is_lost() {
    let setup = setup().await;
    setup.sandbox.state().lock().companies[0].verified = false;
    let report = setup
        .app
        .test_autoinvoice_connection(setup.keychain.as_ref())
        .await
        .expect("report");
    assert!(
        report.credentials_ok && !report.company_verified,
        "{report:?}"
    );
    assert!(
        report.message.contains("inte verifierat"),
        "{}",
        report.message
    );

    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    let key = setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("queued")
        .idempotency_key;
    let report = setup.worker.run_once(later(0)).await.expect("pass");
    assert!(
        report.paused,
        "{report:?} {:?}",
        setup.app.delivery_status(id)
    );
    let status = setup.app.delivery_status(id).expect("status");
    assert_eq!(status.state, DeliveryStateCode::Paused);
    assert!(
        status
            .detail
            .as_deref()
            .is_some_and(|detail| detail.contains("BankID")),
        "{status:?}"
    );
    // Later passes do not hammer AutoInvoice while paused.
    let calls = setup.sandbox.state().lock().calls.len();
    setup.worker.run_once(later(600)).await.expect("pass");
    assert_eq!(setup.sandbox.state().lock().calls.len(), calls);
    assert!(setup.sandbox.state().lock().received().is_empty());

    // Verified at AutoInvoice; "Testa anslutningen" succeeds and lifts the pause.
    setup.sandbox.state().lock().companies[0].verified = true;
    let report = setup
        .app
        .test_autoinvoice_connection(setup.keychain.as_ref())
        .await
        .expect("report");
    assert!(
        report.credentials_ok && report.company_verified,
        "{report:?}"
    );
    setup.worker.run_once(later(601)).await.expect("pass");
    let entry = setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("queued");
    assert_eq!(entry.state, OutboxState::HandedOver);
    assert_eq!(entry.idempotency_key, key, "the same key throughout");
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_keys_are_named_and_the_invoice_waits() {
    let setup = setup().await;
    let mut form = fakturera_app::delivery::AutoInvoiceSettingsForm {
        enabled: true,
        company_id: autoinvoice_sandbox::DEMO_CLIENT_ID.into(),
        environment: fakturera_app::delivery::EnvironmentCode::Sandbox,
        sandbox_url: setup.sandbox.base_url(),
        concurrency: 2,
        api_key: "wrong-key".into(),
        vendor_key: String::new(),
    };
    let view = setup
        .app
        .save_autoinvoice_settings(&form, setup.keychain.as_ref())
        .expect("saved");
    assert!(view.has_api_key && view.has_vendor_key);
    let report = setup
        .app
        .test_autoinvoice_connection(setup.keychain.as_ref())
        .await
        .expect("report");
    assert!(!report.credentials_ok && report.reachable, "{report:?}");
    assert!(report.message.contains("API-nyckel"), "{}", report.message);

    // A missing company id is named by field, in both languages.
    form.company_id.clear();
    let error = setup
        .app
        .save_autoinvoice_settings(&form, setup.keychain.as_ref())
        .expect_err("refused");
    assert_eq!(error.fields[0].field, "company_id");
    setup.app.set_language(fakturera_core::Language::English);
    let error = setup
        .app
        .save_autoinvoice_settings(&form, setup.keychain.as_ref())
        .expect_err("refused");
    assert!(error.fields[0].message.contains("company id"), "{error:?}");
    setup.sandbox.shutdown().await;
}
