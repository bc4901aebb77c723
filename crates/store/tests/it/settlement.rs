//! Credits settle what they credit: full and partial credits, payments before and after,
//! overpayments, refunds, write-offs and reversals, in the settlement row the list filters on;
//! and a file from before this version gets its states recomputed when it is opened.

use fakturera_core::invoice::{CreditSelection, PaymentState, credit_invoice};
use fakturera_core::samples;
use fakturera_store::{
    InvoiceFilter, InvoiceId, InvoiceListQuery, MIGRATIONS, Payment, Store, StoreErrorKind,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::invoices::{date, now, prepared_store};
use crate::temp_file;

/// Issues the sample invoice (payable 1 000,00 with a single line at 800 + 25 % VAT) and returns it.
fn issued_invoice(store: &mut Store, customer: fakturera_store::CustomerId) -> InvoiceId {
    let mut invoice = samples::domestic_invoice(date("2026-05-04"));
    invoice.lines.truncate(1);
    invoice.lines[0].quantity = dec!(1);
    invoice.lines[0].unit_price = dec!(800);
    invoice.lines[0].discount = fakturera_core::invoice::Discount::None;
    invoice.charges.clear();
    let id = store
        .create_draft(customer, &invoice, now())
        .expect("draft");
    let issued = store.issue_invoice(id, now(), |_| Ok(())).expect("issued");
    assert_eq!(issued.payable, dec!(1000), "the sample is 800 + 25 % VAT");
    id
}

fn credit(store: &mut Store, original: InvoiceId, selection: CreditSelection) -> InvoiceId {
    let invoice = store.invoice(original).expect("original").invoice;
    let draft = credit_invoice(&invoice, &selection, date("2026-05-20")).expect("credit");
    let id = store
        .create_credit_draft(original, &draft, now())
        .expect("credit draft");
    store.issue_invoice(id, now(), |_| Ok(())).expect("issued");
    id
}

fn pay(store: &mut Store, id: InvoiceId, amount: Decimal) {
    store
        .record_payment(
            id,
            &Payment {
                paid_on: date("2026-05-15"),
                amount,
                reference: String::new(),
            },
            now(),
        )
        .expect("paid");
}

fn state(store: &Store, id: InvoiceId) -> (PaymentState, Decimal) {
    let status = store.payment_status(id).expect("read").expect("issued");
    (status.state, status.remaining)
}

fn listed(store: &Store, filter: InvoiceFilter, today: &str) -> Vec<InvoiceId> {
    let query = InvoiceListQuery {
        filter,
        ..InvoiceListQuery::first_page(date(today))
    };
    store
        .list_invoices(&query)
        .expect("list")
        .rows
        .into_iter()
        .map(|row| row.id)
        .collect()
}

#[test]
fn a_full_credit_leaves_the_original_credited_and_never_overdue()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = issued_invoice(&mut store, customer);
    let credit_id = credit(&mut store, id, CreditSelection::Full);
    assert_eq!(state(&store, id), (PaymentState::Credited, dec!(0)));
    assert_eq!(state(&store, credit_id), (PaymentState::Applied, dec!(0)));
    // Long after both due dates, neither is overdue nor unpaid.
    assert!(listed(&store, InvoiceFilter::Overdue, "2027-01-01").is_empty());
    assert!(listed(&store, InvoiceFilter::Unpaid, "2027-01-01").is_empty());
    assert_eq!(listed(&store, InvoiceFilter::Credited, "2027-01-01"), [id]);
    assert_eq!(
        listed(&store, InvoiceFilter::Credits, "2027-01-01"),
        [credit_id]
    );
    let rows = store
        .list_invoices(&InvoiceListQuery::first_page(date("2027-01-01")))?
        .rows;
    for row in rows {
        assert!(!row.overdue, "{row:?}");
        assert_eq!(row.remaining, Some(dec!(0)), "{row:?}");
    }
    Ok(())
}

