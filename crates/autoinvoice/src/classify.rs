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

/// The duplicate-`uuid` answer: the contract's 409 `DUPLICATE_UUID` with the existing id first in `details`.
pub(crate) fn duplicate_invoice_id(status: u16, body: &ErrorBody) -> Option<String> {
    if status != 409 || body.code.as_deref() != Some("DUPLICATE_UUID") {
        return None;
    }
    Some(body.reasons().into_iter().next().unwrap_or_default())
}

/// [ours] The operator says "Company not verified" in a 401; kept in one place in case the wording differs.
fn is_company_not_verified(body: &ErrorBody) -> bool {
    body.message
        .as_deref()
        .is_some_and(|message| message.to_ascii_lowercase().contains("not verified"))
}

/// Reads `Retry-After` in seconds; an HTTP date is not used by the operator and counts as absent.
pub(crate) fn retry_after_seconds(header: Option<&str>) -> Option<Duration> {
    header?.trim().parse::<u64>().ok().map(Duration::from_secs)
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
    fn only_a_409_duplicate_uuid_is_already_sent() {
        let duplicate = ErrorBody::parse(br#"{"code":"DUPLICATE_UUID","details":["inv-1"]}"#);
        assert_eq!(
            duplicate_invoice_id(409, &duplicate),
            Some("inv-1".to_owned())
        );
        let other = ErrorBody::parse(br#"{"code":"CONFLICT","details":["inv-1"]}"#);
        assert_eq!(duplicate_invoice_id(409, &other), None);
        assert_eq!(duplicate_invoice_id(400, &duplicate), None);
    }
}
