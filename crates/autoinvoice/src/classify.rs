//! Turns what came back over HTTP into an `AxError`: transport failures and statuses are sorted into
//! transient and permanent the same way for every call.

use crate::error::{AxError, PermanentKind, TransientKind};
use serde::Deserialize;
use std::time::Duration;

/// The AX error body `{code, message, details}`; every field may be missing.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ErrorBody {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub details: Vec<serde_json::Value>,
}

impl ErrorBody {
    pub fn parse(body: &[u8]) -> ErrorBody {
        serde_json::from_slice(body).unwrap_or_default()
    }

    /// `details` as text, whether the operator sent strings or objects.
    pub fn reasons(&self) -> Vec<String> {
        self.details
            .iter()
            .map(|detail| match detail {
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            })
            .collect()
    }
}

/// Any 4xx from `POST /oauth2/token` but 408 and 429 means the company id or a key is wrong (an
/// OAuth2 server answers a bad client with 400 or 401): a credentials problem, never "the invoice
/// was rejected". `None` for other answers, which are read as usual.
pub(crate) fn token_refusal(status: u16, body: &[u8]) -> Option<AxError> {
    if !(400..500).contains(&status) || matches!(status, 408 | 429) {
        return None;
    }
    let parsed = ErrorBody::parse(body);
    let message = parsed
        .message
        .clone()
        .unwrap_or_else(|| format!("HTTP {status}"));
    Some(AxError::Permanent {
        kind: PermanentKind::Unauthorized,
        status: Some(status),
        code: parsed.code.clone(),
        message: format!("token: {message}"),
        reasons: parsed.reasons(),
    })
}

/// [ours] The operator says "Company not verified" in a 401; kept in one place in case the wording differs.
fn is_company_not_verified(body: &ErrorBody) -> bool {
    body.message
        .as_deref()
        .map(str::to_ascii_lowercase)
        .is_some_and(|message| message.contains("not verified") || message.contains("unverified"))
}

/// The longest wait a server's `Retry-After` can ask for; more is taken as this (a broken or
/// hostile answer must not park the outbox for years or overflow date arithmetic).
pub(crate) const MAX_RETRY_AFTER: Duration = Duration::from_secs(60 * 60);

/// Reads `Retry-After` in seconds, at most [`MAX_RETRY_AFTER`] (so also a number too large for any
/// integer type); an HTTP date is not used by the operator and counts as absent.
pub(crate) fn retry_after_seconds(header: Option<&str>) -> Option<Duration> {
    let digits = header?.trim();
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let seconds = digits.parse::<u64>().unwrap_or(u64::MAX);
    Some(Duration::from_secs(seconds).min(MAX_RETRY_AFTER))
}

/// The error for a non-success status.
pub(crate) fn status_error(status: u16, retry_after: Option<Duration>, body: &[u8]) -> AxError {
    let parsed = ErrorBody::parse(body);
    let message = parsed
        .message
        .clone()
        .unwrap_or_else(|| format!("HTTP {status}"));
    if status == 429 || status == 408 || status >= 500 {
        let kind = if status == 429 {
            TransientKind::RateLimited
        } else {
            TransientKind::ServerError
        };
        return AxError::Transient {
            kind,
            retry_after: if status == 429 { retry_after } else { None },
            detail: format!("HTTP {status}: {message}"),
        };
    }
    let kind = match status {
        400 => PermanentKind::BadRequest,
        401 if is_company_not_verified(&parsed) => PermanentKind::CompanyNotVerified,
        401 => PermanentKind::Unauthorized,
        403 => PermanentKind::Forbidden,
        404 => PermanentKind::NotFound,
        409 => PermanentKind::Conflict,
        422 => PermanentKind::ValidationFailed,
        _ => PermanentKind::OtherStatus,
    };
    AxError::Permanent {
        kind,
        status: Some(status),
        code: parsed.code.clone(),
        message,
        reasons: parsed.reasons(),
    }
}

