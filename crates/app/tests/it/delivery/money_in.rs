//! Reminders, interest invoices and statements go the way invoices go: through the outbox to the
//! sandbox by each customer's channel (e-invoice, e-mail, letter), ending delivered, with the
//! sandbox's copy of every UBL passing the official validator and the letter PDF in the ZIP.

use fakturera_app::delivery::DeliveryStateCode;
use fakturera_app::money_in::ReceivablesSettingsForm;
use fakturera_app::routing::ChannelCode;
use fakturera_store::DeliveryChoice;

use super::{add_customer, draft, later, pass_until, setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_interest_invoices_and_statements_reach_every_channel() {
    let setup = setup().await;
    let customers = [
        add_customer(
            &setup,
            "Exempelkund AB",
            "5567212047",
            DeliveryChoice::EInvoice,
        ),
        add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email),
        add_customer(&setup, "Brevet AB", "5560360793", DeliveryChoice::Letter),
    ];
    // An invoice dated 2026-05-04 due 2026-06-03 for each; everything below happens in July.
    let mut invoices = Vec::new();
    for customer in customers {
        let id = draft(&setup, customer);
        setup
            .app
            .issue_invoice(id, "2026-05-04".parse().expect("date"), later(0))
            .expect("issued");
        invoices.push(id);
    }
    let mut settings: ReceivablesSettingsForm = setup.app.receivables_settings().expect("settings");
    settings.reminder_fee_agreed = true;
    settings.reminder_fee = "60".to_owned();
    settings.interest_min_amount = "0".to_owned();
    setup
        .app
        .save_receivables_settings(&settings)
        .expect("saved");
    setup
        .app
        .set_reference_rate("2026-07-01", "2")
        .expect("rate");

    let july = "2026-07-15".parse().expect("date");
    let reminders = setup
        .app
        .create_reminders(None, july, later(10))
        .expect("reminders");
    assert_eq!(reminders.len(), 3);
    let interest = setup
        .app
        .create_interest_invoices(None, july, july, later(20))
        .expect("interest invoices");
    assert_eq!(interest.len(), 3);
    let mut documents: Vec<i64> = reminders
        .iter()
        .map(|reminder| reminder.document_id)
        .collect();
    documents.extend(interest.iter().map(|invoice| invoice.document_id));
    for customer in customers {
        let statement = setup
            .app
            .create_statement(customer.0, july, july, later(30))
            .expect("statement");
        documents.push(statement.document_id);
    }
    for id in &documents {
        setup.app.send_invoice(*id, later(40)).expect("queued");
    }
    let report = setup.worker.run_once(later(40)).await.expect("pass");
    assert_eq!(report.handed_over, 9, "{report:?}");

    // Every UBL the sandbox received passes the official rules; letters carry our PDF.
    let received = setup.sandbox.state().lock().received();
    let mut files = Vec::new();
    for (index, upload) in received.iter().enumerate() {
        let file = &upload.files[0];
        let xml = match file.zip_entries.first() {
            Some(entry) => entry.bytes.clone(),
            None => file.bytes.clone(),
        };
        if let Some(pdf) = file.zip_entries.get(1) {
            assert!(pdf.bytes.starts_with(b"%PDF"), "{}", pdf.name);
        }
        let path = setup.dir.path().join(format!("money-in-{index}.xml"));
        std::fs::write(&path, xml).expect("written");
        files.push(path);
    }
    assert_eq!(files.len(), 9);
    for (file, verdict) in fakturera_official_validator::validate(&files) {
        assert_eq!(
            verdict.fatal,
            0,
            "{}: {:?}",
            file.display(),
            verdict.findings
        );
    }

    pass_until(&setup, 41, 10, |setup| {
        documents.iter().all(|id| {
            setup.app.delivery_status(*id).expect("status").state == DeliveryStateCode::Delivered
        })
    })
    .await;
    let channels = [
        ChannelCode::Einvoice,
        ChannelCode::Email,
        ChannelCode::Print,
    ];
    for (index, id) in documents.iter().enumerate() {
        let status = setup.app.delivery_status(*id).expect("status");
        assert_eq!(status.channel, Some(channels[index % 3]), "document {id}");
    }
    setup.sandbox.shutdown().await;
}
