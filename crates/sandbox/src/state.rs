//! The sandbox's whole memory: companies and their tokens, the receiver directory, the invoices with
//! what was received for each, injected faults and a log of calls. Handlers lock it briefly and never
//! hold the lock across an await.

use crate::api::error::ApiError;
use crate::config::{
    Company, DuplicateAnswer, Progression, ProgressionOutcome, ReceiptMode, SandboxConfig,
};
use crate::faults::Fault;
use crate::intake::{IntakeRules, Received, Upload, accept_upload, action, listed_files};
use crate::model::{ActionType, Channel, Invoice, InvoiceFile, InvoiceStatus};
use crate::routing::{ReceiverEntry, RouteDecision};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The state shared by every handler of one sandbox.
#[derive(Debug, Clone)]
pub struct SharedState(Arc<Mutex<SandboxState>>);

impl SharedState {
    pub fn new(config: &SandboxConfig) -> SharedState {
        SharedState(Arc::new(Mutex::new(SandboxState::new(config))))
    }

    /// Locks the state; a handler that panicked while holding it leaves data that is still usable.
    pub fn lock(&self) -> MutexGuard<'_, SandboxState> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[derive(Debug, Clone)]
struct IssuedToken {
    client_id: String,
    expires_at: Instant,
}

/// An invoice with its routing decision, when it progresses by itself, and what was received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredInvoice {
    pub company_id: String,
    pub invoice: Invoice,
    pub route: RouteDecision,
    /// A moment of this process's clock, so it is not saved; loading schedules pending invoices anew.
    #[serde(skip)]
    pub progress_at: Option<Instant>,
    pub received: Received,
}

/// What the state file holds: everything but tokens, faults and the call log, which belong to one run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    pub companies: Vec<Company>,
    pub receivers: Vec<ReceiverEntry>,
    pub token_lifetime_seconds: u64,
    pub progression: Progression,
    pub print_enabled: bool,
    pub receipt_mode: ReceiptMode,
    #[serde(default)]
    pub duplicate_answer: DuplicateAnswer,
    pub invoices: Vec<StoredInvoice>,
}

/// One call to the AX endpoints, for tests that count calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallRecord {
    pub method: String,
    pub path: String,
    pub status: u16,
}

/// Token counts for `/_sandbox/tokens`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TokenSummary {
    pub issued: u64,
    pub live: usize,
    pub expired: usize,
    pub lifetime_seconds: u64,
}

/// Everything the sandbox knows.
#[derive(Debug)]
pub struct SandboxState {
    pub companies: Vec<Company>,
    pub receivers: Vec<ReceiverEntry>,
    pub token_lifetime: Duration,
    pub progression: Progression,
    pub print_enabled: bool,
    pub receipt_mode: ReceiptMode,
    pub duplicate_answer: DuplicateAnswer,
    pub faults: Vec<Fault>,
    pub calls: Vec<CallRecord>,
    /// Where the state is saved after every change, if anywhere.
    pub state_file: Option<PathBuf>,
    tokens: HashMap<String, IssuedToken>,
    tokens_issued: u64,
    invoices: Vec<StoredInvoice>,
}

impl SandboxState {
    pub fn new(config: &SandboxConfig) -> SandboxState {
        SandboxState {
            companies: config.companies.clone(),
            receivers: config.receivers.clone(),
            token_lifetime: config.token_lifetime,
            progression: config.progression.clone(),
            print_enabled: config.print_enabled,
            receipt_mode: config.receipt_mode,
            duplicate_answer: config.duplicate_answer,
            faults: Vec::new(),
            calls: Vec::new(),
            state_file: config.state_file.clone(),
            tokens: HashMap::new(),
            tokens_issued: 0,
            invoices: Vec::new(),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            companies: self.companies.clone(),
            receivers: self.receivers.clone(),
            token_lifetime_seconds: self.token_lifetime.as_secs(),
            progression: self.progression.clone(),
            print_enabled: self.print_enabled,
            receipt_mode: self.receipt_mode,
            duplicate_answer: self.duplicate_answer,
            invoices: self.invoices.clone(),
        }
    }