/// The error for a call that got no complete answer.
pub(crate) fn transport_error(error: &reqwest::Error, operation: &str) -> AxError {
    if error.is_timeout() {
        return AxError::transient(
            TransientKind::Timeout,
            format!("{operation}: no answer in time"),
        );
    }
    if error.is_builder() {
        return AxError::permanent(
            PermanentKind::InvalidConfiguration,
            format!("{operation}: {}", full_chain(error)),
        );
    }
    AxError::transient(
        TransientKind::Connection,
        format!("{operation}: {}", full_chain(error)),
    )
}

/// reqwest's own message is terse ("error sending request"); the cause says "connection refused".
fn full_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_sorted_into_transient_and_permanent() {
        let cases: [(u16, &str, Option<TransientKind>, Option<PermanentKind>); 11] = [
            (500, "", Some(TransientKind::ServerError), None),
            (503, "", Some(TransientKind::ServerError), None),
            (408, "", Some(TransientKind::ServerError), None),
            (429, "", Some(TransientKind::RateLimited), None),
            (400, "", None, Some(PermanentKind::BadRequest)),
            (
                401,
                r#"{"code":"UNAUTHORIZED","message":"Invalid token"}"#,
                None,
                Some(PermanentKind::Unauthorized),
            ),
            (
                401,
                r#"{"code":"UNAUTHORIZED","message":"Company not verified"}"#,
                None,
                Some(PermanentKind::CompanyNotVerified),
            ),
            (403, "", None, Some(PermanentKind::Forbidden)),
            (404, "", None, Some(PermanentKind::NotFound)),
            (
                422,
                r#"{"code":"VALIDATION_FAILED","details":["BR-CO-15 x"]}"#,
                None,
                Some(PermanentKind::ValidationFailed),
            ),
            (418, "not json", None, Some(PermanentKind::OtherStatus)),
        ];
        for (status, body, transient, permanent) in cases {
            match status_error(status, None, body.as_bytes()) {
                AxError::Transient { kind, .. } => assert_eq!(Some(kind), transient, "{status}"),
                AxError::Permanent { kind, .. } => assert_eq!(Some(kind), permanent, "{status}"),
            }
        }
    }

    #[test]
    fn rejection_reasons_and_retry_after_are_kept() {
        let error = status_error(422, None, br#"{"code":"VALIDATION_FAILED","message":"Rejected","details":["BR-CO-15 a", {"rule":"BR-16"}]}"#);
        assert_eq!(
            error.reasons(),
            ["BR-CO-15 a".to_owned(), r#"{"rule":"BR-16"}"#.to_owned()]
        );
        assert!(error.describe().sv.contains("BR-CO-15 a"));
        let limited = status_error(429, retry_after_seconds(Some("7")), b"{}");
        assert_eq!(limited.retry_after(), Some(Duration::from_secs(7)));
        assert!(limited.is_transient());
        assert_eq!(
            retry_after_seconds(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            None
        );
    }

    #[test]
    fn every_refusal_of_the_token_request_is_a_credentials_problem() {
        for status in [400, 401, 403, 404, 422] {
            let error = token_refusal(status, br#"{"code":"invalid_client"}"#).expect("refused");
            assert!(error.is_credentials_problem(), "{status}");
            assert!(error.describe().sv.contains("API-nyckel"), "{status}");
        }
        for status in [200, 408, 429, 500, 503] {
            assert_eq!(token_refusal(status, b""), None, "{status}");
        }
    }

    #[test]
    fn an_absurd_retry_after_is_bounded_where_it_is_read() {
        let cases = [
            ("0", Some(0)),
            ("3600", Some(3600)),
            ("3601", Some(3600)),
            ("18446744073709551615", Some(3600)),
            ("99999999999999999999999999999999", Some(3600)),
            ("-5", None),
            ("1.5", None),
            ("", None),
        ];
        for (header, seconds) in cases {
            assert_eq!(
                retry_after_seconds(Some(header)),
                seconds.map(Duration::from_secs),
                "{header}"
            );
        }
    }
}
