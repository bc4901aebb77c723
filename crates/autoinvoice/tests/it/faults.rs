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
    // The answer never comes within the test (ten minutes), so the timeout decides, not the
    // machine's speed; the timeout is long enough for the token call before it on a slow machine.
    let fixture = fixture::start_with(SandboxConfig::default(), Duration::from_secs(5)).await;
    fixture
        .client
        .check_connection()
        .await
        .expect("token fetched before the fault");
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/lookup/receivers", "delay_ms": 600_000}),
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
        .send_invoice(&fakturera_autoinvoice::SendInvoice {
            earlier_attempt: true,
            ..request.clone()
        })
        .await
        .expect("retry answered");
    assert!(
        matches!(&retry, SendOutcome::AlreadySent { id, .. } if *id == stored_id),
        "{retry:?}"
    );
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

/// A hostile or broken operator: an absurd Retry-After, a token that "lives" for u64::MAX seconds,
/// and an answer too large to hold. Each is bounded where it is read; nothing panics.
#[tokio::test]
async fn hostile_numbers_and_sizes_are_bounded_where_they_are_read() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "status": 429,
                   "retry_after": u64::MAX}),
        )
        .await;
    let error = fixture
        .client
        .send_invoice(&xml_request("absurd-wait", Routing::Print))
        .await
        .expect_err("429");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3600)));

    // A fresh client whose first token answer says it lives for ever.
    let client = fixture::client_for(&fixture.sandbox.base_url(), Duration::from_secs(60));
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/oauth2/token", "status": 200,
                   "body": {"access_token": "forever", "token_type": "bearer",
                            "expires_in": u64::MAX, "scope": "eui"}}),
        )
        .await;
    // The made-up token is refused by the sandbox; the client renews once and goes on.
    client
        .check_connection()
        .await
        .expect("no panic, and the renewed token works");

    fixture.sandbox.shutdown().await;
}

/// A server that is not the operator: every token request gets a token, every other call an answer
/// of `size` bytes, announced by its length (`chunked` false) or streamed in chunks without one.
async fn oversized_server(size: usize, chunked: bool) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0_u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    if stream.read(&mut byte).await.unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                if head.starts_with(b"POST /oauth2/token") {
                    let body = r#"{"access_token":"t","token_type":"bearer","expires_in":3600}"#;
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = stream.write_all(answer.as_bytes()).await;
                    return;
                }
                if !chunked {
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {size}\r\nconnection: close\r\n\r\n"
                    );
                    let _ = stream.write_all(answer.as_bytes()).await;
                    return;
                }
                let _ = stream
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n")
                    .await;
                let chunk = vec![b'x'; 64 * 1024];
                let mut sent = 0;
                while sent < size {
                    let frame =
                        [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
                    if stream.write_all(&frame).await.is_err() {
                        return;
                    }
                    sent += chunk.len();
                }
                let _ = stream.write_all(b"0\r\n\r\n").await;
            });
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn an_answer_larger_than_the_cap_is_refused_before_it_is_held() {
    for chunked in [false, true] {
        let base_url = oversized_server(9 * 1024 * 1024, chunked).await;
        let client = fixture::client_for(&base_url, Duration::from_secs(30));
        let error = client
            .lookup_receivers("5567212047", "SE")
            .await
            .expect_err("too large to read");
        assert!(
            matches!(
                error,
                AxError::Transient {
                    kind: TransientKind::ServerError,
                    ..
                }
            ),
            "chunked {chunked}: {error:?}"
        );
        assert!(format!("{error:?}").contains("larger than"), "{error:?}");
    }
}
