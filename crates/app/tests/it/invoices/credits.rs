//! Credit invoices through the app: full and partial, always linked, never of a credit.

use fakturera_app::ErrorCode;
use fakturera_app::invoices::{CreditLineRequest, CreditRequest, InvoiceDetail, InvoiceStatusCode};

use super::{Fixture, add_customer, at, date, fixture, two_line_form};

fn issued_invoice(fixture: &Fixture) -> InvoiceDetail {
    let customer = add_customer(fixture, "1001", "Göteborgs Byggservice AB");
    let mut form = two_line_form(fixture, customer);
    form.invoice_fee = "45".into();
    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect("draft");
    fixture
        .app
        .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
        .expect("issued")
}

#[test]
fn a_full_credit_cancels_the_invoice_exactly_and_refers_to_it() {
    let fixture = fixture();
    let original = issued_invoice(&fixture);
    let credit = fixture
        .app
        .credit_invoice(
            original.id,
            &CreditRequest::default(),
            date("2026-12-01"),
            at("2026-12-01"),
        )
        .expect("credit draft");
    assert!(credit.is_credit);
    assert_eq!(credit.status, InvoiceStatusCode::Draft);
    assert_eq!(
        credit
            .credited
            .as_ref()
            .map(|link| (link.id, link.number.as_deref())),
        Some((original.id, Some("1")))
    );
    assert_eq!(
        credit.totals, original.totals,
        "same amounts, to be subtracted"
    );
    assert_eq!(credit.form.issue_date, "2026-12-01");

    let issued = fixture
        .app
        .issue_invoice(credit.id, date("2026-12-01"), at("2026-12-01"))
        .expect("credit issued");
    assert_eq!(issued.number.as_deref(), Some("2"));
    assert_eq!(issued.ocr, "", "a credit is not paid with an OCR reference");
    let original = fixture
        .app
        .invoice_detail(original.id, date("2026-12-01"))
        .expect("original");
    let credits: Vec<(i64, Option<&str>)> = original
        .credits
        .iter()
        .map(|link| (link.id, link.number.as_deref()))
        .collect();
    assert_eq!(credits, [(issued.id, Some("2"))]);
}

#[test]
fn a_partial_credit_takes_the_chosen_quantities_only() {
    let fixture = fixture();
    let original = issued_invoice(&fixture);
    let request = CreditRequest {
        lines: Some(vec![CreditLineRequest {
            line: 0,
            quantity: "2,5".into(),
        }]),
    };
    let credit = fixture
        .app
        .credit_invoice(original.id, &request, date("2026-12-01"), at("2026-12-01"))
        .expect("credit");
    assert_eq!(credit.form.lines.len(), 1);
    assert_eq!(credit.totals.line_nets, ["2875.00"]);
    assert_eq!(
        credit.totals.charge_total, "0.00",
        "no invoice fee on a partial credit"
    );
    assert_eq!(credit.totals.payable, "3594.00");

    let too_many = CreditRequest {
        lines: Some(vec![CreditLineRequest {
            line: 0,
            quantity: "13".into(),
        }]),
    };
    let error = fixture
        .app
        .credit_invoice(original.id, &too_many, date("2026-12-01"), at("2026-12-01"))
        .expect_err("more than invoiced");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.fields[0].field, "lines[0].quantity");
    assert!(error.message.contains("12.5"), "{}", error.message);

    let unknown_line = CreditRequest {
        lines: Some(vec![CreditLineRequest {
            line: 7,
            quantity: "1".into(),
        }]),
    };
    let error = fixture
        .app
        .credit_invoice(
            original.id,
            &unknown_line,
            date("2026-12-01"),
            at("2026-12-01"),
        )
        .expect_err("no such line");
    assert_eq!(error.fields[0].field, "lines[7].quantity");
}

#[test]
fn drafts_and_credit_invoices_cannot_be_credited() {
    let fixture = fixture();
    let original = issued_invoice(&fixture);
    let credit = fixture
        .app
        .credit_invoice(
            original.id,
            &CreditRequest::default(),
            date("2026-12-01"),
            at("2026-12-01"),
        )
        .expect("credit");
    let error = fixture
        .app
        .credit_invoice(
            credit.id,
            &CreditRequest::default(),
            date("2026-12-01"),
            at("2026-12-01"),
        )
        .expect_err("draft");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("utfärdade"), "{}", error.message);

    fixture
        .app
        .issue_invoice(credit.id, date("2026-12-01"), at("2026-12-01"))
        .expect("credit issued");
    let error = fixture
        .app
        .credit_invoice(
            credit.id,
            &CreditRequest::default(),
            date("2026-12-02"),
            at("2026-12-02"),
        )
        .expect_err("credit of credit");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert_eq!(error.fields[0].field, "kind");
    assert!(
        error
            .message
            .contains("En kreditfaktura kan inte krediteras"),
        "{}",
        error.message
    );
    let page = fixture
        .app
        .list_invoices(&Default::default(), date("2026-12-02"))
        .expect("list");
    assert_eq!(page.rows.len(), 2, "no third invoice was made");
}
