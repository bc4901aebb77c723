//! The receiver lookup as the real API takes it: arrays for `network[]` and `country[]` (the
//! sandbox refuses single values, as Grape does), by business id and by `0007:<org no>`, in the
//! PEPPOL and INTERNAL networks, and entries read leniently.

use crate::fixture;
use fakturera_autoinvoice::{ReceiverQuery, best_receiver};
use serde_json::json;

#[tokio::test]
async fn a_receiver_is_found_by_address_and_in_autoinvoices_own_network() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/receivers",
            json!([
                // Registered under another business id format: found only by its address.
                {"bid": "SE556721204701", "eia": "0007:5567212047", "name": "Kund AB"},
                {"bid": "5560360793", "eia": "0007:5560360793", "network": "INTERNAL",
                 "operator": "MAVENTA", "name": "Intern AB"}
            ]),
        )
        .await;
    let by_address = fixture
        .client
        .lookup_receivers("556721-2047", "SE")
        .await
        .expect("lookup");
    assert_eq!(by_address.len(), 1, "{by_address:?}");
    assert_eq!(by_address[0].eia.as_deref(), Some("0007:5567212047"));
    let internal = fixture
        .client
        .lookup_receivers("5560360793", "SE")
        .await
        .expect("lookup");
    assert_eq!(internal.len(), 1, "found by its business id: {internal:?}");
    assert!(internal[0].in_network("INTERNAL"));
    assert_eq!(internal[0].operator.as_deref(), Some("MAVENTA"));
    let calls = fixture.control.get("/calls").await;
    assert!(
        calls
            .as_array()
            .into_iter()
            .flatten()
            .filter(|call| call["path"] == "/v1/lookup/receivers")
            .all(|call| call["status"] == 200),
        "every lookup went out in the shape the API takes: {calls}"
    );
    let single = fixture
        .client
        .lookup_receivers_by(&ReceiverQuery::Address {
            eia: "0007:5560360793".into(),
            country: "SE".into(),
        })
        .await
        .expect("lookup");
    assert_eq!(single.len(), 1);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn entries_missing_optional_fields_do_not_fail_the_lookup() {
    let fixture = fixture::start().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/lookup/receivers", "status": 200, "body": [
                {"network": "PEPPOL", "participant": {"name": "Utan adress"}},
                {"eia": "0007:5567212047", "network": "PEPPOL", "operator": "PEPPOL",
                 "document_types": [{"document_identifier": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"}],
                 "identifier": {"scheme": "0007", "endpoint_id": "5567212047"}},
                {"eia": "0007:5567212047", "network": "INTERNAL", "document_types": null},
                "garbage"
            ]}),
        )
        .await;
    let hits = fixture
        .client
        .lookup_receivers("5567212047", "SE")
        .await
        .expect("lenient");
    assert_eq!(hits.len(), 3, "the unreadable entry is skipped: {hits:?}");
    let best = best_receiver(&hits).expect("a usable hit");
    assert_eq!(best.eia.as_deref(), Some("0007:5567212047"));
    assert!(best.in_network("PEPPOL"), "Peppol before INTERNAL");
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn one_failing_lookup_of_the_two_is_not_fatal() {
    let fixture = fixture::start().await;
    fixture.control.seed_buyer_as_einvoice_receiver().await;
    fixture
        .control
        .post(
            "/faults",
            json!({"path": "/v1/lookup/receivers", "status": 400,
                   "body": {"code": "invalid_parameters", "message": "bid is invalid"}}),
        )
        .await;
    let hits = fixture
        .client
        .lookup_receivers(fixture::BUYER_ORG_NUMBER, "SE")
        .await
        .expect("the address lookup answered");
    assert_eq!(hits.len(), 1);
    fixture.sandbox.shutdown().await;
}