    /// Takes over a saved state; pending invoices progress `delay_ms` from now.
    pub fn restore(&mut self, snapshot: Snapshot, now: Instant) {
        self.companies = snapshot.companies;
        self.receivers = snapshot.receivers;
        self.token_lifetime = Duration::from_secs(snapshot.token_lifetime_seconds);
        self.progression = snapshot.progression;
        self.print_enabled = snapshot.print_enabled;
        self.receipt_mode = snapshot.receipt_mode;
        self.duplicate_answer = snapshot.duplicate_answer;
        self.invoices = snapshot.invoices;
        let progress_at = self.progress_time(now);
        for stored in &mut self.invoices {
            if stored.invoice.status == InvoiceStatus::Pending {
                stored.progress_at = progress_at;
            }
        }
    }

    /// Forgets invoices, tokens, faults and the call log; keeps companies, directory and settings.
    pub fn reset(&mut self) {
        self.faults.clear();
        self.calls.clear();
        self.tokens.clear();
        self.invoices.clear();
    }

    /// Issues a token when the three credentials match a company (AX `POST /oauth2/token`).
    pub fn issue_token(
        &mut self,
        client_id: &str,
        client_secret: &str,
        vendor_api_key: &str,
        now: Instant,
    ) -> Result<(String, u64), ApiError> {
        let known = self.companies.iter().any(|company| {
            company.client_id == client_id
                && company.client_secret == client_secret
                && company.vendor_api_key == vendor_api_key
        });
        if !known {
            return Err(ApiError::unauthorized("Invalid client credentials"));
        }
        let token = format!("sbx-{}", uuid::Uuid::new_v4().simple());
        self.tokens.insert(
            token.clone(),
            IssuedToken {
                client_id: client_id.to_owned(),
                expires_at: now + self.token_lifetime,
            },
        );
        self.tokens_issued += 1;
        Ok((token, self.token_lifetime.as_secs()))
    }

    /// The company a bearer token belongs to, if the token is live and the company verified.
    pub fn authorize(&self, token: Option<&str>, now: Instant) -> Result<String, ApiError> {
        let company_id = self.authenticate(token, now)?;
        if !self
            .company(&company_id)
            .is_some_and(|company| company.verified)
        {
            // The documentation: an unverified company "will return error message Unauthorized".
            return Err(ApiError::unauthorized("Unauthorized"));
        }
        Ok(company_id)
    }

    /// The company a live bearer token belongs to, verified or not.
    pub fn authenticate(&self, token: Option<&str>, now: Instant) -> Result<String, ApiError> {
        let token = token.ok_or_else(|| ApiError::unauthorized("Missing bearer token"))?;
        let issued = self
            .tokens
            .get(token)
            .ok_or_else(|| ApiError::unauthorized("Invalid token"))?;
        if issued.expires_at <= now {
            return Err(ApiError::unauthorized("Token expired"));
        }
        Ok(issued.client_id.clone())
    }

    pub fn company(&self, client_id: &str) -> Option<&Company> {
        self.companies
            .iter()
            .find(|company| company.client_id == client_id)
    }

    pub fn company_mut(&mut self, client_id: &str) -> Option<&mut Company> {
        self.companies
            .iter_mut()
            .find(|company| company.client_id == client_id)
    }

    pub fn expire_tokens(&mut self, now: Instant) {
        for token in self.tokens.values_mut() {
            token.expires_at = now;
        }
    }

    pub fn token_summary(&self, now: Instant) -> TokenSummary {
        let expired = self
            .tokens
            .values()
            .filter(|token| token.expires_at <= now)
            .count();
        TokenSummary {
            issued: self.tokens_issued,
            live: self.tokens.len() - expired,
            expired,
            lifetime_seconds: self.token_lifetime.as_secs(),
        }
    }

    /// Receives an invoice for a company. The client's `uuid` (a UUID, generated when absent)
    /// becomes the invoice's id; a `uuid` seen before is refused the way `duplicate_answer` says.
    pub fn receive_invoice(
        &mut self,
        company_id: &str,
        upload: Upload,
        now: Instant,
        wall_now: &str,
    ) -> Result<Invoice, ApiError> {
        let uuid = match upload.field("uuid") {
            Some(given) => uuid::Uuid::parse_str(given.trim())
                .map_err(|_| ApiError::invalid("uuid"))?
                .to_string(),
            None => uuid::Uuid::new_v4().to_string(),
        };
        if self
            .invoices
            .iter()
            .any(|stored| stored.received.uuid == uuid)
        {
            return Err(ApiError::duplicate_uuid(self.duplicate_answer, &uuid));
        }
        let rules = IntakeRules {
            directory: &self.receivers,
            print_enabled: self.print_enabled,
            receipt_mode: self.receipt_mode,
        };
        let id = uuid.clone();
        let accepted = accept_upload(upload, id, uuid, rules, wall_now)?;
        let progress_at = (accepted.invoice.status == InvoiceStatus::Pending)
            .then(|| self.progress_time(now))
            .flatten();
        let invoice = accepted.invoice.clone();
        self.invoices.push(StoredInvoice {
            company_id: company_id.to_owned(),
            invoice: accepted.invoice,
            route: accepted.route,
            progress_at,
            received: accepted.received,
        });
        Ok(invoice)
    }

