//! Each channel end to end: what the sandbox received, the UBL through the official validator,
//! and the invoice ending delivered by the right channel with its timeline.

use std::collections::BTreeMap;

use fakturera_app::delivery::DeliveryStateCode;
use fakturera_app::routing::ChannelCode;
use fakturera_store::DeliveryChoice;

use super::{add_customer, draft, later, pass_until, setup};

fn field<'a>(fields: &'a BTreeMap<String, Vec<String>>, name: &str) -> Vec<&'a str> {
    fields
        .get(name)
        .map(|values| values.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_channel_is_sent_with_the_right_fields_and_ends_delivered() {
    let setup = setup().await;
    let einvoice = add_customer(
        &setup,
        "Exempelkund AB",
        "5567212047",
        DeliveryChoice::EInvoice,
    );
    let email = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let letter = add_customer(&setup, "Brevet AB", "5560360793", DeliveryChoice::Letter);
    let invoices = [
        draft(&setup, einvoice),
        draft(&setup, email),
        draft(&setup, letter),
    ];
    for id in invoices {
        let status = setup.app.send_invoice(id, later(0)).expect("queued");
        assert_eq!(status.state, DeliveryStateCode::Queued);
    }

    let report = setup.worker.run_once(later(0)).await.expect("pass");
    assert_eq!(report.handed_over, 3, "{report:?}");
    let received = setup.sandbox.state().lock().received();
    assert_eq!(received.len(), 3);

    // Exactly the contract's fields per channel, with the idempotency key of the outbox.
    let keys: Vec<String> = invoices
        .iter()
        .map(|id| {
            setup
                .app
                .with_store(|store| store.outbox_entry(fakturera_store::InvoiceId(*id)))
                .expect("read")
                .expect("queued")
                .idempotency_key
        })
        .collect();
    let by_uuid = |key: &str| {
        received
            .iter()
            .find(|upload| upload.uuid == key)
            .expect("received by uuid")
    };
    let first = by_uuid(&keys[0]);
    assert_eq!(field(&first.fields, "recipient_eia"), ["0007:5567212047"]);
    assert_eq!(field(&first.fields, "recipient_operator"), ["PEPPOL"]);
    assert_eq!(field(&first.fields, "format"), ["PEPPOLBIS30"]);
    assert!(field(&first.fields, "disabled_routes[]").is_empty());
    assert!(
        first.files[0].zip_entries.is_empty(),
        "an e-invoice is the XML alone"
    );
    let second = by_uuid(&keys[1]);
    assert_eq!(
        field(&second.fields, "recipient_email"),
        ["ekonomi@kund.se"]
    );
    assert_eq!(
        field(&second.fields, "disabled_routes[]"),
        ["einvoice", "print"]
    );
    let third = by_uuid(&keys[2]);
    assert_eq!(
        field(&third.fields, "disabled_routes[]"),
        ["einvoice", "email"]
    );
    for upload in [second, third] {
        let names: Vec<&str> = upload.files[0]
            .zip_entries
            .iter()
            .map(|entry| entry.name.as_str())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(
            names[0].ends_with(".xml") && names[1].ends_with(".pdf"),
            "{names:?}"
        );
    }

    // The sandbox's copy of every UBL passes the official validator.
    let mut files = Vec::new();
    for (index, upload) in [first, second, third].iter().enumerate() {
        let file = &upload.files[0];
        let xml = match file.zip_entries.first() {
            Some(entry) => entry.bytes.clone(),
            None => file.bytes.clone(),
        };
        let path = setup.dir.path().join(format!("received-{index}.xml"));
        std::fs::write(&path, xml).expect("written");
        files.push(path);
    }
    for (file, verdict) in fakturera_official_validator::validate(&files) {
        assert_eq!(
            verdict.fatal,
            0,
            "{}: {:?}",
            file.display(),
            verdict.findings
        );
    }

    pass_until(&setup, 1, 10, |setup| {
        invoices.iter().all(|id| {
            setup.app.delivery_status(*id).expect("status").state == DeliveryStateCode::Delivered
        })
    })
    .await;
    let expected = [
        (ChannelCode::Einvoice, "Levererad (e-faktura)"),
        (ChannelCode::Email, "Levererad (e-post)"),
        (ChannelCode::Print, "Levererad (brev)"),
    ];
    for (id, (channel, label)) in invoices.iter().zip(expected) {
        let timeline = setup.app.delivery_timeline(*id).expect("timeline");
        assert_eq!(timeline.status.channel, Some(channel));
        assert_eq!(timeline.status.label, label);
        let steps: Vec<(String, Option<String>)> = timeline
            .events
            .iter()
            .map(|event| (event.kind.clone(), event.action.clone()))
            .collect();
        assert_eq!(steps[0], ("queued".to_owned(), None));
        assert_eq!(steps[1], ("handed_over".to_owned(), None));
        assert!(
            steps.contains(&("action".to_owned(), Some("DELIVERED".to_owned()))),
            "{steps:?}"
        );
    }
    // Polling again records nothing twice.
    let before = setup
        .app
        .delivery_timeline(invoices[0])
        .expect("timeline")
        .events
        .len();
    setup.worker.run_once(later(3600)).await.expect("pass");
    assert_eq!(
        setup
            .app
            .delivery_timeline(invoices[0])
            .expect("timeline")
            .events
            .len(),
        before
    );
    setup.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lookup_finds_misses_and_explains_an_unreachable_service() {
    let setup = setup().await;
    let keychain = setup.keychain.as_ref();
    let hit = setup
        .app
        .lookup_receiver("556721-2047", keychain, later(0))
        .await
        .expect("lookup");
    assert!(hit.found);
    assert_eq!(hit.einvoice_address.as_deref(), Some("0007:5567212047"));
    assert_eq!(
        hit.recommended,
        fakturera_app::register_fields::DeliveryChoiceCode::Einvoice
    );
    let miss = setup
        .app
        .lookup_receiver("5560360793", keychain, later(0))
        .await
        .expect("lookup");
    assert!(!miss.found && miss.einvoice_address.is_none());
    assert_eq!(
        miss.recommended,
        fakturera_app::register_fields::DeliveryChoiceCode::Email
    );
    let bad = setup
        .app
        .lookup_receiver("556721-2048", keychain, later(0))
        .await
        .expect_err("bad check digit");
    assert_eq!(bad.code, fakturera_app::ErrorCode::InvalidInput);

    // The lookup result is stored on the customer with the time it was checked.
    let customer = add_customer(
        &setup,
        "Exempelkund AB",
        "5567212047",
        DeliveryChoice::Automatic,
    );
    setup
        .app
        .lookup_customer_receiver(customer.0, keychain, later(5))
        .await
        .expect("stored");
    let saved = setup.app.customer(customer.0).expect("customer");
    assert_eq!(saved.einvoice_address.as_deref(), Some("0007:5567212047"));
    assert_eq!(saved.einvoice_checked_at, Some(later(5).to_rfc3339()));
    assert_eq!(
        saved.form.delivery_choice,
        fakturera_app::register_fields::DeliveryChoiceCode::Automatic,
        "the user's choice is kept"
    );

    // Unreachable: a clear message, and the customer stays as it was.
    setup.sandbox.shutdown().await;
    let offline = setup
        .app
        .lookup_customer_receiver(customer.0, keychain, later(10))
        .await
        .expect_err("unreachable");
    assert_eq!(offline.code, fakturera_app::ErrorCode::Offline);
    assert!(
        offline.message.contains("Kan inte nå AutoInvoice"),
        "{}",
        offline.message
    );
    let unchanged = setup.app.customer(customer.0).expect("customer");
    assert_eq!(unchanged.einvoice_checked_at, Some(later(5).to_rfc3339()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lookup_older_than_a_day_is_asked_again_before_sending() {
    let setup = setup().await;
    let stale = add_customer(
        &setup,
        "Exempelkund AB",
        "5567212047",
        DeliveryChoice::EInvoice,
    );
    let fresh = add_customer(
        &setup,
        "Nyss Kollad AB",
        "5567212047",
        DeliveryChoice::EInvoice,
    );
    setup
        .app
        .with_store(|store| {
            store.set_customer_receiver_lookup(stale, None, later(-2 * 86_400))?;
            store.set_customer_receiver_lookup(fresh, Some("0007:5567212047"), later(-3600))
        })
        .expect("stored");
    let lookups = |setup: &super::Setup| {
        setup
            .sandbox
            .state()
            .lock()
            .calls
            .iter()
            .filter(|call| call.path == "/v1/lookup/receivers")
            .count()
    };
    let first = draft(&setup, stale);
    let second = draft(&setup, fresh);
    setup.app.send_invoice(first, later(0)).expect("queued");
    setup.app.send_invoice(second, later(0)).expect("queued");
    setup.worker.run_once(later(0)).await.expect("pass");
    assert_eq!(lookups(&setup), 1, "only the stale customer is looked up");
    let customer = setup.app.customer(stale.0).expect("customer");
    assert_eq!(customer.einvoice_checked_at, Some(later(0).to_rfc3339()));
    assert_eq!(
        customer.einvoice_address.as_deref(),
        Some("0007:5567212047")
    );
    setup.sandbox.shutdown().await;
}
