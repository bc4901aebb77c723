//! The delivery worker: sends due outbox entries in queue order with bounded concurrency, and
//! polls handed-over ones until AutoInvoice says delivered or failed.
//!
//! Each step takes `now` from its caller, so tests drive it with exact times
//! ([`DeliveryWorker::run_once`]); the loop around the passes is in `drain`.
//!
//! An entry is sent under a lease in this worker's name (`sender_lock`), so another process never
//! posts it at the same time; a task that panics or fails leaves no entry stuck in `sending`: it
//! goes back to the queue with backoff, like any transient failure (`tasks`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use fakturera_autoinvoice::{AxClient, AxError, FoundBy, SendOutcome, TransientKind};
use fakturera_core::Text;
use fakturera_store::{DeliveryFailure, OutboxEntry, OutboxError, OutboxLease, StoreError};
use tokio::sync::{Mutex, Notify, Semaphore};
use tokio::task::JoinSet;

use super::credentials::{Connection, connection};
use super::remote_state::{
    Settled, channel_code, is_credentials_error, outbox_error, record_actions, settle,
};
use super::request::build_request;
use super::schedule::{Schedule, random_jitter};
use super::sender_lock::{SenderIdentity, owner_is_gone, sweep_gone};
use super::tasks::{TaskOutcome, settle_tasks};
use crate::app::App;
use crate::error::{AppError, ErrorCode};
use crate::keychain::Keychain;
use crate::register_fields::DeliveryChoiceCode;
use crate::routing::RoutingSnapshot;

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
    /// How long an entry being sent is reserved for this worker. One attempt is cut off at four
    /// fifths of it (a transient timeout), so no post outlives its lease.
    pub lease: Duration,
    /// Status polls that may fail in a row (AutoInvoice unreachable) before the user gets a notice.
    pub poll_errors_before_notice: u32,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            schedule: Schedule::default(),
            request_timeout: Duration::from_secs(60),
            batch: 500,
            concurrency: None,
            idle_wait: Duration::from_secs(60),
            lease: Duration::from_secs(300),
            poll_errors_before_notice: 24,
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
    pub(super) options: WorkerOptions,
    client: Mutex<Option<(Connection, Arc<AxClient>)>>,
    /// The connection for which the company's `use_own_pdf` was last checked.
    own_pdf_checked: Mutex<Option<Connection>>,
    /// Wakes the loop (`drain`) before its sleep ends.
    pub(super) wake: Notify,
    identity: SenderIdentity,
}

/// `now + wait`, never overflowing: a wait too long to add is a year (a server's absurd
/// Retry-After or a broken clock must not panic the sender).
pub(crate) fn after(now: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    let year = chrono::TimeDelta::days(365);
    let wait = chrono::TimeDelta::from_std(wait).unwrap_or(year).min(year);
    now.checked_add_signed(wait).unwrap_or(now)
}

impl DeliveryWorker {
    /// A worker for `app`'s company file. Give it its own `App` (its own connection) so sending
    /// never waits for the screens, and the reverse.
    pub fn new(app: Arc<App>, keychain: Arc<dyn Keychain>, options: WorkerOptions) -> Self {
        let identity = SenderIdentity::acquire(&app.file_path());
        DeliveryWorker {
            app,
            keychain,
            options,
            client: Mutex::new(None),
            own_pdf_checked: Mutex::new(None),
            wake: Notify::new(),
            identity,
        }
    }

    /// This worker's name on the leases it takes.
    pub fn owner(&self) -> &str {
        self.identity.owner()
    }

    /// Ends the leases of senders that are provably gone (their process ended), so their entries
    /// go again now instead of when the leases run out.
    fn reclaim_from_gone_senders(&self, now: DateTime<Utc>) -> Result<(), AppError> {
        let owners = self
            .app
            .with_store(|store| store.outbox_lease_owners(now))?;
        for owner in owners.iter().filter(|owner| *owner != self.owner()) {
            if owner_is_gone(&self.app.file_path(), owner) {
                self.app
                    .with_store(|store| store.end_outbox_leases_of(owner, now))?;
            }
        }
        sweep_gone(&self.app.file_path(), self.owner());
        Ok(())
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// One pass: sends what is due, then polls what is due.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<PassReport, AppError> {
        let counters = Arc::new(PassCounters::default());
        self.send_due(now, &counters).await?;
        self.poll_due(now, &counters).await?;
        Ok(counters.report())
    }

