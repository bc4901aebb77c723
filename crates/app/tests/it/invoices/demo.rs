//! The demo data: a believable year in an empty file, refused in a file that has data.

use fakturera_app::ErrorCode;
use fakturera_app::invoices::{InvoiceFilterCode, InvoiceListRequest};
use fakturera_core::ids::{Bankgiro, Ocr, OrgNumber, VatNumber};

use super::{add_customer, date, fixture};

fn count(fixture: &super::Fixture, filter: InvoiceFilterCode, today: &str) -> u64 {
    let request = InvoiceListRequest {
        filter,
        ..Default::default()
    };
    fixture
        .app
        .list_invoices(&request, date(today))
        .expect("list")
        .total
        .expect("first page counts")
}

#[test]
fn demo_data_fills_a_year_of_invoices_in_every_state() {
    let fixture = fixture();
    let today = "2026-11-26";
    let started = std::time::Instant::now();
    let summary = fixture.app.fill_demo_data(date(today)).expect("demo data");
    eprintln!("demo data: {summary:?} in {:?}", started.elapsed());
    assert!(
        summary.customers >= 5 && summary.articles >= 5,
        "{summary:?}"
    );
    assert!(summary.issued >= 100, "{summary:?}");
    assert!(
        summary.credits >= 2 && summary.drafts == 3 && summary.payments >= 50,
        "{summary:?}"
    );

    assert_eq!(
        count(&fixture, InvoiceFilterCode::All, today),
        u64::from(summary.issued + summary.drafts)
    );
    assert_eq!(
        count(&fixture, InvoiceFilterCode::Credits, today),
        u64::from(summary.credits)
    );
    for filter in [
        InvoiceFilterCode::Overdue,
        InvoiceFilterCode::Paid,
        InvoiceFilterCode::PartlyPaid,
        InvoiceFilterCode::Unpaid,
    ] {
        assert!(count(&fixture, filter, today) > 0, "{filter:?}");
    }

    let company = fixture
        .app
        .with_store(|store| store.company())
        .expect("company");
    assert!(OrgNumber::parse(&company.org_number).is_ok());
    assert!(VatNumber::parse(&company.vat_number).is_ok());
    assert!(Bankgiro::parse(&company.bankgiro).is_ok());
    assert!(company.f_tax_approved);

    let request = InvoiceListRequest {
        filter: InvoiceFilterCode::Issued,
        limit: 500,
        ..Default::default()
    };
    let issued = fixture
        .app
        .list_invoices(&request, date(today))
        .expect("issued");
    let mut numbers: Vec<u32> = issued
        .rows
        .iter()
        .map(|row| {
            row.number
                .as_deref()
                .expect("number")
                .parse()
                .expect("digits")
        })
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=summary.issued).collect::<Vec<u32>>(),
        "gapless numbering"
    );
    for row in issued.rows.iter().filter(|row| !row.is_credit).take(20) {
        let detail = fixture
            .app
            .invoice_detail(row.id, date(today))
            .expect("detail");
        assert!(
            Ocr::parse_with_length_digit(&detail.ocr).is_ok(),
            "{}",
            detail.ocr
        );
    }
}

#[test]
fn demo_data_refuses_a_file_that_has_records() {
    let fixture = fixture();
    add_customer(&fixture, "1", "Befintlig Kund AB");
    let error = fixture
        .app
        .fill_demo_data(date("2026-11-26"))
        .expect_err("not empty");
    assert_eq!(error.code, ErrorCode::Conflict);
    assert!(error.message.contains("tom fil"), "{}", error.message);
}

#[test]
fn older_demo_invoices_were_delivered_by_their_customers_channel() {
    let fixture = fixture();
    let summary = fixture
        .app
        .fill_demo_data(date("2026-11-26"))
        .expect("demo data");
    // "Skicka alla" offers only the few newest, and every one of them can be sent as it stands.
    let preview = fixture.app.send_all_preview().expect("preview");
    assert!(
        (1..=4).contains(&preview.rows.len()),
        "{} unsent",
        preview.rows.len()
    );
    assert!(
        preview.rows.iter().all(|row| row.problem.is_none()),
        "{:?}",
        preview.rows
    );
    assert_eq!(
        u64::from(summary.delivered) + preview.rows.len() as u64,
        u64::from(summary.issued)
    );
    let labels: std::collections::BTreeMap<String, String> = fixture
        .app
        .with_store(|store| store.customers(&Default::default()))
        .expect("customers")
        .into_iter()
        .map(|(_, customer)| {
            let label = match customer.delivery_choice {
                fakturera_store::DeliveryChoice::EInvoice => "Levererad (e-faktura)",
                fakturera_store::DeliveryChoice::Letter => "Levererad (brev)",
                // The automatic customer has no Peppol address: AutoInvoice e-mails it.
                _ => "Levererad (e-post)",
            };
            (customer.name, label.to_owned())
        })
        .collect();
    let request = InvoiceListRequest {
        filter: InvoiceFilterCode::Issued,
        limit: 500,
        ..Default::default()
    };
    let mut delivered = 0;
    for row in fixture
        .app
        .list_invoices(&request, date("2026-11-26"))
        .expect("issued")
        .rows
    {
        let timeline = fixture.app.delivery_timeline(row.id).expect("timeline");
        if timeline.events.is_empty() {
            continue;
        }
        delivered += 1;
        assert_eq!(
            timeline.status.label, labels[&row.customer_name],
            "{}",
            row.customer_name
        );
        let actions: Vec<Option<String>> = timeline
            .events
            .iter()
            .map(|event| event.action.clone())
            .collect();
        assert!(
            actions.contains(&Some("DELIVERED".to_owned())),
            "{actions:?}"
        );
    }
    assert_eq!(delivered, summary.delivered);
}
