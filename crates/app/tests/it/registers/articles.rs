//! Artiklar: exact prices, units, the VAT rate in force on the day, search and bad input.

use chrono::NaiveDate;
use fakturera_app::articles::{ArticleForm, ArticleKindCode, VatRateClassCode};
use fakturera_app::{ErrorCode, RegisterSearch};
use fakturera_core::Language;

use super::{fields, fresh_app, today};

fn article(number: &str, name: &str, price: &str) -> ArticleForm {
    ArticleForm {
        article_number: number.into(),
        name: name.into(),
        unit: "st".into(),
        unit_price: price.into(),
        vat_rate_class: VatRateClassCode::Standard,
        kind: ArticleKindCode::Goods,
        archived: false,
    }
}

#[test]
fn a_new_article_starts_by_the_piece_as_goods_at_the_standard_rate() {
    let (_folder, app) = fresh_app(Language::Swedish);
    assert_eq!(
        app.new_article_form(),
        ArticleForm {
            article_number: String::new(),
            name: String::new(),
            unit: "st".into(),
            unit_price: String::new(),
            vat_rate_class: VatRateClassCode::Standard,
            kind: ArticleKindCode::Goods,
            archived: false,
        }
    );
    let choices = app.register_choices(today());
    assert!(choices.units.contains(&app.new_article_form().unit));
}

#[test]
fn articles_keep_exact_prices_and_show_the_rate_in_force() {
    let (_folder, app) = fresh_app(Language::Swedish);
    let bread = ArticleForm {
        vat_rate_class: VatRateClassCode::Food,
        unit: "KG".into(),
        ..article("B1", "Surdegsbröd", "0,1250")
    };
    let saved = app.add_article(&bread, today()).expect("bread");
    assert_eq!(
        (saved.form.unit_price.as_str(), saved.form.unit.as_str()),
        ("0.125", "kg")
    );
    assert_eq!(
        saved.vat_rate_today, "6",
        "the temporary food rate applies on 2026-05-04"
    );
    let before_cut = NaiveDate::from_ymd_opt(2026, 3, 31).expect("date");
    assert_eq!(
        app.article(saved.id, before_cut)
            .expect("by id")
            .vat_rate_today,
        "12"
    );

    app.add_article(&article("K1", "Konsulttimme", "1 250,50"), today())
        .expect("consulting");
    let rows = app
        .articles(&RegisterSearch::default(), today())
        .expect("list");
    let names: Vec<&str> = rows.iter().map(|row| row.name.as_str()).collect();
    assert_eq!(names, ["Konsulttimme", "Surdegsbröd"]);
    assert_eq!(
        (
            rows[0].unit_price.as_str(),
            rows[0].unit_price_display.as_str()
        ),
        ("1250.5", "1 250,50")
    );
    assert_eq!(rows[0].vat_rate_today, "25");

    let found = app
        .articles(
            &RegisterSearch {
                search: "BRÖD".into(),
                ..Default::default()
            },
            today(),
        )
        .expect("search");
    assert_eq!(found.len(), 1);
    assert_eq!(
        app.article_by_number("K1", today())
            .expect("by number")
            .form
            .name,
        "Konsulttimme"
    );

    app.set_language(Language::English);
    let rows = app
        .articles(&RegisterSearch::default(), today())
        .expect("list");
    assert_eq!(rows[0].unit_price_display, "1,250.50");
}

#[test]
fn bad_articles_are_refused_and_duplicates_named() {
    let (_folder, app) = fresh_app(Language::English);
    let cases = [
        (article("N1", "Negativ", "-1"), "unit_price"),
        (article("N2", "", "1"), "name"),
        (article("N3", &"x".repeat(10_000), "1"), "name"),
        (
            article("N4", "Text", "'; DROP TABLE articles;--"),
            "unit_price",
        ),
        (article("N5", "Emoji", "😀"), "unit_price"),
        (
            ArticleForm {
                unit: "burk".into(),
                ..article("N6", "Burk", "1")
            },
            "unit",
        ),
    ];
    for (form, field) in cases {
        let error = app.add_article(&form, today()).expect_err(field);
        assert_eq!(
            (error.code, fields(&error)),
            (ErrorCode::InvalidInput, vec![field]),
            "{field}"
        );
    }
    assert!(
        app.articles(&RegisterSearch::default(), today())
            .expect("list")
            .is_empty()
    );

    let first = app
        .add_article(&article("A1", "Först", "10"), today())
        .expect("first");
    let error = app
        .add_article(&article("A1", "Dubblett", "10"), today())
        .expect_err("duplicate");
    assert_eq!(fields(&error), ["article_number"]);
    let mut changed = first.form.clone();
    changed.unit_price = "12.40".into();
    changed.kind = ArticleKindCode::Service;
    let updated = app
        .update_article(first.id, &changed, today())
        .expect("update");
    assert_eq!(
        (updated.form.unit_price.as_str(), updated.form.kind),
        ("12.4", ArticleKindCode::Service)
    );
    assert_eq!(
        app.update_article(4242, &changed, today())
            .expect_err("missing")
            .code,
        ErrorCode::NotFound
    );
}