    /// The client for the current settings and keys, kept while they stay the same so its token
    /// is reused. `None` (and the pause set) when AutoInvoice is not set up, or set up to a sandbox
    /// this build may not send to.
    async fn client(&self) -> Result<Option<Arc<AxClient>>, AppError> {
        let wanted = match self
            .app
            .with_store(|store| connection(store, self.keychain.as_ref()))
        {
            Ok(wanted) => wanted,
            Err(error) if error.code == ErrorCode::Unauthorized => return Ok(None),
            Err(error) if error.code == ErrorCode::InvalidInput => {
                self.pause(&Text::new(error.message.clone(), error.message))?;
                return Ok(None);
            }
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
        self.reclaim_from_gone_senders(now)?;
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
            let already = self
                .app
                .with_store(|store| store.autoinvoice_settings())?
                .paused
                .is_some();
            if !already {
                self.pause(&super::credentials_missing())?;
            }
            counters.paused.store(true, Ordering::Relaxed);
            return Ok(());
        };
        let due = self.refresh_routing(due, now).await?;
        self.ensure_own_pdf(&client, &due).await;
        let permits = Arc::new(Semaphore::new(self.concurrency()?));
        let stop = Arc::new(AtomicBool::new(false));
        let mut tasks = JoinSet::new();
        let mut sending = std::collections::HashMap::new();
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
                lease: OutboxLease {
                    owner: self.owner().to_owned(),
                    until: after(now, self.options.lease),
                },
                attempt_limit: self.options.lease * 4 / 5,
            };
            let id = entry.invoice_id;
            let task = tasks.spawn(async move {
                let outcome = worker.send(entry, now).await;
                drop(permit);
                outcome
            });
            sending.insert(task.id(), id);
        }
        settle_tasks(tasks, |task, outcome| {
            if let Some(id) = sending.get(&task) {
                self.recover_send(*id, &outcome, now, counters);
            }
        })
        .await
    }

    /// A send task that panicked or failed may have left its entry `sending` under our lease: it
    /// goes back to the queue with backoff, as after a transient failure.
    fn recover_send(
        &self,
        id: fakturera_store::InvoiceId,
        outcome: &TaskOutcome,
        now: DateTime<Utc>,
        counters: &PassCounters,
    ) {
        let Ok(Some(entry)) = self.app.with_store(|store| store.outbox_entry(id)) else {
            return;
        };
        let ours = entry.state == fakturera_store::OutboxState::Sending
            && entry.lease_owner.as_deref() == Some(self.owner());
        if !ours {
            return;
        }
        let wait = self
            .options
            .schedule
            .retry_delay(entry.attempts, None, random_jitter());
        let error = OutboxError {
            kind: "internal".to_owned(),
            message: outcome.message(),
        };
        if self
            .app
            .with_store(|store| store.mark_outbox_retry(id, &error, now, after(now, wait)))
            .is_ok()
        {
            add(&counters.retried);
        }
    }

    /// Letters carry our PDF, but AutoInvoice prints its own template unless the company setting
    /// `send_invoice_print.use_own_pdf` is on; before the first letter (or automatic route, which
    /// may print) on a connection it is checked and turned on. A failure does not stop sending
    /// (the letter still goes, on AutoInvoice's template): a transient one is tried again next
    /// pass, a refusal is left to "Testa anslutningen", which reports it.
    async fn ensure_own_pdf(&self, client: &AxClient, due: &[OutboxEntry]) {
        let may_print = due.iter().any(|entry| {
            matches!(
                RoutingSnapshot::from_json(&entry.routing).choice,
                DeliveryChoiceCode::Letter | DeliveryChoiceCode::Automatic
            )
        });
        if !may_print {
            return;
        }
        let Ok(wanted) = self
            .app
            .with_store(|store| connection(store, self.keychain.as_ref()))
        else {
            return;
        };
        let mut checked = self.own_pdf_checked.lock().await;
        if checked.as_ref() == Some(&wanted) {
            return;
        }
        match client.ensure_own_pdf().await {
            Err(error) if error.is_transient() => {}
            _ => *checked = Some(wanted),
        }
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
        let mut polling = std::collections::HashMap::new();
        for entry in due {
            let Ok(permit) = permits.clone().acquire_owned().await else {
                break;
            };
            let task = PollTask {
                app: self.app.clone(),
                client: client.clone(),
                schedule: self.options.schedule,
                counters: counters.clone(),
                notice_after: self.options.poll_errors_before_notice,
            };
            let id = entry.invoice_id;
            let polls = entry.polls;
            let spawned = tasks.spawn(async move {
                let outcome = task.poll(entry, now).await;
                drop(permit);
                outcome
            });
            polling.insert(spawned.id(), (id, polls));
        }
        settle_tasks(tasks, |task, outcome| {
            if let Some((id, polls)) = polling.get(&task) {
                // A poll that panicked counts as one that got no answer; the next comes later.
                let error = OutboxError {
                    kind: "internal".to_owned(),
                    message: outcome.message(),
                };
                let next = after(now, self.options.schedule.poll_delay(*polls));
                let _ = self.app.with_store(|store| {
                    store.record_outbox_poll_error(
                        *id,
                        &error,
                        now,
                        next,
                        self.options.poll_errors_before_notice,
                    )
                });
            }
        })
        .await
    }
}

