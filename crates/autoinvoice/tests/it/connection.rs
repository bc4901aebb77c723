//! An unreachable service and invalid settings.

use crate::fixture::{client_for, demo_credentials, xml_request};
use fakturera_autoinvoice::{AxClient, AxConfig, AxError, PermanentKind, Routing, TransientKind};
use std::time::Duration;

#[tokio::test]
async fn an_unreachable_sandbox_is_a_clear_transient_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
    let address = listener.local_addr().expect("address");
    drop(listener);
    let client = client_for(&format!("http://{address}"), Duration::from_secs(5));
    let error = client
        .send_invoice(&xml_request("offline", Routing::Print))
        .await
        .expect_err("nobody listens");
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
    let message = error.describe();
    assert!(
        message.sv.contains("Kan inte nå AutoInvoice") && message.sv.contains("kön"),
        "{}",
        message.sv
    );
    assert!(
        message.en.contains("Cannot reach AutoInvoice"),
        "{}",
        message.en
    );
    let lookup = client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect_err("nobody listens");
    assert!(lookup.is_transient());
}

#[test]
fn invalid_settings_are_refused_with_the_field_named() {
    let cases = [
        (
            AxConfig::new("ax.maventa.com"),
            demo_credentials(),
            "base URL",
        ),
        (
            AxConfig::new("ftp://ax.maventa.com"),
            demo_credentials(),
            "base URL",
        ),
        (
            AxConfig::production(),
            fakturera_autoinvoice::Credentials {
                company_id: " ".to_owned(),
                ..demo_credentials()
            },
            "company id",
        ),
        (
            AxConfig::test_server(),
            fakturera_autoinvoice::Credentials {
                api_key: fakturera_autoinvoice::Secret::new(""),
                ..demo_credentials()
            },
            "API key",
        ),
    ];
    for (config, credentials, field) in cases {
        let error = AxClient::new(config, credentials).expect_err(field);
        assert!(matches!(
            error,
            AxError::Permanent {
                kind: PermanentKind::InvalidConfiguration,
                ..
            }
        ));
        assert!(
            error.describe().en.contains(field),
            "{}",
            error.describe().en
        );
    }
}
