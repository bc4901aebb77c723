//! Drafts are saved as typed, issuing numbers and locks them, and nothing changes them after.

use fakturera_app::ErrorCode;
use fakturera_app::invoices::InvoiceStatusCode;
use fakturera_core::ids::Ocr;

use super::{add_customer, at, date, fixture, line, two_line_form};

#[test]
fn a_new_invoice_starts_from_the_customers_and_the_companys_defaults() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let new = fixture
        .app
        .new_invoice(customer, date("2026-11-26"))
        .expect("new invoice");
    assert_eq!(new.customer.name, "Göteborgs Byggservice AB");
    assert_eq!(new.form.issue_date, "2026-11-26");
    assert_eq!(new.form.payment_terms, "net:30");
    assert_eq!(new.form.your_reference, "Per Öberg");
    assert_eq!(new.form.our_reference, "Karin Åström");
    assert_eq!(new.form.currency, "SEK");
    assert!(new.form.round_to_whole_kronor);
    assert_eq!(new.form.lines, vec![new.blank_line.clone()]);
    assert_eq!(
        (
            new.blank_line.quantity.as_str(),
            new.blank_line.vat_rate.as_str()
        ),
        ("1", "25")
    );
}

#[test]
fn a_draft_is_saved_and_reopened_as_typed_with_totals_from_rust() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let form = two_line_form(&fixture, customer);
    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect("draft saved");
    assert_eq!(draft.status, InvoiceStatusCode::Draft);
    assert_eq!(draft.number, None);
    assert_eq!(draft.totals.line_nets, ["14375.00", "1295.00"]);
    assert_eq!(draft.totals.vat_total, "3671.45");
    assert_eq!(draft.totals.rounding, "-0.45");
    assert_eq!(draft.totals.payable, "19341.00");
    assert_eq!(
        draft.form.due_date, "2026-12-26",
        "due date from 30 days net"
    );

    let reopened = fixture
        .app
        .invoice_detail(draft.id, date("2026-11-26"))
        .expect("opens");
    assert_eq!(reopened.form.lines[0].quantity, "12.5");
    assert_eq!(reopened.form.lines[1].description, "Tågresa");
    assert_eq!(reopened.totals, draft.totals);

    let mut edited = reopened.form.clone();
    edited.lines.remove(1);
    let saved = fixture
        .app
        .update_invoice_draft(
            draft.id,
            customer,
            &edited,
            date("2026-11-26"),
            at("2026-11-27"),
        )
        .expect("draft updated");
    assert_eq!(saved.totals.payable, "17969.00");
    let kinds: Vec<String> = fixture
        .app
        .invoice_events(draft.id)
        .expect("events")
        .into_iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(kinds, ["created", "edited"]);
}

#[test]
fn issuing_numbers_without_gaps_and_makes_a_valid_ocr() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let mut numbers = Vec::new();
    for _ in 0..3 {
        let form = two_line_form(&fixture, customer);
        let draft = fixture
            .app
            .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
            .expect("draft");
        let issued = fixture
            .app
            .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
            .expect("issued");
        assert_eq!(issued.status, InvoiceStatusCode::Issued);
        let number = issued.number.clone().expect("number");
        let ocr = Ocr::parse_with_length_digit(&issued.ocr).expect("OCR valid with length digit");
        assert!(ocr.digits().starts_with(&number), "{number} {}", issued.ocr);
        assert_eq!(
            issued
                .payment
                .as_ref()
                .map(|payment| payment.payable.as_str()),
            Some("19341.00")
        );
        numbers.push(number);
    }
    assert_eq!(numbers, ["1", "2", "3"]);
}

