//! Why an invoice could not be rendered, in words the user can act on.

use fakturera_core::{FieldError, Text};

/// A render that could not produce a PDF. Each variant explains itself in Swedish and English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The logo from the company settings is unusable.
    #[error("{0}")]
    Logo(Text),
    /// The embedded font could not be loaded (a broken build, never the user's input).
    #[error("{0}")]
    Font(Text),
    /// The finished document could not be written out (a bug, never the user's input).
    #[error("{0}")]
    Write(Text),
}

impl PdfError {
    pub(crate) fn logo(sv: impl Into<String>, en: impl Into<String>) -> PdfError {
        PdfError::Logo(Text::new(sv, en))
    }

    pub(crate) fn font(detail: &str) -> PdfError {
        PdfError::Font(Text::new(
            format!(
                "Typsnittet för fakturan kunde inte läsas ({detail}). Installera om programmet."
            ),
            format!("The invoice font could not be loaded ({detail}). Reinstall the program."),
        ))
    }

    pub(crate) fn write(detail: &str) -> PdfError {
        PdfError::Write(Text::new(
            format!(
                "PDF-filen kunde inte skapas ({detail}). Försök igen och rapportera felet om det kvarstår."
            ),
            format!(
                "The PDF file could not be created ({detail}). Try again, and report the error if it persists."
            ),
        ))
    }

    /// The message in both languages.
    pub fn message(&self) -> &Text {
        match self {
            PdfError::Logo(text) | PdfError::Font(text) | PdfError::Write(text) => text,
        }
    }

    /// The error as a field error, for forms: the logo belongs to the company settings.
    pub fn to_field_error(&self) -> FieldError {
        match self {
            PdfError::Logo(text) => FieldError::new("logo", "invalid", text.clone()),
            PdfError::Font(text) => FieldError::new("pdf", "font", text.clone()),
            PdfError::Write(text) => FieldError::new("pdf", "write", text.clone()),
        }
    }
}
