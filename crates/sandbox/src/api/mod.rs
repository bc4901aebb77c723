//! The AX endpoints of the contract, served the way the real service answers them.

pub mod auth;
mod company;
pub mod error;
mod invoices;
mod lookup;
mod query;
mod reroute;
mod token;

use crate::state::SharedState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post, put};

/// Uploads carry a ZIP with the UBL and a PDF; the operator's own limit is well above a few megabytes.
const UPLOAD_LIMIT_BYTES: usize = 50 * 1024 * 1024;

/// The AX routes (`/oauth2/token` and `/v1/...`).
pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/oauth2/token", post(token::issue_token))
        .route("/v1/lookup/receivers", get(lookup::lookup_receivers))
        .route(
            "/v1/invoices",
            post(invoices::create_invoice).get(invoices::list_invoices),
        )
        .route("/v1/invoices/{id}", get(invoices::show_invoice))
        .route("/v1/invoices/{id}/actions", get(invoices::invoice_actions))
        .route(
            "/v1/invoices/{id}/files/{file_id}",
            get(invoices::invoice_file),
        )
        .route("/v1/company/authorization", get(company::authorization))
        .route(
            "/v1/company/settings",
            get(company::settings).patch(company::update_settings),
        )
        .route(
            "/v1/invoices/{id}/reroute/email",
            put(reroute::reroute_email),
        )
        .route(
            "/v1/invoices/{id}/reroute/print",
            put(reroute::reroute_print),
        )
        .route(
            "/v1/invoices/{id}/reroute/einvoice",
            put(reroute::reroute_einvoice),
        )
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT_BYTES))
}

/// The current time twice: a monotonic instant for expiry and progression, and the wall clock for timestamps.
pub fn now() -> (std::time::Instant, String) {
    (
        std::time::Instant::now(),
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    )
}
