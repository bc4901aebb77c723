//! Token renewal: ahead of expiry by the client's clock, and transparently after the server expires it.

use crate::fixture::{self, accepted, demo_credentials, xml_request};
use fakturera_autoinvoice::{
    AxClient, AxConfig, CompanyState, ManualClock, PermanentKind, REFRESH_AHEAD, Routing,
};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

fn count_calls(calls: &serde_json::Value, path: &str, status: u64) -> usize {
    calls
        .as_array()
        .map(|calls| {
            calls
                .iter()
                .filter(|call| call["path"] == path && call["status"] == status)
                .count()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_token_expired_by_the_server_is_renewed_once_and_the_call_repeated() {
    let fixture = fixture::start().await;
    fixture
        .client
        .send_invoice(&xml_request("t-1", Routing::Print))
        .await
        .expect("first send");
    fixture.control.post("/tokens/expire", json!(null)).await;
    let second = fixture
        .client
        .send_invoice(&xml_request("t-2", Routing::Print))
        .await
        .expect("second send, renewed");
    accepted(second);
    let tokens = fixture.control.get("/tokens").await;
    assert_eq!(tokens["issued"], 2);
    let calls = fixture.control.get("/calls").await;
    assert_eq!(count_calls(&calls, "/v1/invoices", 401), 1, "{calls}");
    assert_eq!(count_calls(&calls, "/v1/invoices", 201), 2, "{calls}");
    assert_eq!(fixture.control.received().await.len(), 2);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn the_token_is_reused_and_renewed_five_minutes_before_expiry() {
    let fixture = fixture::start().await;
    let clock = Arc::new(ManualClock::new());
    let config = AxConfig::new(fixture.sandbox.base_url());
    let client = AxClient::with_clock(config, demo_credentials(), clock.clone()).expect("client");
    client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect("lookup");
    client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect("lookup");
    assert_eq!(fixture.control.get("/tokens").await["issued"], 1);

    clock.advance(Duration::from_secs(3600) - REFRESH_AHEAD - Duration::from_secs(1));
    client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect("lookup");
    assert_eq!(
        fixture.control.get("/tokens").await["issued"],
        1,
        "still fresh"
    );

    clock.advance(Duration::from_secs(1));
    client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect("lookup");
    assert_eq!(
        fixture.control.get("/tokens").await["issued"],
        2,
        "renewed ahead of expiry"
    );
    let calls = fixture.control.get("/calls").await;
    assert_eq!(
        count_calls(&calls, "/v1/lookup/receivers", 401),
        0,
        "renewal needed no 401: {calls}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_short_token_lifetime_is_handled_without_errors() {
    let fixture = fixture::start().await;
    fixture
        .control
        .put("/token-lifetime", json!({"seconds": 1}))
        .await;
    for number in 0..3 {
        let outcome = fixture
            .client
            .send_invoice(&xml_request(&format!("short-{number}"), Routing::Print))
            .await;
        accepted(outcome.expect("sent with a short-lived token"));
    }
    assert_eq!(fixture.control.received().await.len(), 3);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn an_unverified_company_gets_a_permanent_clear_error_and_nothing_is_stored() {
    let fixture = fixture::start().await;
    fixture
        .control
        .put(
            &format!("/companies/{}", autoinvoice_sandbox::DEMO_CLIENT_ID),
            json!({"verified": false}),
        )
        .await;
    let error = fixture
        .client
        .send_invoice(&xml_request("unverified", Routing::Print))
        .await
        .expect_err("refused");
    assert!(!error.is_transient());
    assert!(
        matches!(
            error,
            fakturera_autoinvoice::AxError::Permanent {
                kind: PermanentKind::CompanyNotVerified,
                status: Some(401),
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.describe();
    assert!(
        message.sv.contains("inte verifierat") && message.sv.contains("BankID"),
        "{}",
        message.sv
    );
    assert!(message.en.contains("not verified"), "{}", message.en);
    assert!(fixture.control.received().await.is_empty());
    let check = fixture
        .client
        .check_connection()
        .await
        .expect("the authorization state answers an unverified company");
    assert_eq!(check.company_state, CompanyState::Unverified);
    fixture
        .control
        .put(
            &format!("/companies/{}", autoinvoice_sandbox::DEMO_CLIENT_ID),
            json!({"verified": true}),
        )
        .await;
    let check = fixture
        .client
        .check_connection()
        .await
        .expect("verified now");
    assert_eq!(check.company_state, CompanyState::Verified);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn wrong_credentials_are_a_permanent_unauthorized() {
    let fixture = fixture::start().await;
    let mut credentials = demo_credentials();
    credentials.api_key = fakturera_autoinvoice::Secret::new("wrong-key");
    let client =
        AxClient::new(AxConfig::new(fixture.sandbox.base_url()), credentials).expect("client");
    let error = client.check_connection().await.expect_err("refused");
    assert!(
        matches!(
            error,
            fakturera_autoinvoice::AxError::Permanent {
                kind: PermanentKind::Unauthorized,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.describe().sv.contains("API-nyckel"));
    assert!(
        !format!("{client:?}").contains("wrong-key"),
        "the client's Debug must not show the key"
    );
    assert!(!format!("{error:?}").contains("wrong-key"));
    fixture.sandbox.shutdown().await;
}
