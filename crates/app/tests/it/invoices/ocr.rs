//! OCR references are unique in a company file even when two number series give the same digits.

use fakturera_app::number_series::NumberSeriesForm;
use fakturera_core::ids::Ocr;

use super::{add_customer, at, date, fixture, two_line_form};

#[test]
fn two_series_whose_prefixes_differ_only_in_letters_never_share_an_ocr() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "GBG", "Göteborgs Byggservice AB");
    let mut issued = Vec::new();
    for (name, prefix) in [("Byggfakturor", "F-"), ("Kontant", "K-"), ("Export", "EX")] {
        let series = fixture
            .app
            .add_number_series(&NumberSeriesForm {
                name: name.into(),
                prefix: prefix.into(),
                next_number: "1001".into(),
                gap_reason: String::new(),
            })
            .expect("series added")
            .into_iter()
            .find(|series| series.name == name)
            .expect("listed");
        fixture
            .app
            .set_default_number_series(series.id)
            .expect("default");
        let form = two_line_form(&fixture, customer);
        let draft = fixture
            .app
            .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
            .expect("draft");
        let detail = fixture
            .app
            .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
            .expect("issued");
        issued.push((detail.number.expect("numbered"), detail.ocr));
    }
    let numbers: Vec<&str> = issued.iter().map(|(number, _)| number.as_str()).collect();
    assert_eq!(numbers, ["F-1001", "K-1001", "EX1001"]);
    let first = &issued[0].1;
    assert!(
        first.starts_with("1001"),
        "the first keeps the plain digits: {first}"
    );
    for (number, ocr) in &issued {
        assert!(Ocr::parse_with_length_digit(ocr).is_ok(), "{number}: {ocr}");
    }
    let mut ocrs: Vec<&str> = issued.iter().map(|(_, ocr)| ocr.as_str()).collect();
    ocrs.sort_unstable();
    ocrs.dedup();
    assert_eq!(ocrs.len(), 3, "{issued:?}");
}

/// A series that has issued invoices moves forward only over a gap the user confirms with a
/// reason; the gap is kept with the series. Raw SQL cannot move it either.
#[test]
fn a_used_series_moves_only_over_a_confirmed_documented_gap() {
    let fixture = fixture();
    let customer = add_customer(&fixture, "GBG", "Göteborgs Byggservice AB");
    let form = two_line_form(&fixture, customer);
    let draft = fixture
        .app
        .create_invoice_draft(customer, &form, date("2026-11-26"), at("2026-11-26"))
        .expect("draft");
    let issued = fixture
        .app
        .issue_invoice(draft.id, date("2026-11-26"), at("2026-11-26"))
        .expect("issued");
    assert_eq!(issued.number.as_deref(), Some("1"));
    let series = fixture.app.number_series().expect("list")[0].clone();
    let mut move_to = NumberSeriesForm {
        name: series.name.clone(),
        prefix: series.prefix.clone(),
        next_number: "100".into(),
        gap_reason: String::new(),
    };
    let refused = fixture
        .app
        .update_number_series(series.id, &move_to, at("2026-11-27"))
        .expect_err("a gap needs a reason");
    assert_eq!(refused.fields[0].field, "gap_reason");
    assert!(refused.message.contains("2–99"), "{}", refused.message);
    let raw = fixture.app.with_store(|store| {
        store
            .raw_connection()
            .execute("UPDATE number_series SET next_number = 100", [])
            .map_err(fakturera_store::StoreError::from)
    });
    assert!(raw.is_err(), "the file itself refuses an unconfirmed gap");

    move_to.gap_reason = "Nummer 2–99 användes i det gamla faktureringsprogrammet.".into();
    let moved = fixture
        .app
        .update_number_series(series.id, &move_to, at("2026-11-27"))
        .expect("confirmed gap");
    assert_eq!(moved[0].next_invoice_number, "100");
    assert_eq!(moved[0].gaps.len(), 1);
    assert_eq!(moved[0].gaps[0].numbers, "2–99");
    assert!(moved[0].gaps[0].reason.contains("gamla"));
    // Renaming without moving needs no reason.
    move_to.name = "Fakturor 2026".into();
    move_to.gap_reason = String::new();
    fixture
        .app
        .update_number_series(series.id, &move_to, at("2026-11-28"))
        .expect("rename");
}
