//! The delivery worker: sends due outbox entries in queue order with bounded concurrency, and
//! polls handed-over ones until AutoInvoice says delivered or failed.
//!
//! Each step takes `now` from its caller, so tests drive it with exact times
//! ([`DeliveryWorker::run_once`]); [`DeliveryWorker::run`] is the loop a shell starts, which sleeps
//! until the next due time or until [`DeliveryWorker::nudge`] says the connection is back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use fakturera_autoinvoice::{AxClient, AxError, SendOutcome};
use fakturera_core::Text;
use fakturera_store::{DeliveryFailure, OutboxEntry, OutboxError, StoreError};
use tokio::sync::{Mutex, Notify, Semaphore, watch};
use tokio::task::JoinSet;

use super::credentials::{Connection, connection};
use super::remote_state::{
    Settled, channel_code, is_credentials_error, outbox_error, record_actions, settle,
};
use super::request::build_request;
use super::routing::RoutingSnapshot;
use super::schedule::{Schedule, random_jitter};
use crate::app::App;
use crate::error::{AppError, ErrorCode};
use crate::keychain::Keychain;
use crate::register_fields::DeliveryChoiceCode;

/// The wall clock the loop reads; tests drive `run_once` with their own times instead.
pub trait WallClock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemWallClock;

impl WallClock for SystemWallClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// How the worker behaves.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub schedule: Schedule,
    /// The limit for one AX call.
    pub request_timeout: Duration,
    /// How many entries one pass looks at.
    pub batch: u32,
    /// Overrides the company's concurrency setting (the benchmark measures its effect).
    pub concurrency: Option<u32>,
    /// The longest the loop sleeps when nothing is due.
    pub idle_wait: Duration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            schedule: Schedule::default(),
            request_timeout: Duration::from_secs(60),
            batch: 500,
            concurrency: None,
            idle_wait: Duration::from_secs(60),
        }
    }
}

/// What one pass did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PassReport {
    pub handed_over: u32,
    pub retried: u32,
    pub failed: u32,
    pub polled: u32,
    pub delivered: u32,
    /// AutoInvoice could not be reached.
    pub offline: bool,
    /// Sending is paused until the credentials change.
    pub paused: bool,
}

#[derive(Debug, Default)]
struct PassCounters {
    handed_over: AtomicU32,
    retried: AtomicU32,
    failed: AtomicU32,
    polled: AtomicU32,
    delivered: AtomicU32,
    offline: AtomicBool,
    paused: AtomicBool,
}

impl PassCounters {
    fn report(&self) -> PassReport {
        PassReport {
            handed_over: self.handed_over.load(Ordering::Relaxed),
            retried: self.retried.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            polled: self.polled.load(Ordering::Relaxed),
            delivered: self.delivered.load(Ordering::Relaxed),
            offline: self.offline.load(Ordering::Relaxed),
            paused: self.paused.load(Ordering::Relaxed),
        }
    }
}

fn add(counter: &AtomicU32) {
    counter.fetch_add(1, Ordering::Relaxed);
}

/// The background sender of one company file.
#[derive(Debug)]
pub struct DeliveryWorker {
    app: Arc<App>,
    keychain: Arc<dyn Keychain>,
    options: WorkerOptions,
    client: Mutex<Option<(Connection, Arc<AxClient>)>>,
    wake: Notify,
}

/// Waits for every task of a pass and returns the first failure: one invoice's trouble must not
/// stop the others already on their way.
async fn first_failure(mut tasks: JoinSet<Result<(), AppError>>) -> Result<(), AppError> {
    let mut first_error = None;
    while let Some(joined) = tasks.join_next().await {
        if let Ok(Err(error)) = joined {
            first_error.get_or_insert(error);
        }
    }
    first_error.map_or(Ok(()), Err)
}

fn after(now: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX)
}

impl DeliveryWorker {
    /// A worker for `app`'s company file. Give it its own `App` (its own connection) so sending
    /// never waits for the screens, and the reverse.
    pub fn new(app: Arc<App>, keychain: Arc<dyn Keychain>, options: WorkerOptions) -> Self {
        DeliveryWorker {
            app,
            keychain,
            options,
            client: Mutex::new(None),
            wake: Notify::new(),
        }
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// The connection may be back (or settings changed): queued entries become due now and the
    /// loop wakes up.
    pub fn nudge(&self, now: DateTime<Utc>) -> Result<(), AppError> {
        self.app.with_store(|store| store.retry_queued_now(now))?;
        self.wake.notify_one();
        Ok(())
    }

    /// One pass: sends what is due, then polls what is due.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<PassReport, AppError> {
        let counters = Arc::new(PassCounters::default());
        self.send_due(now, &counters).await?;
        self.poll_due(now, &counters).await?;
        Ok(counters.report())
    }

