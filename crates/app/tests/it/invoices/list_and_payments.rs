//! The list (search, filters, overdue as of the day asked about, paging) and payments.

use fakturera_app::ErrorCode;
use fakturera_app::invoices::{
    InvoiceFilterCode, InvoiceListRequest, PaymentRequest, PaymentStateCode,
};

use super::{Fixture, add_customer, at, date, fixture, line, two_line_form};

/// Three invoices: #1 and #2 issued for Göteborgs Byggservice, a draft for Nordljus.
fn three_invoices(fixture: &Fixture) -> Vec<i64> {
    let gbg = add_customer(fixture, "GBG", "Göteborgs Byggservice AB");
    let nordljus = add_customer(fixture, "NL", "Nordljus Arkitekter AB");
    let mut ids = Vec::new();
    for (customer, price, issue) in [
        (gbg, "1000", true),
        (gbg, "2000", true),
        (nordljus, "300", false),
    ] {
        let mut form = two_line_form(fixture, customer);
        form.lines = vec![line("Konsultarvode", "1", price, "25")];
        let draft = fixture
            .app
            .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
            .expect("draft");
        if issue {
            fixture
                .app
                .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
                .expect("issued");
        }
        ids.push(draft.id);
    }
    ids
}

fn search(fixture: &Fixture, filter: InvoiceFilterCode, text: &str, today: &str) -> Vec<i64> {
    let request = InvoiceListRequest {
        filter,
        search: text.into(),
        ..Default::default()
    };
    fixture
        .app
        .list_invoices(&request, date(today))
        .expect("list")
        .rows
        .into_iter()
        .map(|row| row.id)
        .collect()
}

#[test]
fn the_list_searches_by_number_customer_and_amount_and_filters_by_status() {
    let fixture = fixture();
    let ids = three_invoices(&fixture);
    let today = "2026-11-26";
    let page = fixture
        .app
        .list_invoices(&InvoiceListRequest::default(), date(today))
        .expect("list");
    assert_eq!(page.total, Some(3));
    let first = &page.rows[0];
    assert_eq!(
        (
            first.id,
            first.number.as_deref(),
            first.customer_name.as_str()
        ),
        (ids[2], None, "Nordljus Arkitekter AB")
    );
    assert_eq!(
        (first.payable.as_str(), first.due_date.as_str()),
        ("375.00", "2026-12-26")
    );
    assert_eq!(page.rows[1].payment_state, Some(PaymentStateCode::Unpaid));

    let cases: [(InvoiceFilterCode, &str, Vec<i64>); 8] = [
        (InvoiceFilterCode::All, "2", vec![ids[1]]),
        (InvoiceFilterCode::All, "göteborgs", vec![ids[1], ids[0]]),
        (InvoiceFilterCode::All, "NORDLJUS", vec![ids[2]]),
        (InvoiceFilterCode::All, "2 500,00", vec![ids[1]]),
        (InvoiceFilterCode::All, "1250", vec![ids[0]]),
        (InvoiceFilterCode::Drafts, "", vec![ids[2]]),
        (InvoiceFilterCode::Issued, "", vec![ids[1], ids[0]]),
        (InvoiceFilterCode::All, "'; DROP TABLE invoices; --", vec![]),
    ];
    for (filter, text, expected) in cases {
        assert_eq!(
            search(&fixture, filter, text, today),
            expected,
            "{filter:?} {text:?}"
        );
    }
}

#[test]
fn overdue_follows_the_day_asked_about_and_ends_with_payment() {
    let fixture = fixture();
    let ids = three_invoices(&fixture);
    assert!(
        search(&fixture, InvoiceFilterCode::Overdue, "", "2026-12-26").is_empty(),
        "due today is not overdue"
    );
    assert_eq!(
        search(&fixture, InvoiceFilterCode::Overdue, "", "2026-12-27"),
        [ids[1], ids[0]]
    );
    let page = fixture
        .app
        .list_invoices(&InvoiceListRequest::default(), date("2026-12-27"))
        .expect("list");
    let overdue: Vec<bool> = page.rows.iter().map(|row| row.overdue).collect();
    assert_eq!(overdue, [false, true, true], "drafts are never overdue");

    let part = PaymentRequest {
        paid_on: "2026-12-20".into(),
        amount: "1 000".into(),
        reference: "OCR".into(),
    };
    let status = fixture
        .app
        .record_invoice_payment(ids[0], &part, at("2026-12-20"))
        .expect("paid in part");
    assert_eq!(
        (
            status.state,
            status.paid.as_str(),
            status.remaining.as_str()
        ),
        (PaymentStateCode::PartlyPaid, "1000.00", "250.00")
    );
    assert!(
        fixture
            .app
            .invoice_detail(ids[0], date("2026-12-27"))
            .expect("detail")
            .overdue
    );

    let rest = PaymentRequest {
        paid_on: "2026-12-28".into(),
        amount: "250".into(),
        reference: String::new(),
    };
    let status = fixture
        .app
        .record_invoice_payment(ids[0], &rest, at("2026-12-28"))
        .expect("paid");
    assert_eq!(
        (status.state, status.payments.len()),
        (PaymentStateCode::Paid, 2)
    );
    assert_eq!(
        search(&fixture, InvoiceFilterCode::Overdue, "", "2026-12-29"),
        [ids[1]]
    );
    assert_eq!(
        search(&fixture, InvoiceFilterCode::Paid, "", "2026-12-29"),
        [ids[0]]
    );
    let detail = fixture
        .app
        .invoice_detail(ids[0], date("2026-12-29"))
        .expect("detail");
    assert!(!detail.overdue);
    let kinds: Vec<String> = fixture
        .app
        .invoice_events(ids[0])
        .expect("events")
        .into_iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        kinds,
        ["created", "issued", "payment_recorded", "payment_recorded"]
    );
}

#[test]
fn payments_are_refused_on_drafts_and_for_bad_amounts() {
    let fixture = fixture();
    let ids = three_invoices(&fixture);
    let payment = PaymentRequest {
        paid_on: "2026-12-01".into(),
        amount: "100".into(),
        reference: String::new(),
    };
    assert_eq!(
        fixture
            .app
            .record_invoice_payment(ids[2], &payment, at("2026-12-01"))
            .expect_err("draft")
            .code,
        ErrorCode::Conflict
    );
    for amount in ["0", "-5", "massor"] {
        let bad = PaymentRequest {
            amount: amount.into(),
            ..payment.clone()
        };
        let error = fixture
            .app
            .record_invoice_payment(ids[0], &bad, at("2026-12-01"))
            .expect_err(amount);
        assert_eq!(
            (error.code, error.fields[0].field.as_str()),
            (ErrorCode::InvalidInput, "amount"),
            "{amount}"
        );
    }
}

#[test]
fn pages_follow_each_other_without_overlap() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let form = two_line_form(&fixture, customer);
    for _ in 0..7 {
        fixture
            .app
            .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
            .expect("draft");
    }
    let mut request = InvoiceListRequest {
        limit: 3,
        ..Default::default()
    };
    let mut seen = Vec::new();
    loop {
        let page = fixture
            .app
            .list_invoices(&request, date("2026-11-26"))
            .expect("page");
        assert_eq!(
            page.total.is_some(),
            request.after.is_none(),
            "counted on the first page only"
        );
        seen.extend(page.rows.iter().map(|row| row.id));
        match page.next {
            Some(next) => request.after = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, (1..=7).rev().collect::<Vec<i64>>());
}
