//! Crash safety: `fakturera send --all --include-drafts` on 200 drafts, killed with SIGKILL at 20
//! different moments, restarted each time, then run to the end. The sandbox must hold every invoice
//! exactly once (by uuid), the numbers must run 1..=200 without a gap, and nothing may be left
//! queued or half-sent.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use fakturera_store::DeliveryChoice;

use crate::{fixture, ok, run, spawn};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_twenty_times_during_a_batch_of_200_every_invoice_is_sent_exactly_once() {
    let fixture = fixture(DeliveryChoice::EInvoice).await;
    let ids = fixture.drafts(200);
    assert_eq!(ids.len(), 200);
    let file = fixture.file.clone();
    let args = ["send", "--all", "--include-drafts", "--concurrency", "4"];
    let kills = tokio::task::spawn_blocking(move || {
        // Reproducible but varied kill points: 20 delays between 50 and 1500 ms.
        let mut random = fastrand::Rng::with_seed(0x5eed);
        let mut kills = Vec::new();
        for _ in 0..20 {
            let delay = Duration::from_millis(random.u64(50..1500));
            let mut child = spawn(&file, &args);
            let started = Instant::now();
            let finished = loop {
                if let Ok(Some(_)) = child.try_wait() {
                    break true;
                }
                if started.elapsed() >= delay {
                    break false;
                }
                std::thread::sleep(Duration::from_millis(5));
            };
            if !finished {
                child.kill().expect("SIGKILL");
            }
            let _ = child.wait();
            kills.push((delay, finished));
        }
        let last = ok(&run(
            &file,
            &["send", "--all", "--include-drafts", "--wait", "120"],
            "",
        ));
        (kills, last)
    })
    .await
    .expect("joined");
    let (kills, last) = kills;
    let killed = kills.iter().filter(|(_, finished)| !finished).count();
    assert!(killed >= 10, "most runs were killed mid-way: {kills:?}");
    assert_eq!(last["summary"]["queued"], 0, "{last}");
    assert_eq!(last["summary"]["sending"], 0, "{last}");

    let app = fixture.app();
    let (numbers, keys, states) = app
        .with_store(|store| {
            let mut numbers = Vec::new();
            let mut keys = BTreeSet::new();
            let mut states = BTreeSet::new();
            for id in &ids {
                let invoice = store.invoice(fakturera_store::InvoiceId(*id))?;
                numbers.push(invoice.invoice.number.clone().unwrap_or_default());
                let entry = store
                    .outbox_entry(fakturera_store::InvoiceId(*id))?
                    .expect("every invoice was queued");
                keys.insert(entry.idempotency_key);
                states.insert(entry.state.code());
            }
            Ok::<_, fakturera_store::StoreError>((numbers, keys, states))
        })
        .expect("read");
    let mut numbers: Vec<u32> = numbers
        .iter()
        .map(|number| number.parse().expect("numeric"))
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=200).collect::<Vec<u32>>(),
        "no gap, no duplicate"
    );
    assert!(
        states
            .iter()
            .all(|state| ["handed_over", "delivered"].contains(state)),
        "{states:?}"
    );
    let received = fixture.sandbox.state().lock().received();
    let uuids: BTreeSet<String> = received.iter().map(|upload| upload.uuid.clone()).collect();
    assert_eq!(received.len(), 200, "exactly one copy each");
    assert_eq!(uuids, keys, "the sandbox holds exactly the outbox's keys");
    fixture.sandbox.shutdown().await;
}
