//! Drafts, issuing, immutability, credit invoices, payments and the invoice list.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use fakturera_core::invoice::{
    CreditSelection, Invoice, InvoiceStatus, PaymentState, credit_invoice,
};
use fakturera_core::samples;
use fakturera_store::{
    Customer, CustomerId, InvoiceEventKind, InvoiceFilter, InvoiceId, InvoiceListQuery, Payment,
    Store, StoreError, StoreErrorKind,
};
use rust_decimal_macros::dec;

use crate::temp_file;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 4, 9, 30, 0)
        .single()
        .expect("valid time")
}

pub fn date(text: &str) -> NaiveDate {
    text.parse().expect("valid date")
}

/// A store with the sample company and customer, ready for invoices.
pub fn prepared_store(path: &std::path::Path) -> Result<(Store, CustomerId), StoreError> {
    let store = Store::open(path)?;
    let mut company = store.company()?;
    let seller = samples::seller();
    company.name = seller.name;
    company.org_number = seller.org_number;
    company.vat_number = seller.vat_number;
    company.f_tax_approved = true;
    company.address = seller.address;
    company.bankgiro = seller.bankgiro;
    store.set_company(&company)?;
    let buyer = samples::domestic_buyer();
    let mut customer = Customer::new(buyer.customer_number.clone(), buyer.name.clone());
    customer.legal_id = buyer.legal_id.clone();
    customer.vat_number = buyer.vat_number.clone();
    customer.address = buyer.address.clone();
    let customer_id = store.add_customer(&customer)?;
    Ok((store, customer_id))
}

fn sample_invoice() -> Invoice {
    samples::domestic_invoice(date("2026-05-04"))
}

#[test]
fn a_draft_round_trips_exactly_with_its_totals() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let invoice = sample_invoice();
    let id = store.create_draft(customer, &invoice, now())?;
    let stored = store.invoice(id)?;
    assert_eq!(stored.status, InvoiceStatus::Draft);
    assert_eq!(stored.invoice, invoice);
    assert_eq!(stored.payable, invoice.totals().payable);
    assert_eq!(stored.vat_summary, invoice.totals().vat_breakdown);
    assert_eq!(stored.customer_id, customer);

    let mut edited = invoice.clone();
    edited.lines[0].quantity = dec!(13.25);
    edited.notes = "Tack för förtroendet! 🙏 '; DROP TABLE invoices; --".to_owned();
    store.update_draft(id, customer, &edited, now())?;
    assert_eq!(store.invoice(id)?.invoice, edited);
    assert_eq!(store.invoice(id)?.payable, edited.totals().payable);

    let events = store.invoice_events(id)?;
    let kinds: Vec<_> = events.iter().map(|event| event.kind.clone()).collect();
    assert_eq!(kinds, [InvoiceEventKind::Created, InvoiceEventKind::Edited]);
    assert_eq!(events[1].detail, "lines, notes");
    assert_eq!(events[1].at, now());
    Ok(())
}

#[test]
fn issuing_numbers_freezes_and_snapshots_the_invoice() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let first = store.create_draft(customer, &sample_invoice(), now())?;
    let second = store.create_draft(customer, &sample_invoice(), now())?;

    let issued = store.issue_invoice(second, now(), |invoice| {
        invoice.ocr = format!("{}6", invoice.number.clone().unwrap_or_default());
        Ok(())
    })?;
    assert_eq!(issued.status, InvoiceStatus::Issued);
    assert_eq!(
        issued.invoice.number.as_deref(),
        Some("1"),
        "numbers follow issue order, not creation"
    );
    assert_eq!(issued.invoice.ocr, "16");
    assert_eq!(issued.issued_at, Some(now()));
    assert_eq!(store.invoice(second)?, issued);
    let third = store.issue_invoice(first, now(), |_| Ok(()))?;
    assert_eq!(third.invoice.number.as_deref(), Some("2"));
    assert_eq!(store.default_series()?.next_number, 3);

    let status = store
        .payment_status(second)?
        .ok_or("issued invoices have a payment status")?;
    assert_eq!(
        (status.state, status.paid, status.due_date),
        (PaymentState::Unpaid, dec!(0), date("2026-06-03"))
    );
    let last = store.invoice_events(second)?.pop().ok_or("events")?;
    assert_eq!(
        (last.kind, last.detail.as_str()),
        (InvoiceEventKind::Issued, "number 1")
    );

    let again = store
        .issue_invoice(second, now(), |_| Ok(()))
        .expect_err("issued twice");
    assert_eq!(again.kind(), StoreErrorKind::Conflict);
    assert_eq!(
        store.default_series()?.next_number,
        3,
        "a refused issue takes no number"
    );
    Ok(())
}

