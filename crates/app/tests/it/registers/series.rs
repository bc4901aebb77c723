//! Number series: several series, one default, and the next number only moving forward.

use fakturera_app::ErrorCode;
use fakturera_app::number_series::NumberSeriesForm;
use fakturera_core::Language;

use super::{fields, fresh_app};

fn series_form(name: &str, prefix: &str, next: &str) -> NumberSeriesForm {
    NumberSeriesForm {
        name: name.into(),
        prefix: prefix.into(),
        next_number: next.into(),
        gap_reason: String::new(),
    }
}

#[test]
fn series_are_added_renamed_and_one_is_the_default() {
    let (_folder, app) = fresh_app(Language::Swedish);
    let initial = app.number_series().expect("list");
    assert_eq!(
        initial.iter().filter(|series| series.is_default).count(),
        1,
        "a new file has a default series"
    );

    let all = app
        .add_number_series(&series_form("Export", "EX-", "5001"))
        .expect("add");
    let export = all
        .iter()
        .find(|series| series.name == "Export")
        .expect("added")
        .clone();
    assert_eq!(
        (export.next_invoice_number.as_str(), export.is_default),
        ("EX-5001", false)
    );

    let all = app.set_default_number_series(export.id).expect("default");
    assert_eq!(all[0].id, export.id, "the default is listed first");
    assert_eq!(all.iter().filter(|series| series.is_default).count(), 1);

    let all = app
        .update_number_series(
            export.id,
            &series_form("Export EU", "EU-", "6000"),
            "2026-05-04T09:00:00Z".parse().expect("time"),
        )
        .expect("update");
    assert_eq!(all[0].next_invoice_number, "EU-6000");

    let error = app
        .add_number_series(&series_form("Export EU", "X", "1"))
        .expect_err("duplicate name");
    assert_eq!(
        (error.code, fields(&error)),
        (ErrorCode::InvalidInput, vec!["name"])
    );
    let error = app
        .add_number_series(&series_form("Tom", "F-", "noll"))
        .expect_err("not a number");
    assert_eq!(fields(&error), ["next_number"]);
    assert_eq!(
        app.set_default_number_series(999)
            .expect_err("missing")
            .code,
        ErrorCode::NotFound
    );
}
