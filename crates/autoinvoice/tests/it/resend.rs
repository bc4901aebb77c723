//! A resend after a lost reply, under every refusal of a reused `uuid` the sandbox can give (422,
//! 409, 400): the invoice is recognised as already sent, never reported as rejected; and the ways
//! the client finds it (by `uuid`, by number, by the refusal alone), or does not.

use crate::fixture::{self, Fixture, fixture_identity, uuid_for, xml_request};
use fakturera_autoinvoice::{
    AxError, FoundBy, PermanentKind, Routing, SendInvoice, SendOutcome, TransientKind,
};
use serde_json::json;

/// Sends once with the reply lost after the sandbox stored the invoice; returns the request to
/// send again, marked as having had an earlier attempt, as the outbox marks it.
async fn lost_reply(fixture: &Fixture, name: &str) -> SendInvoice {
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "drop_connection": true}),
        )
        .await;
    let request = xml_request(name, Routing::Print);
    let lost = fixture
        .client
        .send_invoice(&request)
        .await
        .expect_err("the reply is lost");
    assert!(lost.is_transient(), "{lost:?}");
    assert_eq!(
        fixture.control.received().await.len(),
        1,
        "but it was stored"
    );
    SendInvoice {
        earlier_attempt: true,
        identity: Some(fixture_identity()),
        ..request
    }
}

#[tokio::test]
async fn a_resend_is_already_sent_under_every_duplicate_answer() {
    let cases: [(u16, &str); 3] = [
        (422, "invoice_duplicate_uuid"),
        (409, "conflict"),
        (400, "invalid_parameters"),
    ];
    for (status, code) in cases {
        let fixture = fixture::start().await;
        fixture
            .control
            .put("/duplicate-answer", json!({ "status": status }))
            .await;
        let retry = lost_reply(&fixture, &format!("lost-{status}")).await;
        let outcome = fixture
            .client
            .send_invoice(&retry)
            .await
            .unwrap_or_else(|error| panic!("{status}: {error:?}"));
        assert_eq!(
            outcome,
            SendOutcome::AlreadySent {
                id: retry.uuid.clone(),
                refused_with: (status, Some(code.to_owned())),
                found_by: FoundBy::Uuid,
            },
            "{status}"
        );
        assert_eq!(
            fixture.control.received().await.len(),
            1,
            "{status}: one copy"
        );
        fixture.sandbox.shutdown().await;
    }
}

#[tokio::test]
async fn a_refusal_that_does_not_say_why_is_only_checked_after_an_earlier_attempt() {
    let fixture = fixture::start().await;
    fixture
        .control
        .put("/duplicate-answer", json!({ "status": 400 }))
        .await;
    let request = xml_request("opaque", Routing::Print);
    fixture::accepted(fixture.client.send_invoice(&request).await.expect("sent"));
    let error = fixture
        .client
        .send_invoice(&request)
        .await
        .expect_err("a first attempt has nothing to recover");
    assert!(
        matches!(
            error,
            AxError::Permanent {
                kind: PermanentKind::BadRequest,
                status: Some(400),
                ..
            }
        ),
        "{error:?}"
    );
    let outcome = fixture
        .client
        .send_invoice(&SendInvoice {
            earlier_attempt: true,
            ..request.clone()
        })
        .await
        .expect("recognised");
    assert!(
        matches!(
            outcome,
            SendOutcome::AlreadySent {
                found_by: FoundBy::Uuid,
                ..
            }
        ),
        "{outcome:?}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn an_invoice_not_found_by_uuid_is_found_by_its_number() {
    let fixture = fixture::start().await;
    let retry = lost_reply(&fixture, "by-number").await;
    // The operator's id is not the uuid here: the lookup by uuid finds nothing.
    fixture
        .control
        .post(
            "/faults",
            json!({"path": format!("/v1/invoices/{}", retry.uuid), "method": "GET", "status": 404}),
        )
        .await;
    let outcome = fixture.client.send_invoice(&retry).await.expect("found");
    assert!(
        matches!(
            &outcome,
            SendOutcome::AlreadySent { id, found_by: FoundBy::Number, .. } if *id == retry.uuid
        ),
        "{outcome:?}"
    );
    let calls = fixture.control.get("/calls").await;
    assert!(
        calls
            .as_array()
            .into_iter()
            .flatten()
            .any(|call| call["path"] == "/v1/invoices" && call["method"] == "GET"),
        "the list was asked: {calls}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn another_invoice_with_the_same_number_is_not_taken_for_ours() {
    let fixture = fixture::start().await;
    // An older invoice 10045 of another date is in the list; ours was never stored.
    let older = fixture::INVOICE_XML.replace(
        "<cbc:IssueDate>2026-03-02</cbc:IssueDate>",
        "<cbc:IssueDate>2025-03-02</cbc:IssueDate>",
    );
    fixture::accepted(
        fixture
            .client
            .send_invoice(&fixture::xml_request_with(
                "older",
                Routing::Print,
                older.into_bytes(),
            ))
            .await
            .expect("sent"),
    );
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "status": 422,
                   "body": {"code": "validation_failed", "message": "Rejected", "details": ["BR-CO-15"]}}),
        )
        .await;
    let request = SendInvoice {
        earlier_attempt: true,
        identity: Some(fixture_identity()),
        ..xml_request("never-stored", Routing::Print)
    };
    let error = fixture
        .client
        .send_invoice(&request)
        .await
        .expect_err("the rejection stands");
    assert!(
        matches!(
            error,
            AxError::Permanent {
                kind: PermanentKind::ValidationFailed,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.reasons(), ["BR-CO-15".to_owned()]);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_duplicate_refusal_alone_is_already_sent_under_the_uuid() {
    let fixture = fixture::start().await;
    let request = xml_request("refusal-only", Routing::Print);
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "status": 422,
                   "body": {"code": "DOCUMENT_DUPLICATE_TRANSMISSION_ID", "message": "in use"}}),
        )
        .await;
    let outcome = fixture
        .client
        .send_invoice(&request)
        .await
        .expect("answered");
    assert_eq!(
        outcome,
        SendOutcome::AlreadySent {
            id: uuid_for("refusal-only"),
            refused_with: (422, Some("DOCUMENT_DUPLICATE_TRANSMISSION_ID".to_owned())),
            found_by: FoundBy::RefusalOnly,
        }
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_transient_failure_while_asking_is_retried_later_not_failed() {
    let fixture = fixture::start().await;
    let retry = lost_reply(&fixture, "ask-later").await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices/*", "method": "GET", "status": 503}),
        )
        .await;
    let error = fixture
        .client
        .send_invoice(&retry)
        .await
        .expect_err("could not ask");
    assert!(
        matches!(
            error,
            AxError::Transient {
                kind: TransientKind::ServerError,
                ..
            }
        ),
        "{error:?}"
    );
    let outcome = fixture
        .client
        .send_invoice(&retry)
        .await
        .expect("asked now");
    assert!(
        matches!(outcome, SendOutcome::AlreadySent { .. }),
        "{outcome:?}"
    );
    fixture.sandbox.shutdown().await;
}