#[test]
fn a_partial_credit_lowers_what_is_left() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = issued_invoice(&mut store, customer);
    // Half of the one line: 400 + VAT = 500.
    credit(&mut store, id, CreditSelection::Lines(vec![(0, dec!(0.5))]));
    assert_eq!(state(&store, id), (PaymentState::Unpaid, dec!(500)));
    assert_eq!(listed(&store, InvoiceFilter::Overdue, "2027-01-01"), [id]);
    pay(&mut store, id, dec!(500));
    assert_eq!(state(&store, id), (PaymentState::Paid, dec!(0)));
    assert!(listed(&store, InvoiceFilter::Overdue, "2027-01-01").is_empty());
    assert_eq!(listed(&store, InvoiceFilter::Paid, "2027-01-01"), [id]);
    Ok(())
}

#[test]
fn a_credit_after_a_partial_payment() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    // Partial credit after a partial payment: 1 000 - 400 paid - 500 credited = 100 left.
    let first = issued_invoice(&mut store, customer);
    pay(&mut store, first, dec!(400));
    assert_eq!(state(&store, first), (PaymentState::PartlyPaid, dec!(600)));
    credit(
        &mut store,
        first,
        CreditSelection::Lines(vec![(0, dec!(0.5))]),
    );
    assert_eq!(state(&store, first), (PaymentState::PartlyPaid, dec!(100)));

    // Full credit after a partial payment: the customer has 400 to get back, nothing to pay.
    let second = issued_invoice(&mut store, customer);
    pay(&mut store, second, dec!(400));
    credit(&mut store, second, CreditSelection::Full);
    assert_eq!(state(&store, second), (PaymentState::Credited, dec!(-400)));
    assert!(!listed(&store, InvoiceFilter::Overdue, "2027-01-01").contains(&second));
    let too_much = Payment {
        paid_on: date("2026-05-25"),
        amount: dec!(400.01),
        reference: String::new(),
    };
    let refused = store
        .record_refund(second, &too_much, now())
        .expect_err("more than owed back");
    assert_eq!(refused.field(), Some("amount"));
    let refund = Payment {
        amount: dec!(400),
        ..too_much
    };
    let status = store.record_refund(second, &refund, now())?;
    assert_eq!(
        (status.state, status.remaining, status.paid),
        (PaymentState::Credited, dec!(0), dec!(0))
    );
    Ok(())
}

#[test]
fn an_overpayment_is_the_customers_until_refunded() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = issued_invoice(&mut store, customer);
    pay(&mut store, id, dec!(1200));
    assert_eq!(state(&store, id), (PaymentState::Overpaid, dec!(-200)));
    assert_eq!(listed(&store, InvoiceFilter::Paid, "2027-01-01"), [id]);
    assert!(listed(&store, InvoiceFilter::Overdue, "2027-01-01").is_empty());
    let refund = Payment {
        paid_on: date("2026-05-25"),
        amount: dec!(200),
        reference: "Återbetalt till kund".to_owned(),
    };
    store.record_refund(id, &refund, now())?;
    assert_eq!(state(&store, id), (PaymentState::Paid, dec!(0)));
    Ok(())
}

#[test]
fn a_small_difference_is_written_off_within_the_limit() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = issued_invoice(&mut store, customer);
    pay(&mut store, id, dec!(992));
    let refused = store
        .write_off_remaining(id, date("2026-05-20"), dec!(5), now())
        .expect_err("8 kr is over a 5 kr limit");
    assert_eq!(refused.field(), Some("amount"));
    let status = store.write_off_remaining(id, date("2026-05-20"), dec!(10), now())?;
    assert_eq!(
        (status.state, status.remaining, status.written_off),
        (PaymentState::Paid, dec!(0), dec!(8))
    );
    // An overpayment of 3 kr is written off the other way.
    let other = issued_invoice(&mut store, customer);
    pay(&mut store, other, dec!(1003));
    let status = store.write_off_remaining(other, date("2026-05-20"), dec!(10), now())?;
    assert_eq!(
        (status.state, status.written_off),
        (PaymentState::Paid, dec!(-3))
    );
    Ok(())
}

