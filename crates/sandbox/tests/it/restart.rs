//! Restarts: the state file keeps invoices across processes, and `resume` serves the same state again.

use crate::support::{invoice_form, read, token};
use autoinvoice_sandbox::{Sandbox, SandboxConfig};

async fn send_one(http: &reqwest::Client, base: &str, uuid: &str) -> String {
    let token = token(http, base).await;
    let response = http
        .post(format!("{base}/v1/invoices"))
        .bearer_auth(&token)
        .multipart(invoice_form(uuid, &[]))
        .send()
        .await;
    let (status, invoice) = read(response.expect("send")).await;
    assert_eq!(status, 201, "{invoice}");
    invoice["id"].as_str().expect("id").to_owned()
}

async fn status_of(http: &reqwest::Client, base: &str, id: &str) -> (u16, serde_json::Value) {
    let token = token(http, base).await;
    let response = http
        .get(format!("{base}/v1/invoices/{id}"))
        .bearer_auth(&token)
        .send()
        .await;
    read(response.expect("status")).await
}

#[tokio::test]
async fn the_state_file_keeps_invoices_and_uuids_across_a_restart() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let config = SandboxConfig {
        state_file: Some(directory.path().join("sandbox.json")),
        ..SandboxConfig::default()
    };
    let http = reqwest::Client::new();
    let first = Sandbox::start(config.clone()).await.expect("starts");
    let id = send_one(&http, &first.base_url(), "kept").await;
    first.shutdown().await;

    let second = Sandbox::start(config).await.expect("starts from the file");
    let base = second.base_url();
    let (status, invoice) = status_of(&http, &base, &id).await;
    assert_eq!((status, invoice["id"].as_str()), (200, Some(id.as_str())));
    let token = token(&http, &base).await;
    let again = http
        .post(format!("{base}/v1/invoices"))
        .bearer_auth(&token)
        .multipart(invoice_form("kept", &[]))
        .send()
        .await;
    let (status, body) = read(again.expect("send")).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("invoice_duplicate_uuid")),
        "the uuid is still known after the restart"
    );
    second.shutdown().await;
}

#[tokio::test]
async fn resume_serves_the_same_state_after_an_outage() {
    let http = reqwest::Client::new();
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("starts");
    let address = sandbox.address();
    let id = send_one(&http, &sandbox.base_url(), "before-outage").await;
    let state = sandbox.shutdown().await;
    let unreachable = http
        .get(format!("http://{address}/v1/invoices"))
        .send()
        .await;
    assert!(unreachable.is_err(), "nothing listens during the outage");

    let resumed = Sandbox::resume(address, state).await.expect("same port");
    let (status, _) = status_of(&http, &resumed.base_url(), &id).await;
    assert_eq!(status, 200);
    resumed.shutdown().await;
}
