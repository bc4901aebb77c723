//! How a sandbox starts: where it listens, which companies may log in, the receiver directory and
//! how invoices progress. The demo credentials documented in the README live here.

use crate::routing::ReceiverEntry;
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

/// The demo company's id (`client_id`), documented in crates/sandbox/README.md.
pub const DEMO_CLIENT_ID: &str = "7e5b0a34-5c2f-4b8e-9a61-2f0c8d9e4a10";
/// The demo company's user API key (`client_secret`).
pub const DEMO_API_KEY: &str = "sandbox-api-key";
/// The demo software's vendor API key (`vendor_api_key`).
pub const DEMO_VENDOR_API_KEY: &str = "sandbox-vendor-key";

/// A company that can fetch tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub client_id: String,
    pub client_secret: String,
    pub vendor_api_key: String,
    /// An unverified company gets tokens and may read its authorization state, but every other API
    /// call answers 401 "Unauthorized", as the documentation says.
    pub verified: bool,
    /// `send_invoice_print.use_own_pdf` of the company settings: letters are printed from the
    /// invoice image in the upload rather than from the operator's template. Off until set, as in
    /// the API's own example.
    #[serde(default)]
    pub use_own_pdf: bool,
}

impl Company {
    pub fn demo() -> Company {
        Company {
            client_id: DEMO_CLIENT_ID.to_owned(),
            client_secret: DEMO_API_KEY.to_owned(),
            vendor_api_key: DEMO_VENDOR_API_KEY.to_owned(),
            verified: true,
            use_own_pdf: false,
        }
    }
}

/// What happens to a PENDING invoice by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProgressionOutcome {
    /// Delivered by the channel routing chose.
    Delivered,
    /// Failed with the configured message.
    Failed,
    /// Stays PENDING until a control call moves it.
    Manual,
}

/// Automatic progression of PENDING invoices after a delay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progression {
    #[serde(default)]
    pub delay_ms: u64,
    pub outcome: ProgressionOutcome,
    /// The ERROR action's text when the outcome is FAILED.
    #[serde(default)]
    pub message: Option<String>,
}

/// What the receipt check does with an invoice that fails it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptMode {
    /// Accept it (201) and fail it at once with an ERROR action listing the findings.
    FailInvoice,
    /// Refuse it with 422 VALIDATION_FAILED and the findings in `details`; nothing is stored.
    Reject,
}

/// How the sandbox refuses a `uuid` it has seen before. The real answer is undocumented: 422 with a
/// lowercase code is the likeliest (the sibling `POST /v1/documents` answers a reused id with
/// `422 document_duplicate_transmission_id`); 409 and 400 are there so tests can prove the client
/// copes with each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DuplicateAnswer {
    /// `422 {"code":"invoice_duplicate_uuid", ...}`.
    #[default]
    #[serde(rename = "422")]
    Unprocessable,
    /// `409 {"code":"conflict", ...}`.
    #[serde(rename = "409")]
    Conflict,
    /// `400 {"code":"invalid_parameters","message":"uuid is invalid"}`: a refusal that does not say
    /// why, which only asking the operator can explain.
    #[serde(rename = "400")]
    BadRequest,
}

impl DuplicateAnswer {
    pub fn from_status(status: u16) -> Option<DuplicateAnswer> {
        match status {
            422 => Some(DuplicateAnswer::Unprocessable),
            409 => Some(DuplicateAnswer::Conflict),
            400 => Some(DuplicateAnswer::BadRequest),
            _ => None,
        }
    }

    pub fn status(self) -> u16 {
        match self {
            DuplicateAnswer::Unprocessable => 422,
            DuplicateAnswer::Conflict => 409,
            DuplicateAnswer::BadRequest => 400,
        }
    }
}

/// Everything a sandbox starts with; all of it can be changed later through `/_sandbox/`.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Port 0 picks a free port.
    pub bind: SocketAddr,
    pub companies: Vec<Company>,
    pub receivers: Vec<ReceiverEntry>,
    pub token_lifetime: Duration,
    pub progression: Progression,
    pub print_enabled: bool,
    pub receipt_mode: ReceiptMode,
    pub duplicate_answer: DuplicateAnswer,
    /// When set, the state is loaded from this JSON file at start (if it exists) and saved after every
    /// change, so invoices survive a restart of the sandbox.
    pub state_file: Option<PathBuf>,
}

impl Default for SandboxConfig {
    /// The demo company, an empty directory, and invoices delivered as soon as they are looked at.
    fn default() -> Self {
        SandboxConfig {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            companies: vec![Company::demo()],
            receivers: Vec::new(),
            token_lifetime: Duration::from_secs(3600),
            progression: Progression {
                delay_ms: 0,
                outcome: ProgressionOutcome::Delivered,
                message: None,
            },
            print_enabled: true,
            receipt_mode: ReceiptMode::FailInvoice,
            duplicate_answer: DuplicateAnswer::default(),
            state_file: None,
        }
    }
}

impl SandboxConfig {
    /// The demo setup: the e-invoice receivers of the README and of the app's demo company in the
    /// directory, and delivery after three seconds,
    /// so a person sees the invoice go from "sent" to "delivered".
    pub fn demo(port: u16) -> SandboxConfig {
        SandboxConfig {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            receivers: demo_receivers(),
            progression: Progression {
                delay_ms: 3000,
                outcome: ProgressionOutcome::Delivered,
                message: None,
            },
            ..SandboxConfig::default()
        }
    }
}

fn demo_receivers() -> Vec<ReceiverEntry> {
    [
        ("5567212047", "Exempelkund AB"),
        ("2021005448", "Exempelmyndigheten"),
        // The e-invoice customers of `fakturera demo`, so its invoices can be sent as they are.
        ("5560360793", "Göteborgs Byggservice AB"),
        ("2321000024", "Region Uppsala"),
    ]
    .into_iter()
    .map(|(bid, name)| ReceiverEntry {
        bid: bid.to_owned(),
        eia: format!("0007:{bid}"),
        network: "PEPPOL".to_owned(),
        operator: "PEPPOL".to_owned(),
        document_types: vec!["INVOICE".to_owned(), "CREDIT_NOTE".to_owned()],
        name: name.to_owned(),
        country: "SE".to_owned(),
    })
    .collect()
}