    /// Runs until `stop` turns true: a pass, then sleep until the next due time (or a nudge).
    pub async fn run(self: Arc<Self>, clock: Arc<dyn WallClock>, mut stop: watch::Receiver<bool>) {
        loop {
            if *stop.borrow() {
                break;
            }
            let outcome = self.run_once(clock.now()).await;
            let wait = match &outcome {
                Ok(report) if report.paused => self.options.idle_wait,
                Ok(_) => self.until_next_due(clock.now()),
                // A store failure (the file locked by another program) is retried soon.
                Err(_) => Duration::from_secs(1),
            };
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = self.wake.notified() => {}
                _ = stop.changed() => {}
            }
        }
    }

    fn until_next_due(&self, now: DateTime<Utc>) -> Duration {
        match self.app.with_store(|store| store.next_outbox_wakeup()) {
            Ok(Some(due)) => (due - now)
                .to_std()
                .unwrap_or(Duration::ZERO)
                .min(self.options.idle_wait),
            Ok(None) => self.options.idle_wait,
            Err(_) => Duration::from_secs(1),
        }
    }

    /// The client for the current settings and keys, kept while they stay the same so its token
    /// is reused. `None` (and the pause set) when AutoInvoice is not set up.
    async fn client(&self) -> Result<Option<Arc<AxClient>>, AppError> {
        let wanted = match self
            .app
            .with_store(|store| connection(store, self.keychain.as_ref()))
        {
            Ok(wanted) => wanted,
            Err(error) if error.code == ErrorCode::Unauthorized => return Ok(None),
            Err(error) => return Err(error),
        };
        let mut cached = self.client.lock().await;
        if let Some((connection, client)) = cached.as_ref()
            && *connection == wanted
        {
            return Ok(Some(client.clone()));
        }
        let client = wanted
            .client(self.options.request_timeout)
            .map_err(|error| {
                use crate::error::IntoAppError;
                error.into_app_error(self.app.language())
            })?;
        *cached = Some((wanted, client.clone()));
        Ok(Some(client))
    }

    fn concurrency(&self) -> Result<usize, AppError> {
        let setting = match self.options.concurrency {
            Some(concurrency) => concurrency,
            None => {
                self.app
                    .with_store(|store| store.autoinvoice_settings())?
                    .concurrency
            }
        };
        Ok(usize::try_from(setting.clamp(1, 64)).unwrap_or(1))
    }

    async fn send_due(
        &self,
        now: DateTime<Utc>,
        counters: &Arc<PassCounters>,
    ) -> Result<(), AppError> {
        let (enabled, paused, due) = self.app.with_store(|store| {
            Ok::<_, StoreError>((
                store.company()?.autoinvoice_enabled,
                store.autoinvoice_settings()?.paused.is_some(),
                store.due_outbox_entries(now, self.options.batch)?,
            ))
        })?;
        if due.is_empty() {
            return Ok(());
        }
        if !enabled || paused {
            counters.paused.store(true, Ordering::Relaxed);
            return Ok(());
        }
        let Some(client) = self.client().await? else {
            self.pause(&super::credentials_missing())?;
            counters.paused.store(true, Ordering::Relaxed);
            return Ok(());
        };
        let due = self.refresh_routing(due, now).await?;
        let permits = Arc::new(Semaphore::new(self.concurrency()?));
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = JoinSet::new();
        for entry in due {
            // Permits are taken in queue order, so invoices start in the order they were queued.
            let Ok(permit) = permits.clone().acquire_owned().await else {
                break;
            };
            if stop.load(Ordering::Relaxed) || counters.offline.load(Ordering::Relaxed) {
                drop(permit);
                self.defer(&entry, now, counters)?;
                continue;
            }
            let worker = SendTask {
                app: self.app.clone(),
                client: client.clone(),
                schedule: self.options.schedule,
                counters: counters.clone(),
                stop: stop.clone(),
            };
            tasks.spawn(async move {
                let outcome = worker.send(entry, now).await;
                drop(permit);
                outcome
            });
        }
        first_failure(tasks).await
    }

    /// Before an invoice's first attempt, its customer's receiver lookup is asked again when it is
    /// over a day old, and an e-invoice goes to the address found now.
    async fn refresh_routing(
        &self,
        due: Vec<OutboxEntry>,
        now: DateTime<Utc>,
    ) -> Result<Vec<OutboxEntry>, AppError> {
        let routed_by_lookup = |entry: &OutboxEntry| {
            entry.attempts == 0
                && matches!(
                    RoutingSnapshot::from_json(&entry.routing).choice,
                    DeliveryChoiceCode::Einvoice | DeliveryChoiceCode::Automatic
                )
        };
        if !due.iter().any(routed_by_lookup) {
            return Ok(due);
        }
        let mut customers = std::collections::BTreeMap::new();
        for entry in due.iter().filter(|entry| routed_by_lookup(entry)) {
            let customer = self
                .app
                .with_store(|store| store.invoice(entry.invoice_id))?
                .customer_id;
            customers.insert(entry.invoice_id, customer);
        }
        let mut ids: Vec<i64> = customers.values().map(|id| id.0).collect();
        ids.sort_unstable();
        ids.dedup();
        self.app
            .refresh_stale_lookups(&ids, self.keychain.as_ref(), now)
            .await;
        let mut refreshed = Vec::with_capacity(due.len());
        for entry in due {
            let snapshot = RoutingSnapshot::from_json(&entry.routing);
            let Some(customer) = customers.get(&entry.invoice_id).copied() else {
                refreshed.push(entry);
                continue;
            };
            if snapshot.choice != DeliveryChoiceCode::Einvoice {
                refreshed.push(entry);
                continue;
            }
            let customer = self.app.with_store(|store| store.customer(customer))?;
            match RoutingSnapshot::for_customer(
                &customer,
                fakturera_store::DeliveryChoice::EInvoice,
            ) {
                Ok(current) if current != snapshot => {
                    let id = entry.invoice_id;
                    refreshed.push(self.app.with_store(|store| {
                        store.update_outbox_routing(id, &current.to_json(), now)
                    })?);
                }
                _ => refreshed.push(entry),
            }
        }
        Ok(refreshed)
    }

    /// An entry not tried in this pass because AutoInvoice was already found unreachable: it
    /// waits like the ones that were tried, without counting an attempt.
    fn defer(
        &self,
        entry: &OutboxEntry,
        now: DateTime<Utc>,
        counters: &PassCounters,
    ) -> Result<(), AppError> {
        let wait = self
            .options
            .schedule
            .retry_delay(entry.attempts.max(1), None, random_jitter());
        let error = entry.last_error.clone().unwrap_or_else(|| OutboxError {
            kind: "connection".to_owned(),
            message: Text::new(
                "Kan inte nå AutoInvoice just nu. Fakturan skickas automatiskt när anslutningen är tillbaka.",
                "Cannot reach AutoInvoice right now. The invoice is sent automatically when the connection is back.",
            ),
        });
        self.app.with_store(|store| {
            store.mark_outbox_retry(entry.invoice_id, &error, now, after(now, wait))
        })?;
        add(&counters.retried);
        Ok(())
    }

    fn pause(&self, reason: &Text) -> Result<(), AppError> {
        self.app
            .with_store(|store| store.set_autoinvoice_paused(Some(reason)))
    }

    async fn poll_due(
        &self,
        now: DateTime<Utc>,
        counters: &Arc<PassCounters>,
    ) -> Result<(), AppError> {
        let due = self
            .app
            .with_store(|store| store.due_outbox_polls(now, self.options.batch))?;
        if due.is_empty() {
            return Ok(());
        }
        let Some(client) = self.client().await? else {
            return Ok(());
        };
        let permits = Arc::new(Semaphore::new(self.concurrency()?));
        let mut tasks = JoinSet::new();
        for entry in due {
            let Ok(permit) = permits.clone().acquire_owned().await else {
                break;
            };
            let task = PollTask {
                app: self.app.clone(),
                client: client.clone(),
                schedule: self.options.schedule,
                counters: counters.clone(),
            };
            tasks.spawn(async move {
                let outcome = task.poll(entry, now).await;
                drop(permit);
                outcome
            });
        }
        first_failure(tasks).await
    }
}

