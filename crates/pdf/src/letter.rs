//! Letters the company sends besides invoices — payment reminders and customer statements
//! (kontoutdrag) — in the invoice's look: logo, title and facts, the customer's address in the
//! envelope window, an introduction, a table, totals, a payment block and the seller's footer.
//!
//! The caller gives every text and amount ready to print (amounts from the core, formatted with
//! [`crate::format_amount`]); the renderer only places them, flowing the table over pages.

use chrono::NaiveDate;
use fakturera_core::Language;
use fakturera_core::party::{Buyer, Seller};

use crate::error::PdfError;
use crate::{PdfOptions, document, fonts, layout};

/// One column of the letter's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterColumn {
    pub title: String,
    /// Width in millimetres; the columns together should fill 170 mm.
    pub width_mm: i64,
    /// Amounts and dates are right-aligned.
    pub right: bool,
}

/// Where and how to pay: printed as the invoice's payment block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterPayment {
    /// The OCR reference (or invoice number) to pay with.
    pub reference: String,
    /// "OCR" or "Betalningsreferens" as printed above it.
    pub reference_is_ocr: bool,
    pub pay_by: NaiveDate,
    /// Formatted amount.
    pub amount: String,
    pub currency: String,
}

/// A letter ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub language: Language,
    /// "Betalningspåminnelse", "Kontoutdrag", …
    pub title: String,
    pub seller: Seller,
    pub buyer: Buyer,
    /// The letter's date (printed, and the PDF's creation date).
    pub date: NaiveDate,
    /// Label–value pairs beside the address, under the title.
    pub facts: Vec<(String, String)>,
    /// Paragraphs before the table.
    pub introduction: Vec<String>,
    pub columns: Vec<LetterColumn>,
    pub rows: Vec<Vec<String>>,
    /// Label–amount lines under the table; `true` prints the line bold (the total).
    pub totals: Vec<(String, String, bool)>,
    pub payment: Option<LetterPayment>,
    /// Paragraphs after the payment block (interest terms, what happens next).
    pub closing: Vec<String>,
    /// A stable id for the PDF trailer: the same letter gives the same bytes.
    pub identity: String,
}

/// Renders `letter` as an A4 PDF in the invoice's look.
pub fn render_letter(letter: &Letter, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::fonts().map_err(|detail| PdfError::font(&detail))?;
    let (mut pdf, logo) = document::new_document(options.logo.as_ref());
    document::set_document_info(
        &mut pdf,
        letter.title.clone(),
        &letter.seller.name,
        &letter.buyer.name,
        letter.date,
    );
    let pages = layout::letter_pages(letter, fonts, logo);
    document::finish(
        pdf,
        fonts,
        pages,
        &document::content_hash(&format!(
            "{}|{}|{}",
            letter.seller.org_number, letter.title, letter.identity
        )),
    )
}
