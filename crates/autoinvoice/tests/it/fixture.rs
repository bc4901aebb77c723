//! Shared setup: a sandbox on a free port, a client for the demo company, the sandbox's control API,
//! and a valid Swedish UBL invoice.

use autoinvoice_sandbox::{
    DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_VENDOR_API_KEY, Sandbox, SandboxConfig, SandboxHandle,
};
use fakturera_autoinvoice::{
    AxClient, AxConfig, Credentials, Document, Invoice, InvoiceIdentity, InvoiceStatus, Language,
    Routing, Secret, SendInvoice, SendOutcome,
};
use serde_json::Value;
use std::time::{Duration, Instant};

/// A valid Peppol BIS 3 invoice whose buyer is 2029999998 with a complete postal address and no e-mail.
pub const INVOICE_XML: &str = include_str!("../fixtures/se-invoice.xml");
pub const BUYER_ORG_NUMBER: &str = "2029999998";
pub const BUYER_EIA: &str = "0007:2029999998";

pub struct Fixture {
    pub sandbox: SandboxHandle,
    pub client: AxClient,
    pub control: Control,
}

pub async fn start() -> Fixture {
    start_with(SandboxConfig::default(), Duration::from_secs(60)).await
}

pub async fn start_with(config: SandboxConfig, request_timeout: Duration) -> Fixture {
    let sandbox = Sandbox::start(config)
        .await
        .expect("sandbox starts on a free port");
    let client = client_for(&sandbox.base_url(), request_timeout);
    let control = Control::new(&sandbox.base_url());
    Fixture {
        sandbox,
        client,
        control,
    }
}

pub fn demo_credentials() -> Credentials {
    Credentials {
        company_id: DEMO_CLIENT_ID.to_owned(),
        api_key: Secret::new(DEMO_API_KEY),
        vendor_api_key: Secret::new(DEMO_VENDOR_API_KEY),
    }
}

pub fn client_for(base_url: &str, request_timeout: Duration) -> AxClient {
    let config = AxConfig::new(base_url).with_timeouts(Duration::from_secs(2), request_timeout);
    AxClient::new(config, demo_credentials()).expect("valid client settings")
}

/// A fixed UUID for a name (a UUID passes through), so a test can send "the same uuid" again:
/// the API refuses a `uuid` that is not a UUID.
pub fn uuid_for(name: &str) -> String {
    if uuid::Uuid::parse_str(name).is_ok() {
        return name.to_owned();
    }
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("00000000-0000-4000-8000-{:012x}", hash & 0xffff_ffff_ffff)
}

/// The fixture invoice as XML, with the `uuid` made from `name`.
pub fn xml_request(name: &str, routing: Routing) -> SendInvoice {
    xml_request_with(name, routing, INVOICE_XML.as_bytes().to_vec())
}

pub fn xml_request_with(name: &str, routing: Routing, xml: Vec<u8>) -> SendInvoice {
    SendInvoice {
        uuid: uuid_for(name),
        document: Document::Xml {
            filename: "f10045.xml".to_owned(),
            bytes: xml,
        },
        language: Language::Swedish,
        routing,
        sender_comment: None,
        earlier_attempt: false,
        identity: None,
    }
}

/// The fixture invoice's number, date and total with VAT, as the operator's list shows them.
pub fn fixture_identity() -> InvoiceIdentity {
    InvoiceIdentity {
        number: "10045".to_owned(),
        date: Some("2026-03-02".to_owned()),
        total_with_tax: Some(rust_decimal::Decimal::new(125000, 2)),
    }
}

pub fn accepted(outcome: SendOutcome) -> Invoice {
    match outcome {
        SendOutcome::Accepted(invoice) => *invoice,
        SendOutcome::AlreadySent { id, .. } => {
            panic!("expected a new invoice, the sandbox says it already has {id}")
        }
    }
}

/// Polls the invoice until it has `status`. The deadline only turns a hang into a failure; it is
/// far beyond what the sandbox needs on a slow machine.
pub async fn wait_for_status(client: &AxClient, id: &str, status: InvoiceStatus) -> Invoice {
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let invoice = client.invoice(id).await.expect("invoice readable");
        if invoice.status == status {
            return invoice;
        }
        assert!(
            Instant::now() < deadline,
            "invoice {id} still {:?}, expected {status:?}",
            invoice.status
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The sandbox's `/_sandbox/` API over HTTP, as a test or a person with curl would use it.
pub struct Control {
    http: reqwest::Client,
    base: String,
}

impl Control {
    pub fn new(base_url: &str) -> Control {
        Control {
            http: reqwest::Client::new(),
            base: format!("{base_url}/_sandbox"),
        }
    }

    pub async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let response = self
            .http
            .request(method, format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("control call");
        let status = response.status();
        let text = response.text().await.expect("control answer");
        assert!(status.is_success(), "{path}: HTTP {status}: {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        self.send(reqwest::Method::POST, path, body).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Value {
        self.send(reqwest::Method::PUT, path, body).await
    }

    pub async fn get(&self, path: &str) -> Value {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("control call");
        assert!(
            response.status().is_success(),
            "{path}: HTTP {}",
            response.status()
        );
        response.json().await.expect("control answer is JSON")
    }

    pub async fn received(&self) -> Vec<Value> {
        match self.get("/received").await {
            Value::Array(items) => items,
            other => panic!("received is not a list: {other}"),
        }
    }

    pub async fn seed_buyer_as_einvoice_receiver(&self) {
        self.post(
            "/receivers",
            serde_json::json!([{ "bid": BUYER_ORG_NUMBER, "eia": BUYER_EIA, "name": "Myndigheten" }]),
        )
        .await;
    }
}

/// Decodes a base64 field of a received file.
pub fn base64_field(value: &Value, field: &str) -> Vec<u8> {
    use base64::Engine;
    let text = value[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} missing in {value}"));
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("valid base64")
}
