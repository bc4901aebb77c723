//! `PUT /v1/invoices/{id}/reroute/{email,print,einvoice}`: send a failed invoice again another way
//! (AX), answered with 200.

use crate::api::auth::AuthorizedCompany;
use crate::api::error::ApiError;
use crate::routing::RouteDecision;
use crate::state::SharedState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct EmailReroute {
    #[serde(default)]
    recipient_email: String,
}

#[derive(Debug, Deserialize)]
pub struct PrintReroute {
    #[serde(default)]
    recipient_name: String,
    #[serde(default)]
    recipient_address1: String,
    #[serde(default)]
    recipient_address2: Option<String>,
    #[serde(default)]
    recipient_post_code: String,
    #[serde(default)]
    recipient_post_office: String,
    #[serde(default)]
    recipient_country: String,
}

#[derive(Debug, Deserialize)]
pub struct EinvoiceReroute {
    #[serde(default)]
    recipient_eia: String,
    #[serde(default)]
    recipient_operator: String,
}

fn apply(
    state: &SharedState,
    company: &str,
    id: &str,
    route: RouteDecision,
    detail: &str,
) -> Result<StatusCode, ApiError> {
    let (now, wall_now) = super::now();
    let mut state = state.lock();
    state.advance(now, &wall_now);
    state.reroute(company, id, route, detail, now, &wall_now)?;
    // The swagger: `@response 200` for each reroute.
    Ok(StatusCode::OK)
}

fn missing_fields(fields: &[(&str, &str)]) -> Result<(), ApiError> {
    let missing: Vec<String> = fields
        .iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(name, _)| format!("{name} is required"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::BAD_REQUEST,
        "invalid_parameters",
        "Missing fields",
        missing,
    ))
}

pub async fn reroute_email(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    Path(id): Path<String>,
    Json(body): Json<EmailReroute>,
) -> Result<StatusCode, ApiError> {
    let address = body.recipient_email.trim();
    if !address.contains('@') {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_parameters",
            "recipient_email must be an e-mail address",
            vec![format!("recipient_email: {address:?}")],
        ));
    }
    apply(
        &state,
        &company,
        &id,
        RouteDecision::Email {
            address: address.to_owned(),
        },
        address,
    )
}

pub async fn reroute_print(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    Path(id): Path<String>,
    Json(body): Json<PrintReroute>,
) -> Result<StatusCode, ApiError> {
    missing_fields(&[
        ("recipient_name", &body.recipient_name),
        ("recipient_address1", &body.recipient_address1),
        ("recipient_post_code", &body.recipient_post_code),
        ("recipient_post_office", &body.recipient_post_office),
        ("recipient_country", &body.recipient_country),
    ])?;
    if !state.lock().print_enabled {
        return Err(ApiError::bad_request(
            "The print service is not enabled for this company",
        ));
    }
    let address: Vec<&str> = [
        Some(body.recipient_name.as_str()),
        Some(body.recipient_address1.as_str()),
        body.recipient_address2
            .as_deref()
            .filter(|line| !line.trim().is_empty()),
        Some(body.recipient_post_code.as_str()),
        Some(body.recipient_post_office.as_str()),
        Some(body.recipient_country.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    apply(
        &state,
        &company,
        &id,
        RouteDecision::Print,
        &address.join(", "),
    )
}

pub async fn reroute_einvoice(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    Path(id): Path<String>,
    Json(body): Json<EinvoiceReroute>,
) -> Result<StatusCode, ApiError> {
    missing_fields(&[
        ("recipient_eia", &body.recipient_eia),
        ("recipient_operator", &body.recipient_operator),
    ])?;
    let known = state
        .lock()
        .receivers
        .iter()
        .any(|entry| entry.eia == body.recipient_eia);
    let route = if known {
        RouteDecision::EInvoice {
            eia: body.recipient_eia,
            operator: body.recipient_operator,
        }
    } else {
        RouteDecision::Fail {
            reason: format!(
                "Recipient {} was not found in the {} network",
                body.recipient_eia, body.recipient_operator
            ),
        }
    };
    let detail = body_detail(&route);
    apply(&state, &company, &id, route, &detail)
}

fn body_detail(route: &RouteDecision) -> String {
    match route {
        RouteDecision::EInvoice { eia, operator } => format!("{eia} via {operator}"),
        _ => String::new(),
    }
}
