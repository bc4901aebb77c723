//! `GET /v1/lookup/receivers`: can this organisation number receive e-invoices? (AX)

use super::query::{all, first, query_pairs};
use crate::api::auth::AuthorizedCompany;
use crate::api::error::ApiError;
use crate::state::SharedState;
use axum::Json;
use axum::extract::{RawQuery, State};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DocumentType {
    document_type: String,
}

#[derive(Debug, Serialize)]
pub struct Participant {
    name: String,
    bid: String,
    country: String,
}

#[derive(Debug, Serialize)]
pub struct ReceiverAnswer {
    eia: String,
    network: String,
    operator: String,
    document_types: Vec<DocumentType>,
    participant: Participant,
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

pub async fn lookup_receivers(
    State(state): State<SharedState>,
    _company: AuthorizedCompany,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<ReceiverAnswer>>, ApiError> {
    let pairs = query_pairs(raw.as_deref());
    let bid = first(&pairs, "bid").map(digits);
    let eia = first(&pairs, "eia");
    if bid.is_none() && eia.is_none() {
        return Err(ApiError::bad_request(
            "bid (organisation number) or eia is required",
        ));
    }
    let country = first(&pairs, "country");
    let networks = all(&pairs, "network[]");
    let state = state.lock();
    let answers = state
        .receivers
        .iter()
        .filter(|entry| {
            bid.as_deref().is_some_and(|bid| digits(&entry.bid) == bid)
                || eia.is_some_and(|eia| entry.eia == eia)
        })
        .filter(|entry| country.is_none_or(|country| entry.country.eq_ignore_ascii_case(country)))
        .filter(|entry| {
            networks.is_empty()
                || networks
                    .iter()
                    .any(|network| entry.network.eq_ignore_ascii_case(network))
        })
        .map(|entry| ReceiverAnswer {
            eia: entry.eia.clone(),
            network: entry.network.clone(),
            operator: entry.operator.clone(),
            document_types: entry
                .document_types
                .iter()
                .map(|document_type| DocumentType {
                    document_type: document_type.clone(),
                })
                .collect(),
            participant: Participant {
                name: entry.name.clone(),
                bid: entry.bid.clone(),
                country: entry.country.clone(),
            },
        })
        .collect();
    Ok(Json(answers))
}