    fn progress_time(&self, now: Instant) -> Option<Instant> {
        match self.progression.outcome {
            ProgressionOutcome::Manual => None,
            _ => Some(now + Duration::from_millis(self.progression.delay_ms)),
        }
    }

    /// Applies automatic progression to every invoice whose time has come. Progression is evaluated
    /// whenever the state is read, so it needs no background task and is exact for the reader.
    pub fn advance(&mut self, now: Instant, wall_now: &str) {
        let outcome = self.progression.outcome;
        let message = self
            .progression
            .message
            .clone()
            .unwrap_or_else(|| "Delivery failed".to_owned());
        let own_pdf: Vec<String> = self
            .companies
            .iter()
            .filter(|company| company.use_own_pdf)
            .map(|company| company.client_id.clone())
            .collect();
        for stored in &mut self.invoices {
            if stored.progress_at.is_some_and(|at| at <= now)
                && stored.invoice.status == InvoiceStatus::Pending
            {
                let channel = stored.route.channel();
                match outcome {
                    ProgressionOutcome::Delivered => {
                        let own = own_pdf.contains(&stored.company_id);
                        deliver(stored, channel, own, wall_now);
                    }
                    ProgressionOutcome::Failed => fail(stored, channel, &message, wall_now),
                    ProgressionOutcome::Manual => {}
                }
                stored.progress_at = None;
            }
        }
    }

    /// Moves an invoice by hand (control API): DELIVERED or FAILED with a channel and message.
    pub fn set_status(
        &mut self,
        id: &str,
        status: InvoiceStatus,
        channel: Option<Channel>,
        message: Option<&str>,
        wall_now: &str,
    ) -> Result<Invoice, ApiError> {
        let own_pdf: Vec<String> = self
            .companies
            .iter()
            .filter(|company| company.use_own_pdf)
            .map(|company| company.client_id.clone())
            .collect();
        let stored = self.stored_mut(None, id)?;
        let channel = channel.or(stored.route.channel());
        match status {
            InvoiceStatus::Delivered => {
                let own = own_pdf.contains(&stored.company_id);
                deliver(stored, channel, own, wall_now);
            }
            InvoiceStatus::Failed => fail(
                stored,
                channel,
                message.unwrap_or("Delivery failed"),
                wall_now,
            ),
            InvoiceStatus::Pending => {
                stored.invoice.status = InvoiceStatus::Pending;
                let text = message.unwrap_or("Back to pending");
                stored
                    .invoice
                    .actions
                    .push(action(ActionType::Info, channel, text, wall_now));
            }
        }
        stored.progress_at = None;
        Ok(stored.invoice.clone())
    }

    /// Sends an invoice again by another route (AX reroute): back to PENDING with an INFO action.
    pub fn reroute(
        &mut self,
        company_id: &str,
        id: &str,
        route: RouteDecision,
        detail: &str,
        now: Instant,
        wall_now: &str,
    ) -> Result<(), ApiError> {
        let progress_at = self.progress_time(now);
        let stored = self.stored_mut(Some(company_id), id)?;
        let channel = route.channel();
        stored.invoice.destination = channel;
        if let RouteDecision::EInvoice { eia, operator } = &route {
            stored.invoice.recipient.eia = Some(eia.clone());
            stored.invoice.recipient.operator = Some(operator.clone());
        }
        match &route {
            RouteDecision::Fail { reason } => {
                stored.invoice.status = InvoiceStatus::Failed;
                stored
                    .invoice
                    .actions
                    .push(action(ActionType::Error, None, reason, wall_now));
                stored.progress_at = None;
            }
            _ => {
                let text = match detail {
                    "" => format!("Rerouted to {}", channel_name(channel)),
                    detail => format!("Rerouted to {}: {detail}", channel_name(channel)),
                };
                stored.invoice.status = InvoiceStatus::Pending;
                stored
                    .invoice
                    .actions
                    .push(action(ActionType::Info, channel, &text, wall_now));
                stored.progress_at = progress_at;
            }
        }
        stored.route = route;
        Ok(())
    }

