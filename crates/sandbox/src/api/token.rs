//! `POST /oauth2/token`: the client-credentials grant with the vendor key (AX).

use crate::api::error::ApiError;
use crate::state::SharedState;
use axum::extract::{RawForm, State};
use axum::{Json, http::StatusCode};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct TokenAnswer {
    access_token: String,
    token_type: &'static str,
    expires_in: u64,
    scope: String,
}

pub async fn issue_token(
    State(state): State<SharedState>,
    RawForm(form): RawForm,
) -> Result<Json<TokenAnswer>, ApiError> {
    let pairs = super::query::query_pairs(std::str::from_utf8(&form).ok());
    let field = |name: &str| {
        super::query::first(&pairs, name)
            .unwrap_or_default()
            .to_owned()
    };
    if field("grant_type") != "client_credentials" {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameters",
            "grant_type must be client_credentials",
            Vec::new(),
        ));
    }
    let missing: Vec<String> = ["client_id", "client_secret", "vendor_api_key"]
        .into_iter()
        .filter(|name| field(name).is_empty())
        .map(|name| format!("{name} is required"))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameters",
            "Missing credentials",
            missing,
        ));
    }
    let (now, _) = super::now();
    let (access_token, expires_in) = state.lock().issue_token(
        &field("client_id"),
        &field("client_secret"),
        &field("vendor_api_key"),
        now,
    )?;
    let scope = match field("scope") {
        scope if scope.is_empty() => "eui".to_owned(),
        scope => scope,
    };
    Ok(Json(TokenAnswer {
        access_token,
        token_type: "bearer",
        expires_in,
        scope,
    }))
}
