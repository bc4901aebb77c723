//! `GET /v1/company/authorization` (the company's trust state) and `GET`/`PATCH
//! /v1/company/settings` (only `send_invoice_print` is kept), as in the AutoXChange swagger
//! (rantalainen/maventa-api-client `src/api.ts`: `getV1CompanyAuthorization`,
//! `getV1CompanySettings`, `patchV1CompanySettings` answering 204, or 400 `invalid_parameters`).

use crate::api::auth::{AuthenticatedCompany, AuthorizedCompany};
use crate::api::error::ApiError;
use crate::state::SharedState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::{Value, json};

/// `{auth_state, auth_email, company_state}`; answers for an unverified company too.
pub async fn authorization(
    State(state): State<SharedState>,
    AuthenticatedCompany(company): AuthenticatedCompany,
) -> Json<Value> {
    let verified = state
        .lock()
        .company(&company)
        .is_some_and(|company| company.verified);
    Json(json!({
        "auth_state": if verified { "SIGNED" } else { "NONE" },
        "auth_email": "",
        "company_state": if verified { "VERIFIED" } else { "UNVERIFIED" },
    }))
}

fn print_settings(state: &SharedState, company: &str) -> Value {
    let state = state.lock();
    let use_own_pdf = state
        .company(company)
        .is_some_and(|company| company.use_own_pdf);
    json!({
        "enabled": state.print_enabled,
        "letter_class": "ECONOMY",
        "color_scheme": "BLACK_AND_WHITE",
        "attachment_print": false,
        "use_own_pdf": use_own_pdf,
    })
}

/// The settings; `fields[]` is accepted and ignored, since only `send_invoice_print` is kept.
pub async fn settings(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
) -> Json<Value> {
    Json(json!({ "send_invoice_print": print_settings(&state, &company) }))
}

/// Changes `send_invoice_print.enabled` and `.use_own_pdf`; any other block is accepted and
/// ignored. A body that is not a JSON object, or a flag that is not a boolean, is refused.
pub async fn update_settings(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    let patch: Value = serde_json::from_slice(&body)
        .map_err(|_| ApiError::bad_request("Request parameters are invalid: not JSON"))?;
    let Some(blocks) = patch.as_object() else {
        return Err(ApiError::bad_request(
            "Request parameters are invalid: not an object",
        ));
    };
    let print = blocks.get("send_invoice_print");
    let flag = |name: &str| -> Result<Option<bool>, ApiError> {
        match print.and_then(|print| print.get(name)) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(flag)) => Ok(Some(*flag)),
            Some(_) => Err(ApiError::invalid(&format!("send_invoice_print[{name}]"))),
        }
    };
    let (enabled, use_own_pdf) = (flag("enabled")?, flag("use_own_pdf")?);
    let mut state = state.lock();
    if let Some(enabled) = enabled {
        state.print_enabled = enabled;
    }
    if let Some(use_own_pdf) = use_own_pdf
        && let Some(company) = state.company_mut(&company)
    {
        company.use_own_pdf = use_own_pdf;
    }
    Ok(StatusCode::NO_CONTENT)
}