#[test]
fn a_refused_issue_rolls_back_and_leaves_no_gap() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let mut empty = sample_invoice();
    empty.lines.clear();
    let empty_id = store.create_draft(customer, &empty, now())?;
    let error = store
        .issue_invoice(empty_id, now(), |_| Ok(()))
        .expect_err("no lines");
    assert_eq!(error.kind(), StoreErrorKind::Invalid);
    assert_eq!(error.field(), Some("lines"));
    assert!(!error.field_errors().is_empty());

    let good = store.create_draft(customer, &sample_invoice(), now())?;
    let refused = store.issue_invoice(good, now(), |_| {
        Err(fakturera_core::FieldError::new(
            "ocr",
            "checksum",
            fakturera_core::Text::new("Fel kontrollsiffra", "Wrong check digit"),
        )
        .into())
    });
    assert_eq!(refused.expect_err("prepare refused").field(), Some("ocr"));
    assert_eq!(store.invoice(empty_id)?.status, InvoiceStatus::Draft);
    assert_eq!(store.invoice(good)?.status, InvoiceStatus::Draft);
    assert_eq!(store.default_series()?.next_number, 1);
    assert_eq!(
        store
            .issue_invoice(good, now(), |_| Ok(()))?
            .invoice
            .number
            .as_deref(),
        Some("1")
    );
    Ok(())
}

/// Everything stored about one invoice, to compare before and after refused changes.
fn dump(store: &Store, id: InvoiceId) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut rows = Vec::new();
    for table in [
        "invoices",
        "invoice_seller",
        "invoice_buyer",
        "invoice_lines",
        "invoice_charges",
        "invoice_vat_summary",
        "invoice_events",
    ] {
        let key = if table == "invoices" {
            "id"
        } else {
            "invoice_id"
        };
        let mut statement = store
            .raw_connection()
            .prepare(&format!("SELECT * FROM {table} WHERE {key} = ?1"))?;
        let columns = statement.column_count();
        let mut result = statement.query([id])?;
        while let Some(row) = result.next()? {
            let values: Vec<String> = (0..columns)
                .map(|index| format!("{:?}", row.get_ref(index).map(|value| format!("{value:?}"))))
                .collect();
            rows.push(format!("{table}: {}", values.join("|")));
        }
    }
    Ok(rows)
}

