//! The access token and the rule for when to fetch a new one: about five minutes before it expires,
//! or halfway through its life when it lives less than ten minutes.

use crate::secret::Secret;
use std::time::{Duration, Instant};

/// How long before expiry a token is replaced, at most.
pub const REFRESH_AHEAD: Duration = Duration::from_secs(5 * 60);

/// The longest a token is used, whatever the server says: an absurd `expires_in` must neither
/// overflow time arithmetic nor keep a token that the server may have long forgotten.
pub(crate) const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// The token's lifetime from the `expires_in` the server sent, read where it is parsed: whole
/// seconds, at most [`MAX_TOKEN_LIFETIME`]; negative, missing or unreadable is 0 (used once).
pub(crate) fn token_lifetime(expires_in: &serde_json::Value) -> Duration {
    let seconds = match expires_in {
        serde_json::Value::Number(number) => number
            .as_u64()
            // A fraction or a number beyond u64: `as` saturates (and a negative one is 0).
            .or_else(|| number.as_f64().map(|seconds| seconds as u64))
            .unwrap_or(0),
        serde_json::Value::String(text) => text.trim().parse::<u64>().unwrap_or(0),
        _ => 0,
    };
    Duration::from_secs(seconds).min(MAX_TOKEN_LIFETIME)
}

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
        let expires_in = expires_in.min(MAX_TOKEN_LIFETIME);
        let ahead = REFRESH_AHEAD.min(expires_in / 2);
        CachedToken {
            value,
            refresh_at: now.checked_add(expires_in - ahead).unwrap_or(now),
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
    fn an_absurd_expires_in_is_bounded_where_it_is_read() {
        let cases = [
            (serde_json::json!(3600), 3600),
            (serde_json::json!(u64::MAX), 86_400),
            (serde_json::json!(1e300), 86_400),
            (serde_json::json!(-5), 0),
            (serde_json::json!(3600.9), 3600),
            (serde_json::json!("600"), 600),
            (serde_json::json!("lång"), 0),
            (serde_json::Value::Null, 0),
        ];
        for (value, seconds) in cases {
            assert_eq!(
                token_lifetime(&value),
                Duration::from_secs(seconds),
                "{value}"
            );
        }
        let start = Instant::now();
        let token = CachedToken::new(Secret::new("t"), start, Duration::MAX);
        assert!(token.is_fresh(start));
        assert!(!token.is_fresh(start + MAX_TOKEN_LIFETIME));
    }

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
