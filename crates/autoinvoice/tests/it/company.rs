//! The company's state and settings: the authorization state told apart from bad keys, every 4xx of
//! the token endpoint and a 403 as credentials problems, and letters printed from our PDF.

use crate::fixture::{self, demo_credentials, xml_request};
use fakturera_autoinvoice::{
    AxClient, AxConfig, AxError, CompanyState, OwnPdf, PermanentKind, Routing,
};
use serde_json::json;

fn kind(error: &AxError) -> Option<PermanentKind> {
    match error {
        AxError::Permanent { kind, .. } => Some(*kind),
        AxError::Transient { .. } => None,
    }
}

#[tokio::test]
async fn every_refusal_of_the_token_request_is_a_credentials_problem() {
    let fixture = fixture::start().await;
    for status in [400, 401, 403] {
        fixture
            .control
            .post(
                "/faults",
                json!({"path": "/oauth2/token", "status": status,
                       "body": {"code": "invalid_client", "message": "Bad client"}}),
            )
            .await;
        let client = AxClient::new(
            AxConfig::new(fixture.sandbox.base_url()),
            demo_credentials(),
        )
        .expect("client");
        let error = client
            .send_invoice(&xml_request(&format!("token-{status}"), Routing::Print))
            .await
            .expect_err("no token");
        assert_eq!(
            kind(&error),
            Some(PermanentKind::Unauthorized),
            "{status}: {error:?}"
        );
        assert!(error.is_credentials_problem());
        let message = error.describe();
        assert!(
            message.sv.contains("API-nyckel") && message.sv.contains("pausad"),
            "{}",
            message.sv
        );
        assert!(
            !message.sv.contains("avvisade fakturan"),
            "never reported as a rejected invoice: {}",
            message.sv
        );
    }
    assert!(fixture.control.received().await.is_empty());
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_403_is_a_credentials_problem_and_names_the_cause() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/invoices", "method": "POST", "status": 403,
                   "body": {"code": "forbidden", "message": "Forbidden"}}),
        )
        .await;
    let error = fixture
        .client
        .send_invoice(&xml_request("forbidden", Routing::Print))
        .await
        .expect_err("403");
    assert_eq!(kind(&error), Some(PermanentKind::Forbidden), "{error:?}");
    assert!(error.is_credentials_problem());
    assert!(error.describe().sv.contains("behörighet"));

    // The same 403 for a company that is not verified says so instead.
    fixture.sandbox.state().lock().companies[0].verified = false;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/lookup/receivers", "status": 403}),
        )
        .await;
    let error = fixture
        .client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect_err("403");
    assert_eq!(
        kind(&error),
        Some(PermanentKind::CompanyNotVerified),
        "{error:?}"
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn an_unverified_company_is_told_apart_from_bad_keys_by_its_state() {
    let fixture = fixture::start().await;
    fixture.sandbox.state().lock().companies[0].verified = false;
    let error = fixture
        .client
        .send_invoice(&xml_request("unverified", Routing::Print))
        .await
        .expect_err("Unauthorized");
    assert_eq!(
        kind(&error),
        Some(PermanentKind::CompanyNotVerified),
        "{error:?}"
    );
    let authorization = fixture
        .client
        .company_authorization()
        .await
        .expect("answers an unverified company");
    assert_eq!(authorization.company_state, CompanyState::Unverified);

    // A state the client does not know is not taken for verified.
    fixture.sandbox.state().lock().companies[0].verified = true;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/company/authorization", "status": 200,
                   "body": {"auth_state": "PENDING", "company_state": "UNKNOWN"}}),
        )
        .await;
    let check = fixture.client.check_connection().await.expect("answered");
    assert_eq!(check.company_state, CompanyState::Unknown);
    assert_eq!(check.auth_state.as_deref(), Some("PENDING"));
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn without_the_authorization_endpoint_the_invoice_call_decides() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/company/authorization", "status": 404}),
        )
        .await;
    let check = fixture.client.check_connection().await.expect("answered");
    assert_eq!(check.company_state, CompanyState::Verified);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn own_pdf_is_turned_on_once_and_then_found_on() {
    let fixture = fixture::start().await;
    assert_eq!(
        fixture
            .client
            .print_settings()
            .await
            .expect("read")
            .use_own_pdf,
        Some(false)
    );
    assert_eq!(
        fixture.client.ensure_own_pdf().await.expect("set"),
        OwnPdf::TurnedOn
    );
    assert_eq!(
        fixture.client.ensure_own_pdf().await.expect("read"),
        OwnPdf::AlreadyOn
    );
    let companies = fixture.control.get("/companies").await;
    assert_eq!(companies[0]["use_own_pdf"], true);
    let patches = fixture
        .control
        .get("/calls")
        .await
        .as_array()
        .into_iter()
        .flatten()
        .filter(|call| call["method"] == "PATCH")
        .count();
    assert_eq!(patches, 1, "the setting is only written when it is off");
    fixture.sandbox.shutdown().await;
}
