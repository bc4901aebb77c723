//! Injected faults: how each one reaches the caller, and that the client never loops by itself.

use crate::fixture::{self, accepted, xml_request};
use autoinvoice_sandbox::SandboxConfig;
use fakturera_autoinvoice::{AxError, PermanentKind, Routing, SendOutcome, TransientKind};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn five_hundred_three_times_then_ok() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "status": 500, "times": 3}),
        )
        .await;
    let request = xml_request("flaky", Routing::Print);
    for attempt in 1..=3 {
        let error = fixture
            .client
            .send_invoice(&request)
            .await
            .expect_err("injected 500");
        assert!(
            matches!(
                error,
                AxError::Transient {
                    kind: TransientKind::ServerError,
                    ..
                }
            ),
            "attempt {attempt}: {error:?}"
        );
    }
    accepted(
        fixture
            .client
            .send_invoice(&request)
            .await
            .expect("fourth attempt"),
    );
    assert_eq!(fixture.control.received().await.len(), 1);
    let calls = fixture.control.get("/calls").await;
    assert_eq!(
        calls.as_array().map(Vec::len),
        Some(4 + 1),
        "three 500s, one 201, one token call: {calls}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_slow_answer_is_a_transient_timeout() {
    let fixture = fixture::start_with(SandboxConfig::default(), Duration::from_secs(1)).await;
    fixture
        .client
        .check_connection()
        .await
        .expect("token fetched before the fault");
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/lookup/receivers", "delay_ms": 5000}),
        )
        .await;
    let error = fixture
        .client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect_err("too slow");
    assert!(
        matches!(
            error,
            AxError::Transient {
                kind: TransientKind::Timeout,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.describe().sv.contains("svarade inte i tid"));
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn too_many_requests_surfaces_retry_after() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "status": 429, "retry_after": 7}),
        )
        .await;
    let error = fixture
        .client
        .send_invoice(&xml_request("busy", Routing::Print))
        .await
        .expect_err("429");
    assert!(
        matches!(
            error,
            AxError::Transient {
                kind: TransientKind::RateLimited,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
    assert!(fixture.control.received().await.is_empty());
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_reply_lost_after_storing_is_already_sent_on_the_retry() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "drop_connection": true}),
        )
        .await;
    let request = xml_request("lost-reply", Routing::Print);
    let error = fixture
        .client
        .send_invoice(&request)
        .await
        .expect_err("connection dropped");
    assert!(
        matches!(
            error,
            AxError::Transient {
                kind: TransientKind::Connection,
                ..
            }
        ),
        "{error:?}"
    );
    let received = fixture.control.received().await;
    assert_eq!(received.len(), 1, "stored before the connection dropped");
    let stored_id = received[0]["invoice_id"].as_str().expect("id").to_owned();

    let retry = fixture
        .client
        .send_invoice(&request)
        .await
        .expect("retry answered");
    assert_eq!(retry, SendOutcome::AlreadySent { id: stored_id });
    assert_eq!(
        fixture.control.received().await.len(),
        1,
        "exactly one copy"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_rejection_on_receipt_surfaces_the_reasons_and_is_permanent() {
    let fixture = fixture::start().await;
    fixture
        .control
        .put("/receipt-mode", json!({"mode": "reject"}))
        .await;
    let broken = fixture::INVOICE_XML.replace(
        r#"<cbc:TaxInclusiveAmount currencyID="SEK">1250.00"#,
        r#"<cbc:TaxInclusiveAmount currencyID="SEK">1200.00"#,
    );
    let request = fixture::xml_request_with("rejected", Routing::Print, broken.into_bytes());
    let error = fixture
        .client
        .send_invoice(&request)
        .await
        .expect_err("422");
    assert!(
        matches!(
            error,
            AxError::Permanent {
                kind: PermanentKind::ValidationFailed,
                status: Some(422),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .reasons()
            .iter()
            .any(|reason| reason.starts_with("BR-CO-15")),
        "{:?}",
        error.reasons()
    );
    assert!(error.describe().sv.contains("BR-CO-15"));
    assert!(fixture.control.received().await.is_empty());

    fixture
        .control
        .post("/faults", json!({"path": "/v1/invoices", "status": 422, "body": {"code": "VALIDATION_FAILED", "message": "Rejected", "details": ["SE-R-003 org number"]}}))
        .await;
    let injected = fixture
        .client
        .send_invoice(&xml_request("injected-422", Routing::Print))
        .await
        .expect_err("422");
    assert_eq!(injected.reasons(), ["SE-R-003 org number".to_owned()]);
    fixture.sandbox.shutdown().await;
}
