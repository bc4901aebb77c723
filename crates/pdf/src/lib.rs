//! The invoice PDF: a Swedish invoice or credit invoice on A4, rendered natively with printpdf in
//! milliseconds, with the buyer's address in the envelope window, the rows flowing over as many
//! pages as needed, the VAT summary, the payment block and the seller's legal details.
//!
//! Amounts come only from the core's `compute_totals`; the renderer formats, never sums. The same
//! invoice and options always give the same bytes: no clock, no random ids.

mod canvas;
mod document;
mod error;
mod fonts;
mod format;
mod labels;
mod layout;
mod letter;
mod logo;
mod units;
mod wrap;

use fakturera_core::invoice::Invoice;

pub use error::PdfError;
pub use fonts::REPLACEMENT as MISSING_GLYPH_REPLACEMENT;
pub use layout::{ENVELOPE_WINDOW, Window};
pub use letter::{Letter, LetterColumn, LetterPayment, render_letter};
pub use logo::Logo;
pub use units::Length;

/// What the layout needs beyond the invoice itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfOptions {
    /// The company logo, decoded once (see [`Logo::from_bytes`]); `None` prints the company name.
    pub logo: Option<Logo>,
}

impl PdfOptions {
    /// Options with the logo decoded from PNG or JPEG bytes; a bad file is a clear error.
    pub fn with_logo_bytes(bytes: &[u8]) -> Result<PdfOptions, PdfError> {
        Ok(PdfOptions {
            logo: Some(Logo::from_bytes(bytes)?),
        })
    }
}

/// An amount as the documents print it: two decimals, the language's separators ("1 250,50").
pub fn format_amount(value: rust_decimal::Decimal, language: fakturera_core::Language) -> String {
    format::amount(value, language)
}

/// The characters of `text` the invoice font cannot draw, each once: they would print as
/// [`MISSING_GLYPH_REPLACEMENT`], so the editor warns before the invoice is issued.
pub fn unprintable_characters(text: &str) -> Vec<char> {
    // Fonts that do not parse make every render fail with its own error; nothing to warn of here.
    fonts::fonts().map_or_else(|_| Vec::new(), |fonts| fonts.unprintable(text))
}

/// Renders `invoice` as a PDF: Swedish or English by `invoice.language`, an invoice or a credit
/// invoice by its kind, a draft marked as such when it has no number yet.
pub fn render_invoice(invoice: &Invoice, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::fonts().map_err(|detail| PdfError::font(&detail))?;
    document::render(invoice, fonts, options.logo.as_ref())
}
