//! `AxClient`: one method per AX call of the contract. It caches the token, renews it ahead of expiry,
//! and on a 401 renews it once and repeats the call once. It does not retry anything else: it sorts
//! failures into transient and permanent, and the app's outbox decides when to try again.

use crate::classify::{
    ErrorBody, duplicate_invoice_id, retry_after_seconds, status_error, transport_error,
};
use crate::clock::{Clock, SystemClock};
use crate::config::{AxConfig, Credentials};
use crate::error::{AxError, PermanentKind};
use crate::model::{Action, Invoice, ListQuery, Receiver, Reroute, SendInvoice, SendOutcome};
use crate::secret::Secret;
use crate::token::CachedToken;
use reqwest::header::RETRY_AFTER;
use reqwest::{Method, RequestBuilder, Url};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

/// The AX client. Cheap to share behind an `Arc`; calls may run concurrently.
#[derive(Debug)]
pub struct AxClient {
    http: reqwest::Client,
    base_url: Url,
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    token: Mutex<Option<CachedToken>>,
}

/// A complete HTTP answer, read before the connection is given back.
struct Answer {
    status: u16,
    retry_after: Option<Duration>,
    body: Vec<u8>,
}

impl Answer {
    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as `T` for a success, else the classified error.
    fn into_json<T: DeserializeOwned>(self, operation: &str) -> Result<T, AxError> {
        if !self.is_success() {
            return Err(status_error(self.status, self.retry_after, &self.body));
        }
        serde_json::from_slice(&self.body).map_err(|error| {
            AxError::permanent(
                PermanentKind::InvalidResponse,
                format!("{operation}: unreadable answer: {error}"),
            )
        })
    }

    fn into_unit(self) -> Result<(), AxError> {
        if self.is_success() {
            Ok(())
        } else {
            Err(status_error(self.status, self.retry_after, &self.body))
        }
    }
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: u64,
}

impl AxClient {
    /// A client on the system clock.
    pub fn new(config: AxConfig, credentials: Credentials) -> Result<AxClient, AxError> {
        AxClient::with_clock(config, credentials, Arc::new(SystemClock))
    }

