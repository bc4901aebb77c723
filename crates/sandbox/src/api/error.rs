//! The AX error answer: an HTTP status with `{code, message, details}`, plus `Retry-After` for 429.

use crate::model::ErrorBody;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// An error answer of the sandbox's API.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &str,
        message: impl Into<String>,
        details: Vec<String>,
    ) -> ApiError {
        ApiError {
            status,
            body: ErrorBody {
                code: code.to_owned(),
                message: message.into(),
                details,
            },
            retry_after: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "BAD_REQUEST", message, Vec::new())
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "UNAUTHORIZED",
            message,
            Vec::new(),
        )
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            format!("{what} not found"),
            Vec::new(),
        )
    }

    /// The contract's answer when a `uuid` was used before: the existing invoice's id in `details`.
    pub fn duplicate_uuid(uuid: &str, existing_id: &str) -> ApiError {
        ApiError::new(
            StatusCode::CONFLICT,
            "DUPLICATE_UUID",
            format!("An invoice with uuid {uuid} was already received"),
            vec![existing_id.to_owned()],
        )
    }

    /// The contract's answer when the receipt check rejects the XML.
    pub fn validation_failed(details: Vec<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "VALIDATION_FAILED",
            "The invoice was rejected on receipt",
            details,
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
