//! Money in through `App` on real company files: a bank file (BgMax) for four invoices (paid in
//! full, in part, too much, and a payment nobody's OCR matches), imported once, then the ledger,
//! the states, the aging report on two days and the dashboard compared with a hand computation;
//! a reminder with a fee paid together with what was left; interest on what was paid late; a
//! statement; the same file twice, two processes at once, another company's file, a broken file.

use std::process::Command;

use fakturera_app::money_in::{
    BankFilePreview, MatchOutcomeCode, ReceivablesSettingsForm, ReminderStepCode,
};
use fakturera_app::{App, ErrorCode};
use fakturera_core::Language;
use fakturera_core::receivables::{BgMaxSpec, DepositSpec, PaymentSpec, write_bgmax};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::{Fixture, add_customer, at, date, fixture, line};

struct Books {
    fixture: Fixture,
    customer: i64,
    /// I1 1 000 due 10-01, I2 2 000 due 10-31, I3 500 due 11-14, I4 3 000 due 12-20.
    ids: [i64; 4],
    ocrs: [String; 4],
}

fn issue(fixture: &Fixture, customer: i64, on: &str, price: &str) -> (i64, String) {
    let mut form = fixture
        .app
        .new_invoice(customer, date(on))
        .expect("new invoice")
        .form;
    form.lines = vec![line("Konsulttjänster", "1", price, "25")];
    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date(on), at(on))
        .expect("draft");
    let issued = fixture
        .app
        .issue_invoice(draft.id, date(on), at(on))
        .expect("issued");
    (issued.id, issued.ocr)
}

fn books() -> Books {
    let fixture = fixture();
    let customer = add_customer(&fixture, "1001", "Göteborgs Byggservice AB");
    let invoices = [
        issue(&fixture, customer, "2026-09-01", "800"),
        issue(&fixture, customer, "2026-10-01", "1600"),
        issue(&fixture, customer, "2026-10-15", "400"),
        issue(&fixture, customer, "2026-11-20", "2400"),
    ];
    Books {
        fixture,
        customer,
        ids: invoices.clone().map(|(id, _)| id),
        ocrs: invoices.map(|(_, ocr)| ocr),
    }
}

fn bankgiro(app: &App) -> String {
    app.with_store(|store| store.company())
        .expect("company")
        .bankgiro
}

fn bank_file(app: &App, day: &str, stamp: &str, payments: Vec<PaymentSpec>) -> Vec<u8> {
    write_bgmax(&BgMaxSpec {
        timestamp: format!("{stamp}000000"),
        is_test: false,
        deposits: vec![DepositSpec {
            receiver_bankgiro: bankgiro(app),
            currency: "SEK".to_owned(),
            date: date(day),
            serial: 1,
            bank_account: "1234000123456".to_owned(),
            payments,
        }],
    })
}

fn first_file(books: &Books) -> Vec<u8> {
    bank_file(
        &books.fixture.app,
        "2026-12-01",
        "20261201061500",
        vec![
            PaymentSpec::ocr(&books.ocrs[0], dec!(1000), 1),
            PaymentSpec::ocr(&books.ocrs[1], dec!(1200), 2),
            PaymentSpec::ocr(&books.ocrs[2], dec!(600), 3),
            PaymentSpec::ocr("9999999999999", dec!(123.45), 4),
        ],
    )
}

fn outcomes(preview: &BankFilePreview) -> Vec<MatchOutcomeCode> {
    preview
        .payments
        .iter()
        .map(|payment| payment.outcome)
        .collect()
}

