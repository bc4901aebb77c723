//! The fixed choices the register forms offer (units, payment terms, VAT rate classes with the
//! rate in force today), labelled by Rust so the UI shows the same words as invoices and the CLI.

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::unit::Unit;
use fakturera_core::vat_rates::VatRateClass;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::articles::{VatRateClassCode, rate_on};
use crate::error::{AppError, ForUser};

/// One payment terms choice: its code and how it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentTermsChoice {
    /// "net:30", "cash", "eom:10", "eonm".
    pub code: String,
    pub label: String,
}

/// One VAT rate class with today's rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VatRateChoice {
    pub class: VatRateClassCode,
    /// Percent in force on the day asked about, e.g. "6".
    pub rate_today: String,
    /// E.g. "Livsmedel – 6 %".
    pub label: String,
}

/// Everything the register forms pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterChoices {
    pub units: Vec<String>,
    pub payment_terms: Vec<PaymentTermsChoice>,
    pub vat_rate_classes: Vec<VatRateChoice>,
}

/// The payment terms most Swedish small businesses use.
const COMMON_TERMS: [PaymentTerms; 10] = [
    PaymentTerms::Net { days: 10 },
    PaymentTerms::Net { days: 15 },
    PaymentTerms::Net { days: 20 },
    PaymentTerms::Net { days: 30 },
    PaymentTerms::Net { days: 45 },
    PaymentTerms::Net { days: 60 },
    PaymentTerms::Cash,
    PaymentTerms::EndOfMonthPlus { days: 0 },
    PaymentTerms::EndOfMonthPlus { days: 30 },
    PaymentTerms::EndOfNextMonth,
];

fn class_name(class: VatRateClass, language: Language) -> &'static str {
    match (class, language) {
        (VatRateClass::Standard, Language::Swedish) => "Normalskattesats",
        (VatRateClass::Standard, Language::English) => "Standard rate",
        (VatRateClass::Food, Language::Swedish) => "Livsmedel",
        (VatRateClass::Food, Language::English) => "Food",
        (VatRateClass::Reduced12, Language::Swedish) => "Hotell och restaurang",
        (VatRateClass::Reduced12, Language::English) => "Hotels and restaurants",
        (VatRateClass::Reduced6, Language::Swedish) => "Böcker, persontransport, kultur",
        (VatRateClass::Reduced6, Language::English) => "Books, passenger transport, culture",
        (VatRateClass::Zero, Language::Swedish) => "Nollskattesats",
        (VatRateClass::Zero, Language::English) => "Zero rate",
    }
}

/// The choices in `language`, with the VAT rates in force on `today`.
pub fn register_choices(language: Language, today: NaiveDate) -> RegisterChoices {
    RegisterChoices {
        units: Unit::common().map(str::to_owned).collect(),
        payment_terms: COMMON_TERMS
            .iter()
            .map(|terms| PaymentTermsChoice {
                code: terms.code(),
                label: terms.describe(language),
            })
            .collect(),
        vat_rate_classes: VatRateClass::ALL
            .into_iter()
            .map(|class| {
                let rate_today = rate_on(class, today);
                VatRateChoice {
                    class: class.into(),
                    label: format!("{} – {rate_today} %", class_name(class, language)),
                    rate_today,
                }
            })
            .collect(),
    }
}

impl App {
    /// What the register forms pick from, in the session's language.
    pub fn register_choices(&self, today: NaiveDate) -> RegisterChoices {
        register_choices(self.language(), today)
    }

    /// Payment terms outside the common list ("eom:10" on an imported customer) as words, so a
    /// form never shows the storage code; a code that does not parse says why.
    pub fn payment_terms_choice(&self, code: &str) -> Result<PaymentTermsChoice, AppError> {
        let language = self.language();
        let terms = PaymentTerms::parse(code).for_user(language)?;
        Ok(PaymentTermsChoice {
            code: terms.code(),
            label: terms.describe(language),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusual_terms_are_named_in_words() -> Result<(), AppError> {
        // Naming terms needs no company file, so none is opened.
        let app = App::new("never-opened.fakturera", Language::Swedish);
        assert_eq!(
            app.payment_terms_choice("eom:10")?.label,
            "10 dagar efter månadens slut"
        );
        assert!(app.payment_terms_choice("whenever").is_err());
        Ok(())
    }

    #[test]
    fn food_shows_the_rate_in_force_that_day() {
        let cases = [
            ("2026-03-31", "Livsmedel – 12 %"),
            ("2026-04-01", "Livsmedel – 6 %"),
            ("2028-01-01", "Livsmedel – 12 %"),
        ];
        for (day, label) in cases {
            let choices = register_choices(Language::Swedish, day.parse().expect("date"));
            let food = choices
                .vat_rate_classes
                .iter()
                .find(|choice| choice.class == VatRateClassCode::Food);
            assert_eq!(
                food.map(|choice| choice.label.as_str()),
                Some(label),
                "{day}"
            );
        }
        let english = register_choices(Language::English, "2026-05-01".parse().expect("date"));
        assert_eq!(
            english.payment_terms[3],
            PaymentTermsChoice {
                code: "net:30".into(),
                label: "30 days net".into()
            }
        );
        assert!(english.units.iter().any(|unit| unit == "tim"));
    }
}
