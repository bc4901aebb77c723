//! Printing through the operating system's print system, for real: a private CUPS scheduler with
//! the virtual PDF printer of Debian's cups-pdf (started by `scripts/with-cups.sh`, which the
//! cargo-test step wraps around the tests). The app prints with `lp` as it does for the user, and
//! the test reads the printed file back with `pdftotext`.

use fakturera_app::printing::{OsPrintSystem, PRINTED_COPY_EVENT};
use fakturera_app::register_fields::DeliveryChoiceCode;
use fakturera_core::Language;
use fakturera_virtual_printer::{
    before_printing, printed_since, printer as test_printer, text_of, wait_for_job,
};

use super::{Fixture, at, customer_form, date, line};

#[test]
fn print_all_prints_unprinted_letter_invoices_in_number_order_on_the_default_printer() {
    let printer = test_printer();
    let fixture = Fixture::new(Language::Swedish);
    let app = &fixture.app;
    let letter = app
        .add_customer(
            &customer_form("Brevkund Utskrift AB", DeliveryChoiceCode::Letter),
            date("2026-03-02"),
        )
        .expect("letter customer")
        .id;
    let email = app
        .add_customer(
            &customer_form("E-postkund AB", DeliveryChoiceCode::Email),
            date("2026-03-02"),
        )
        .expect("e-mail customer")
        .id;
    let mut issued = Vec::new();
    for (customer, text) in [
        (letter, "Takläggning etapp 1"),
        (email, "Inte på papper"),
        (letter, "Takläggning etapp 2"),
    ] {
        let mut form = app
            .new_invoice(customer, date("2026-03-02"))
            .expect("form")
            .form;
        form.lines = vec![line(text, "8", "tim", "950", "25")];
        let draft = app
            .create_invoice_draft(customer, &form, date("2026-03-02"), at("2026-03-02"))
            .expect("draft");
        let detail = app
            .issue_invoice(draft.id, date("2026-03-02"), at("2026-03-02"))
            .expect("issued");
        issued.push(detail);
    }
    assert_eq!(app.unprinted_count().expect("count"), 2);

    let before = before_printing();
    let receipts = app
        .print_all_unprinted(&OsPrintSystem, at("2026-03-03"))
        .expect("printed");
    let numbers: Vec<Option<String>> = receipts.iter().map(|r| r.number.clone()).collect();
    assert_eq!(
        numbers,
        [issued[0].number.clone(), issued[2].number.clone()]
    );
    for receipt in &receipts {
        assert_eq!(receipt.printer, printer, "the default printer took it");
        wait_for_job(&receipt.job);
    }
    let printed = printed_since(before);
    assert_eq!(printed.len(), 2, "{printed:?}");
    let texts: Vec<String> = printed.iter().map(|path| text_of(path)).collect();
    for (detail, text) in [
        (&issued[0], "Takläggning etapp 1"),
        (&issued[2], "Takläggning etapp 2"),
    ] {
        let number = detail.number.clone().expect("number");
        assert!(
            texts
                .iter()
                .any(|page| page.contains(text) && page.contains(&number)),
            "invoice {number} was not printed: {texts:?}"
        );
    }
    assert!(
        texts
            .iter()
            .all(|page| page.contains("Brevkund Utskrift AB"))
    );

    // Printed invoices are marked in their history and not printed again.
    let events = app.invoice_events(issued[0].id).expect("events");
    assert!(
        events.iter().any(|event| event.kind == "printed"),
        "{events:?}"
    );
    assert_eq!(app.unprinted_count().expect("count"), 0);

    // A copy on a named printer is logged as a copy, and leaves the count alone.
    let copy = app
        .print_invoice(
            issued[1].id,
            Some(&printer),
            true,
            &OsPrintSystem,
            at("2026-03-04"),
        )
        .expect("copy printed");
    wait_for_job(&copy.job);
    let events = app.invoice_events(issued[1].id).expect("events");
    assert!(
        events.iter().any(|event| event.kind == PRINTED_COPY_EVENT),
        "{events:?}"
    );
    assert_eq!(app.unprinted_count().expect("count"), 0);

    // A draft is not printed.
    let mut form = app
        .new_invoice(letter, date("2026-03-05"))
        .expect("form")
        .form;
    form.lines = vec![line("Utkast", "1", "st", "100", "25")];
    let draft = app
        .create_invoice_draft(letter, &form, date("2026-03-05"), at("2026-03-05"))
        .expect("draft");
    assert!(
        app.print_invoice(draft.id, None, false, &OsPrintSystem, at("2026-03-05"))
            .is_err()
    );
}
