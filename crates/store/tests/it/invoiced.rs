//! Invoiced per month for Översikt: SQLite's integer sum for documents at rate 1 and a per-document
//! conversion for the rest give exactly what converting every document on its own gives.

use fakturera_core::invoice::{CreditSelection, credit_invoice};
use fakturera_core::money::Currency;
use fakturera_core::receivables::to_sek;
use fakturera_core::samples;
use fakturera_store::{InvoiceId, Store};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::invoices::{date, now, prepared_store};
use crate::temp_file;

fn issue(
    store: &mut Store,
    customer: fakturera_store::CustomerId,
    day: &str,
    price: Decimal,
    currency: &str,
    rate: Decimal,
) -> InvoiceId {
    let mut invoice = samples::domestic_invoice(date(day));
    invoice.lines.truncate(1);
    invoice.lines[0].quantity = dec!(1);
    invoice.lines[0].unit_price = price;
    invoice.lines[0].discount = fakturera_core::invoice::Discount::None;
    invoice.charges.clear();
    invoice.currency = Currency::parse(currency).expect("currency");
    invoice.exchange_rate = rate;
    let id = store
        .create_draft(customer, &invoice, now())
        .expect("draft");
    store.issue_invoice(id, now(), |_| Ok(())).expect("issued");
    id
}

#[test]
fn sums_per_month_equal_each_document_converted_on_its_own()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    let rate = dec!(11.4321);
    let ids = [
        issue(
            &mut store,
            customer,
            "2026-03-02",
            dec!(800),
            "SEK",
            Decimal::ONE,
        ),
        issue(
            &mut store,
            customer,
            "2026-03-20",
            dec!(99.99),
            "SEK",
            Decimal::ONE,
        ),
        // Two euro invoices whose öre round differently one by one than summed.
        issue(&mut store, customer, "2026-03-21", dec!(10.01), "EUR", rate),
        issue(&mut store, customer, "2026-03-22", dec!(10.01), "EUR", rate),
        issue(
            &mut store,
            customer,
            "2026-04-01",
            dec!(1234.56),
            "SEK",
            Decimal::ONE,
        ),
    ];
    let original = store.invoice(ids[0])?.invoice;
    let credit = credit_invoice(&original, &CreditSelection::Full, date("2026-04-02"))?;
    let credit_id = store.create_credit_draft(ids[0], &credit, now())?;
    store.issue_invoice(credit_id, now(), |_| Ok(()))?;

    // By hand: every document converted on its own, credits negative, split at March 21st.
    let cut = date("2026-03-21");
    let mut expected = std::collections::BTreeMap::new();
    for id in ids.iter().chain([&credit_id]) {
        let stored = store.invoice(*id)?;
        let sign = if stored.credited_invoice_id.is_some() {
            dec!(-1)
        } else {
            dec!(1)
        };
        let issue_date = stored.invoice.issue_date;
        let month = issue_date.format("%Y-%m-01").to_string();
        let sek = to_sek(sign * stored.payable, stored.invoice.exchange_rate);
        *expected
            .entry((month, issue_date <= cut))
            .or_insert(Decimal::ZERO) += sek;
    }
    let mut found = std::collections::BTreeMap::new();
    for part in store.invoiced_per_month(date("2026-01-01"), date("2026-12-31"), cut)? {
        *found
            .entry((part.month.to_string(), part.through_cut))
            .or_insert(Decimal::ZERO) += part.sek;
    }
    assert_eq!(found, expected);
    // The euro pair is converted invoice by invoice: twice one rounded amount.
    let euro = to_sek(store.invoice(ids[2])?.payable, rate);
    assert_eq!(
        found[&("2026-03-01".to_owned(), true)],
        to_sek(store.invoice(ids[0])?.payable, Decimal::ONE)
            + to_sek(store.invoice(ids[1])?.payable, Decimal::ONE)
            + euro
    );
    assert_ne!(
        euro * dec!(2),
        to_sek(store.invoice(ids[2])?.payable * dec!(2), rate)
    );
    Ok(())
}
