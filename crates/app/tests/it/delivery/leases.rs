//! Leases on entries being sent: two workers on one file (two processes, as the app and
//! `fakturera sync`) never post the same entry; an entry held by a live sender waits for its lease;
//! one held by a sender that is provably gone goes again at once.

use std::sync::Arc;

use fakturera_app::App;
use fakturera_app::delivery::DeliveryWorker;
use fakturera_app::keychain::Keychain;
use fakturera_core::Language;
use fakturera_store::{DeliveryChoice, InvoiceId, OutboxLease, OutboxState};

use super::{add_customer, draft, fast_options, later, setup};

fn second_worker(setup: &super::Setup) -> DeliveryWorker {
    DeliveryWorker::new(
        Arc::new(App::new(setup.app.file_path(), Language::Swedish)),
        setup.keychain.clone() as Arc<dyn Keychain>,
        fast_options(),
    )
}

fn posts(setup: &super::Setup) -> Vec<u16> {
    setup
        .sandbox
        .state()
        .lock()
        .calls
        .iter()
        .filter(|call| call.method == "POST" && call.path == "/v1/invoices")
        .map(|call| call.status)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_on_one_file_post_each_entry_exactly_once() {
    let setup = setup().await;
    let other = second_worker(&setup);
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let ids: Vec<i64> = (0..24).map(|_| draft(&setup, customer)).collect();
    for id in &ids {
        setup.app.send_invoice(*id, later(0)).expect("queued");
    }
    // Both pick up the same due entries at the same moment.
    let (first, second) = tokio::join!(setup.worker.run_once(later(1)), other.run_once(later(1)));
    first.expect("pass");
    second.expect("pass");
    for pass in 2..6 {
        let (first, second) = tokio::join!(
            setup.worker.run_once(later(pass)),
            other.run_once(later(pass))
        );
        first.expect("pass");
        second.expect("pass");
    }
    let statuses = posts(&setup);
    assert_eq!(
        statuses,
        vec![201; ids.len()],
        "one post per invoice, no duplicate (409) from a second sender"
    );
    for id in &ids {
        let entry = setup
            .app
            .with_store(|store| store.outbox_entry(InvoiceId(*id)))
            .expect("read")
            .expect("entry");
        assert!(
            matches!(
                entry.state,
                OutboxState::HandedOver | OutboxState::Delivered
            ),
            "{entry:?}"
        );
        assert_eq!(entry.attempts, 1, "claimed once");
    }
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_held_by_a_live_sender_waits_for_its_lease() {
    let setup = setup().await;
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    // Another sender, alive (its lock is held), claimed it and is posting it now.
    let live = second_worker(&setup);
    let lease = OutboxLease {
        owner: live.owner().to_owned(),
        until: later(300),
    };
    setup
        .app
        .with_store(|store| store.claim_outbox_entry(InvoiceId(id), &lease, later(0)))
        .expect("claimed")
        .expect("free to claim");
    for seconds in [1, 60, 299] {
        setup.worker.run_once(later(seconds)).await.expect("pass");
    }
    assert!(
        posts(&setup).is_empty(),
        "never posted beside the live sender"
    );
    // When its lease ends it is picked up, with the same key.
    setup.worker.run_once(later(300)).await.expect("pass");
    assert_eq!(posts(&setup), [201]);
    let entry = setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("entry");
    assert_eq!(
        (entry.state, entry.lease_owner),
        (OutboxState::HandedOver, None)
    );
    drop(live);
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entry_held_by_a_sender_that_is_gone_goes_again_at_once() {
    let setup = setup().await;
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    // A sender claimed it and was killed: its lock file is left behind, unlocked.
    let gone = uuid::Uuid::new_v4().to_string();
    let locks = {
        let mut name = setup.app.file_path().as_os_str().to_owned();
        name.push(".senders");
        std::path::PathBuf::from(name)
    };
    std::fs::create_dir_all(&locks).expect("folder");
    std::fs::write(locks.join(format!("{gone}.lock")), "").expect("lock file");
    let lease = OutboxLease {
        owner: gone,
        until: later(300),
    };
    setup
        .app
        .with_store(|store| store.claim_outbox_entry(InvoiceId(id), &lease, later(0)))
        .expect("claimed")
        .expect("free to claim");
    setup.worker.run_once(later(1)).await.expect("pass");
    assert_eq!(posts(&setup), [201], "sent now, not after the lease");
    let entry = setup
        .app
        .with_store(|store| store.outbox_entry(InvoiceId(id)))
        .expect("read")
        .expect("entry");
    assert_eq!((entry.state, entry.attempts), (OutboxState::HandedOver, 2));
    setup.sandbox.shutdown().await;
}
