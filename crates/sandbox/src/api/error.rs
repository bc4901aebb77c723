//! The AX error answer: an HTTP status with `{code, message, details}` (codes lowercase snake_case,
//! as in the swagger's error list), plus `Retry-After` for 429.

use crate::config::DuplicateAnswer;
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

    /// A 400 `invalid_parameters`, the code the API uses for bad parameters (`PATCH
    /// /v1/company/settings` in the swagger); codes are lowercase snake_case throughout.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameters",
            message,
            Vec::new(),
        )
    }

    /// Grape's answer to a parameter of the wrong shape, for example a single value where an array
    /// is declared: "country is invalid" (ruby-grape/grape#2028).
    pub fn invalid(parameter: &str) -> ApiError {
        ApiError::bad_request(format!("{parameter} is invalid"))
    }

    /// Grape's answer to a missing required parameter.
    pub fn missing(parameter: &str) -> ApiError {
        ApiError::bad_request(format!("{parameter} is missing"))
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            message,
            Vec::new(),
        )
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} not found"),
            Vec::new(),
        )
    }

    /// The refusal of a `uuid` used before, in the shape the sandbox is set to give.
    pub fn duplicate_uuid(answer: DuplicateAnswer, uuid: &str) -> ApiError {
        match answer {
            DuplicateAnswer::Unprocessable => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invoice_duplicate_uuid",
                format!("The provided uuid {uuid} is already in use"),
                Vec::new(),
            ),
            DuplicateAnswer::Conflict => {
                ApiError::new(StatusCode::CONFLICT, "conflict", "Conflict", Vec::new())
            }
            DuplicateAnswer::BadRequest => ApiError::invalid("uuid"),
        }
    }

    /// [ours] The answer when the receipt check rejects the XML (receipt mode `reject`).
    pub fn validation_failed(details: Vec<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
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