/// Sending one entry, on its own task.
struct SendTask {
    app: Arc<App>,
    client: Arc<AxClient>,
    schedule: Schedule,
    counters: Arc<PassCounters>,
    stop: Arc<AtomicBool>,
}

impl SendTask {
    async fn send(self, entry: OutboxEntry, now: DateTime<Utc>) -> Result<(), AppError> {
        let id = entry.invoice_id;
        // The attempt is counted before the call, so a crash during it is visible afterwards.
        let entry = self
            .app
            .with_store(|store| store.mark_outbox_sending(id, now))?;
        let request = match build_request(&self.app, &entry) {
            Ok(request) => request,
            Err(error) => {
                let failure = DeliveryFailure {
                    error: OutboxError {
                        kind: "document".to_owned(),
                        message: Text::new(error.message.clone(), error.message),
                    },
                    reasons: Vec::new(),
                    channel: None,
                };
                self.app
                    .with_store(|store| store.mark_outbox_failed(id, &failure, now))?;
                add(&self.counters.failed);
                return Ok(());
            }
        };
        match self.client.send_invoice(&request).await {
            Ok(outcome) => self.handed_over(&entry, &outcome, now),
            Err(error) if is_credentials_error(&error) => {
                self.stop.store(true, Ordering::Relaxed);
                self.counters.paused.store(true, Ordering::Relaxed);
                let stored = outbox_error(&error);
                self.app.with_store(|store| {
                    store.set_autoinvoice_paused(Some(&stored.message))?;
                    store.mark_outbox_retry(id, &stored, now, now)
                })?;
                Ok(())
            }
            Err(error @ AxError::Transient { .. }) => {
                if matches!(
                    &error,
                    AxError::Transient {
                        kind: fakturera_autoinvoice::TransientKind::Connection
                            | fakturera_autoinvoice::TransientKind::Timeout,
                        ..
                    }
                ) {
                    self.counters.offline.store(true, Ordering::Relaxed);
                }
                let wait =
                    self.schedule
                        .retry_delay(entry.attempts, error.retry_after(), random_jitter());
                self.app.with_store(|store| {
                    store.mark_outbox_retry(id, &outbox_error(&error), now, after(now, wait))
                })?;
                add(&self.counters.retried);
                Ok(())
            }
            Err(error) => {
                let failure = DeliveryFailure {
                    error: outbox_error(&error),
                    reasons: error.reasons().to_vec(),
                    channel: RoutingSnapshot::from_json(&entry.routing)
                        .channel()
                        .map(str::to_owned),
                };
                self.app
                    .with_store(|store| store.mark_outbox_failed(id, &failure, now))?;
                add(&self.counters.failed);
                Ok(())
            }
        }
    }

