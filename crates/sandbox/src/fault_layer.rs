//! The middleware in front of the AX routes: applies injected faults and logs every call.

use crate::faults::{Fault, take_fault};
use crate::model::ErrorBody;
use crate::state::{CallRecord, SharedState};
use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Put into each request by the accept loop: notifying it closes the request's TCP connection at once.
#[derive(Debug, Clone)]
pub struct ConnectionKill(pub Arc<Notify>);

pub async fn apply_faults(
    State(state): State<SharedState>,
    request: Request,
    next: Next,
) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_owned();
    let fault = take_fault(&mut state.lock().faults, &method, &path);
    let Some(fault) = fault else {
        let response = next.run(request).await;
        log_call(&state, &method, &path, response.status());
        return response;
    };
    if let Some(delay) = fault.delay_ms {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if fault.drop_connection {
        let kill = request.extensions().get::<ConnectionKill>().cloned();
        let response = next.run(request).await;
        log_call(&state, &method, &path, response.status());
        if let Some(ConnectionKill(kill)) = kill {
            kill.notify_one();
            // The connection task drops this future together with the connection.
            std::future::pending::<()>().await;
        }
        return response;
    }
    let response = match fault
        .status
        .and_then(|status| StatusCode::from_u16(status).ok())
    {
        Some(status) => {
            // Read the upload first, as a real server does before it answers: answering early and
            // closing makes a client that is still sending see a reset instead of the status.
            let _ = axum::body::to_bytes(request.into_body(), usize::MAX).await;
            injected_response(&fault, status)
        }
        None => next.run(request).await,
    };
    log_call(&state, &method, &path, response.status());
    response
}

fn injected_response(fault: &Fault, status: StatusCode) -> Response {
    let body = fault.body.clone().unwrap_or_else(|| {
        let default = ErrorBody {
            code: status
                .canonical_reason()
                .unwrap_or("error")
                .to_ascii_lowercase()
                .replace(' ', "_"),
            message: format!("Injected fault: HTTP {}", status.as_u16()),
            details: Vec::new(),
        };
        serde_json::to_value(default).unwrap_or_default()
    });
    let mut response = (status, Json(body)).into_response();
    if let Some(seconds) = fault.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

fn log_call(state: &SharedState, method: &str, path: &str, status: StatusCode) {
    state.lock().calls.push(CallRecord {
        method: method.to_owned(),
        path: path.to_owned(),
        status: status.as_u16(),
    });
}
