//! The AX endpoints' error answers and automatic progression.

use crate::support::{INVOICE_XML, invoice_form, read, start, token};
use autoinvoice_sandbox::{Sandbox, SandboxConfig};
use reqwest::multipart::{Form, Part};
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test]
async fn the_token_endpoint_refuses_bad_requests_and_credentials() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    type FormFields = Vec<(&'static str, &'static str)>;
    let cases: [(FormFields, u16, &str); 3] = [
        (vec![("grant_type", "password")], 400, "grant_type"),
        (
            vec![("grant_type", "client_credentials"), ("client_id", "x")],
            400,
            "Missing credentials",
        ),
        (
            vec![
                ("grant_type", "client_credentials"),
                ("client_id", "x"),
                ("client_secret", "y"),
                ("vendor_api_key", "z"),
            ],
            401,
            "Invalid client credentials",
        ),
    ];
    for (form, status, message) in cases {
        let (got, body) = read(
            http.post(format!("{base}/oauth2/token"))
                .form(&form)
                .send()
                .await
                .expect("call"),
        )
        .await;
        assert_eq!(got, status, "{body}");
        assert!(
            body["message"]
                .as_str()
                .unwrap_or_default()
                .contains(message),
            "{body}"
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn calls_without_a_valid_token_are_unauthorized() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let (status, body) = read(
        http.get(format!("{base}/v1/invoices"))
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (401, Some("Missing bearer token"))
    );
    let (status, body) = read(
        http.get(format!("{base}/v1/invoices"))
            .bearer_auth("forged")
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (401, Some("Invalid token"))
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn uploads_without_file_or_with_another_format_are_bad_requests() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let no_file = Form::new().text("format", "PEPPOLBIS30");
    let other_format = Form::new()
        .part(
            "file",
            Part::bytes(INVOICE_XML.as_bytes().to_vec()).file_name("a.xml"),
        )
        .text("format", "TEAPPSXML");
    let empty_zip = Form::new()
        .part(
            "file",
            Part::bytes(b"PK\x03\x04broken".to_vec()).file_name("x.zip"),
        )
        .text("format", "PEPPOLBIS30");
    let cases = [
        (no_file, "file is missing"),
        (other_format, "format"),
        (empty_zip, "ZIP"),
    ];
    for (form, fragment) in cases {
        let response = http
            .post(format!("{base}/v1/invoices"))
            .bearer_auth(&token)
            .multipart(form)
            .send()
            .await;
        let (status, body) = read(response.expect("call")).await;
        assert_eq!(status, 400, "{body}");
        assert!(
            body["message"]
                .as_str()
                .unwrap_or_default()
                .contains(fragment),
            "{body}"
        );
    }
    let (status, body) = read(
        http.get(format!("{base}/v1/lookup/receivers?country=SE"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = read(
        http.get(format!("{base}/v1/invoices?page=0"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = read(
        http.get(format!("{base}/v1/invoices/nope"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(status, 404);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn pending_invoices_progress_by_themselves_after_the_delay() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let control = format!("{base}/_sandbox/progression");
    let cases = [
        (
            json!({"delay_ms": 150, "outcome": "DELIVERED"}),
            "DELIVERED",
            "Delivered by PRINT",
        ),
        (
            json!({"delay_ms": 150, "outcome": "FAILED", "message": "Address unknown"}),
            "FAILED",
            "Address unknown",
        ),
    ];
    for (number, (progression, final_status, last_message)) in cases.into_iter().enumerate() {
        http.put(&control)
            .json(&progression)
            .send()
            .await
            .expect("control");
        let sent_at = Instant::now();
        let form = invoice_form(
            &format!("progress-{number}"),
            &[
                ("disabled_routes[]", "einvoice"),
                ("disabled_routes[]", "email"),
            ],
        );
        let (status, invoice) = read(
            http.post(format!("{base}/v1/invoices"))
                .bearer_auth(&token)
                .multipart(form)
                .send()
                .await
                .expect("send"),
        )
        .await;
        assert_eq!((status, invoice["status"].as_str()), (201, Some("PENDING")));
        let id = invoice["id"].as_str().expect("id").to_owned();
        let deadline = Instant::now() + Duration::from_secs(300);
        let invoice = loop {
            let (_, invoice) = read(
                http.get(format!("{base}/v1/invoices/{id}"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("status"),
            )
            .await;
            if invoice["status"] != "PENDING" {
                break invoice;
            }
            assert!(Instant::now() < deadline, "still pending");
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        assert!(
            sent_at.elapsed() >= Duration::from_millis(150),
            "not before the delay"
        );
        assert_eq!(invoice["status"], final_status);
        assert_eq!(
            invoice["actions"]
                .as_array()
                .and_then(|actions| actions.last())
                .map(|action| action["message"].clone()),
            Some(json!(last_message))
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_stopped_sandbox_frees_its_port_for_a_restart() {
    let first = Sandbox::start(SandboxConfig::default())
        .await
        .expect("starts");
    let address = first.address();
    first.shutdown().await;
    let config = SandboxConfig {
        bind: address,
        ..SandboxConfig::default()
    };
    let second = Sandbox::start(config).await.expect("same port again");
    assert_eq!(second.address(), address);
    second.shutdown().await;
}