#[test]
fn issue_names_every_missing_detail_and_uses_no_number() {
    let fixture = fixture();
    fixture
        .app
        .with_store(|store| {
            let mut company = store.company()?;
            company.name = String::new();
            store.set_company(&company)
        })
        .expect("company cleared");
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let mut form = two_line_form(&fixture, customer);
    form.lines.push(line("", "0", "10", "25"));
    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect("draft");
    let error = fixture
        .app
        .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
        .expect_err("incomplete");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let fields: Vec<&str> = error
        .fields
        .iter()
        .map(|field| field.field.as_str())
        .collect();
    for expected in ["lines[2].description", "lines[2].quantity", "seller.name"] {
        assert!(
            fields.contains(&expected),
            "{expected} missing from {fields:?}"
        );
    }
    assert!(
        error.message.contains("behöver rättas"),
        "{}",
        error.message
    );
    let still = fixture
        .app
        .invoice_detail(draft.id, date("2026-11-26"))
        .expect("opens");
    assert_eq!(
        (still.status, still.number),
        (InvoiceStatusCode::Draft, None)
    );

    // Once fixed, the invoice takes the first number: the failed attempt used none.
    fixture
        .app
        .with_store(|store| {
            let mut company = store.company()?;
            company.name = "Ljungberg & Åström Konsult AB".into();
            store.set_company(&company)
        })
        .expect("company fixed");
    form.lines.pop();
    fixture
        .app
        .update_invoice_draft(
            draft.id,
            customer,
            &form,
            date("2026-11-26"),
            at("2026-11-26"),
        )
        .expect("fixed");
    let issued = fixture
        .app
        .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
        .expect("issued");
    assert_eq!(issued.number.as_deref(), Some("1"));
    assert_eq!(issued.customer.name, "Göteborgs Byggservice AB");
}

#[test]
fn an_issued_invoice_cannot_be_changed_deleted_or_issued_again_through_the_app() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let other = add_customer(&fixture, "1002", "Nordljus Arkitekter AB");
    let form = two_line_form(&fixture, customer);
    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect("draft");
    let issued = fixture
        .app
        .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
        .expect("issued");
    let events_before = fixture.app.invoice_events(issued.id).expect("events");

    let mut changed = issued.form.clone();
    changed.lines[0].quantity = "1000".into();
    changed.notes = "'; DROP TABLE invoices; --".into();
    for (customer, form) in [(customer, &changed), (other, &issued.form)] {
        let error = fixture
            .app
            .update_invoice_draft(
                issued.id,
                customer,
                form,
                date("2026-11-27"),
                at("2026-11-27"),
            )
            .expect_err("issued invoices are locked");
        assert_eq!(error.code, ErrorCode::Conflict);
        assert!(error.message.contains("kreditfaktura"), "{}", error.message);
    }
    assert_eq!(
        fixture
            .app
            .delete_invoice_draft(issued.id, at("2026-11-27"))
            .expect_err("locked")
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        fixture
            .app
            .issue_invoice(issued.id, date("2026-11-27"), at("2026-11-27"))
            .expect_err("already issued")
            .code,
        ErrorCode::Conflict
    );

    let after = fixture
        .app
        .invoice_detail(issued.id, date("2026-11-26"))
        .expect("opens");
    assert_eq!(after, issued, "the issued invoice is exactly as it was");
    assert_eq!(
        fixture.app.invoice_events(issued.id).expect("events"),
        events_before
    );
}

#[test]
fn a_missing_invoice_or_customer_is_not_found() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let form = two_line_form(&fixture, customer);
    assert_eq!(
        fixture
            .app
            .invoice_detail(999, date("2026-11-26"))
            .expect_err("none")
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        fixture
            .app
            .create_invoice_draft(999, &form, date("2026-11-26"), at("2026-11-26"))
            .expect_err("no customer")
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        fixture
            .app
            .new_invoice(999, date("2026-11-26"))
            .expect_err("no customer")
            .code,
        ErrorCode::NotFound
    );
}

#[test]
fn unreadable_input_is_refused_with_every_cell_named_and_nothing_saved() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let mut form = two_line_form(&fixture, customer);
    form.issue_date = "26/11".into();
    form.lines[0].quantity = "tolv".into();
    form.lines[1].unit_price = "😀".into();
    let error = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect_err("bad");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    let fields: Vec<&str> = error
        .fields
        .iter()
        .map(|field| field.field.as_str())
        .collect();
    assert_eq!(
        fields,
        ["issue_date", "lines[0].quantity", "lines[1].unit_price"]
    );
    let page = fixture
        .app
        .list_invoices(&Default::default(), date("2026-11-26"))
        .expect("list");
    assert!(page.rows.is_empty());
}
