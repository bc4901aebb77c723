//! The access token and the rule for when to fetch a new one: about five minutes before it expires,
//! or halfway through its life when it lives less than ten minutes.

use crate::secret::Secret;
use std::time::{Duration, Instant};

/// How long before expiry a token is replaced, at most.
pub const REFRESH_AHEAD: Duration = Duration::from_secs(5 * 60);

/// A bearer token and when it stops being used.
#[derive(Debug, Clone)]
pub struct CachedToken {
    pub value: Secret,
    /// The moment from which the client fetches a new one instead.
    pub refresh_at: Instant,
}

impl CachedToken {
    /// A token received at `now` that the server says lives `expires_in`.
    pub fn new(value: Secret, now: Instant, expires_in: Duration) -> CachedToken {
        let ahead = REFRESH_AHEAD.min(expires_in / 2);
        CachedToken {
            value,
            refresh_at: now + (expires_in - ahead),
        }
    }

    pub fn is_fresh(&self, now: Instant) -> bool {
        now < self.refresh_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_time_table() {
        let start = Instant::now();
        let cases = [
            (3600, 3600 - 300 - 1, true),
            (3600, 3600 - 300, false),
            (600, 299, true),
            (600, 300, false),
            (60, 29, true),
            (60, 30, false),
            (0, 0, false),
        ];
        for (lifetime, elapsed, fresh) in cases {
            let token = CachedToken::new(Secret::new("t"), start, Duration::from_secs(lifetime));
            assert_eq!(
                token.is_fresh(start + Duration::from_secs(elapsed)),
                fresh,
                "lifetime {lifetime}, elapsed {elapsed}"
            );
        }
    }
}