#[test]
fn raw_sql_cannot_change_an_issued_invoice() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = store.create_draft(customer, &sample_invoice(), now())?;
    store.issue_invoice(id, now(), |_| Ok(()))?;
    let before_rows = dump(&store, id)?;
    let before = store.invoice(id)?;

    let attempts = [
        "UPDATE invoices SET notes = 'ändrad' WHERE id = ?1",
        "UPDATE invoices SET payable = '0', payable_minor = 0 WHERE id = ?1",
        "UPDATE invoices SET status = 'draft', number = NULL, number_text = NULL, issued_at = NULL WHERE id = ?1",
        "DELETE FROM invoices WHERE id = ?1",
        "UPDATE invoice_lines SET quantity = '1000' WHERE invoice_id = ?1",
        "DELETE FROM invoice_lines WHERE invoice_id = ?1",
        "INSERT INTO invoice_lines (invoice_id, position, article_number, description, quantity, unit, unit_price,
            discount_kind, discount_value, vat_treatment, vat_rate, vat_category, net_amount)
         VALUES (?1, 99, '', 'extra', '1', 'st', '1', 'none', '0', 'swedish', '25', 'S', '1')",
        "UPDATE invoice_charges SET amount = '0' WHERE invoice_id = ?1",
        "DELETE FROM invoice_charges WHERE invoice_id = ?1",
        "UPDATE invoice_vat_summary SET vat_amount = '0' WHERE invoice_id = ?1",
        "DELETE FROM invoice_vat_summary WHERE invoice_id = ?1",
        "UPDATE invoice_seller SET bankgiro = '99999999' WHERE invoice_id = ?1",
        "DELETE FROM invoice_seller WHERE invoice_id = ?1",
        "UPDATE invoice_buyer SET name = 'Någon annan' WHERE invoice_id = ?1",
        "DELETE FROM invoice_buyer WHERE invoice_id = ?1",
        "UPDATE invoice_events SET detail = 'rewritten' WHERE invoice_id = ?1",
        "DELETE FROM invoice_events WHERE invoice_id = ?1",
        "UPDATE number_series SET next_number = 1",
    ];
    for sql in attempts {
        let result = store.raw_connection().execute(
            sql,
            rusqlite::params_from_iter(sql.contains("?1").then_some(id)),
        );
        let error = StoreError::from(result.expect_err(sql));
        assert!(
            matches!(
                error.kind(),
                StoreErrorKind::Conflict | StoreErrorKind::Invalid
            ),
            "{sql}: {error:?}"
        );
    }
    assert_eq!(store.invoice(id)?, before);
    assert_eq!(dump(&store, id)?, before_rows);

    // Through the typed API too.
    let update = store
        .update_draft(id, customer, &sample_invoice(), now())
        .expect_err("update");
    assert_eq!(update.kind(), StoreErrorKind::Conflict);
    let delete = store.delete_draft(id, now()).expect_err("delete");
    assert_eq!(delete.kind(), StoreErrorKind::Conflict);
    assert_eq!(dump(&store, id)?, before_rows);
    Ok(())
}

#[test]
fn raw_sql_cannot_issue_around_the_number_series() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = store.create_draft(customer, &sample_invoice(), now())?;
    let connection = store.raw_connection();
    for number in [1, 7] {
        let result = connection.execute(
            "UPDATE invoices SET status = 'issued', number = ?1, number_text = ?1, issued_at = '2026-05-04' WHERE id = ?2",
            rusqlite::params![number, id],
        );
        assert_eq!(
            StoreError::from(result.expect_err("self-numbered")).kind(),
            StoreErrorKind::Conflict
        );
    }
    let inserted = connection.execute(
        "INSERT INTO invoices (kind, status, series_id, number, number_text, customer_id, buyer_name, issue_date,
            due_date, payment_terms, created_at, updated_at, issued_at)
         VALUES ('invoice', 'issued', 1, 1, '1', ?1, 'X', '2026-05-04', '2026-06-03', 'net:30', 'now', 'now', 'now')",
        [customer],
    );
    assert_eq!(
        StoreError::from(inserted.expect_err("born issued")).kind(),
        StoreErrorKind::Conflict
    );
    assert_eq!(store.invoice(id)?.status, InvoiceStatus::Draft);
    Ok(())
}

