//! The worker's one loop: a pass, then sleep until the next entry is due, again and again. The
//! desktop shell runs it until the window closes ([`DrainUntil::Stopped`]); the command line runs
//! it until nothing more can be done now ([`DrainUntil::NothingLeft`]). Both send through
//! [`DeliveryWorker::run_once`], so the lease, retry and pause rules are the same wherever an
//! invoice leaves from.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use super::worker::{DeliveryWorker, PassReport};
use crate::error::AppError;

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

/// When a drain ends.
#[derive(Debug)]
pub enum DrainUntil {
    /// The shell's loop: only when the value turns true. While sending is paused, or nothing is
    /// scheduled, it waits `idle_wait` or for a nudge; a pass that fails (the file locked by another
    /// program) is tried again after a second.
    Stopped(watch::Receiver<bool>),
    /// A command: when nothing more can be done now. A pass that fails ends it with the error.
    NothingLeft(DrainLimits),
}

/// When a command's drain has done what it can.
#[derive(Debug, Clone, Copy)]
pub struct DrainLimits {
    /// It ends here whatever is left.
    pub deadline: Instant,
    /// Keep retrying while AutoInvoice cannot be reached (until `deadline`); otherwise the first
    /// pass that finds it unreachable ends the drain, with the invoices still queued.
    pub wait_offline: bool,
    /// Also wait for handed-over invoices to be delivered or failed, not only for every invoice to
    /// be handed over.
    pub settle: bool,
}

/// How long the loop waits after a pass that failed.
const AFTER_ERROR: Duration = Duration::from_secs(1);
/// The shortest wait between passes, so an entry that stays due never spins the loop.
const SHORTEST_WAIT: Duration = Duration::from_millis(10);
/// A command's wait when the outbox names no next time although something was still open a
/// moment ago (another process moved it on): look again soon.
const LOOK_AGAIN: Duration = Duration::from_millis(200);

impl PassReport {
    /// Adds `pass` to these passes; `offline` and `paused` are what the last pass found.
    fn add(&mut self, pass: &PassReport) {
        self.handed_over = self.handed_over.saturating_add(pass.handed_over);
        self.retried = self.retried.saturating_add(pass.retried);
        self.failed = self.failed.saturating_add(pass.failed);
        self.polled = self.polled.saturating_add(pass.polled);
        self.delivered = self.delivered.saturating_add(pass.delivered);
        self.offline = pass.offline;
        self.paused = pass.paused;
    }
}

impl DrainLimits {
    /// Whether nothing more can be done now after `pass`: nothing left to send (with `settle`,
    /// nothing waiting for its status either), sending paused, or AutoInvoice unreachable.
    fn done(&self, worker: &DeliveryWorker, pass: &PassReport) -> Result<bool, AppError> {
        let counts = worker.app().with_store(|store| store.outbox_counts())?;
        let waiting = if self.settle { counts.handed_over } else { 0 };
        let open = counts.queued + counts.sending + waiting;
        Ok(open == 0 || pass.paused || (pass.offline && !self.wait_offline))
    }
}

impl DrainUntil {
    fn stop_requested(&self) -> bool {
        match self {
            DrainUntil::Stopped(stop) => *stop.borrow(),
            DrainUntil::NothingLeft(_) => false,
        }
    }

    /// Resolves when the shell asks the loop to stop; never for a command.
    async fn stop_changed(&mut self) {
        match self {
            DrainUntil::Stopped(stop) => {
                let _ = stop.changed().await;
            }
            DrainUntil::NothingLeft(_) => std::future::pending().await,
        }
    }
}

impl DeliveryWorker {
    /// The connection may be back (or settings changed): queued entries become due now and the
    /// loop wakes up.
    pub fn nudge(&self, now: DateTime<Utc>) -> Result<(), AppError> {
        self.app().with_store(|store| store.retry_queued_now(now))?;
        self.wake.notify_one();
        Ok(())
    }

    /// Runs until `stop` turns true: the shell's loop.
    pub async fn run(self: Arc<Self>, clock: Arc<dyn WallClock>, stop: watch::Receiver<bool>) {
        // Only a command's drain ends with an error.
        let _ = self.drain(clock.as_ref(), DrainUntil::Stopped(stop)).await;
    }

    /// Sends what is due in the outbox, pass after pass, until `until`: between passes it sleeps
    /// until the next entry is due (a retry, a lease's end, a status poll), or until a nudge. The
    /// answer adds up what the passes did.
    pub async fn drain(
        &self,
        clock: &dyn WallClock,
        mut until: DrainUntil,
    ) -> Result<PassReport, AppError> {
        let mut passes = PassReport::default();
        while !until.stop_requested() {
            let pass = self.run_once(clock.now()).await;
            if let Ok(pass) = &pass {
                passes.add(pass);
            }
            let wait = match (&until, pass) {
                (DrainUntil::Stopped(_), Ok(pass)) if pass.paused => self.options.idle_wait,
                (DrainUntil::Stopped(_), Ok(_)) => {
                    let idle = self.options.idle_wait;
                    self.until_next_due(clock.now(), idle, idle)
                        .unwrap_or(AFTER_ERROR)
                }
                (DrainUntil::Stopped(_), Err(_)) => AFTER_ERROR,
                (DrainUntil::NothingLeft(limits), Ok(pass)) => {
                    if limits.done(self, &pass)? {
                        break;
                    }
                    let left = limits.deadline.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    self.until_next_due(clock.now(), LOOK_AGAIN, left)?
                }
                (DrainUntil::NothingLeft(_), Err(error)) => return Err(error),
            };
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = self.wake.notified() => {}
                () = until.stop_changed() => {}
            }
        }
        Ok(passes)
    }

    /// How long to sleep from `now` until the outbox's next due time, at least [`SHORTEST_WAIT`]
    /// and at most `longest`; `unscheduled` when nothing is scheduled.
    fn until_next_due(
        &self,
        now: DateTime<Utc>,
        unscheduled: Duration,
        longest: Duration,
    ) -> Result<Duration, AppError> {
        let next = self
            .app()
            .with_store(|store| store.next_outbox_wakeup())?
            .map_or(unscheduled, |due| {
                (due - now).to_std().unwrap_or(Duration::ZERO)
            });
        Ok(next.max(SHORTEST_WAIT).min(longest))
    }
}
