//! The editor's form: typed text in, exact totals and named problems out.

use fakturera_app::App;
use fakturera_app::invoice_form::{
    FormParties, InvoiceForm, InvoiceLineForm, VatTreatmentCode, form_from_invoice,
    invoice_from_form,
};
use fakturera_core::Language;
use fakturera_core::invoice::InvoiceKind;
use fakturera_core::samples;

fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::new(dir.path().join("company.fakturera"), Language::Swedish);
    (dir, app)
}

fn line(description: &str, quantity: &str, price: &str, rate: &str) -> InvoiceLineForm {
    InvoiceLineForm {
        kind: Default::default(),
        description: description.into(),
        quantity: quantity.into(),
        unit: "st".into(),
        unit_price: price.into(),
        vat_rate: rate.into(),
        ..Default::default()
    }
}

fn form(lines: Vec<InvoiceLineForm>) -> InvoiceForm {
    InvoiceForm {
        issue_date: "2026-11-26".into(),
        payment_terms: "net:30".into(),
        currency: "SEK".into(),
        round_to_whole_kronor: true,
        lines,
        ..Default::default()
    }
}

#[test]
fn preview_computes_totals_from_typed_text() {
    let (_dir, app) = app();
    let mut typed = form(vec![
        line("Konsult", "12,5", "1 150,00", "25"),
        line("Resa", "1", "1295", "6"),
    ]);
    typed.invoice_fee = "45".into();
    let preview = app.preview_invoice(&typed);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let totals = preview.totals.expect("totals");
    assert_eq!(totals.line_nets, ["14375.00", "1295.00"]);
    assert_eq!(totals.charge_total, "45.00");
    assert_eq!(totals.vat_total, "3682.70"); // (14375 + 45) × 25 % + 1295 × 6 %
    assert_eq!(totals.tax_inclusive, "19397.70");
    assert_eq!(totals.rounding, "0.30");
    assert_eq!(totals.payable, "19398.00");
}

#[test]
fn unreadable_numbers_name_their_cells_in_the_users_language() {
    let (_dir, app) = app();
    let typed = form(vec![
        line("Konsult", "tolv", "100", "25"),
        line("Resa", "1", "1,2,3", "25"),
    ]);
    let preview = app.preview_invoice(&typed);
    assert_eq!(preview.totals, None);
    let fields: Vec<&str> = preview
        .problems
        .iter()
        .map(|problem| problem.field.as_str())
        .collect();
    assert_eq!(fields, ["lines[0].quantity", "lines[1].unit_price"]);
    assert!(preview.problems[0].message.contains("inte ett tal"));
    app.set_language(Language::English);
    assert!(
        app.preview_invoice(&typed).problems[0]
            .message
            .contains("is not a number")
    );
}

#[test]
fn problems_beside_totals_do_not_hide_the_totals() {
    let (_dir, app) = app();
    let preview = app.preview_invoice(&form(vec![line("", "1", "100", "24")]));
    assert_eq!(
        preview.totals.map(|totals| totals.payable),
        Some("124.00".to_owned())
    );
    let fields: Vec<&str> = preview
        .problems
        .iter()
        .map(|problem| problem.field.as_str())
        .collect();
    assert_eq!(fields, ["lines[0].description", "lines[0].vat"]);
}

#[test]
fn the_due_date_follows_the_terms_and_the_invoice_date_as_typed() {
    let (_dir, app) = app();
    let mut typed = form(vec![line("Konsult", "1", "100", "25")]);
    let due = |typed: &InvoiceForm| app.preview_invoice(typed).due_date_from_terms;
    assert_eq!(due(&typed).as_deref(), Some("2026-12-26"));
    typed.payment_terms = "eonm".into();
    assert_eq!(due(&typed).as_deref(), Some("2026-12-31"));
    typed.payment_terms = "eom:10".into();
    typed.issue_date = "2027-01-31".into();
    assert_eq!(due(&typed).as_deref(), Some("2027-02-10"));
    typed.payment_terms = "cash".into();
    assert_eq!(due(&typed).as_deref(), Some("2027-01-31"));
    // Unreadable lines do not hide it; an unreadable date does.
    typed.lines[0].quantity = "tolv".into();
    assert_eq!(due(&typed).as_deref(), Some("2027-01-31"));
    typed.issue_date = "2027-13-01".into();
    assert_eq!(due(&typed), None);
}

#[test]
fn a_form_survives_the_round_trip_through_the_domain() {
    let mut typed = form(vec![
        InvoiceLineForm {
            kind: Default::default(),
            discount_percent: "10".into(),
            article_number: "A1".into(),
            ..line("Licens", "2", "4799.9", "25")
        },
        InvoiceLineForm {
            kind: Default::default(),
            vat_treatment: VatTreatmentCode::DomesticReverseCharge,
            vat_rate: "0".into(),
            ..line("Bygg", "8", "650", "0")
        },
    ]);
    typed.due_date = "2026-12-26".into();
    typed.buyer_reference = "PROJ-1".into();
    typed.invoice_fee = "45".into();
    typed.exchange_rate = "1".into();
    let parties = FormParties {
        seller: samples::seller(),
        buyer: samples::domestic_buyer(),
        kind: InvoiceKind::Invoice,
    };
    let invoice = invoice_from_form(&typed, parties).expect("valid form");
    assert_eq!(form_from_invoice(&invoice), typed);
}