#[test]
fn a_credit_invoice_references_its_original_and_cannot_be_credited()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let original_id = store.create_draft(customer, &sample_invoice(), now())?;
    let original = store.issue_invoice(original_id, now(), |_| Ok(()))?;

    let credit = credit_invoice(
        &original.invoice,
        &CreditSelection::Full,
        date("2026-05-10"),
    )?;
    let credit_id = store.create_credit_draft(original_id, &credit, now())?;
    let stored = store.invoice(credit_id)?;
    assert_eq!(stored.credited_invoice_id, Some(original_id));
    assert_eq!(stored.invoice, credit);
    let issued_credit = store.issue_invoice(credit_id, now(), |_| Ok(()))?;
    assert_eq!(issued_credit.invoice.number.as_deref(), Some("2"));
    assert_eq!(
        issued_credit.payable, original.payable,
        "a full credit cancels the invoice"
    );

    let mut credit_of_credit = issued_credit.invoice.clone();
    credit_of_credit.number = None;
    credit_of_credit.kind =
        fakturera_core::invoice::InvoiceKind::Credit(fakturera_core::invoice::CreditReference {
            number: "2".to_owned(),
            issue_date: issued_credit.invoice.issue_date,
        });
    let refused = store
        .create_credit_draft(credit_id, &credit_of_credit, now())
        .expect_err("credit of credit");
    assert_eq!(refused.kind(), StoreErrorKind::Conflict);

    let draft_id = store.create_draft(customer, &sample_invoice(), now())?;
    let not_issued = store
        .create_credit_draft(draft_id, &credit, now())
        .expect_err("credit of a draft");
    assert_eq!(not_issued.kind(), StoreErrorKind::Invalid);
    let plain = store
        .create_credit_draft(original_id, &sample_invoice(), now())
        .expect_err("not a credit");
    assert_eq!(plain.field(), Some("kind"));
    Ok(())
}

#[test]
fn payments_move_the_state_without_touching_the_invoice() -> Result<(), Box<dyn std::error::Error>>
{
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = store.create_draft(customer, &sample_invoice(), now())?;
    let draft_payment = Payment {
        paid_on: date("2026-05-20"),
        amount: dec!(100),
        reference: String::new(),
    };
    let refused = store
        .record_payment(id, &draft_payment, now())
        .expect_err("draft");
    assert_eq!(refused.kind(), StoreErrorKind::Conflict);
    let issued = store.issue_invoice(id, now(), |_| Ok(()))?;

    let zero = Payment {
        amount: dec!(0),
        ..draft_payment.clone()
    };
    assert_eq!(
        store
            .record_payment(id, &zero, now())
            .expect_err("zero")
            .field(),
        Some("amount")
    );
    let partly = store.record_payment(id, &draft_payment, now())?;
    assert_eq!(
        (partly.state, partly.paid),
        (PaymentState::PartlyPaid, dec!(100))
    );
    let rest = Payment {
        amount: issued.payable - dec!(100),
        reference: "OCR 16".to_owned(),
        ..draft_payment
    };
    let paid = store.record_payment(id, &rest, now())?;
    assert_eq!(
        (paid.state, paid.paid, paid.payments.len()),
        (PaymentState::Paid, issued.payable, 2)
    );
    assert_eq!(
        store.invoice(id)?,
        issued,
        "the invoice itself is untouched"
    );
    Ok(())
}

#[test]
fn a_deleted_draft_is_gone_but_its_log_stays() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = store.create_draft(customer, &sample_invoice(), now())?;
    store.delete_draft(id, now())?;
    assert_eq!(
        store.invoice(id).expect_err("deleted").kind(),
        StoreErrorKind::NotFound
    );
    let kinds: Vec<_> = store
        .invoice_events(id)?
        .into_iter()
        .map(|event| event.kind)
        .collect();
    assert_eq!(
        kinds,
        [InvoiceEventKind::Created, InvoiceEventKind::Deleted]
    );
    let next = store.create_draft(customer, &sample_invoice(), now())?;
    assert!(
        next > id,
        "ids are never reused, so the log never mixes invoices"
    );
    Ok(())
}

