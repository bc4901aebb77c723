//! Send, status, actions, list and reroute, with the sandbox's record of exactly what it received.

use crate::fixture::{
    self, BUYER_EIA, INVOICE_XML, accepted, base64_field, wait_for_status, xml_request,
};
use fakturera_autoinvoice::{
    ActionType, Channel, Document, InvoiceStatus, ListQuery, PrintAddress, Reroute, Routing,
    SendOutcome, zip_invoice,
};
use serde_json::json;

#[tokio::test]
async fn an_email_invoice_carries_the_zip_and_exactly_the_expected_fields() {
    let fixture = fixture::start().await;
    let pdf = b"%PDF-1.7\n% not a real PDF, only bytes to compare\n".to_vec();
    let zip = zip_invoice("faktura_10045", INVOICE_XML.as_bytes(), &pdf).expect("zip");
    let mut request = xml_request(
        "11111111-1111-4111-8111-111111111111",
        Routing::Email {
            address: "faktura@kund.se".to_owned(),
        },
    );
    request.document = Document::Zip {
        filename: "faktura_10045.zip".to_owned(),
        bytes: zip.clone(),
    };
    let invoice = accepted(fixture.client.send_invoice(&request).await.expect("sent"));
    assert_eq!(invoice.id, request.uuid, "the uuid is the invoice's id");
    assert_eq!(invoice.status, InvoiceStatus::Pending);
    assert_eq!(invoice.destination, Some(Channel::Email));
    assert_eq!(invoice.number.as_deref(), Some("10045"));
    assert_eq!(invoice.sum, Some(rust_decimal::Decimal::new(100000, 2)));
    assert_eq!(
        invoice.sum_tax,
        Some(rust_decimal::Decimal::new(125000, 2)),
        "the sum with tax"
    );
    let files: Vec<(Option<&str>, Option<&str>)> = invoice
        .files
        .iter()
        .map(|file| (file.filename.as_deref(), file.file_type.as_deref()))
        .collect();
    assert_eq!(
        files,
        [
            (Some("faktura_10045.xml"), Some("PEPPOLBIS30")),
            (Some("faktura_10045.pdf"), Some("PDF"))
        ]
    );

    let received = fixture.control.received().await;
    assert_eq!(received.len(), 1);
    let record = &received[0];
    assert_eq!(
        record["fields"],
        json!({
            "format": ["PEPPOLBIS30"],
            "uuid": ["11111111-1111-4111-8111-111111111111"],
            "lang": ["SE"],
            "recipient_email": ["faktura@kund.se"],
            "disabled_routes[]": ["einvoice", "print"],
        })
    );
    let file = &record["files"][0];
    assert_eq!(file["filename"], "faktura_10045.zip");
    assert_eq!(base64_field(file, "bytes_base64"), zip);
    assert_eq!(file["zip_entries"][0]["name"], "faktura_10045.xml");
    assert_eq!(
        record["image"], "faktura_10045.pdf",
        "the PDF with the XML's base name is the invoice image"
    );
    assert_eq!(
        base64_field(&file["zip_entries"][0], "bytes_base64"),
        INVOICE_XML.as_bytes()
    );
    assert_eq!(base64_field(&file["zip_entries"][1], "bytes_base64"), pdf);

    let delivered = wait_for_status(&fixture.client, &invoice.id, InvoiceStatus::Delivered).await;
    assert_eq!(delivered.destination, Some(Channel::Email));
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn status_and_actions_follow_the_invoice_to_delivery() {
    let fixture = fixture::start().await;
    fixture.control.seed_buyer_as_einvoice_receiver().await;
    fixture
        .control
        .put("/progression", json!({"outcome": "MANUAL"}))
        .await;
    let routing = Routing::EInvoice {
        eia: BUYER_EIA.to_owned(),
        operator: "PEPPOL".to_owned(),
    };
    let invoice = accepted(
        fixture
            .client
            .send_invoice(&xml_request("u-1", routing))
            .await
            .expect("sent"),
    );
    assert_eq!(
        fixture
            .client
            .invoice(&invoice.id)
            .await
            .expect("status")
            .status,
        InvoiceStatus::Pending
    );

    fixture
        .control
        .post(
            &format!("/invoices/{}/status", invoice.id),
            json!({"status": "DELIVERED"}),
        )
        .await;
    let actions = fixture.client.actions(&invoice.id).await.expect("actions");
    assert_eq!(
        fixture
            .client
            .invoice(&invoice.id)
            .await
            .expect("status")
            .actions,
        actions,
        "the invoice carries its actions, so polling needs no separate call"
    );
    let kinds: Vec<(ActionType, Option<Channel>)> = actions
        .iter()
        .map(|action| (action.action_type, action.channel))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (ActionType::Created, None),
            (ActionType::Sent, Some(Channel::Einvoice)),
            (ActionType::Delivered, Some(Channel::Einvoice)),
        ]
    );
    let missing = fixture
        .client
        .invoice("no-such-invoice")
        .await
        .expect_err("unknown id");
    assert!(!missing.is_transient());
    assert_eq!(missing.reasons(), &[] as &[String]);
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn the_list_filters_by_status_and_pages_for_resync() {
    let fixture = fixture::start().await;
    fixture
        .control
        .put("/progression", json!({"outcome": "MANUAL"}))
        .await;
    let mut ids = Vec::new();
    for number in 0..5 {
        let outcome = fixture
            .client
            .send_invoice(&xml_request(&format!("list-{number}"), Routing::Print))
            .await;
        ids.push(accepted(outcome.expect("sent")).id);
    }
    fixture
        .control
        .post(
            &format!("/invoices/{}/status", ids[1]),
            json!({"status": "FAILED", "message": "Returned by the post"}),
        )
        .await;

    let page = |page: u32| ListQuery {
        page,
        per_page: 2,
        ..ListQuery::default()
    };
    let first = fixture
        .client
        .list_invoices(&page(1))
        .await
        .expect("page 1");
    let third = fixture
        .client
        .list_invoices(&page(3))
        .await
        .expect("page 3");
    assert_eq!(
        first
            .iter()
            .map(|invoice| invoice.id.clone())
            .collect::<Vec<_>>(),
        ids[0..2]
    );
    assert_eq!(
        third
            .iter()
            .map(|invoice| invoice.id.clone())
            .collect::<Vec<_>>(),
        ids[4..5]
    );

    let all = fixture
        .client
        .list_all_invoices(&page(1), 10)
        .await
        .expect("all pages");
    assert_eq!(
        all.iter()
            .map(|invoice| invoice.id.clone())
            .collect::<Vec<_>>(),
        ids
    );

    let failed = ListQuery {
        statuses: vec![InvoiceStatus::Failed],
        ..ListQuery::default()
    };
    let failed = fixture
        .client
        .list_invoices(&failed)
        .await
        .expect("failed ones");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].id, ids[1]);

    let future = ListQuery {
        created_at_start: Some("2999-01-01T00:00:00Z".parse().expect("time")),
        ..ListQuery::default()
    };
    assert!(
        fixture
            .client
            .list_invoices(&future)
            .await
            .expect("empty")
            .is_empty()
    );
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_failed_invoice_can_be_rerouted_by_each_channel() {
    let fixture = fixture::start().await;
    fixture.control.seed_buyer_as_einvoice_receiver().await;
    let address = PrintAddress {
        recipient_name: "Myndigheten".to_owned(),
        recipient_address1: "Box 1".to_owned(),
        recipient_address2: None,
        recipient_post_code: "100 05".to_owned(),
        recipient_post_office: "Stockholm".to_owned(),
        recipient_country: "SE".to_owned(),
    };
    let reroutes = [
        (
            Reroute::Email {
                recipient_email: "ekonomi@kund.se".to_owned(),
            },
            Channel::Email,
        ),
        (Reroute::Print(address), Channel::Print),
        (
            Reroute::EInvoice {
                recipient_eia: BUYER_EIA.to_owned(),
                recipient_operator: "PEPPOL".to_owned(),
            },
            Channel::Einvoice,
        ),
    ];
    for (number, (reroute, channel)) in reroutes.into_iter().enumerate() {
        fixture
            .control
            .put("/progression", json!({"outcome": "MANUAL"}))
            .await;
        let routing = Routing::Email {
            address: "fel@kund.se".to_owned(),
        };
        let invoice = accepted(
            fixture
                .client
                .send_invoice(&xml_request(&format!("r-{number}"), routing))
                .await
                .expect("sent"),
        );
        fixture
            .control
            .post(
                &format!("/invoices/{}/status", invoice.id),
                json!({"status": "FAILED", "message": "Mailbox full"}),
            )
            .await;
        let failed = fixture.client.invoice(&invoice.id).await.expect("status");
        assert_eq!(failed.status, InvoiceStatus::Failed);
        assert_eq!(
            failed
                .actions
                .last()
                .and_then(|action| action.message.clone())
                .as_deref(),
            Some("Mailbox full")
        );

        fixture
            .client
            .reroute(&invoice.id, &reroute)
            .await
            .expect("rerouted");
        let pending = fixture.client.invoice(&invoice.id).await.expect("status");
        assert_eq!(pending.status, InvoiceStatus::Pending, "{reroute:?}");
        assert_eq!(
            pending.actions.last().map(|action| action.action_type),
            Some(ActionType::Info)
        );

        fixture
            .control
            .post(
                &format!("/invoices/{}/status", invoice.id),
                json!({"status": "DELIVERED"}),
            )
            .await;
        let delivered =
            wait_for_status(&fixture.client, &invoice.id, InvoiceStatus::Delivered).await;
        assert_eq!(delivered.destination, Some(channel), "{reroute:?}");
    }
    let bad = fixture
        .client
        .reroute(
            "whatever",
            &Reroute::Email {
                recipient_email: "not-an-address".to_owned(),
            },
        )
        .await
        .expect_err("refused");
    assert!(!bad.is_transient());
    fixture.sandbox.shutdown().await;
}

#[tokio::test]
async fn the_same_uuid_twice_is_already_sent_and_stored_once() {
    let fixture = fixture::start().await;
    let request = xml_request("same-uuid", Routing::Print);
    let first = accepted(fixture.client.send_invoice(&request).await.expect("sent"));
    let second = fixture
        .client
        .send_invoice(&request)
        .await
        .expect("answered");
    assert_eq!(
        second,
        SendOutcome::AlreadySent {
            id: first.id.clone(),
            refused_with: (422, Some("invoice_duplicate_uuid".to_owned())),
            found_by: fakturera_autoinvoice::FoundBy::Uuid,
        },
        "a refusal that says duplicate is checked even on a first attempt"
    );
    assert_eq!(fixture.control.received().await.len(), 1);
    fixture.sandbox.shutdown().await;
}
