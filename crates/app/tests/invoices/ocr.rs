//! OCR references are unique in a company file even when two number series give the same digits.

use fakturera_app::number_series::NumberSeriesForm;
use fakturera_core::ids::Ocr;

use crate::{add_customer, at, date, fixture, two_line_form};

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
