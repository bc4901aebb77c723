//! `POST /v1/invoices` (multipart upload), `GET /v1/invoices` (list with filters and paging),
//! `GET /v1/invoices/{id}`, `GET /v1/invoices/{id}/actions` and `GET /v1/invoices/{id}/files/{file_id}`
//! (AX).

use super::query::{all, first, query_pairs};
use crate::api::auth::AuthorizedCompany;
use crate::api::error::ApiError;
use crate::intake::{Upload, UploadedFile};
use crate::model::{Action, Invoice, InvoiceStatus};
use crate::state::SharedState;
use axum::Json;
use axum::extract::{Multipart, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};

pub async fn create_invoice(
    State(state): State<SharedState>,
    authorized: Result<AuthorizedCompany, ApiError>,
    multipart: Multipart,
) -> Result<(StatusCode, Json<Invoice>), ApiError> {
    // The upload is read before a refusal is sent: answering 401 and closing while the client
    // is still writing the body makes it see a broken pipe instead of the answer.
    let upload = read_multipart(multipart).await;
    let AuthorizedCompany(company) = authorized?;
    let upload = upload?;
    let (now, wall_now) = super::now();
    let mut state = state.lock();
    let invoice = state.receive_invoice(&company, upload, now, &wall_now)?;
    Ok((StatusCode::CREATED, Json(invoice)))
}

async fn read_multipart(mut multipart: Multipart) -> Result<Upload, ApiError> {
    let unreadable = |error: axum::extract::multipart::MultipartError| {
        ApiError::bad_request(format!("The multipart form cannot be read: {error}"))
    };
    let mut upload = Upload::default();
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let content_type = field.content_type().map(str::to_owned);
        let bytes = field.bytes().await.map_err(unreadable)?;
        if filename.is_some() {
            upload.files.push(UploadedFile {
                field: name,
                filename,
                content_type,
                bytes: bytes.to_vec(),
                zip_entries: Vec::new(),
            });
        } else {
            let text = String::from_utf8(bytes.to_vec()).map_err(|_| {
                ApiError::bad_request(format!("The form field {name} is not UTF-8 text"))
            })?;
            upload.fields.push((name, text));
        }
    }
    Ok(upload)
}

pub async fn show_invoice(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    Path(id): Path<String>,
) -> Result<Json<Invoice>, ApiError> {
    let (now, wall_now) = super::now();
    let mut state = state.lock();
    state.advance(now, &wall_now);
    state.invoice(&company, &id).cloned().map(Json)
}

/// One listed file's bytes, with its mime type.
pub async fn invoice_file(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    Path((id, file_id)): Path<(String, String)>,
) -> Result<impl IntoResponse, ApiError> {
    let (listed, bytes) = state.lock().invoice_file(&company, &id, &file_id)?;
    let mimetype = HeaderValue::from_str(&listed.mimetype)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok(([(header::CONTENT_TYPE, mimetype)], bytes))
}

pub async fn invoice_actions(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    Path(id): Path<String>,
) -> Result<Json<Vec<Action>>, ApiError> {
    let (now, wall_now) = super::now();
    let mut state = state.lock();
    state.advance(now, &wall_now);
    state
        .invoice(&company, &id)
        .map(|invoice| Json(invoice.actions.clone()))
}

/// The filters of the list call, read and checked before the state is locked.
struct ListFilter {
    sent: bool,
    created_start: Option<DateTime<Utc>>,
    created_end: Option<DateTime<Utc>>,
    number: Option<String>,
    statuses: Vec<InvoiceStatus>,
    page: usize,
    per_page: usize,
}

const MAX_PER_PAGE: usize = 100;

fn read_filter(raw: Option<&str>) -> Result<ListFilter, ApiError> {
    let pairs = query_pairs(raw);
    let sent = match first(&pairs, "direction") {
        None => true,
        Some(direction) if direction.eq_ignore_ascii_case("SENT") => true,
        Some(direction) if direction.eq_ignore_ascii_case("RECEIVED") => false,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "direction must be SENT or RECEIVED, got {other}"
            )));
        }
    };
    let statuses = all(&pairs, "status[]")
        .into_iter()
        .map(|status| {
            serde_json::from_value(serde_json::Value::String(status.to_ascii_uppercase())).map_err(
                |_| {
                    ApiError::bad_request(format!(
                        "status must be PENDING, DELIVERED or FAILED, got {status}"
                    ))
                },
            )
        })
        .collect::<Result<Vec<InvoiceStatus>, ApiError>>()?;
    let number = |key: &str, default: usize| -> Result<usize, ApiError> {
        match first(&pairs, key) {
            None => Ok(default),
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|value| *value >= 1)
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "{key} must be a whole number of at least 1, got {text}"
                    ))
                }),
        }
    };
    Ok(ListFilter {
        sent,
        created_start: first(&pairs, "created_at_start")
            .map(|text| parse_time(text, "created_at_start"))
            .transpose()?,
        created_end: first(&pairs, "created_at_end")
            .map(|text| parse_time(text, "created_at_end"))
            .transpose()?,
        number: first(&pairs, "number").map(str::to_owned),
        statuses,
        page: number("page", 1)?,
        per_page: number("per_page", 10)?.min(MAX_PER_PAGE),
    })
}

/// [ours, stricter than the real API may be] A full ISO 8601 date-time, as the documentation asks of
/// every timestamp in a request (`2016-09-23T09:09:06Z`); a bare date is refused.
fn parse_time(text: &str, key: &str) -> Result<DateTime<Utc>, ApiError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| ApiError::invalid(key))
}

pub async fn list_invoices(
    State(state): State<SharedState>,
    AuthorizedCompany(company): AuthorizedCompany,
    RawQuery(raw): RawQuery,
) -> Result<(HeaderMap, Json<Vec<Invoice>>), ApiError> {
    let filter = read_filter(raw.as_deref())?;
    let (now, wall_now) = super::now();
    let mut state = state.lock();
    state.advance(now, &wall_now);
    let matching: Vec<&Invoice> = state
        .invoices_of(&company)
        .filter(|_| filter.sent)
        .filter(|invoice| filter.statuses.is_empty() || filter.statuses.contains(&invoice.status))
        .filter(|invoice| {
            filter
                .number
                .as_deref()
                .is_none_or(|number| invoice.number.as_deref() == Some(number))
        })
        .filter(|invoice| {
            let created = DateTime::parse_from_rfc3339(&invoice.created_at)
                .map(|time| time.with_timezone(&Utc))
                .ok();
            let after_start = filter
                .created_start
                .is_none_or(|start| created.is_some_and(|created| created >= start));
            let before_end = filter
                .created_end
                .is_none_or(|end| created.is_some_and(|created| created <= end));
            after_start && before_end
        })
        .collect();
    let mut headers = HeaderMap::new();
    headers.insert("x-total-count", HeaderValue::from(matching.len()));
    let page = matching
        .into_iter()
        .skip((filter.page - 1).saturating_mul(filter.per_page))
        .take(filter.per_page)
        .cloned()
        .collect();
    Ok((headers, Json(page)))
}
