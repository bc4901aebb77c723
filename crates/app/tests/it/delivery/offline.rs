//! Offline is a normal state: with AutoInvoice unreachable, invoices queue and say "Väntar på
//! anslutning"; when it is back, the background worker sends them without anyone asking. And a
//! process that stopped mid-send leaves entries in `sending`, which go again with the same key.

use std::sync::Arc;
use std::time::Duration;

use autoinvoice_sandbox::{Sandbox, SandboxConfig};
use chrono::Utc;
use fakturera_app::delivery::{DeliveryStateCode, SystemWallClock, WallClock};
use fakturera_store::{DeliveryChoice, InvoiceId, OutboxState};

use super::{add_customer, directory, draft, fast_options, later, setup, setup_on};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_invoices_queue_offline_and_go_by_themselves_when_the_service_is_back() {
    let sandbox = Sandbox::start(SandboxConfig {
        receivers: directory(),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox");
    let address = sandbox.address();
    sandbox.shutdown().await;
    let setup = setup_on(
        Sandbox::start(SandboxConfig::default())
            .await
            .expect("placeholder"),
        fast_options(),
    );
    // Point the company at the stopped sandbox's address.
    let settings = fakturera_app::delivery::AutoInvoiceSettingsForm {
        enabled: true,
        company_id: autoinvoice_sandbox::DEMO_CLIENT_ID.into(),
        environment: fakturera_app::delivery::EnvironmentCode::Sandbox,
        sandbox_url: format!("http://{address}"),
        concurrency: 4,
        api_key: String::new(),
        vendor_key: String::new(),
    };
    setup
        .app
        .save_autoinvoice_settings(&settings, setup.keychain.as_ref())
        .expect("saved");

    let customer = add_customer(
        &setup,
        "Exempelkund AB",
        "5567212047",
        DeliveryChoice::EInvoice,
    );
    let ids: Vec<i64> = (0..10).map(|_| draft(&setup, customer)).collect();
    for id in &ids {
        setup
            .app
            .send_invoice(*id, Utc::now())
            .expect("queued offline");
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let clock: Arc<dyn WallClock> = Arc::new(SystemWallClock);
    let running = tokio::spawn(setup.worker.clone().run(clock, stopped));

    // The worker runs on the wall clock here; the deadlines only turn a hang into a failure and
    // are far beyond what the steps take on a slow, busy machine.
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    loop {
        let states: Vec<DeliveryStateCode> = ids
            .iter()
            .map(|id| setup.app.delivery_status(*id).expect("status").state)
            .collect();
        if states
            .iter()
            .all(|state| *state == DeliveryStateCode::WaitingForConnection)
        {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{states:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let status = setup.app.delivery_status(ids[0]).expect("status");
    assert_eq!(status.label, "Väntar på anslutning");
    assert!(setup.sandbox.state().lock().received().is_empty());

    // The service comes back on the same address; nobody touches the app.
    let back = Sandbox::start(SandboxConfig {
        bind: address,
        receivers: directory(),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox back");
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    loop {
        let delivered = ids
            .iter()
            .filter(|id| {
                setup.app.delivery_status(**id).expect("status").state
                    == DeliveryStateCode::Delivered
            })
            .count();
        if delivered == ids.len() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{delivered} of 10 delivered"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(back.state().lock().received().len(), 10);
    let _ = stop.send(true);
    running.await.expect("worker stops");
    back.shutdown().await;
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_left_sending_by_a_crash_goes_again_with_the_same_key() {
    let setup = setup().await;
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    // The process marked it sending and died before (or after) the call.
    let crashed = setup
        .app
        .with_store(|store| store.mark_outbox_sending(InvoiceId(id), later(0)))
        .expect("marked");
    assert_eq!(crashed.state, OutboxState::Sending);
    setup.worker.run_once(later(1)).await.expect("pass");
    let sent = setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("entry");
    assert_eq!((sent.state, sent.attempts), (OutboxState::HandedOver, 2));
    let received = setup.sandbox.state().lock().received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].uuid, crashed.idempotency_key);
    setup.sandbox.shutdown().await;
}