    /// A client whose token expiry follows `clock` (tests pass a `ManualClock`).
    pub fn with_clock(
        config: AxConfig,
        credentials: Credentials,
        clock: Arc<dyn Clock>,
    ) -> Result<AxClient, AxError> {
        let invalid =
            |message: String| AxError::permanent(PermanentKind::InvalidConfiguration, message);
        let base_url = Url::parse(&format!("{}/", config.base_url.trim_end_matches('/')))
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .ok_or_else(|| {
                invalid(format!(
                    "base URL {:?} is not an http(s) address",
                    config.base_url
                ))
            })?;
        let missing = [
            ("company id", credentials.company_id.trim().is_empty()),
            ("API key", credentials.api_key.is_empty()),
            ("vendor API key", credentials.vendor_api_key.is_empty()),
        ];
        if let Some((name, _)) = missing.iter().find(|(_, empty)| *empty) {
            return Err(invalid(format!("the {name} is empty")));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(concat!("Fakturera/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| invalid(format!("HTTP client: {error}")))?;
        Ok(AxClient {
            http,
            base_url,
            credentials,
            clock,
            token: Mutex::new(None),
        })
    }

    /// Fetches a token and makes one cheap call: Ok means the credentials work and the company is
    /// verified; the error says which of the two is wrong ("Testa anslutningen").
    pub async fn check_connection(&self) -> Result<(), AxError> {
        let query = ListQuery {
            per_page: 1,
            ..ListQuery::default()
        };
        self.list_invoices(&query).await.map(|_| ())
    }

    /// Which e-invoice addresses an organisation number has in the Peppol network (empty: none).
    pub async fn lookup_receivers(
        &self,
        org_number: &str,
        country: &str,
    ) -> Result<Vec<Receiver>, AxError> {
        let digits: String = org_number.chars().filter(char::is_ascii_digit).collect();
        let url = self.url(
            "v1/lookup/receivers",
            &[
                ("bid", &digits),
                ("country", country),
                ("network[]", "PEPPOL"),
            ],
        )?;
        self.execute("receiver lookup", |http, token| {
            http.get(url.clone()).bearer_auth(token)
        })
        .await?
        .into_json("receiver lookup")
    }

    /// Hands an invoice over. A `uuid` the operator has seen before gives `AlreadySent` with its id.
    pub async fn send_invoice(&self, request: &SendInvoice) -> Result<SendOutcome, AxError> {
        let url = self.url("v1/invoices", &[])?;
        let answer = self
            .execute("send invoice", |http, token| {
                http.post(url.clone())
                    .bearer_auth(token)
                    .multipart(invoice_form(request))
            })
            .await?;
        if answer.status == 409
            && let Some(id) = duplicate_invoice_id(answer.status, &ErrorBody::parse(&answer.body))
        {
            return Ok(SendOutcome::AlreadySent { id });
        }
        answer
            .into_json("send invoice")
            .map(|invoice| SendOutcome::Accepted(Box::new(invoice)))
    }

    pub async fn invoice(&self, id: &str) -> Result<Invoice, AxError> {
        let url = self.url(&format!("v1/invoices/{}", path_segment(id)), &[])?;
        self.execute("invoice status", |http, token| {
            http.get(url.clone()).bearer_auth(token)
        })
        .await?
        .into_json("invoice status")
    }

    pub async fn actions(&self, id: &str) -> Result<Vec<Action>, AxError> {
        let url = self.url(&format!("v1/invoices/{}/actions", path_segment(id)), &[])?;
        self.execute("invoice actions", |http, token| {
            http.get(url.clone()).bearer_auth(token)
        })
        .await?
        .into_json("invoice actions")
    }

    /// One page of sent invoices.
    pub async fn list_invoices(&self, query: &ListQuery) -> Result<Vec<Invoice>, AxError> {
        let page = query.page.max(1).to_string();
        let per_page = query.per_page.clamp(1, 100).to_string();
        let mut pairs: Vec<(&str, &str)> = vec![
            ("direction", "SENT"),
            ("page", &page),
            ("per_page", &per_page),
        ];
        if let Some(start) = &query.created_at_start {
            pairs.push(("created_at_start", start));
        }
        if let Some(end) = &query.created_at_end {
            pairs.push(("created_at_end", end));
        }
        for status in &query.statuses {
            pairs.push(("status[]", status.as_str()));
        }
        let url = self.url("v1/invoices", &pairs)?;
        self.execute("invoice list", |http, token| {
            http.get(url.clone()).bearer_auth(token)
        })
        .await?
        .into_json("invoice list")
    }

    /// Every page of sent invoices matching `query` (from `query.page` on), for resync after being offline.
    /// Stops at a short page, or after `max_pages` pages so a misbehaving server cannot keep it looping.
    pub async fn list_all_invoices(
        &self,
        query: &ListQuery,
        max_pages: u32,
    ) -> Result<Vec<Invoice>, AxError> {
        let mut all = Vec::new();
        let mut page_query = query.clone();
        page_query.per_page = page_query.per_page.clamp(1, 100);
        page_query.page = page_query.page.max(1);
        for _ in 0..max_pages {
            let page = self.list_invoices(&page_query).await?;
            let short = page.len() < page_query.per_page as usize;
            all.extend(page);
            if short {
                break;
            }
            page_query.page += 1;
        }
        Ok(all)
    }

    /// Sends a (failed) invoice again by another channel; the operator sets it back to PENDING.
    pub async fn reroute(&self, id: &str, reroute: &Reroute) -> Result<(), AxError> {
        let (route, body) = match reroute {
            Reroute::Email { recipient_email } => (
                "email",
                serde_json::json!({ "recipient_email": recipient_email }),
            ),
            Reroute::Print(address) => ("print", serde_json::to_value(address).unwrap_or_default()),
            Reroute::EInvoice {
                recipient_eia,
                recipient_operator,
            } => (
                "einvoice",
                serde_json::json!({ "recipient_eia": recipient_eia, "recipient_operator": recipient_operator }),
            ),
        };
        let url = self.url(
            &format!("v1/invoices/{}/reroute/{route}", path_segment(id)),
            &[],
        )?;
        self.execute("reroute", |http, token| {
            http.request(Method::PUT, url.clone())
                .bearer_auth(token)
                .json(&body)
        })
        .await?
        .into_unit()
    }

    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<Url, AxError> {
        let mut url = self.base_url.join(path).map_err(|error| {
            AxError::permanent(
                PermanentKind::InvalidConfiguration,
                format!("URL for {path}: {error}"),
            )
        })?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    /// Makes a call with a valid token; on 401 renews the token once and repeats the call once.
    async fn execute<F>(&self, operation: &str, build: F) -> Result<Answer, AxError>
    where
        F: Fn(&reqwest::Client, &str) -> RequestBuilder,
    {
        let token = self.access_token(None).await?;
        let answer = self
            .send_once(operation, build(&self.http, token.expose()))
            .await?;
        if answer.status != 401 {
            return Ok(answer);
        }
        let renewed = self.access_token(Some(&token)).await?;
        self.send_once(operation, build(&self.http, renewed.expose()))
            .await
    }

    async fn send_once(&self, operation: &str, request: RequestBuilder) -> Result<Answer, AxError> {
        let response = request
            .send()
            .await
            .map_err(|error| transport_error(&error, operation))?;
        let status = response.status().as_u16();
        let retry_after = retry_after_seconds(
            response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|value| value.to_str().ok()),
        );
        let body = response
            .bytes()
            .await
            .map_err(|error| transport_error(&error, operation))?;
        Ok(Answer {
            status,
            retry_after,
            body: body.to_vec(),
        })
    }

    /// The cached token, or a new one when it is due for renewal or equals `rejected` (the server refused it).
    /// The lock is held while fetching so that concurrent calls share one token request.
    async fn access_token(&self, rejected: Option<&Secret>) -> Result<Secret, AxError> {
        let mut cached = self.token.lock().await;
        if let Some(token) = cached.as_ref()
            && token.is_fresh(self.clock.now())
            && rejected.is_none_or(|rejected| *rejected != token.value)
        {
            return Ok(token.value.clone());
        }
        *cached = None;
        let token = self.fetch_token().await?;
        let value = token.value.clone();
        *cached = Some(token);
        Ok(value)
    }

    async fn fetch_token(&self) -> Result<CachedToken, AxError> {
        let url = self.url("oauth2/token", &[])?;
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.credentials.company_id.as_str()),
            ("client_secret", self.credentials.api_key.expose()),
            ("vendor_api_key", self.credentials.vendor_api_key.expose()),
            ("scope", "eui"),
        ];
        let answer = self
            .send_once("token", self.http.post(url).form(&form))
            .await?;
        let token: TokenAnswer = answer.into_json("token")?;
        Ok(CachedToken::new(
            Secret::new(token.access_token),
            self.clock.now(),
            Duration::from_secs(token.expires_in),
        ))
    }
}

/// The multipart form of `POST /v1/invoices`; built anew for each attempt because a form is consumed.
fn invoice_form(request: &SendInvoice) -> reqwest::multipart::Form {
    let (filename, bytes, mime) = request.document.parts();
    let file = reqwest::multipart::Part::bytes(bytes.to_vec())
        .file_name(filename.to_owned())
        .mime_str(mime)
        .unwrap_or_else(|_| {
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(filename.to_owned())
        });
    let mut form = reqwest::multipart::Form::new()
        .part("file", file)
        .text("format", "PEPPOLBIS30")
        .text("uuid", request.uuid.clone())
        .text("lang", request.language.code());
    for (name, value) in request.routing.form_fields() {
        form = form.text(name, value);
    }
    if let Some(comment) = &request.sender_comment {
        form = form.text("sender_comment", comment.clone());
    }
    form
}

/// Percent-encodes an id so it cannot change the path: ids are UUIDs, but a URL is never built from raw input.
fn path_segment(id: &str) -> String {
    id.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
