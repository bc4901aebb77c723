//! Where the client talks to and with which credentials: production, the test server or the local
//! sandbox, and the timeouts every call gets.

use crate::secret::Secret;
use std::time::Duration;

/// AX production.
pub const PRODUCTION_URL: &str = "https://ax.maventa.com";
/// AX test server (stage).
pub const TEST_URL: &str = "https://ax-stage.maventa.com";

/// The three credentials of the contract. Debug shows the company id only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The company's id (`client_id`), a UUID; not secret.
    pub company_id: String,
    /// The user's API key (`client_secret`).
    pub api_key: Secret,
    /// The software's own key (`vendor_api_key`).
    pub vendor_api_key: Secret,
}

/// The client's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxConfig {
    /// Without a trailing slash, for example `https://ax.maventa.com` or `http://127.0.0.1:8787`.
    pub base_url: String,
    /// Limit for establishing a connection.
    pub connect_timeout: Duration,
    /// Limit for one whole call (connect, send, answer), uploads included.
    pub request_timeout: Duration,
}

impl AxConfig {
    /// Settings for a base URL with the default timeouts (10 s to connect, 60 s per call).
    pub fn new(base_url: impl Into<String>) -> AxConfig {
        AxConfig {
            base_url: base_url.into().trim().trim_end_matches('/').to_owned(),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
        }
    }

    pub fn production() -> AxConfig {
        AxConfig::new(PRODUCTION_URL)
    }

    pub fn test_server() -> AxConfig {
        AxConfig::new(TEST_URL)
    }

    pub fn with_timeouts(mut self, connect: Duration, request: Duration) -> AxConfig {
        self.connect_timeout = connect;
        self.request_timeout = request;
        self
    }
}
