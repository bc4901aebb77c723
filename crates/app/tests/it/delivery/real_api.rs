//! The flows where the real AX API differs from our first contract, through the worker against the
//! sandbox: a resend after a lost reply under every refusal of a reused `uuid` the sandbox can give
//! ends "already sent" and delivered, never failed; a refused token or a 403 pauses sending and
//! says what to do; letters are printed from our PDF because the worker turns `use_own_pdf` on;
//! polling reads the invoice alone; the lookup finds AutoInvoice's own network; and "Testa
//! anslutningen" reports the company's authorization state.

use autoinvoice_sandbox::{DuplicateAnswer, Fault};
use fakturera_app::delivery::DeliveryStateCode;
use fakturera_store::{DeliveryChoice, InvoiceId, OutboxState};

use super::{Setup, add_customer, draft, later, pass_until, setup};

fn fault(path: &str, method: &str, status: Option<u16>) -> Fault {
    Fault {
        path: path.into(),
        method: Some(method.into()),
        times: 1,
        status,
        body: None,
        retry_after: None,
        delay_ms: None,
        drop_connection: false,
    }
}

fn entry(setup: &Setup, id: i64) -> fakturera_store::OutboxEntry {
    setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("queued")
}

fn calls(setup: &Setup, method: &str, path_start: &str) -> usize {
    setup
        .sandbox
        .state()
        .lock()
        .calls
        .iter()
        .filter(|call| call.method == method && call.path.starts_with(path_start))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_reply_ends_delivered_under_every_duplicate_answer() {
    for answer in [
        DuplicateAnswer::Unprocessable,
        DuplicateAnswer::Conflict,
        DuplicateAnswer::BadRequest,
    ] {
        let setup = setup().await;
        {
            let mut state = setup.sandbox.state().lock();
            state.duplicate_answer = answer;
            state.faults.push(Fault {
                drop_connection: true,
                ..fault("/v1/invoices", "POST", None)
            });
        }
        let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
        let id = draft(&setup, customer);
        setup.app.send_invoice(id, later(0)).expect("queued");
        setup.worker.run_once(later(0)).await.expect("pass");
        let lost = entry(&setup, id);
        assert_eq!(
            lost.state,
            OutboxState::Queued,
            "{answer:?}: the reply never came"
        );
        assert_eq!(setup.sandbox.state().lock().received().len(), 1);

        let report = setup
            .worker
            .run_once(lost.next_attempt_at)
            .await
            .expect("pass");
        assert_eq!((report.handed_over, report.failed), (1, 0), "{answer:?}");
        let refused = setup
            .sandbox
            .state()
            .lock()
            .calls
            .iter()
            .rev()
            .find(|call| call.method == "POST" && call.path == "/v1/invoices")
            .map(|call| call.status);
        assert_eq!(refused, Some(answer.status()), "the resend was refused so");
        let sent = entry(&setup, id);
        assert_eq!(sent.state, OutboxState::HandedOver, "{answer:?}");
        assert_eq!(
            sent.remote_id.as_deref(),
            Some(sent.idempotency_key.as_str()),
            "the uuid is the operator's id"
        );
        pass_until(&setup, 1, 10, |setup| {
            setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
        })
        .await;
        let timeline = setup.app.delivery_timeline(id).expect("timeline");
        assert!(
            timeline.events.iter().all(|event| event.kind != "failed"),
            "{answer:?}: never failed: {:?}",
            timeline.events
        );
        assert!(setup.app.delivery_notices().expect("notices").is_empty());
        assert_eq!(setup.sandbox.state().lock().received().len(), 1, "one copy");
        setup.sandbox.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_and_a_403_pause_sending_instead_of_failing() {
    let setup = setup().await;
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let cases = [
        (fault("/oauth2/token", "POST", Some(400)), "API-nyckel"),
        (fault("/v1/invoices", "POST", Some(403)), "behörighet"),
    ];
    for (number, (refusal, advice)) in cases.into_iter().enumerate() {
        let at = i64::try_from(number).expect("small") * 10_000;
        setup
            .sandbox
            .state()
            .lock()
            .expire_tokens(std::time::Instant::now());
        setup.sandbox.state().lock().faults.push(refusal);
        let id = draft(&setup, customer);
        setup.app.send_invoice(id, later(at)).expect("queued");
        let report = setup.worker.run_once(later(at)).await.expect("pass");
        assert!(report.paused && report.failed == 0, "{advice}: {report:?}");
        let status = setup.app.delivery_status(id).expect("status");
        assert_eq!(status.state, DeliveryStateCode::Paused, "{advice}");
        assert!(
            status
                .detail
                .as_deref()
                .is_some_and(|detail| detail.contains(advice) && detail.contains("pausad")),
            "{status:?}"
        );
        // "Testa anslutningen" succeeds now and lifts the pause; the invoice goes.
        let check = setup
            .app
            .test_autoinvoice_connection(setup.keychain.as_ref())
            .await
            .expect("report");
        assert!(check.credentials_ok && check.company_verified, "{check:?}");
        setup.worker.run_once(later(at + 1)).await.expect("pass");
        assert_eq!(entry(&setup, id).state, OutboxState::HandedOver, "{advice}");
    }
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn letters_are_printed_from_our_pdf_and_polling_reads_the_invoice_alone() {
    let setup = setup().await;
    let customer = add_customer(&setup, "Brevet AB", "5560360793", DeliveryChoice::Letter);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    assert!(!setup.sandbox.state().lock().companies[0].use_own_pdf);
    setup.worker.run_once(later(0)).await.expect("pass");
    assert!(
        setup.sandbox.state().lock().companies[0].use_own_pdf,
        "turned on before the first letter"
    );
    pass_until(&setup, 1, 10, |setup| {
        setup.app.delivery_status(id).expect("status").state == DeliveryStateCode::Delivered
    })
    .await;
    let received = setup.sandbox.state().lock().received();
    let names: Vec<String> = received[0].files[0]
        .zip_entries
        .iter()
        .map(|entry| entry.name.clone())
        .collect();
    let number = setup
        .app
        .with_store(|store| store.invoice(InvoiceId(id)))
        .expect("invoice")
        .invoice
        .number
        .expect("issued");
    assert_eq!(
        names,
        [
            format!("faktura_{number}.xml"),
            format!("faktura_{number}.pdf")
        ]
    );
    let timeline = setup.app.delivery_timeline(id).expect("timeline");
    assert!(
        timeline.events.iter().any(|event| {
            event.action.as_deref() == Some("SENT")
                && event.message.contains(&format!(
                    "printed from the invoice image faktura_{number}.pdf"
                ))
        }),
        "{:?}",
        timeline.events
    );
    assert_eq!(calls(&setup, "PATCH", "/v1/company/settings"), 1);
    assert_eq!(
        setup
            .sandbox
            .state()
            .lock()
            .calls
            .iter()
            .filter(|call| call.path.ends_with("/actions"))
            .count(),
        0,
        "the actions come with the invoice"
    );
    // A second letter on the same connection does not ask again.
    let second = draft(&setup, customer);
    setup.app.send_invoice(second, later(5000)).expect("queued");
    setup.worker.run_once(later(5000)).await.expect("pass");
    assert_eq!(
        calls(&setup, "GET", "/v1/company/settings"),
        2,
        "checked once: read, turned on, read back"
    );
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lookup_finds_autoinvoices_own_network_and_the_test_reports_the_state() {
    let setup = setup().await;
    setup
        .sandbox
        .state()
        .lock()
        .receivers
        .push(autoinvoice_sandbox::ReceiverEntry {
            bid: "5560360793".into(),
            eia: "0007:5560360793".into(),
            network: "INTERNAL".into(),
            operator: "MAVENTA".into(),
            document_types: vec!["INVOICE".into()],
            name: "Intern AB".into(),
            country: "SE".into(),
        });
    let found = setup
        .app
        .lookup_receiver("556036-0793", setup.keychain.as_ref(), later(0))
        .await
        .expect("lookup");
    assert!(found.found, "{found:?}");
    assert_eq!(found.einvoice_address.as_deref(), Some("0007:5560360793"));

    setup.sandbox.state().lock().faults.push(Fault {
        body: Some(serde_json::json!({"auth_state": "SENT", "company_state": "UNKNOWN"})),
        ..fault("/v1/company/authorization", "GET", Some(200))
    });
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
        report.message.contains("BankID") && report.message.contains("company_state UNKNOWN"),
        "{}",
        report.message
    );
    setup.sandbox.shutdown().await;
}
