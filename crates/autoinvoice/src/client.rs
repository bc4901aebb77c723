//! `AxClient`: one method per AX call of the contract. It caches the token, renews it ahead of expiry,
//! and on a 401 renews it once and repeats the call once; a 401 or 403 that stays is checked against
//! the company's authorization state, so an unverified company is told apart from bad keys. It does
//! not retry anything else: it sorts failures into transient and permanent, and the app's outbox
//! decides when to try again. The lookup, the company's state and the resend check live in
//! `lookup`, `company` and `resend`.

use crate::classify::{
    ErrorBody, retry_after_seconds, status_error, token_refusal, transport_error,
};
use crate::clock::{Clock, SystemClock};
use crate::company::{CompanyAuthorization, CompanyState};
use crate::config::{AxConfig, Credentials};
use crate::error::{AxError, PermanentKind};
use crate::lenient;
use crate::model::{Action, Invoice, ListQuery, Reroute, SendInvoice, SendOutcome, query_time};
use crate::resend::may_hide_an_earlier_send;
use crate::secret::Secret;
use crate::token::{CachedToken, token_lifetime};
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
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as `T` for a success, else the classified error.
    pub(crate) fn into_json<T: DeserializeOwned>(self, operation: &str) -> Result<T, AxError> {
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

    pub(crate) fn into_unit(self) -> Result<(), AxError> {
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
    /// Read as any JSON value and bounded by `token_lifetime`, never trusted as it comes.
    #[serde(default)]
    expires_in: serde_json::Value,
}

/// The largest answer body read: far above any answer of the contract (a page of 100 invoices),
/// so a broken or hostile server cannot make the client buffer without end.
pub(crate) const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

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

    /// "Testa anslutningen": fetches a token (any 4xx from the token endpoint is a credentials
    /// problem) and reads the company's authorization state. A verified company also makes one
    /// cheap invoice call, so Ok with VERIFIED means sending will work. Where the authorization
    /// endpoint does not exist (404), the invoice call alone decides.
    pub async fn check_connection(&self) -> Result<CompanyAuthorization, AxError> {
        let probe = ListQuery {
            per_page: 1,
            ..ListQuery::default()
        };
        match self.company_authorization().await {
            Ok(authorization) => {
                if authorization.company_state == CompanyState::Verified {
                    self.list_invoices(&probe).await?;
                }
                Ok(authorization)
            }
            Err(AxError::Permanent {
                kind: PermanentKind::NotFound,
                ..
            }) => {
                self.list_invoices(&probe).await?;
                Ok(CompanyAuthorization {
                    company_state: CompanyState::Verified,
                    ..CompanyAuthorization::default()
                })
            }
            Err(error) => Err(error),
        }
    }

    /// Hands an invoice over. The operator uses the `uuid` as the invoice's id. A refusal that
    /// may hide an earlier delivery of the same invoice (see `resend`) gives `AlreadySent`.
    pub async fn send_invoice(&self, request: &SendInvoice) -> Result<SendOutcome, AxError> {
        let url = self.url("v1/invoices", &[])?;
        let answer = self
            .execute("send invoice", |http, token| {
                http.post(url.clone())
                    .bearer_auth(token)
                    .multipart(invoice_form(request))
            })
            .await?;
        if !answer.is_success() && may_hide_an_earlier_send(answer.status) {
            let refusal = ErrorBody::parse(&answer.body);
            let duplicate = crate::resend::is_duplicate_refusal(answer.status, &refusal);
            if (duplicate || request.earlier_attempt)
                && let Some(outcome) = self
                    .find_earlier_send(request, answer.status, &refusal)
                    .await?
            {
                return Ok(outcome);
            }
        }
        answer
            .into_json::<Invoice>("send invoice")
            .map(|mut invoice| {
                if invoice.id.is_empty() {
                    invoice.id = request.uuid.clone();
                }
                SendOutcome::Accepted(Box::new(invoice))
            })
    }

    pub async fn invoice(&self, id: &str) -> Result<Invoice, AxError> {
        let url = self.url(&format!("v1/invoices/{}", path_segment(id)), &[])?;
        self.execute("invoice status", |http, token| {
            http.get(url.clone()).bearer_auth(token)
        })
        .await?
        .into_json("invoice status")
    }

    /// The invoice's actions alone. Polling does not need it: the invoice carries its actions.
    pub async fn actions(&self, id: &str) -> Result<Vec<Action>, AxError> {
        let url = self.url(&format!("v1/invoices/{}/actions", path_segment(id)), &[])?;
        let items: serde_json::Value = self
            .execute("invoice actions", |http, token| {
                http.get(url.clone()).bearer_auth(token)
            })
            .await?
            .into_json("invoice actions")?;
        Ok(lenient::readable_items(items))
    }

    /// One page of sent invoices; entries that cannot be read at all are skipped.
    pub async fn list_invoices(&self, query: &ListQuery) -> Result<Vec<Invoice>, AxError> {
        let page = query.page.max(1).to_string();
        let per_page = query.per_page.clamp(1, 100).to_string();
        let mut pairs: Vec<(&str, &str)> = vec![
            ("direction", "SENT"),
            ("page", &page),
            ("per_page", &per_page),
        ];
        let start = query.created_at_start.map(query_time);
        let end = query.created_at_end.map(query_time);
        if let Some(start) = &start {
            pairs.push(("created_at_start", start));
        }
        if let Some(end) = &end {
            pairs.push(("created_at_end", end));
        }
        if let Some(number) = &query.number {
            pairs.push(("number", number));
        }
        for status in &query.statuses {
            pairs.push(("status[]", status.as_str()));
        }
        let url = self.url("v1/invoices", &pairs)?;
        let items: serde_json::Value = self
            .execute("invoice list", |http, token| {
                http.get(url.clone()).bearer_auth(token)
            })
            .await?
            .into_json("invoice list")?;
        Ok(lenient::readable_items(items))
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

    /// A GET as it came back: status and body, no classification. For diagnostics only
    /// (`scripts/ax-stage-check.sh` compares the real answers' shapes with our assumptions).
    pub async fn raw_get(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<(u16, Vec<u8>), AxError> {
        let url = self.url(path.trim_start_matches('/'), query)?;
        let answer = self
            .execute_plain("diagnostic call", |http, token| {
                http.get(url.clone()).bearer_auth(token)
            })
            .await?;
        Ok((answer.status, answer.body))
    }

    pub(crate) fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<Url, AxError> {
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

    /// Makes a call like `execute_plain`; a 401 or 403 that remains is checked against the
    /// company's authorization state, and a company that is not verified gets `CompanyNotVerified`
    /// (the documentation: an unverified company gets "Unauthorized").
    pub(crate) async fn execute<F>(&self, operation: &str, build: F) -> Result<Answer, AxError>
    where
        F: Fn(&reqwest::Client, &str) -> RequestBuilder,
    {
        let answer = self.execute_plain(operation, build).await?;
        if !matches!(answer.status, 401 | 403) {
            return Ok(answer);
        }
        match self.company_authorization().await {
            Ok(authorization) if authorization.company_state != CompanyState::Verified => {
                let refusal = ErrorBody::parse(&answer.body);
                Err(AxError::Permanent {
                    kind: PermanentKind::CompanyNotVerified,
                    status: Some(answer.status),
                    code: refusal.code,
                    message: format!(
                        "{operation}: company_state {}",
                        authorization.company_state.as_str()
                    ),
                    reasons: Vec::new(),
                })
            }
            _ => Ok(answer),
        }
    }

    /// Makes a call with a valid token; on 401 renews the token once and repeats the call once.
    pub(crate) async fn execute_plain<F>(
        &self,
        operation: &str,
        build: F,
    ) -> Result<Answer, AxError>
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
        let body = read_capped(response, operation).await?;
        Ok(Answer {
            status,
            retry_after,
            body,
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
        if let Some(refused) = token_refusal(answer.status, &answer.body) {
            return Err(refused);
        }
        let token: TokenAnswer = answer.into_json("token")?;
        Ok(CachedToken::new(
            Secret::new(token.access_token),
            self.clock.now(),
            token_lifetime(&token.expires_in),
        ))
    }
}

/// The answer's body, refused (as a transient server error) once it passes [`MAX_ANSWER_BYTES`],
/// by its announced length or while it is read.
async fn read_capped(mut response: reqwest::Response, operation: &str) -> Result<Vec<u8>, AxError> {
    let too_large = || AxError::Transient {
        kind: crate::error::TransientKind::ServerError,
        retry_after: None,
        detail: format!("{operation}: the answer is larger than {MAX_ANSWER_BYTES} bytes"),
    };
    if response
        .content_length()
        .is_some_and(|length| length > MAX_ANSWER_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|error| transport_error(&error, operation))?
    {
        if body.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
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
