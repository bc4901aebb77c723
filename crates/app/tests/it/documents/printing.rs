//! Printing through the operating system's print system, for real: a private CUPS scheduler with
//! the virtual PDF printer of Debian's cups-pdf (started by `scripts/with-cups.sh`, which the
//! cargo-test step wraps around the tests). The app prints with `lp` as it does for the user, and
//! the test reads the printed file back with `pdftotext`.

use std::path::{Path, PathBuf};
use std::process::Command;

use fakturera_app::printing::{OsPrintSystem, PRINTED_COPY_EVENT};
use fakturera_app::register_fields::DeliveryChoiceCode;
use fakturera_core::Language;

use super::{Fixture, at, customer_form, date, line};

/// The queue `scripts/with-cups.sh` made; without it this test cannot print anything.
fn test_printer() -> String {
    match (
        std::env::var("CUPS_SERVER"),
        std::env::var("FAKTURERA_TEST_PRINTER"),
    ) {
        (Ok(_), Ok(printer)) => printer,
        _ => panic!(
            "printing tests need the virtual printer: run them as scripts/with-cups.sh cargo test …"
        ),
    }
}

/// Waits until the print system reports job `job` finished (completed or aborted): observed
/// progress, not a timer.
fn wait_for_job(job: &str) {
    loop {
        let output = Command::new("lpstat")
            .args(["-W", "not-completed", "-o"])
            .output()
            .expect("lpstat runs");
        let pending = String::from_utf8_lossy(&output.stdout);
        if !pending
            .lines()
            .any(|line| line.split_whitespace().next() == Some(job))
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Where cups-pdf writes the jobs of the user running the tests.
fn printed_folder() -> PathBuf {
    Path::new(&std::env::var("HOME").expect("HOME is set")).join("PDF")
}

/// The files cups-pdf wrote (or wrote again: it names them by job title) since `since`.
fn printed_since(since: std::time::SystemTime) -> Vec<PathBuf> {
    std::fs::read_dir(printed_folder())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| {
                    entry
                        .metadata()
                        .and_then(|meta| meta.modified())
                        .is_ok_and(|modified| modified >= since)
                })
                .map(|entry| entry.path())
                .collect()
        })
        .unwrap_or_default()
}

fn text_of(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

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

    // File times have a coarser grain on some file systems; a second's margin keeps them in.
    let before = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
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
