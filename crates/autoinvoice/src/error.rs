//! What can go wrong talking to AutoInvoice, split the way the outbox needs it: transient failures
//! (try again later, maybe after `retry_after`) and permanent ones (show the reasons, do not retry).
//! Every error can describe itself in Swedish and English.

use std::fmt;
use std::time::Duration;

/// Failures worth trying again later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransientKind {
    /// No answer within the call's timeout.
    Timeout,
    /// No connection, or the connection broke before the answer arrived.
    Connection,
    /// HTTP 5xx (or 408).
    ServerError,
    /// HTTP 429.
    RateLimited,
}

/// Failures that the same request will meet again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermanentKind {
    /// 400: the request itself is wrong.
    BadRequest,
    /// Any 4xx from the token endpoint, or a 401 after a fresh token: the company id or a key is
    /// wrong.
    Unauthorized,
    /// A 401 or 403 while the company's `company_state` is not VERIFIED: it has not been verified
    /// (BankID / Visma Sign) at AutoInvoice.
    CompanyNotVerified,
    /// 403 for a verified company: the user behind the API key may not do this.
    Forbidden,
    /// 404.
    NotFound,
    /// 409 other than a duplicate `uuid` on send.
    Conflict,
    /// 422: the operator rejected the invoice on receipt; `reasons` lists the rules.
    ValidationFailed,
    /// Another 4xx status.
    OtherStatus,
    /// A 2xx answer whose body is not what the contract says.
    InvalidResponse,
    /// The client's own settings are unusable (for example a malformed base URL).
    InvalidConfiguration,
}

/// An error of the AX client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AxError {
    Transient {
        kind: TransientKind,
        /// From a 429's `Retry-After` (seconds); the outbox waits at least this long.
        retry_after: Option<Duration>,
        /// What happened, in English, for the log (never contains credentials).
        detail: String,
    },
    Permanent {
        kind: PermanentKind,
        status: Option<u16>,
        /// The operator's `code`, when it sent one.
        code: Option<String>,
        /// The operator's `message`, or ours.
        message: String,
        /// The operator's `details`: for a 422, the rules the invoice breaks.
        reasons: Vec<String>,
    },
}

/// A message for people, in both languages the app speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub sv: String,
    pub en: String,
}

impl AxError {
    pub fn is_transient(&self) -> bool {
        matches!(self, AxError::Transient { .. })
    }

    /// Whether AutoInvoice refuses who we are (keys, verification, permissions) rather than this
    /// invoice: sending pauses until the user fixes it, and no invoice is failed for it.
    pub fn is_credentials_problem(&self) -> bool {
        matches!(
            self,
            AxError::Permanent {
                kind: PermanentKind::Unauthorized
                    | PermanentKind::CompanyNotVerified
                    | PermanentKind::Forbidden,
                ..
            }
        )
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            AxError::Transient { retry_after, .. } => *retry_after,
            AxError::Permanent { .. } => None,
        }
    }

    /// The operator's reasons (empty for transient errors).
    pub fn reasons(&self) -> &[String] {
        match self {
            AxError::Transient { .. } => &[],
            AxError::Permanent { reasons, .. } => reasons,
        }
    }

    pub(crate) fn transient(kind: TransientKind, detail: impl Into<String>) -> AxError {
        AxError::Transient {
            kind,
            retry_after: None,
            detail: detail.into(),
        }
    }

    pub(crate) fn permanent(kind: PermanentKind, message: impl Into<String>) -> AxError {
        AxError::Permanent {
            kind,
            status: None,
            code: None,
            message: message.into(),
            reasons: Vec::new(),
        }
    }

    /// A sentence for the user in Swedish and English that says what happened and what to do.
    pub fn describe(&self) -> Message {
        match self {
            AxError::Transient {
                kind,
                retry_after,
                detail,
            } => describe_transient(*kind, *retry_after, detail),
            AxError::Permanent {
                kind,
                status,
                message,
                reasons,
                ..
            } => describe_permanent(*kind, *status, message, reasons),
        }
    }
}

