//! The routing matrix end to end: the customer's delivery choice as form fields, and where the
//! sandbox's operator rules deliver it.

use crate::fixture::{
    self, BUYER_EIA, BUYER_ORG_NUMBER, INVOICE_XML, accepted, wait_for_status, xml_request,
    xml_request_with,
};
use fakturera_autoinvoice::{Channel, InvoiceStatus, Routing};
use serde_json::json;

/// One row of the matrix: the directory and print service as set up, the choice, and the outcome.
struct MatrixCase {
    name: &'static str,
    in_directory: bool,
    print_enabled: bool,
    routing: Routing,
    expected: Result<Channel, &'static str>,
}

#[tokio::test]
async fn routing_matrix() {
    let fixture = fixture::start().await;
    let einvoice = Routing::EInvoice {
        eia: BUYER_EIA.to_owned(),
        operator: "PEPPOL".to_owned(),
    };
    let email = Routing::Email {
        address: "faktura@kund.se".to_owned(),
    };
    let unknown_eia = Routing::einvoice_for_org_number("5560000001");
    let case = |name, in_directory, print_enabled, routing, expected| MatrixCase {
        name,
        in_directory,
        print_enabled,
        routing,
        expected,
    };
    let cases = vec![
        case(
            "e-faktura to a known receiver",
            true,
            true,
            einvoice,
            Ok(Channel::Einvoice),
        ),
        case(
            "e-faktura to an unknown address: no fallback",
            true,
            true,
            unknown_eia,
            Err("not found"),
        ),
        case(
            "automatic: directory hit",
            true,
            true,
            Routing::Automatic,
            Ok(Channel::Einvoice),
        ),
        case(
            "automatic: no hit, no e-mail, full address",
            false,
            true,
            Routing::Automatic,
            Ok(Channel::Print),
        ),
        case(
            "automatic: nothing possible",
            false,
            false,
            Routing::Automatic,
            Err("No valid route"),
        ),
        case(
            "e-post although the buyer takes e-invoices",
            true,
            true,
            email,
            Ok(Channel::Email),
        ),
        case(
            "brev although the buyer takes e-invoices",
            true,
            true,
            Routing::Print,
            Ok(Channel::Print),
        ),
        case(
            "brev with the print service off",
            false,
            false,
            Routing::Print,
            Err("No valid route"),
        ),
    ];
    for (number, case) in cases.into_iter().enumerate() {
        let MatrixCase {
            name,
            in_directory,
            print_enabled,
            routing,
            expected,
        } = case;
        fixture
            .control
            .send(reqwest::Method::DELETE, "/receivers", json!(null))
            .await;
        if in_directory {
            fixture.control.seed_buyer_as_einvoice_receiver().await;
        }
        fixture
            .control
            .put("/print-service", json!({ "enabled": print_enabled }))
            .await;
        let outcome = fixture
            .client
            .send_invoice(&xml_request(&format!("matrix-{number}"), routing))
            .await;
        let invoice = accepted(outcome.expect(name));
        match expected {
            Ok(channel) => {
                let delivered =
                    wait_for_status(&fixture.client, &invoice.id, InvoiceStatus::Delivered).await;
                assert_eq!(delivered.destination, Some(channel), "{name}");
            }
            Err(reason) => {
                assert_eq!(invoice.status, InvoiceStatus::Failed, "{name}");
                let last = invoice
                    .actions
                    .last()
                    .and_then(|action| action.message.clone())
                    .unwrap_or_default();
                assert!(last.contains(reason), "{name}: {last}");
            }
        }
    }
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn lookup_finds_a_receiver_by_org_number_and_misses_others() {
    let fixture = fixture::start().await;
    fixture.control.seed_buyer_as_einvoice_receiver().await;
    let hits = fixture
        .client
        .lookup_receivers("202999-9998", "SE")
        .await
        .expect("lookup");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].eia.as_deref(), Some(BUYER_EIA));
    assert!(hits[0].accepts("INVOICE") && hits[0].accepts("CREDIT_NOTE"));
    assert_eq!(
        hits[0]
            .participant
            .as_ref()
            .and_then(|participant| participant.bid.as_deref()),
        Some(BUYER_ORG_NUMBER)
    );
    let misses = fixture
        .client
        .lookup_receivers("5560000001", "SE")
        .await
        .expect("lookup");
    assert!(misses.is_empty());
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn the_receipt_check_fails_a_broken_invoice_with_the_rules_it_breaks() {
    let fixture = fixture::start().await;
    let wrong_total = INVOICE_XML.replace(
        r#"<cbc:PayableAmount currencyID="SEK">1250.00"#,
        r#"<cbc:PayableAmount currencyID="SEK">1249.00"#,
    );
    let no_reference = INVOICE_XML.replace("<cbc:BuyerReference>ABC123</cbc:BuyerReference>", "");
    let cases = [
        (wrong_total, "BR-CO-16"),
        (no_reference, "PEPPOL-EN16931-R003"),
        ("<Invoice>".to_owned(), "not a UBL Invoice"),
    ];
    for (number, (xml, rule)) in cases.into_iter().enumerate() {
        let request = xml_request_with(
            &format!("broken-{number}"),
            Routing::Print,
            xml.into_bytes(),
        );
        let invoice = accepted(
            fixture
                .client
                .send_invoice(&request)
                .await
                .expect("accepted, then failed"),
        );
        assert_eq!(invoice.status, InvoiceStatus::Failed, "{rule}");
        let error = invoice
            .actions
            .last()
            .and_then(|action| action.message.clone())
            .unwrap_or_default();
        assert!(error.contains(rule), "{rule}: {error}");
    }
    fixture.sandbox.shutdown().await;
}
