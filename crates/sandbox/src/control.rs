//! The `/_sandbox/` control API for tests and demos: seed the directory, (un)verify companies, set the
//! token lifetime, move invoices, configure progression, inject faults and list what was received.
//! It needs no token: it is a test fixture, never part of the AX contract.

use crate::api::error::ApiError;
use crate::config::{Company, DuplicateAnswer, Progression, ReceiptMode};
use crate::faults::Fault;
use crate::intake::Received;
use crate::model::{Channel, Invoice, InvoiceStatus};
use crate::routing::ReceiverEntry;
use crate::state::{CallRecord, SharedState, TokenSummary};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use std::time::Duration;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/reset", post(reset))
        .route(
            "/receivers",
            get(list_receivers)
                .post(add_receivers)
                .delete(clear_receivers),
        )
        .route("/companies", get(list_companies))
        .route("/companies/{client_id}", put(put_company))
        .route("/token-lifetime", put(set_token_lifetime))
        .route("/tokens", get(token_summary))
        .route("/tokens/expire", post(expire_tokens))
        .route("/progression", get(get_progression).put(set_progression))
        .route("/print-service", put(set_print_service))
        .route("/receipt-mode", put(set_receipt_mode))
        .route(
            "/duplicate-answer",
            get(get_duplicate_answer).put(set_duplicate_answer),
        )
        .route("/invoices", get(list_all_invoices))
        .route("/invoices/{id}/status", post(move_invoice))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/received", get(list_received))
        .route("/calls", get(list_calls).delete(clear_calls))
}

async fn reset(State(state): State<SharedState>) -> StatusCode {
    state.lock().reset();
    StatusCode::NO_CONTENT
}

async fn list_receivers(State(state): State<SharedState>) -> Json<Vec<ReceiverEntry>> {
    Json(state.lock().receivers.clone())
}

/// Adds entries; an entry with the same `eia` as an existing one replaces it.
async fn add_receivers(
    State(state): State<SharedState>,
    Json(entries): Json<Vec<ReceiverEntry>>,
) -> StatusCode {
    let mut state = state.lock();
    for entry in entries {
        state.receivers.retain(|existing| existing.eia != entry.eia);
        state.receivers.push(entry);
    }
    StatusCode::NO_CONTENT
}

async fn clear_receivers(State(state): State<SharedState>) -> StatusCode {
    state.lock().receivers.clear();
    StatusCode::NO_CONTENT
}

/// Companies without their secrets: the control API is for tests, but habits matter.
async fn list_companies(State(state): State<SharedState>) -> Json<Vec<serde_json::Value>> {
    let companies = state
        .lock()
        .companies
        .iter()
        .map(|company| {
            serde_json::json!({
                "client_id": company.client_id,
                "verified": company.verified,
                "use_own_pdf": company.use_own_pdf,
            })
        })
        .collect();
    Json(companies)
}

#[derive(Debug, Deserialize)]
struct CompanyUpdate {
    client_secret: Option<String>,
    vendor_api_key: Option<String>,
    verified: Option<bool>,
    use_own_pdf: Option<bool>,
}

/// Creates a company (secret and vendor key required) or changes an existing one.
async fn put_company(
    State(state): State<SharedState>,
    Path(client_id): Path<String>,
    Json(update): Json<CompanyUpdate>,
) -> Result<StatusCode, ApiError> {
    let mut state = state.lock();
    if let Some(company) = state
        .companies
        .iter_mut()
        .find(|company| company.client_id == client_id)
    {
        if let Some(secret) = update.client_secret {
            company.client_secret = secret;
        }
        if let Some(key) = update.vendor_api_key {
            company.vendor_api_key = key;
        }
        if let Some(verified) = update.verified {
            company.verified = verified;
        }
        if let Some(use_own_pdf) = update.use_own_pdf {
            company.use_own_pdf = use_own_pdf;
        }
        return Ok(StatusCode::NO_CONTENT);
    }
    let (Some(client_secret), Some(vendor_api_key)) = (update.client_secret, update.vendor_api_key)
    else {
        return Err(ApiError::bad_request(
            "A new company needs client_secret and vendor_api_key",
        ));
    };
    state.companies.push(Company {
        client_id,
        client_secret,
        vendor_api_key,
        verified: update.verified.unwrap_or(true),
        use_own_pdf: update.use_own_pdf.unwrap_or(false),
    });
    Ok(StatusCode::CREATED)
}

#[derive(Debug, Deserialize)]
struct TokenLifetime {
    seconds: u64,
}

