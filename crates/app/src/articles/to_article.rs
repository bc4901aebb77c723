//! From the article form to the stored article and back: an exact price that is never negative,
//! and a unit that maps to a UN/ECE code for Peppol.

use fakturera_core::unit::Unit;
use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::Article;
use rust_decimal::Decimal;

use super::form::{ArticleForm, ArticleKindCode};
use crate::invoice_form::parse_decimal;
use crate::register_fields::{NAME_MAX, required_text, shorten};

/// The highest unit price we accept (a billion kronor); more is a typo.
const PRICE_MAX: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// Prices may carry up to four decimals (e.g. 0,1250 kr per kWh); amounts are rounded per line.
const PRICE_MAX_DECIMALS: u32 = 4;

/// The article the form describes, or every field that needs fixing.
pub fn article_from_form(form: &ArticleForm) -> Result<Article, FieldErrors> {
    let mut errors = FieldErrors::default();
    let article = Article {
        article_number: required_text(
            &form.article_number,
            "article_number",
            ("Artikelnumret", "The article number"),
            40,
            &mut errors,
        ),
        name: required_text(
            &form.name,
            "name",
            ("Benämningen", "The name"),
            NAME_MAX,
            &mut errors,
        ),
        unit: unit_field(&form.unit, &mut errors),
        unit_price: price_field(&form.unit_price, &mut errors),
        vat_rate_class: form.vat_rate_class.into(),
        is_service: form.kind == ArticleKindCode::Service,
        archived: form.archived,
    };
    errors.into_result(article)
}

/// The form showing `article` as saved.
pub fn form_from_article(article: &Article) -> ArticleForm {
    ArticleForm {
        article_number: article.article_number.clone(),
        name: article.name.clone(),
        unit: article.unit.as_str().to_owned(),
        unit_price: article.unit_price.normalize().to_string(),
        vat_rate_class: article.vat_rate_class.into(),
        kind: if article.is_service {
            ArticleKindCode::Service
        } else {
            ArticleKindCode::Goods
        },
        archived: article.archived,
    }
}

/// A unit Peppol can name: one of the common units, or any other unit with a known UN/ECE code.
fn unit_field(input: &str, errors: &mut FieldErrors) -> Unit {
    let text = input.trim();
    let common = Unit::common()
        .find(|unit| unit.eq_ignore_ascii_case(text) || unit.to_lowercase() == text.to_lowercase());
    if let Some(unit) = common {
        return Unit::new(unit);
    }
    let unit = Unit::new(text);
    if !text.is_empty() && unit.un_ece_code() != "C62" {
        return unit;
    }
    let choices = Unit::common().collect::<Vec<_>>().join(", ");
    errors.push(FieldError::new(
        "unit",
        "unit",
        Text::new(
            format!(
                "Enheten \"{}\" är okänd. Välj en av {choices}.",
                shorten(input)
            ),
            format!(
                "The unit \"{}\" is unknown. Choose one of {choices}.",
                shorten(input)
            ),
        ),
    ));
    Unit::piece()
}

fn price_field(input: &str, errors: &mut FieldErrors) -> Decimal {
    let Some(price) = errors.collect(parse_decimal(input, "unit_price", ("Priset", "The price")))
    else {
        return Decimal::ZERO;
    };
    let problem = if price.is_sign_negative() && !price.is_zero() {
        Some((
            "negative",
            "Priset får inte vara negativt. Ange priset exklusive moms; rabatter ges på fakturaraden.",
            "The price may not be negative. Enter the price excluding VAT; discounts are given on the invoice line.",
        ))
    } else if price > PRICE_MAX {
        Some((
            "range",
            "Priset är orimligt högt. Kontrollera beloppet.",
            "The price is unreasonably high. Check the amount.",
        ))
    } else if price.scale() > PRICE_MAX_DECIMALS {
        Some((
            "decimals",
            "Priset får ha högst fyra decimaler.",
            "The price may have at most four decimals.",
        ))
    } else {
        None
    };
    if let Some((code, sv, en)) = problem {
        errors.push(FieldError::new("unit_price", code, Text::new(sv, en)));
        return Decimal::ZERO;
    }
    price
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::articles::form::VatRateClassCode;
    use fakturera_core::vat_rates::VatRateClass;

    fn valid_form() -> ArticleForm {
        ArticleForm {
            article_number: "A-100".into(),
            name: "Konsulttimme, senior".into(),
            unit: "Tim".into(),
            unit_price: "1 250,50".into(),
            vat_rate_class: VatRateClassCode::Standard,
            kind: ArticleKindCode::Service,
            archived: false,
        }
    }

    #[test]
    fn prices_are_exact_and_units_normalised() {
        let article = article_from_form(&valid_form()).expect("valid");
        assert_eq!(article.unit_price, Decimal::new(125_050, 2));
        assert_eq!((article.unit.as_str(), article.is_service), ("tim", true));
        let cases = [
            ("0,1250", "0.125"),
            ("0", "0"),
            ("999999999.9999", "999999999.9999"),
            ("12 345", "12345"),
        ];
        for (input, expected) in cases {
            let form = ArticleForm {
                unit_price: input.into(),
                vat_rate_class: VatRateClassCode::Food,
                ..valid_form()
            };
            let article = article_from_form(&form).expect(input);
            assert_eq!(
                article.unit_price.normalize().to_string(),
                expected,
                "{input}"
            );
            assert_eq!(article.vat_rate_class, VatRateClass::Food);
            assert_eq!(form_from_article(&article).unit_price, expected);
        }
        let other_known = ArticleForm {
            unit: "min".into(),
            ..valid_form()
        };
        assert_eq!(
            article_from_form(&other_known)
                .expect("min is a known unit")
                .unit
                .un_ece_code(),
            "MIN"
        );
    }

    #[test]
    fn bad_input_names_the_field() {
        /// Spoils one field of a valid form.
        type Spoil = fn(&mut ArticleForm);
        let cases: [(&str, &str, Spoil); 11] = [
            ("name", "required", |form| form.name = " ".into()),
            ("name", "too_long", |form| form.name = "ö".repeat(10_000)),
            ("article_number", "required", |form| {
                form.article_number = String::new()
            }),
            ("unit_price", "negative", |form| {
                form.unit_price = "-10".into()
            }),
            ("unit_price", "negative", |form| {
                form.unit_price = "\u{2212}0,01".into()
            }),
            ("unit_price", "number", |form| {
                form.unit_price = "1' OR '1'='1".into()
            }),
            ("unit_price", "number", |form| form.unit_price = "💰".into()),
            ("unit_price", "decimals", |form| {
                form.unit_price = "1,23456".into()
            }),
            ("unit_price", "range", |form| {
                form.unit_price = "10000000000".into()
            }),
            ("unit", "unit", |form| form.unit = "burk".into()),
            ("unit", "unit", |form| form.unit = String::new()),
        ];
        for (field, code, spoil) in cases {
            let mut form = valid_form();
            spoil(&mut form);
            let errors = article_from_form(&form).expect_err(field);
            let found: Vec<(&str, &str)> = errors
                .0
                .iter()
                .map(|error| (error.field.as_str(), error.code))
                .collect();
            assert_eq!(found, [(field, code)], "{field} {code}");
        }
    }
}