#[test]
fn the_list_pages_filters_and_searches() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let other = store.add_customer(&Customer::new("2001", "Östermalms Café & Bageri"))?;
    let mut ids = Vec::new();
    for index in 0..130 {
        let (customer_id, mut invoice) = if index % 10 == 0 {
            let mut invoice = sample_invoice();
            invoice.buyer.name = "Östermalms Café & Bageri".to_owned();
            (other, invoice)
        } else {
            (customer, sample_invoice())
        };
        invoice.lines[0].quantity = rust_decimal::Decimal::from(index + 1);
        let id = store.create_draft(customer_id, &invoice, now())?;
        if index < 100 {
            store.issue_invoice(id, now(), |_| Ok(()))?;
        }
        ids.push(id);
    }
    let today = date("2026-07-01");

    let mut seen = Vec::new();
    let mut query = InvoiceListQuery::first_page(today);
    query.limit = 50;
    loop {
        let page = store.list_invoices(&query)?;
        seen.extend(page.rows.iter().map(|row| row.id));
        match page.next {
            Some(next) => query.before = Some(next),
            None => break,
        }
    }
    let mut expected = ids.clone();
    expected.reverse();
    assert_eq!(seen, expected, "every invoice once, newest first");

    let count = |store: &Store,
                 filter: InvoiceFilter,
                 search: Option<&str>|
     -> Result<(usize, u64), StoreError> {
        let query = InvoiceListQuery {
            filter,
            search: search.map(str::to_owned),
            limit: 500,
            ..InvoiceListQuery::first_page(today)
        };
        Ok((
            store.list_invoices(&query)?.rows.len(),
            store.count_invoices(&query)?,
        ))
    };
    assert_eq!(count(&store, InvoiceFilter::All, None)?, (130, 130));
    assert_eq!(count(&store, InvoiceFilter::Drafts, None)?, (30, 30));
    assert_eq!(count(&store, InvoiceFilter::Issued, None)?, (100, 100));
    assert_eq!(
        count(&store, InvoiceFilter::Overdue, None)?,
        (100, 100),
        "due 2026-06-03, unpaid on 2026-07-01"
    );
    assert_eq!(count(&store, InvoiceFilter::Paid, None)?, (0, 0));
    assert_eq!(
        count(&store, InvoiceFilter::All, Some("östermalm"))?,
        (13, 13)
    );
    assert_eq!(
        count(&store, InvoiceFilter::Issued, Some("ÖSTERMALMS CAFÉ"))?,
        (10, 10)
    );

    let by_number = store.list_invoices(&InvoiceListQuery {
        search: Some("42".to_owned()),
        ..InvoiceListQuery::first_page(today)
    })?;
    assert!(
        by_number
            .rows
            .iter()
            .any(|row| row.number.as_deref() == Some("42"))
    );
    let target = store.invoice(ids[7])?;
    let amount = fakturera_core::money::format_swedish(target.payable);
    let by_amount = store.list_invoices(&InvoiceListQuery {
        search: Some(amount.clone()),
        ..InvoiceListQuery::first_page(today)
    })?;
    assert_eq!(
        by_amount.rows.iter().map(|row| row.id).collect::<Vec<_>>(),
        [ids[7]],
        "{amount}"
    );
    let row = &by_amount.rows[0];
    assert!(row.overdue);
    assert_eq!(row.payment_state, Some(PaymentState::Unpaid));

    let paid_in_full = Payment {
        paid_on: date("2026-05-30"),
        amount: target.payable,
        reference: String::new(),
    };
    store.record_payment(ids[7], &paid_in_full, now())?;
    assert_eq!(count(&store, InvoiceFilter::Paid, None)?, (1, 1));
    assert_eq!(count(&store, InvoiceFilter::Overdue, None)?, (99, 99));
    assert_eq!(
        count(&store, InvoiceFilter::All, Some("' OR 1=1 --"))?,
        (0, 0)
    );
    Ok(())
}
