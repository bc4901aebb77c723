//! Cell values as other programs and people write them, read into the registers' codes: "Företag"
//! or "company", "30 dagar" or "net:30", "e-faktura", "EUREVERSEDVAT", "25 %", "ja". A value that
//! is none of them is reported with the values that work.

use fakturera_core::{FieldError, Text};

use super::columns::normalised;
use crate::articles::{ArticleKindCode, VatRateClassCode};
use crate::invoice_form::VatTreatmentCode;
use crate::language::LanguageCode;
use crate::register_fields::{CustomerKindCode, DeliveryChoiceCode};

fn unknown(field: &str, value: &str, choices: &str) -> FieldError {
    FieldError::new(
        field,
        "value",
        Text::new(
            format!("\"{value}\" är inget giltigt värde. Använd något av: {choices}."),
            format!("\"{value}\" is not a valid value. Use one of: {choices}."),
        ),
    )
}

/// Looks `value` up among `choices` (each a code and the words that mean it); empty gives `default`.
fn pick<T: Copy>(
    value: &str,
    field: &str,
    default: T,
    choices: &[(T, &[&str])],
    shown: &str,
) -> Result<T, FieldError> {
    let key = normalised(value);
    if key.is_empty() {
        return Ok(default);
    }
    choices
        .iter()
        .find(|(_, words)| words.iter().any(|word| normalised(word) == key))
        .map(|(code, _)| *code)
        .ok_or_else(|| unknown(field, value, shown))
}

pub(crate) fn customer_kind(value: &str) -> Result<CustomerKindCode, FieldError> {
    pick(
        value,
        "kind",
        CustomerKindCode::Company,
        &[
            (
                CustomerKindCode::Company,
                &[
                    "company",
                    "företag",
                    "foretag",
                    "juridisk person",
                    "f",
                    "business",
                ],
            ),
            (
                CustomerKindCode::Private,
                &[
                    "private",
                    "privat",
                    "privatperson",
                    "konsument",
                    "p",
                    "person",
                    "individual",
                ],
            ),
        ],
        "Företag, Privatperson (company, private)",
    )
}

pub(crate) fn delivery_choice(value: &str) -> Result<DeliveryChoiceCode, FieldError> {
    pick(
        value,
        "delivery_choice",
        DeliveryChoiceCode::Automatic,
        &[
            (
                DeliveryChoiceCode::Einvoice,
                &["einvoice", "e-faktura", "efaktura", "peppol", "e-invoice"],
            ),
            (
                DeliveryChoiceCode::Email,
                &["email", "e-post", "epost", "pdf", "e-mail", "mail"],
            ),
            (
                DeliveryChoiceCode::Letter,
                &["letter", "brev", "papper", "post", "paper", "utskrift"],
            ),
            (
                DeliveryChoiceCode::Automatic,
                &["automatic", "automatisk", "auto"],
            ),
        ],
        "e-faktura, e-post, brev, automatisk",
    )
}

pub(crate) fn vat_treatment(value: &str) -> Result<VatTreatmentCode, FieldError> {
    pick(
        value,
        "vat_treatment",
        VatTreatmentCode::Swedish,
        &[
            (
                VatTreatmentCode::Swedish,
                &["swedish", "svensk moms", "svensk", "se", "sverige", "moms"],
            ),
            (
                VatTreatmentCode::DomesticReverseCharge,
                &[
                    "domestic_reverse_charge",
                    "omvänd skattskyldighet",
                    "omvänd betalningsskyldighet",
                    "sereversedvat",
                    "se omvänd skattskyldighet",
                    "bygg",
                ],
            ),
            (
                VatTreatmentCode::EuGoods,
                &["eu_goods", "eu varor", "eu-varor", "euvat", "eu"],
            ),
            (
                VatTreatmentCode::EuServices,
                &[
                    "eu_services",
                    "eu tjänster",
                    "eu-tjänster",
                    "eureversedvat",
                    "eu omvänd skattskyldighet",
                ],
            ),
            (
                VatTreatmentCode::Export,
                &["export", "utanför eu", "outside eu"],
            ),
            (
                VatTreatmentCode::Exempt,
                &["exempt", "momsfri", "undantagen"],
            ),
            (
                VatTreatmentCode::OutsideScope,
                &[
                    "outside_scope",
                    "utanför momsens tillämpningsområde",
                    "ej moms",
                ],
            ),
        ],
        "swedish, domestic_reverse_charge, eu_goods, eu_services, export, exempt, outside_scope",
    )
}

pub(crate) fn language(value: &str) -> Result<LanguageCode, FieldError> {
    pick(
        value,
        "language",
        LanguageCode::Sv,
        &[
            (LanguageCode::Sv, &["sv", "svenska", "swedish", "se", "swe"]),
            (LanguageCode::En, &["en", "engelska", "english", "eng"]),
        ],
        "sv, en",
    )
}

