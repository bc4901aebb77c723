//! `GET /v1/lookup/receivers`: can this organisation number receive e-invoices? (AX)

use super::query::{first, query_pairs};
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
pub struct Identifier {
    scheme: String,
    endpoint_id: String,
}

#[derive(Debug, Serialize)]
pub struct ReceiverAnswer {
    eia: String,
    identifier: Identifier,
    network: String,
    operator: String,
    document_types: Vec<DocumentType>,
    participant: Participant,
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// The values of an array parameter. Grape answers 400 "<name> is invalid" when an array
/// parameter arrives as a single value (`country=SE` instead of `country[]=SE`).
fn array<'a>(pairs: &'a [(String, String)], name: &str) -> Result<Vec<&'a str>, ApiError> {
    if pairs.iter().any(|(key, _)| key == name) {
        return Err(ApiError::invalid(name));
    }
    let key = format!("{name}[]");
    Ok(pairs
        .iter()
        .filter(|(candidate, _)| *candidate == key)
        .map(|(_, value)| value.as_str())
        .collect())
}

/// `network[]` is required (PEPPOL, INTERNAL, EXTERNAL) and `country[]` an array, as in the
/// swagger's `getV1LookupReceivers`; `bid` or `eia` says whom to look for.
pub async fn lookup_receivers(
    State(state): State<SharedState>,
    _company: AuthorizedCompany,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<ReceiverAnswer>>, ApiError> {
    let pairs = query_pairs(raw.as_deref());
    let networks = array(&pairs, "network")?;
    if networks.is_empty() {
        return Err(ApiError::missing("network"));
    }
    let countries = array(&pairs, "country")?;
    let bid = first(&pairs, "bid").map(digits);
    let eia = first(&pairs, "eia");
    if bid.is_none() && eia.is_none() {
        return Err(ApiError::bad_request(
            "bid (organisation number) or eia is required",
        ));
    }
    let state = state.lock();
    let answers = state
        .receivers
        .iter()
        .filter(|entry| {
            bid.as_deref().is_some_and(|bid| digits(&entry.bid) == bid)
                || eia.is_some_and(|eia| entry.eia.eq_ignore_ascii_case(eia))
        })
        .filter(|entry| {
            countries.is_empty()
                || countries
                    .iter()
                    .any(|country| entry.country.eq_ignore_ascii_case(country))
        })
        .filter(|entry| {
            networks
                .iter()
                .any(|network| entry.network.eq_ignore_ascii_case(network))
        })
        .map(|entry| {
            let (scheme, endpoint_id) = entry
                .eia
                .split_once(':')
                .map_or((String::new(), entry.eia.clone()), |(scheme, id)| {
                    (scheme.to_owned(), id.to_owned())
                });
            ReceiverAnswer {
                eia: entry.eia.clone(),
                identifier: Identifier {
                    scheme,
                    endpoint_id,
                },
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
            }
        })
        .collect();
    Ok(Json(answers))
}