    /// One file of an invoice, as listed in its `files` (`GET /v1/invoices/{id}/files/{file_id}`).
    pub fn invoice_file(
        &self,
        company_id: &str,
        id: &str,
        file_id: &str,
    ) -> Result<(InvoiceFile, Vec<u8>), ApiError> {
        let stored = self
            .invoices
            .iter()
            .find(|stored| stored.company_id == company_id && stored.invoice.id == id)
            .ok_or_else(|| ApiError::not_found("Invoice"))?;
        stored
            .received
            .files
            .iter()
            .filter(|file| file.field == "file")
            .flat_map(|file| listed_files(id, file))
            .find(|(listed, _)| listed.id == file_id)
            .ok_or_else(|| ApiError::not_found("File"))
    }

    pub fn invoice(&self, company_id: &str, id: &str) -> Result<&Invoice, ApiError> {
        self.invoices
            .iter()
            .find(|stored| stored.company_id == company_id && stored.invoice.id == id)
            .map(|stored| &stored.invoice)
            .ok_or_else(|| ApiError::not_found("Invoice"))
    }

    /// A company's invoices, oldest first.
    pub fn invoices_of<'a>(
        &'a self,
        company_id: &'a str,
    ) -> impl Iterator<Item = &'a Invoice> + 'a {
        self.invoices
            .iter()
            .filter(move |stored| stored.company_id == company_id)
            .map(|stored| &stored.invoice)
    }

    /// Every company's invoices, oldest first.
    pub fn all_invoices(&self) -> Vec<Invoice> {
        self.invoices
            .iter()
            .map(|stored| stored.invoice.clone())
            .collect()
    }

    /// Every upload that was stored, oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.invoices
            .iter()
            .map(|stored| stored.received.clone())
            .collect()
    }

    fn stored_mut(
        &mut self,
        company_id: Option<&str>,
        id: &str,
    ) -> Result<&mut StoredInvoice, ApiError> {
        self.invoices
            .iter_mut()
            .find(|stored| {
                stored.invoice.id == id
                    && company_id.is_none_or(|company| company == stored.company_id)
            })
            .ok_or_else(|| ApiError::not_found("Invoice"))
    }
}

fn channel_name(channel: Option<Channel>) -> &'static str {
    match channel {
        Some(Channel::Einvoice) => "EINVOICE",
        Some(Channel::Email) => "EMAIL",
        Some(Channel::Print) => "PRINT",
        None => "no channel",
    }
}

/// Delivers an invoice. A letter is printed from the upload's invoice image only when the company
/// has `use_own_pdf` on and the upload has an image (the PDF with the XML's base name); otherwise
/// from the operator's own template, and the SENT action says which.
fn deliver(stored: &mut StoredInvoice, channel: Option<Channel>, own_pdf: bool, wall_now: &str) {
    let name = channel_name(channel);
    stored.invoice.status = InvoiceStatus::Delivered;
    stored.invoice.destination = channel;
    let sent = match (channel, own_pdf, &stored.received.image) {
        (Some(Channel::Print), true, Some(image)) => {
            format!("Sent by {name}, printed from the invoice image {image}")
        }
        (Some(Channel::Print), _, _) => {
            format!("Sent by {name}, printed from AutoInvoice's template")
        }
        _ => format!("Sent by {name}"),
    };
    stored
        .invoice
        .actions
        .push(action(ActionType::Sent, channel, &sent, wall_now));
    stored.invoice.actions.push(action(
        ActionType::Delivered,
        channel,
        &format!("Delivered by {name}"),
        wall_now,
    ));
}

fn fail(stored: &mut StoredInvoice, channel: Option<Channel>, message: &str, wall_now: &str) {
    stored.invoice.status = InvoiceStatus::Failed;
    stored
        .invoice
        .actions
        .push(action(ActionType::Error, channel, message, wall_now));
}