async fn set_token_lifetime(
    State(state): State<SharedState>,
    Json(lifetime): Json<TokenLifetime>,
) -> StatusCode {
    state.lock().token_lifetime = Duration::from_secs(lifetime.seconds);
    StatusCode::NO_CONTENT
}

async fn token_summary(State(state): State<SharedState>) -> Json<TokenSummary> {
    let (now, _) = crate::api::now();
    Json(state.lock().token_summary(now))
}

async fn expire_tokens(State(state): State<SharedState>) -> StatusCode {
    let (now, _) = crate::api::now();
    state.lock().expire_tokens(now);
    StatusCode::NO_CONTENT
}

async fn get_progression(State(state): State<SharedState>) -> Json<Progression> {
    Json(state.lock().progression.clone())
}

async fn set_progression(
    State(state): State<SharedState>,
    Json(progression): Json<Progression>,
) -> StatusCode {
    state.lock().progression = progression;
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct PrintService {
    enabled: bool,
}

async fn set_print_service(
    State(state): State<SharedState>,
    Json(print): Json<PrintService>,
) -> StatusCode {
    state.lock().print_enabled = print.enabled;
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct ReceiptModeBody {
    mode: ReceiptMode,
}

async fn set_receipt_mode(
    State(state): State<SharedState>,
    Json(body): Json<ReceiptModeBody>,
) -> StatusCode {
    state.lock().receipt_mode = body.mode;
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct DuplicateAnswerBody {
    status: u16,
}

async fn get_duplicate_answer(State(state): State<SharedState>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": state.lock().duplicate_answer.status() }))
}

/// How a reused `uuid` is refused: 422 (the default), 409 or 400.
async fn set_duplicate_answer(
    State(state): State<SharedState>,
    Json(body): Json<DuplicateAnswerBody>,
) -> Result<StatusCode, ApiError> {
    let answer = DuplicateAnswer::from_status(body.status).ok_or_else(|| {
        ApiError::bad_request(format!(
            "status must be 422, 409 or 400, got {}",
            body.status
        ))
    })?;
    state.lock().duplicate_answer = answer;
    Ok(StatusCode::NO_CONTENT)
}

/// Every company's invoices, after applying automatic progression.
async fn list_all_invoices(State(state): State<SharedState>) -> Json<Vec<Invoice>> {
    let (now, wall_now) = crate::api::now();
    let mut state = state.lock();
    state.advance(now, &wall_now);
    Json(state.all_invoices())
}

#[derive(Debug, Deserialize)]
struct StatusMove {
    status: InvoiceStatus,
    channel: Option<Channel>,
    message: Option<String>,
}

async fn move_invoice(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    Json(body): Json<StatusMove>,
) -> Result<Json<Invoice>, ApiError> {
    let (_, wall_now) = crate::api::now();
    let invoice = state.lock().set_status(
        &id,
        body.status,
        body.channel,
        body.message.as_deref(),
        &wall_now,
    )?;
    Ok(Json(invoice))
}

async fn list_faults(State(state): State<SharedState>) -> Json<Vec<Fault>> {
    Json(state.lock().faults.clone())
}

async fn add_fault(
    State(state): State<SharedState>,
    Json(fault): Json<Fault>,
) -> Result<StatusCode, ApiError> {
    if let Some(status) = fault.status
        && !(100..=599).contains(&status)
    {
        return Err(ApiError::bad_request(format!(
            "status {status} is not an HTTP status"
        )));
    }
    state.lock().faults.push(fault);
    Ok(StatusCode::CREATED)
}

async fn clear_faults(State(state): State<SharedState>) -> StatusCode {
    state.lock().faults.clear();
    StatusCode::NO_CONTENT
}

#[derive(Debug, Deserialize)]
struct ReceivedFilter {
    uuid: Option<String>,
}

async fn list_received(
    State(state): State<SharedState>,
    Query(filter): Query<ReceivedFilter>,
) -> Json<Vec<Received>> {
    let received = state
        .lock()
        .received()
        .into_iter()
        .filter(|received| {
            filter
                .uuid
                .as_deref()
                .is_none_or(|uuid| received.uuid == uuid)
        })
        .collect();
    Json(received)
}

async fn list_calls(State(state): State<SharedState>) -> Json<Vec<CallRecord>> {
    Json(state.lock().calls.clone())
}

async fn clear_calls(State(state): State<SharedState>) -> StatusCode {
    state.lock().calls.clear();
    StatusCode::NO_CONTENT
}