    fn handed_over(
        &self,
        entry: &OutboxEntry,
        outcome: &SendOutcome,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let id = entry.invoice_id;
        let routed = RoutingSnapshot::from_json(&entry.routing).channel();
        let accepted = match outcome {
            SendOutcome::Accepted(invoice) => Some(invoice.as_ref()),
            SendOutcome::AlreadySent { .. } => None,
        };
        let channel = accepted
            .and_then(|invoice| invoice.destination)
            .and_then(channel_code)
            .or(routed);
        let first_poll = after(now, self.schedule.poll_delay(0));
        self.app.with_store(|store| {
            store.mark_outbox_handed_over(id, outcome.invoice_id(), channel, now, first_poll)?;
            // A receipt check can fail the invoice at once; say so now rather than at the poll.
            if let Some(invoice) = accepted {
                record_actions(store, id, &invoice.actions, now)?;
                if let Settled::Failed(failure) = settle(invoice, &invoice.actions) {
                    store.mark_outbox_failed(id, &failure, now)?;
                }
            }
            Ok::<_, StoreError>(())
        })?;
        add(&self.counters.handed_over);
        Ok(())
    }
}

/// Asking for one handed-over invoice's status, on its own task.
struct PollTask {
    app: Arc<App>,
    client: Arc<AxClient>,
    schedule: Schedule,
    counters: Arc<PassCounters>,
}

impl PollTask {
    async fn poll(self, entry: OutboxEntry, now: DateTime<Utc>) -> Result<(), AppError> {
        let id = entry.invoice_id;
        let Some(remote_id) = entry.remote_id.clone() else {
            return Ok(());
        };
        add(&self.counters.polled);
        let next = after(now, self.schedule.poll_delay(entry.polls));
        let answer = async {
            let invoice = self.client.invoice(&remote_id).await?;
            let actions = self.client.actions(&remote_id).await?;
            Ok::<_, AxError>((invoice, actions))
        }
        .await;
        let (invoice, actions) = match answer {
            Ok(answer) => answer,
            Err(error) => {
                if error.is_transient() {
                    self.counters.offline.store(true, Ordering::Relaxed);
                }
                self.app
                    .with_store(|store| store.record_outbox_poll(id, None, now, next))?;
                return Ok(());
            }
        };
        self.app.with_store(|store| {
            record_actions(store, id, &actions, now)?;
            match settle(&invoice, &actions) {
                Settled::Delivered(channel) => {
                    store.mark_outbox_delivered(id, channel, now)?;
                    add(&self.counters.delivered);
                }
                Settled::Failed(failure) => {
                    store.mark_outbox_failed(id, &failure, now)?;
                    add(&self.counters.failed);
                }
                Settled::Pending(channel) => {
                    store.record_outbox_poll(id, channel, now, next)?;
                }
            }
            Ok::<_, StoreError>(())
        })
    }
}