fn amount(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

#[test]
fn a_bank_file_is_previewed_imported_once_and_the_books_agree_with_a_hand_computation() {
    let books = books();
    let app = &books.fixture.app;
    let file = first_file(&books);
    let expected = [
        MatchOutcomeCode::Paid,
        MatchOutcomeCode::PartlyPaid,
        MatchOutcomeCode::Overpaid,
        MatchOutcomeCode::Unmatched,
    ];
    let preview = app
        .preview_bank_file(&file, "bgmax.txt", false)
        .expect("preview");
    assert_eq!(outcomes(&preview), expected);
    assert!(!preview.imported);
    let nothing = app.company_ledger(date("2026-12-01")).expect("ledger");
    assert_eq!(nothing.balance_sek, "6500.00", "a preview books nothing");

    let imported = app
        .import_bank_file(&file, "bgmax.txt", false, at("2026-12-01"))
        .expect("import");
    assert_eq!(outcomes(&imported), expected);
    assert_eq!(
        imported.payments[1].allocations[0].remaining_after,
        "800.00"
    );
    assert_eq!(
        imported.payments[2].allocations[0].remaining_after,
        "-100.00"
    );

    let again = app
        .import_bank_file(&file, "bgmax-kopia.txt", false, at("2026-12-01"))
        .expect_err("the same file twice");
    assert_eq!(again.code, ErrorCode::Conflict);
    assert!(
        app.preview_bank_file(&file, "x", false)
            .expect("preview")
            .already_imported
            .is_some()
    );

    // The same payments in a new file (another time stamp) are recognised one by one.
    let mut copy = first_file(&books);
    copy[24..44].copy_from_slice(b"20261201061500999999");
    let copied = app
        .import_bank_file(&copy, "ny.txt", false, at("2026-12-01"))
        .expect("import");
    assert!(
        copied
            .payments
            .iter()
            .all(|payment| payment.outcome == MatchOutcomeCode::AlreadyImported)
    );

    // States by hand: I1 paid, I2 800 left, I3 100 to give back, I4 not due.
    let states: Vec<_> = books
        .ids
        .iter()
        .map(|id| {
            let payment = app
                .invoice_detail(*id, date("2026-12-01"))
                .expect("detail")
                .payment
                .expect("issued");
            (payment.state, payment.remaining, payment.to_refund)
        })
        .collect();
    use fakturera_app::invoices::PaymentStateCode::*;
    assert_eq!(
        states,
        [
            (Paid, "0.00".to_owned(), "0.00".to_owned()),
            (PartlyPaid, "800.00".to_owned(), "0.00".to_owned()),
            (Overpaid, "0.00".to_owned(), "100.00".to_owned()),
            (Unpaid, "3000.00".to_owned(), "0.00".to_owned()),
        ]
    );

    // The ledger: 6 500 invoiced, 2 800 paid: 3 700.
    let ledger = app
        .customer_ledger(books.customer, date("2026-12-01"))
        .expect("ledger");
    assert_eq!(ledger.balance_sek, "3700.00");
    assert_eq!(ledger.rows.len(), 7);
    assert_eq!(
        ledger.rows.last().map(|row| row.balance_sek.as_str()),
        Some("3700.00")
    );
    let sum: Decimal = ledger.rows.iter().map(|row| amount(&row.amount_sek)).sum();
    assert_eq!(sum, dec!(3700));

    // Aging on 12-01: I2 is 31 days late (31–60), I4 not due, 100 to give back.
    let aging = app.aging_report(date("2026-12-01"), None).expect("aging");
    let total = &aging.total;
    assert_eq!(
        [
            &total.not_due,
            &total.days_1_30,
            &total.days_31_60,
            &total.days_61_90,
            &total.over_90
        ],
        ["3000.00", "0.00", "800.00", "0.00", "0.00"]
    );
    assert_eq!(
        (total.credit_balance.as_str(), total.balance.as_str()),
        ("-100.00", "3700.00")
    );
    // Aging on 11-15, before the file and before I4: I1 45 days, I2 15, I3 1.
    let earlier = app.aging_report(date("2026-11-15"), None).expect("aging");
    assert_eq!(
        [
            &earlier.total.not_due,
            &earlier.total.days_1_30,
            &earlier.total.days_31_60
        ],
        ["0.00", "2500.00", "1000.00"]
    );
    assert_eq!(earlier.total.balance, "3500.00");

    // The dashboard is the ledger's rows summed on the same day.
    let dashboard = app.dashboard(date("2026-12-01")).expect("dashboard");
    assert_eq!(
        (dashboard.unpaid.amount.as_str(), dashboard.unpaid.count),
        ("3800.00", 2)
    );
    assert_eq!(
        (dashboard.overdue.amount.as_str(), dashboard.overdue.count),
        ("800.00", 1)
    );
    assert_eq!(dashboard.due_within_30_days.amount, "3000.00");
    assert_eq!(dashboard.to_refund.amount, "100.00");
    assert_eq!(
        (
            dashboard.unplaced_payments.amount.as_str(),
            dashboard.unplaced_payments.count
        ),
        ("123.45", 1)
    );
    let invoiced: Decimal = dashboard
        .months
        .iter()
        .map(|month| amount(&month.this_year))
        .sum();
    let ledger_invoices: Decimal = ledger
        .rows
        .iter()
        .filter(|row| row.kind == fakturera_app::money_in::LedgerEntryCode::Invoice)
        .map(|row| amount(&row.amount_sek))
        .sum();
    assert_eq!(invoiced, ledger_invoices);
    assert_eq!(dashboard.months[10].this_year, "3000.00", "November: I4");

    // The unknown payment is placed by hand on I4.
    let unplaced = app.unplaced_bank_payments().expect("unplaced");
    assert_eq!(unplaced.len(), 1);
    let number = app
        .invoice_detail(books.ids[3], date("2026-12-02"))
        .expect("detail")
        .number
        .expect("issued");
    let wrong = app
        .place_bank_payment(unplaced[0].id, "X-404", "123,45", at("2026-12-02"))
        .expect_err("no such invoice");
    assert_eq!(wrong.fields[0].field, "invoice");
    let too_much = app
        .place_bank_payment(unplaced[0].id, &number, "200", at("2026-12-02"))
        .expect_err("more than the payment");
    assert_eq!(too_much.fields[0].field, "amount");
    let rest = app
        .place_bank_payment(unplaced[0].id, &number, "123,45", at("2026-12-02"))
        .expect("placed");
    assert!(rest.is_empty());
    let i4 = app
        .invoice_detail(books.ids[3], date("2026-12-02"))
        .expect("detail");
    assert_eq!(i4.payment.expect("issued").remaining, "2876.55");
}

#[test]
fn a_reminder_fee_is_paid_with_what_was_left_and_interest_follows_the_hand_table() {
    let books = books();
    let app = &books.fixture.app;
    app.import_bank_file(&first_file(&books), "bgmax.txt", false, at("2026-12-01"))
        .expect("import");
    let mut settings: ReceivablesSettingsForm = app.receivables_settings().expect("settings");
    settings.reminder_fee_agreed = true;
    settings.reminder_fee = "60".to_owned();
    settings.interest_min_amount = "10".to_owned();
    let too_high = ReceivablesSettingsForm {
        reminder_fee: "75".to_owned(),
        ..settings.clone()
    };
    let refused = app
        .save_receivables_settings(&too_high)
        .expect_err("over 60 kr");
    assert_eq!(refused.fields[0].field, "reminder_fee");
    app.save_receivables_settings(&settings).expect("saved");

    // On 12-01 I2 (due 10-31, grace 5 days) is due for its first reminder; I4 is not due.
    let due = app.reminder_proposal(date("2026-12-01")).expect("proposal");
    let due_ids: Vec<i64> = due
        .reminders
        .iter()
        .map(|candidate| candidate.invoice_id)
        .collect();
    assert_eq!(due_ids, [books.ids[1]]);
    assert_eq!(due.reminders[0].step, ReminderStepCode::First);
    let made = app
        .create_reminders(None, date("2026-12-01"), at("2026-12-01"))
        .expect("reminders");
    assert_eq!(
        (
            made[0].fee.as_str(),
            made[0].remaining.as_str(),
            made[0].pay_by.as_str()
        ),
        ("60.00", "800.00", "2026-12-11")
    );
    let twice = app
        .create_reminders(Some(&[books.ids[1]]), date("2026-12-01"), at("2026-12-01"))
        .expect_err("nothing due until the pay-by date has passed");
    assert_eq!(twice.code, ErrorCode::Conflict);
    let pdf = app.invoice_pdf(made[0].document_id).expect("reminder pdf");
    let text = pdf_text(&pdf);
    for expected in [
        "Betalningspåminnelse",
        "800,00",
        "60,00",
        "860,00",
        books.ocrs[1].as_str(),
        "2026-12-11",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }

    // The customer pays 860 with I2's OCR: 800 to I2 and 60 to the reminder's fee.
    let second = bank_file(
        app,
        "2026-12-05",
        "20261205061500",
        vec![PaymentSpec::ocr(&books.ocrs[1], dec!(860), 11)],
    );
    let paid = app
        .import_bank_file(&second, "bgmax2.txt", false, at("2026-12-05"))
        .expect("import");
    let split: Vec<(i64, &str)> = paid.payments[0]
        .allocations
        .iter()
        .map(|allocation| (allocation.invoice_id, allocation.amount.as_str()))
        .collect();
    assert_eq!(
        split,
        [(books.ids[1], "800.00"), (made[0].document_id, "60.00")]
    );
    assert_eq!(paid.payments[0].outcome, MatchOutcomeCode::Paid);

    // Interest on 12-05 at the reference rate + 8 (the second half of 2026 added as 2 %):
    //   I1 1 000, 10-02..12-01, 61 days:  1 000 × 10 % × 61 / 365 = 16,712… → 16,71
    //   I2 2 000, 11-01..12-01, 31 days:  2 000 × 10 % × 31 / 365 = 16,986… → 16,99
    //   I2   800, 12-02..12-05,  4 days:    800 × 10 % ×  4 / 365 =  0,876… →  0,88
    //   I3   500, 11-15..12-01, 17 days:    500 × 10 % × 17 / 365 =  2,328… →  2,33
    let missing = app
        .interest_proposal(date("2026-12-05"))
        .expect_err("no rate for 2026 H2 yet");
    assert!(
        missing.message.contains("2026-07-01"),
        "{}",
        missing.message
    );
    app.set_reference_rate("2026-07-01", "2")
        .expect("rate added");
    let claims = app.interest_proposal(date("2026-12-05")).expect("interest");
    assert_eq!(claims.claims.len(), 1);
    let lines: Vec<(i64, u32, &str)> = claims.claims[0]
        .lines
        .iter()
        .map(|line| (line.invoice_id, line.days, line.amount.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (books.ids[0], 61, "16.71"),
            (books.ids[1], 31, "16.99"),
            (books.ids[1], 4, "0.88"),
            (books.ids[2], 17, "2.33"),
        ]
    );
    assert_eq!(claims.claims[0].total, "36.91");
    let invoices = app
        .create_interest_invoices(
            None,
            date("2026-12-05"),
            date("2026-12-05"),
            at("2026-12-05"),
        )
        .expect("interest invoice");
    assert_eq!(invoices.len(), 1);
    assert!(!invoices[0].ocr.is_empty());
    let detail = app
        .invoice_detail(invoices[0].document_id, date("2026-12-05"))
        .expect("detail");
    assert_eq!(detail.totals.payable, "36.91");
    let none_left = app.interest_proposal(date("2026-12-05")).expect("interest");
    assert!(
        none_left.claims.is_empty(),
        "a period is charged once: {none_left:?}"
    );
    let ubl = app.invoice_ubl(invoices[0].document_id).expect("ubl");
    let dir = tempfile::tempdir().expect("folder");
    let xml = dir.path().join("interest.xml");
    std::fs::write(&xml, ubl).expect("written");
    let verdict = fakturera_official_validator::validate_one(&xml);
    assert_eq!(verdict.fatal, 0, "{:?}", verdict.fatal_ids());
}

#[test]
fn the_statement_shows_the_open_invoices_and_the_balance() {
    let books = books();
    let app = &books.fixture.app;
    app.import_bank_file(&first_file(&books), "bgmax.txt", false, at("2026-12-01"))
        .expect("import");
    let pdf = app
        .statement_pdf(books.customer, date("2026-12-01"))
        .expect("statement");
    let text = pdf_text(&pdf);
    for expected in [
        "Kontoutdrag",
        "Göteborgs Byggservice AB",
        "800,00",
        "3 000,00",
        "3 700,00",
        "-100,00",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}

#[test]
fn refused_files_book_nothing() {
    let books = books();
    let app = &books.fixture.app;
    let fixture = |name: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../core/tests/fixtures/bgmax")
                .join(name),
        )
        .expect("fixture")
    };
    let foreign = app
        .import_bank_file(
            &fixture("foreign-bankgiro.txt"),
            "x",
            false,
            at("2026-12-01"),
        )
        .expect_err("another bankgiro");
    assert_eq!(
        (foreign.code, foreign.fields[0].field.as_str()),
        (ErrorCode::InvalidInput, "file")
    );
    assert!(
        foreign
            .message
            .starts_with("Rad 2: filen gäller bankgiro 99912346"),
        "{}",
        foreign.message
    );
    for (name, line) in [
        ("wrong-end-count.txt", "Rad 32"),
        ("not-bgmax.csv", "Rad 1"),
    ] {
        let error = app
            .import_bank_file(&fixture(name), name, false, at("2026-12-01"))
            .expect_err(name);
        assert!(error.message.starts_with(line), "{name}: {}", error.message);
    }
    // A file cut off in the middle of its last deposit: refused whole, though it starts well.
    let whole = first_file(&books);
    let cut = &whole[..whole.len() - 3 * 82];
    app.import_bank_file(cut, "cut.txt", false, at("2026-12-01"))
        .expect_err("incomplete");
    let ledger = app.company_ledger(date("2026-12-31")).expect("ledger");
    assert_eq!(ledger.balance_sek, "6500.00");
    assert!(app.unplaced_bank_payments().expect("unplaced").is_empty());
}

#[test]
fn two_processes_importing_the_same_file_book_it_once() {
    let books = books();
    let path = books.fixture.app.file_path().to_owned();
    let file = first_file(&books);
    let outcomes: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|index| {
                let path = path.clone();
                let file = file.clone();
                scope.spawn(move || {
                    let app = App::open(path, Language::Swedish).expect("opens");
                    app.import_bank_file(
                        &file,
                        &format!("bgmax-{index}.txt"),
                        false,
                        at("2026-12-01"),
                    )
                    .map(|_| ())
                    .map_err(|error| error.code)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("no panic"))
            .collect()
    });
    assert_eq!(
        outcomes.iter().filter(|outcome| outcome.is_ok()).count(),
        1,
        "{outcomes:?}"
    );
    assert!(outcomes.contains(&Err(ErrorCode::Conflict)), "{outcomes:?}");
    let ledger = books
        .fixture
        .app
        .company_ledger(date("2026-12-01"))
        .expect("ledger");
    assert_eq!(ledger.balance_sek, "3700.00", "each payment booked once");
}

/// The text of a PDF, as pdftotext reads it.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("folder");
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).expect("written");
    let output = Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&output.stdout).replace('\u{a0}', " ")
}
