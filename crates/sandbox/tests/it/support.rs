//! Helpers: a sandbox on a free port, a token for the demo company, and a valid invoice upload.

use autoinvoice_sandbox::{
    DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_VENDOR_API_KEY, Sandbox, SandboxConfig, SandboxHandle,
};
use reqwest::multipart::{Form, Part};
use serde_json::Value;

pub const INVOICE_XML: &str = include_str!("../fixtures/se-invoice.xml");

pub async fn start() -> (SandboxHandle, reqwest::Client) {
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("starts");
    (sandbox, reqwest::Client::new())
}

pub fn demo_token_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("grant_type", "client_credentials"),
        ("client_id", DEMO_CLIENT_ID),
        ("client_secret", DEMO_API_KEY),
        ("vendor_api_key", DEMO_VENDOR_API_KEY),
        ("scope", "eui"),
    ]
}

pub async fn token(http: &reqwest::Client, base: &str) -> String {
    let answer: Value = http
        .post(format!("{base}/oauth2/token"))
        .form(&demo_token_form())
        .send()
        .await
        .expect("token call")
        .json()
        .await
        .expect("token JSON");
    answer["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned()
}

/// A valid upload whose `uuid` is `uuid_for(name)`.
pub fn invoice_form(uuid: &str, extra: &[(&str, &str)]) -> Form {
    let file = Part::bytes(INVOICE_XML.as_bytes().to_vec()).file_name("10045.xml");
    let mut form = Form::new()
        .part("file", file)
        .text("format", "PEPPOLBIS30")
        .text("uuid", uuid_for(uuid));
    for (name, value) in extra {
        form = form.text((*name).to_owned(), (*value).to_owned());
    }
    form
}

/// A fixed UUID for a name, so a test can send "the same uuid" again and find it by name. The API
/// refuses a `uuid` that is not a UUID.
pub fn uuid_for(name: &str) -> String {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("00000000-0000-4000-8000-{:012x}", hash & 0xffff_ffff_ffff)
}

/// Status and JSON body of an answer.
pub async fn read(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}