/// Sending one entry, on its own task.
struct SendTask {
    app: Arc<App>,
    client: Arc<AxClient>,
    schedule: Schedule,
    counters: Arc<PassCounters>,
    stop: Arc<AtomicBool>,
    lease: OutboxLease,
    /// The longest one attempt may take, well inside the lease.
    attempt_limit: Duration,
}

impl SendTask {
    async fn send(self, entry: OutboxEntry, now: DateTime<Utc>) -> Result<(), AppError> {
        let id = entry.invoice_id;
        // The attempt is counted before the call, so a crash during it is visible afterwards;
        // another worker holding the entry means it is not ours to send now.
        let Some(entry) = self
            .app
            .with_store(|store| store.claim_outbox_entry(id, &self.lease, now))?
        else {
            return Ok(());
        };
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
        let answer = tokio::time::timeout(self.attempt_limit, self.client.send_invoice(&request))
            .await
            .unwrap_or_else(|_| {
                Err(AxError::Transient {
                    kind: TransientKind::Timeout,
                    retry_after: None,
                    detail: "send invoice: the attempt took longer than its lease allows"
                        .to_owned(),
                })
            });
        match answer {
            // The refusal said "already there" but neither the uuid nor the number finds it: its
            // delivery cannot be followed, so the user is asked to check instead of a blind poll.
            Ok(SendOutcome::AlreadySent {
                found_by: FoundBy::RefusalOnly,
                ..
            }) => self.duplicate_without_id(&entry, now),
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

    /// AutoInvoice says it already has the invoice but names no id: its status can never be asked
    /// for, so instead of polling nothing forever the entry fails with a notice saying so.
    fn duplicate_without_id(
        &self,
        entry: &OutboxEntry,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let failure = DeliveryFailure {
            error: OutboxError {
                kind: "duplicate_without_id".to_owned(),
                message: Text::new(
                    "AutoInvoice säger att fakturan redan är mottagen, men den går inte att hitta där varken på sitt id eller sitt nummer, så leveransen kan inte följas härifrån. Kontrollera fakturan i AutoInvoice och markera den sedan som hanterad.",
                    "AutoInvoice says it already has the invoice, but it cannot be found there by its id or its number, so its delivery cannot be followed from here. Check the invoice in AutoInvoice, then mark it as handled.",
                ),
            },
            reasons: Vec::new(),
            channel: RoutingSnapshot::from_json(&entry.routing)
                .channel()
                .map(str::to_owned),
        };
        self.app
            .with_store(|store| store.mark_outbox_failed(entry.invoice_id, &failure, now))?;
        add(&self.counters.failed);
        Ok(())
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
    notice_after: u32,
}

impl PollTask {
    async fn poll(self, entry: OutboxEntry, now: DateTime<Utc>) -> Result<(), AppError> {
        let id = entry.invoice_id;
        let Some(remote_id) = entry.remote_id.clone() else {
            return Ok(());
        };
        add(&self.counters.polled);
        let next = after(now, self.schedule.poll_delay(entry.polls));
        // The invoice carries its actions: one call per poll.
        let (invoice, actions) = match self.client.invoice(&remote_id).await {
            Ok(invoice) => {
                let actions = invoice.actions.clone();
                (invoice, actions)
            }
            Err(error) => {
                // Unreachable: a notice after many in a row. Any other refusal will not mend by
                // itself: a notice at once. The polls go on with growing intervals either way.
                let notice_after = if error.is_transient() {
                    self.counters.offline.store(true, Ordering::Relaxed);
                    self.notice_after
                } else {
                    1
                };
                let recorded = self.app.with_store(|store| {
                    store.record_outbox_poll_error(
                        id,
                        &outbox_error(&error),
                        now,
                        next,
                        notice_after,
                    )
                });
                return moved_on_is_fine(recorded.map(drop));
            }
        };
        let recorded = self.app.with_store(|store| {
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
        });
        moved_on_is_fine(recorded)
    }
}

/// Another process (the app beside `fakturera sync`) may have polled the same invoice and moved
/// its entry on first; that is not an error of this poll.
fn moved_on_is_fine(outcome: Result<(), AppError>) -> Result<(), AppError> {
    match outcome {
        Err(error) if error.code == ErrorCode::Conflict => Ok(()),
        other => other,
    }
}
