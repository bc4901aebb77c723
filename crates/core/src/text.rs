//! User-facing text in both languages the product speaks.
//!
//! The domain never knows which language the user picked, so every message it produces carries
//! Swedish and English side by side and the front end chooses.

use std::fmt;

/// The languages of the UI and of the documents we produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    Swedish,
    English,
}

impl Language {
    /// The ISO 639-1 code, as stored and as sent to AutoInvoice (lower case).
    pub fn code(self) -> &'static str {
        match self {
            Language::Swedish => "sv",
            Language::English => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "sv" | "se" | "swe" => Some(Language::Swedish),
            "en" | "eng" => Some(Language::English),
            _ => None,
        }
    }
}

/// A message in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            sv: sv.into(),
            en: en.into(),
        }
    }

    pub fn in_language(&self, language: Language) -> &str {
        match language {
            Language::Swedish => &self.sv,
            Language::English => &self.en,
        }
    }
}

impl fmt::Display for Text {
    /// Swedish first, since that is the product's default language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.sv, self.en)
    }
}
