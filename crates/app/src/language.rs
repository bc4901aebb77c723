//! The UI language as it crosses IPC ("sv" / "en"), kept apart from core's `Language`, which has no
//! serde on purpose.

use fakturera_core::Language;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum LanguageCode {
    #[default]
    Sv,
    En,
}

impl From<LanguageCode> for Language {
    fn from(code: LanguageCode) -> Language {
        match code {
            LanguageCode::Sv => Language::Swedish,
            LanguageCode::En => Language::English,
        }
    }
}

impl From<Language> for LanguageCode {
    fn from(language: Language) -> LanguageCode {
        match language {
            Language::Swedish => LanguageCode::Sv,
            Language::English => LanguageCode::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_core_language_and_json() {
        for (code, json) in [(LanguageCode::Sv, "\"sv\""), (LanguageCode::En, "\"en\"")] {
            assert_eq!(LanguageCode::from(Language::from(code)), code);
            assert_eq!(serde_json::to_string(&code).expect("serialises"), json);
            assert_eq!(
                serde_json::from_str::<LanguageCode>(json).expect("parses"),
                code
            );
        }
        assert!(serde_json::from_str::<LanguageCode>("\"de\"").is_err());
    }
}
