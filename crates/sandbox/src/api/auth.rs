//! The bearer-token check every `/v1` call starts with: a live token of a verified company, or for
//! the authorization endpoint a live token of any company.

use crate::api::error::ApiError;
use crate::state::SharedState;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

/// The company whose token authorised the call.
#[derive(Debug, Clone)]
pub struct AuthorizedCompany(pub String);

impl FromRequestParts<SharedState> for AuthorizedCompany {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &SharedState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(parts);
        let (now, _) = super::now();
        state.lock().authorize(token, now).map(AuthorizedCompany)
    }
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
        })
        .map(str::trim)
}

/// The company whose live token made the call, verified or not: the authorization endpoint
/// answers an unverified company too, since that is how it learns its state.
#[derive(Debug, Clone)]
pub struct AuthenticatedCompany(pub String);

impl FromRequestParts<SharedState> for AuthenticatedCompany {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &SharedState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(parts);
        let (now, _) = super::now();
        state
            .lock()
            .authenticate(token, now)
            .map(AuthenticatedCompany)
    }
}