#[test]
fn money_records_are_never_changed_only_reversed() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let id = issued_invoice(&mut store, customer);
    pay(&mut store, id, dec!(1000));
    let record = store.payment_status(id)?.expect("issued").payments[0].clone();
    for sql in [
        "UPDATE invoice_payments SET amount = '1'",
        "DELETE FROM invoice_payments",
    ] {
        let refused = store
            .raw_connection()
            .execute(sql, [])
            .map_err(fakturera_store::StoreError::from)
            .expect_err(sql);
        assert_eq!(refused.kind(), StoreErrorKind::Conflict, "{sql}");
    }
    let status = store.reverse_money_record(record.id, date("2026-05-21"), "Fel faktura", now())?;
    assert_eq!(
        (status.state, status.remaining, status.payments.len()),
        (PaymentState::Unpaid, dec!(1000), 2)
    );
    assert_eq!(status.payments[1].reverses, Some(record.id));
    assert_eq!(status.payments[1].amount, dec!(-1000));
    let again = store
        .reverse_money_record(record.id, date("2026-05-21"), "", now())
        .expect_err("reversed once");
    assert_eq!(again.kind(), StoreErrorKind::Conflict);
    let kinds: Vec<String> = store
        .invoice_events(id)?
        .iter()
        .map(|event| event.kind.code().to_owned())
        .collect();
    assert_eq!(kinds, ["created", "issued", "payment_recorded", "reversed"]);
    Ok(())
}

/// A company file as version 6 wrote it: an invoice credited in full that the old rule left
/// "unpaid", and a credit invoice with a payment recorded on it (money paid back).
fn write_version_6_file(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut connection = rusqlite::Connection::open(path)?;
    connection.pragma_update(None, "application_id", 0x4641_4B54)?;
    for migration in MIGRATIONS.iter().filter(|migration| migration.version <= 6) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration.sql)?;
        transaction.pragma_update(None, "user_version", migration.version)?;
        transaction.commit()?;
    }
    connection.execute_batch(
        "INSERT INTO customers (customer_number, name) VALUES ('1001', 'Kund AB');
         INSERT INTO invoices (kind, series_id, customer_id, buyer_name, issue_date, due_date,
                               payment_terms, payable, created_at, updated_at)
         VALUES ('invoice', 1, 1, 'Kund AB', '2026-01-10', '2026-02-09', 'net:30', '1000.00', '2026-01-10T10:00:00+00:00', '2026-01-10T10:00:00+00:00');
         UPDATE number_series SET next_number = 2 WHERE id = 1;
         UPDATE invoices SET status = 'issued', number = 1, number_text = '1', issued_at = '2026-01-10T10:00:00+00:00' WHERE id = 1;
         INSERT INTO invoice_payment_state VALUES (1, 'partly_paid', '250.00', '2026-02-09');
         INSERT INTO invoice_payments (invoice_id, paid_on, amount, recorded_at)
         VALUES (1, '2026-01-20', '250.00', '2026-01-10T10:00:00+00:00');
         INSERT INTO invoices (kind, series_id, customer_id, credited_invoice_id, buyer_name,
                               issue_date, due_date, payment_terms, payable, created_at, updated_at)
         VALUES ('credit', 1, 1, 1, 'Kund AB', '2026-01-25', '2026-01-25', 'net:30', '1000.00', '2026-01-10T10:00:00+00:00', '2026-01-10T10:00:00+00:00');
         UPDATE number_series SET next_number = 3 WHERE id = 1;
         UPDATE invoices SET status = 'issued', number = 2, number_text = '2', issued_at = '2026-01-10T10:00:00+00:00' WHERE id = 2;
         INSERT INTO invoice_payment_state VALUES (2, 'unpaid', '0', '2026-01-25');
         INSERT INTO invoice_payments (invoice_id, paid_on, amount, recorded_at)
         VALUES (2, '2026-01-28', '100.00', '2026-01-10T10:00:00+00:00');",
    )?;
    Ok(())
}

#[test]
fn opening_an_older_file_settles_its_credits() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    write_version_6_file(&path)?;
    let store = Store::open_verified(&path)?;
    // Paid 250, credited 1 000, 100 already paid back: 150 still to give back.
    assert_eq!(
        state(&store, InvoiceId(1)),
        (PaymentState::Credited, dec!(-150))
    );
    assert_eq!(
        state(&store, InvoiceId(2)),
        (PaymentState::Applied, dec!(0))
    );
    assert!(listed(&store, InvoiceFilter::Overdue, "2026-12-31").is_empty());
    Ok(())
}