pub(crate) fn yes_no(value: &str, field: &str) -> Result<bool, FieldError> {
    pick(
        value,
        field,
        false,
        &[
            (true, &["ja", "j", "yes", "y", "true", "1", "x"]),
            (false, &["nej", "n", "no", "false", "0"]),
        ],
        "ja, nej",
    )
}

/// Terms as a code: "30", "30 dagar" and "30 dagar netto" are `net:30`, "kontant" is `cash`.
pub(crate) fn payment_terms(value: &str) -> String {
    let text = value.trim().to_lowercase();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && !text.contains(':') {
        let rest = text[digits.len()..].trim();
        if rest.is_empty()
            || rest.starts_with("dag")
            || rest.starts_with("day")
            || rest.starts_with("d ")
            || rest == "d"
        {
            return format!("net:{digits}");
        }
    }
    match text.as_str() {
        "kontant" | "kontant betalning" | "cash" => "cash".to_owned(),
        _ => value.trim().to_owned(),
    }
}

pub(crate) fn vat_rate_class(value: &str) -> Result<VatRateClassCode, FieldError> {
    pick(
        value.trim().trim_end_matches('%').trim(),
        "vat_rate_class",
        VatRateClassCode::Standard,
        &[
            (
                VatRateClassCode::Standard,
                &["standard", "25", "25,00", "25.00", "normal"],
            ),
            (VatRateClassCode::Food, &["food", "livsmedel"]),
            (
                VatRateClassCode::Reduced12,
                &["reduced12", "12", "12,00", "12.00"],
            ),
            (
                VatRateClassCode::Reduced6,
                &["reduced6", "6", "6,00", "6.00"],
            ),
            (
                VatRateClassCode::Zero,
                &["zero", "0", "0,00", "0.00", "momsfri", "noll"],
            ),
        ],
        "25, 12, 6, 0, livsmedel (standard, food, reduced12, reduced6, zero)",
    )
}

pub(crate) fn article_kind(value: &str) -> Result<ArticleKindCode, FieldError> {
    pick(
        value,
        "kind",
        ArticleKindCode::Goods,
        &[
            (
                ArticleKindCode::Goods,
                &[
                    "goods",
                    "vara",
                    "varor",
                    "v",
                    "lagervara",
                    "produkt",
                    "product",
                ],
            ),
            (
                ArticleKindCode::Service,
                &["service", "tjänst", "tjanst", "t", "tjänster", "arbete"],
            ),
        ],
        "vara, tjänst (goods, service)",
    )
}

/// A country as a two-letter code; the names of the countries Swedish customers are most often in
/// are read too ("Sverige", "Norway").
pub(crate) fn country(value: &str) -> String {
    let names: &[(&str, &[&str])] = &[
        ("SE", &["sverige", "sweden"]),
        ("NO", &["norge", "norway"]),
        ("DK", &["danmark", "denmark"]),
        ("FI", &["finland", "suomi"]),
        ("DE", &["tyskland", "germany", "deutschland"]),
        ("NL", &["nederländerna", "holland", "netherlands"]),
        ("GB", &["storbritannien", "england", "united kingdom", "uk"]),
        ("US", &["usa", "united states"]),
        ("FR", &["frankrike", "france"]),
        ("PL", &["polen", "poland"]),
        ("EE", &["estland", "estonia"]),
        ("IS", &["island", "iceland"]),
    ];
    let key = normalised(value);
    names
        .iter()
        .find(|(_, words)| words.iter().any(|word| normalised(word) == key))
        .map_or_else(|| value.trim().to_owned(), |(code, _)| (*code).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_programs_words_are_read() {
        assert_eq!(customer_kind("Privatperson"), Ok(CustomerKindCode::Private));
        assert_eq!(
            delivery_choice("E-faktura"),
            Ok(DeliveryChoiceCode::Einvoice)
        );
        assert_eq!(
            vat_treatment("EUREVERSEDVAT"),
            Ok(VatTreatmentCode::EuServices)
        );
        assert_eq!(vat_treatment(""), Ok(VatTreatmentCode::Swedish));
        assert_eq!(payment_terms("30 dagar netto"), "net:30");
        assert_eq!(payment_terms("10"), "net:10");
        assert_eq!(payment_terms("eom:10"), "eom:10");
        assert_eq!(vat_rate_class("12 %"), Ok(VatRateClassCode::Reduced12));
        assert_eq!(article_kind("Tjänst"), Ok(ArticleKindCode::Service));
        assert_eq!(country("Sverige"), "SE");
        assert_eq!(country("de"), "de");
        assert_eq!(yes_no("Ja", "archived"), Ok(true));
        let error = delivery_choice("fax").expect_err("fax");
        assert!(
            error.message.sv.contains("e-faktura"),
            "{}",
            error.message.sv
        );
    }
}
