//! The demo data: a believable year in an empty file, refused in a file that has data.

use fakturera_app::ErrorCode;
use fakturera_app::invoices::{InvoiceFilterCode, InvoiceListRequest};
use fakturera_core::ids::{Bankgiro, Ocr, OrgNumber, VatNumber};

use crate::{add_customer, date, fixture};

fn count(fixture: &crate::Fixture, filter: InvoiceFilterCode, today: &str) -> u64 {
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
