//! The `/_sandbox/` control API: companies, directory, faults, status moves and the record of uploads.

use crate::support::{INVOICE_XML, invoice_form, read, start, token, uuid_for};
use base64::Engine;
use serde_json::json;

#[tokio::test]
async fn received_uploads_are_listed_byte_for_byte_and_filterable_by_uuid() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    for uuid in ["first", "second"] {
        let form = invoice_form(uuid, &[("lang", "EN"), ("sender_comment", "Tack!")]);
        let response = http
            .post(format!("{base}/v1/invoices"))
            .bearer_auth(&token)
            .multipart(form)
            .send()
            .await;
        assert_eq!(read(response.expect("send")).await.0, 201);
    }
    let (_, received) = read(
        http.get(format!(
            "{base}/_sandbox/received?uuid={}",
            uuid_for("second")
        ))
        .send()
        .await
        .expect("list"),
    )
    .await;
    let items = received.as_array().expect("list");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["uuid"], uuid_for("second"));
    assert_eq!(items[0]["fields"]["sender_comment"], json!(["Tack!"]));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(
            items[0]["files"][0]["bytes_base64"]
                .as_str()
                .expect("base64"),
        )
        .expect("decodes");
    assert_eq!(bytes, INVOICE_XML.as_bytes());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn companies_can_be_added_and_unverified() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let company = format!("{base}/_sandbox/companies/acme");
    let (status, _) = read(
        http.put(&company)
            .json(&json!({"verified": true}))
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(status, 400, "a new company needs its keys");
    let keys = json!({"client_secret": "s", "vendor_api_key": "v", "verified": false});
    assert_eq!(
        read(http.put(&company).json(&keys).send().await.expect("call"))
            .await
            .0,
        201
    );
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", "acme"),
        ("client_secret", "s"),
        ("vendor_api_key", "v"),
    ];
    let (_, answer) = read(
        http.post(format!("{base}/oauth2/token"))
            .form(&form)
            .send()
            .await
            .expect("token"),
    )
    .await;
    let token = answer["access_token"]
        .as_str()
        .expect("an unverified company still gets a token");
    let (status, body) = read(
        http.get(format!("{base}/v1/invoices"))
            .bearer_auth(token)
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (401, Some("Unauthorized"))
    );
    let (_, companies) = read(
        http.get(format!("{base}/_sandbox/companies"))
            .send()
            .await
            .expect("list"),
    )
    .await;
    assert!(
        !companies.to_string().contains("\"s\""),
        "secrets are not listed: {companies}"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn faults_are_listed_used_up_and_cleared() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let faults = format!("{base}/_sandbox/faults");
    let (status, _) = read(
        http.post(&faults)
            .json(&json!({"path": "/oauth2/token", "status": 999}))
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(status, 400, "not an HTTP status");
    let fault = json!({"path": "/oauth2/token", "status": 503, "times": 2});
    assert_eq!(
        read(http.post(&faults).json(&fault).send().await.expect("call"))
            .await
            .0,
        201
    );
    let token_call = || {
        http.post(format!("{base}/oauth2/token"))
            .form(&crate::support::demo_token_form())
            .send()
    };
    assert_eq!(read(token_call().await.expect("call")).await.0, 503);
    let (_, listed) = read(http.get(&faults).send().await.expect("list")).await;
    assert_eq!(listed[0]["times"], 1);
    assert_eq!(
        read(http.delete(&faults).send().await.expect("clear"))
            .await
            .0,
        204
    );
    assert_eq!(read(token_call().await.expect("call")).await.0, 200);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn moving_an_unknown_invoice_is_not_found_and_reset_forgets_invoices() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let (status, _) = read(
        http.post(format!("{base}/_sandbox/invoices/nope/status"))
            .json(&json!({"status": "DELIVERED"}))
            .send()
            .await
            .expect("call"),
    )
    .await;
    assert_eq!(status, 404);
    let form = invoice_form("to-forget", &[]);
    http.post(format!("{base}/v1/invoices"))
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .expect("send");
    let (_, all) = read(
        http.get(format!("{base}/_sandbox/invoices"))
            .send()
            .await
            .expect("list"),
    )
    .await;
    assert_eq!(all.as_array().map(Vec::len), Some(1));
    http.post(format!("{base}/_sandbox/reset"))
        .send()
        .await
        .expect("reset");
    let (_, all) = read(
        http.get(format!("{base}/_sandbox/invoices"))
            .send()
            .await
            .expect("list"),
    )
    .await;
    assert_eq!(all.as_array().map(Vec::len), Some(0));
    sandbox.shutdown().await;
}
