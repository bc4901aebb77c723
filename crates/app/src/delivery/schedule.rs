//! When the worker tries again: exponential backoff with jitter after a transient failure (at
//! least as long as a 429's Retry-After asks), and growing intervals between status polls.
//! Pure functions of the attempt count and a jitter fraction, so tests state exact times.

use std::time::Duration;

/// The longest wait a server may ask for before the next attempt.
const MAX_ASKED_WAIT: Duration = Duration::from_secs(60 * 60);

/// The worker's timing, configurable so tests and demos can run fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// The wait after the first failed attempt; doubled after each further one.
    pub retry_base: Duration,
    /// The longest wait between attempts: offline, the worker keeps trying at least this often.
    pub retry_cap: Duration,
    /// The first status poll after hand-over; doubled after each poll.
    pub poll_base: Duration,
    pub poll_cap: Duration,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            retry_base: Duration::from_secs(2),
            retry_cap: Duration::from_secs(300),
            poll_base: Duration::from_secs(5),
            poll_cap: Duration::from_secs(3600),
        }
    }
}

/// `base * 2^(step - 1)`, capped; `step` 0 and 1 both give `base`.
fn doubled(base: Duration, cap: Duration, step: u32) -> Duration {
    let factor = 1u32
        .checked_shl(step.saturating_sub(1).min(31))
        .unwrap_or(u32::MAX);
    base.checked_mul(factor).unwrap_or(cap).min(cap)
}

impl Schedule {
    /// The wait before the next attempt after `attempts` failed ones. `jitter_per_mille` (0..=1000,
    /// random in production) adds up to a quarter of the wait, so many clients that lost the
    /// connection together do not all come back in the same second.
    pub fn retry_delay(
        &self,
        attempts: u32,
        retry_after: Option<Duration>,
        jitter_per_mille: u32,
    ) -> Duration {
        let backoff = doubled(self.retry_base, self.retry_cap, attempts);
        let jitter = backoff / 4 * jitter_per_mille.min(1000) / 1000;
        let delay = backoff + jitter;
        match retry_after {
            // The client bounds Retry-After where it reads it; this keeps the schedule total too.
            Some(asked) => delay.max(asked.min(MAX_ASKED_WAIT)),
            None => delay,
        }
    }

    /// The wait before status poll number `polls + 1`.
    pub fn poll_delay(&self, polls: u32) -> Duration {
        doubled(self.poll_base, self.poll_cap, polls + 1)
    }
}

/// A jitter fraction for production use.
pub fn random_jitter() -> u32 {
    fastrand::u32(0..=1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_up_to_the_cap() {
        let schedule = Schedule::default();
        let seconds = |attempts, retry_after: Option<u64>, jitter| {
            schedule
                .retry_delay(attempts, retry_after.map(Duration::from_secs), jitter)
                .as_millis()
        };
        let cases = [
            (1, None, 0, 2_000),
            (2, None, 0, 4_000),
            (3, None, 0, 8_000),
            (3, None, 1000, 10_000),
            (3, None, 500, 9_000),
            (9, None, 0, 300_000),
            (40, None, 1000, 375_000),
            (1, Some(7), 0, 7_000),
            (3, Some(7), 0, 8_000),
            (1, Some(u64::MAX), 0, 3_600_000),
        ];
        for (attempts, retry_after, jitter, expected) in cases {
            assert_eq!(
                seconds(attempts, retry_after, jitter),
                expected,
                "{attempts} {retry_after:?} {jitter}"
            );
        }
    }

    #[test]
    fn polls_grow_and_stop_growing_at_the_cap() {
        let schedule = Schedule::default();
        let delays: Vec<u64> = [0, 1, 2, 3, 20]
            .into_iter()
            .map(|polls| schedule.poll_delay(polls).as_secs())
            .collect();
        assert_eq!(delays, [5, 10, 20, 40, 3600]);
    }
}