fn describe_transient(kind: TransientKind, retry_after: Option<Duration>, detail: &str) -> Message {
    let later_sv = "Fakturan ligger kvar i kön och skickas automatiskt senare.";
    let later_en = "The invoice stays queued and is sent automatically later.";
    match kind {
        TransientKind::Timeout => Message {
            sv: format!("AutoInvoice svarade inte i tid. {later_sv}"),
            en: format!("AutoInvoice did not answer in time. {later_en}"),
        },
        TransientKind::Connection => Message {
            sv: format!(
                "Kan inte nå AutoInvoice ({detail}). Kontrollera internetanslutningen. {later_sv}"
            ),
            en: format!(
                "Cannot reach AutoInvoice ({detail}). Check the internet connection. {later_en}"
            ),
        },
        TransientKind::ServerError => Message {
            sv: format!("AutoInvoice har ett tillfälligt fel ({detail}). {later_sv}"),
            en: format!("AutoInvoice has a temporary fault ({detail}). {later_en}"),
        },
        TransientKind::RateLimited => {
            let seconds = retry_after.map(|wait| wait.as_secs()).unwrap_or(60);
            Message {
                sv: format!("AutoInvoice ber oss vänta {seconds} s (för många anrop). {later_sv}"),
                en: format!(
                    "AutoInvoice asks us to wait {seconds} s (too many requests). {later_en}"
                ),
            }
        }
    }
}

fn describe_permanent(
    kind: PermanentKind,
    status: Option<u16>,
    message: &str,
    reasons: &[String],
) -> Message {
    let listed = if reasons.is_empty() {
        message.to_owned()
    } else {
        format!("{message}: {}", reasons.join("; "))
    };
    match kind {
        PermanentKind::CompanyNotVerified => Message {
            sv: "Företaget är inte verifierat hos AutoInvoice. Den som får teckna företaget verifierar det med BankID (Visma Sign) i AutoInvoice; tryck sedan på Testa anslutningen under Inställningar > AutoInvoice. Sändningen är pausad och fakturorna ligger kvar i kön.".to_owned(),
            en: "The company is not verified at AutoInvoice. Someone who may sign for the company verifies it with BankID (Visma Sign) in AutoInvoice; then press Test connection under Settings > AutoInvoice. Sending is paused and the invoices stay queued.".to_owned(),
        },
        PermanentKind::Unauthorized => Message {
            sv: format!("AutoInvoice godtar inte inloggningen ({message}). Kontrollera företags-id, API-nyckel och programnyckel under Inställningar > AutoInvoice och tryck på Testa anslutningen. Sändningen är pausad och fakturorna ligger kvar i kön."),
            en: format!("AutoInvoice does not accept the login ({message}). Check the company id, API key and vendor key under Settings > AutoInvoice and press Test connection. Sending is paused and the invoices stay queued."),
        },
        PermanentKind::ValidationFailed | PermanentKind::BadRequest => Message {
            sv: format!("AutoInvoice avvisade fakturan: {listed}. Rätta fakturan (kreditera och skapa en ny) och skicka igen."),
            en: format!("AutoInvoice rejected the invoice: {listed}. Correct it (credit it and issue a new one) and send again."),
        },
        PermanentKind::NotFound => Message {
            sv: format!("AutoInvoice hittar inte det som efterfrågades ({listed})."),
            en: format!("AutoInvoice cannot find what was asked for ({listed})."),
        },
        PermanentKind::Forbidden => Message {
            sv: format!("AutoInvoice nekar åtkomst ({listed}). API-nyckeln tillhör en användare utan behörighet att skicka fakturor: be företagets administratör i AutoInvoice ge användaren behörighet, eller ange en annan användares API-nyckel under Inställningar > AutoInvoice. Sändningen är pausad och fakturorna ligger kvar i kön."),
            en: format!("AutoInvoice denies access ({listed}). The API key belongs to a user who may not send invoices: ask the company's administrator in AutoInvoice to grant it, or enter another user's API key under Settings > AutoInvoice. Sending is paused and the invoices stay queued."),
        },
        PermanentKind::Conflict | PermanentKind::OtherStatus => {
            let status = status.map(|status| format!("HTTP {status}: ")).unwrap_or_default();
            Message {
                sv: format!("AutoInvoice svarade med ett fel ({status}{listed})."),
                en: format!("AutoInvoice answered with an error ({status}{listed})."),
            }
        }
        PermanentKind::InvalidResponse => Message {
            sv: format!("AutoInvoice svarade på ett oväntat sätt ({listed})."),
            en: format!("AutoInvoice answered in an unexpected way ({listed})."),
        },
        PermanentKind::InvalidConfiguration => Message {
            sv: format!("Inställningen för AutoInvoice är ogiltig: {listed}. Rätta den under Inställningar > AutoInvoice."),
            en: format!("The AutoInvoice setting is invalid: {listed}. Correct it under Settings > AutoInvoice."),
        },
    }
}

impl fmt::Display for AxError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe().en)
    }
}

impl std::error::Error for AxError {}
