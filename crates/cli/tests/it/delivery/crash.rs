//! Crash safety: `fakturera send --all --include-drafts` on 200 drafts, killed with SIGKILL 20
//! times, restarted each time, then run to the end. The sandbox must hold every invoice exactly
//! once (by uuid), the numbers must run 1..=200 without a gap, and nothing may be left queued or
//! half-sent.
//!
//! Each kill point is a piece of observed progress, never an elapsed time: "the file holds k more
//! queued invoices than when this run started" (a kill while drafts are being issued) or "the
//! sandbox has stored k more uploads" (a kill mid-send, sometimes between the upload and its
//! reply). A fast machine and a slow one therefore kill at the same places, and every run that
//! was killed was provably mid-batch: it had not exited, and work was left.

use std::collections::BTreeSet;
use std::process::Child;
use std::time::Duration;

use autoinvoice_sandbox::SharedState;
use fakturera_app::App;
use fakturera_store::DeliveryChoice;

use super::{fixture, ok, run, spawn};

const INVOICES: usize = 200;
const RUNS: usize = 20;
/// How many of the first runs are killed while drafts are still being issued and queued.
const RUNS_KILLED_WHILE_ISSUING: usize = 3;
/// How often the observer looks for progress. It only decides how soon after the awaited
/// progress the kill lands, never whether it lands.
const LOOK_INTERVAL: Duration = Duration::from_millis(2);

/// The progress a run waits to see before it kills the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KillPoint {
    /// The file holds this many outbox entries (drafts issued and queued).
    Queued(u64),
    /// The sandbox has stored this many uploads.
    Uploaded(usize),
}

#[derive(Debug)]
struct RunRecord {
    point: KillPoint,
    /// The process was killed before it exited by itself.
    killed: bool,
    /// Progress seen at the moment of the kill (or the exit).
    queued_then: u64,
    uploaded_then: usize,
}

/// Uploads the sandbox stored (each a 201 to `POST /v1/invoices`).
fn uploads(sandbox: &SharedState) -> usize {
    sandbox
        .lock()
        .calls
        .iter()
        .filter(|call| call.method == "POST" && call.path == "/v1/invoices" && call.status == 201)
        .count()
}

/// Outbox entries in the file, read through a connection of the test's own.
fn queued(app: &App) -> u64 {
    let counts = app
        .with_store(|store| store.outbox_counts())
        .expect("outbox counted");
    counts.queued + counts.sending + counts.handed_over + counts.delivered + counts.failed
}

/// Watches `child` until it exits or the kill point is reached, and kills it then.
fn kill_at(mut child: Child, point: KillPoint, app: &App, sandbox: &SharedState) -> RunRecord {
    let killed = loop {
        if let Ok(Some(_)) = child.try_wait() {
            break false;
        }
        let reached = match point {
            KillPoint::Queued(target) => queued(app) >= target,
            KillPoint::Uploaded(target) => uploads(sandbox) >= target,
        };
        if reached {
            // SIGKILL: no destructor, no flush, no chance to tidy up.
            let _ = child.kill();
            break true;
        }
        std::thread::sleep(LOOK_INTERVAL);
    };
    let _ = child.wait();
    RunRecord {
        point,
        killed,
        queued_then: queued(app),
        uploaded_then: uploads(sandbox),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_twenty_times_during_a_batch_of_200_every_invoice_is_sent_exactly_once() {
    let fixture = fixture(DeliveryChoice::EInvoice).await;
    let ids = fixture.drafts(INVOICES);
    assert_eq!(ids.len(), INVOICES);
    let file = fixture.file.clone();
    let sandbox = fixture.sandbox.state().clone();
    let observer = fixture.app();
    let args = ["send", "--all", "--include-drafts", "--concurrency", "4"];
    let (runs, last) = tokio::task::spawn_blocking(move || {
        // Reproducible but varied kill points.
        let mut random = fastrand::Rng::with_seed(0x5eed);
        let mut runs = Vec::new();
        for run_index in 0..RUNS {
            let queued_now = queued(&observer);
            let point = if run_index < RUNS_KILLED_WHILE_ISSUING && queued_now < INVOICES as u64 {
                KillPoint::Queued(queued_now + random.u64(1..=40))
            } else {
                // At most 4 new uploads per run (plus the few in flight at the kill): 20 runs
                // cannot finish the 200, so every run is killed with work left.
                KillPoint::Uploaded(uploads(&sandbox) + random.usize(1..=4))
            };
            runs.push(kill_at(spawn(&file, &args), point, &observer, &sandbox));
        }
        let last = ok(&run(
            &file,
            &["send", "--all", "--include-drafts", "--wait", "600"],
            "",
        ));
        (runs, last)
    })
    .await
    .expect("joined");

    for run in &runs {
        eprintln!(
            "kill point {:?}: killed {}, then {} queued and {} uploaded",
            run.point, run.killed, run.queued_then, run.uploaded_then
        );
    }
    let killed = runs.iter().filter(|run| run.killed).count();
    assert_eq!(killed, RUNS, "every run was killed mid-batch: {runs:#?}");
    let killed_while_issuing = runs
        .iter()
        .filter(|run| run.killed && matches!(run.point, KillPoint::Queued(_)))
        .filter(|run| run.queued_then < INVOICES as u64)
        .count();
    assert!(
        killed_while_issuing >= 1,
        "at least one kill while drafts were still being issued: {runs:#?}"
    );
    let killed_while_sending = runs
        .iter()
        .filter(|run| run.killed && matches!(run.point, KillPoint::Uploaded(_)))
        .filter(|run| run.uploaded_then < INVOICES)
        .count();
    assert!(
        killed_while_sending >= RUNS - RUNS_KILLED_WHILE_ISSUING,
        "the other runs were killed while sending: {runs:#?}"
    );
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
    assert_eq!(received.len(), INVOICES, "exactly one copy each");
    assert_eq!(uuids, keys, "the sandbox holds exactly the outbox's keys");
    fixture.sandbox.shutdown().await;
}
