//! What every part of the layout needs to know about the invoice being drawn.

use std::borrow::Cow;

use fakturera_core::Language;
use fakturera_core::invoice::{Invoice, Totals};
use printpdf::XObjectId;
use rust_decimal::Decimal;

use crate::fonts::Fonts;
use crate::format;
use crate::labels::{Labels, labels};

/// The logo as placed in the document's resources.
#[derive(Debug, Clone)]
pub struct PlacedLogo {
    pub id: XObjectId,
    pub width_px: u32,
    pub height_px: u32,
}

/// The invoice, its totals (computed by the core, never here) and how to print them.
#[derive(Debug)]
pub struct Sheet<'a> {
    pub invoice: &'a Invoice,
    pub totals: &'a Totals,
    pub labels: &'static Labels,
    pub language: Language,
    pub fonts: &'static Fonts,
    pub logo: Option<PlacedLogo>,
}

impl<'a> Sheet<'a> {
    pub fn new(
        invoice: &'a Invoice,
        totals: &'a Totals,
        fonts: &'static Fonts,
        logo: Option<PlacedLogo>,
    ) -> Sheet<'a> {
        Sheet {
            invoice,
            totals,
            labels: labels(invoice.language),
            language: invoice.language,
            fonts,
            logo,
        }
    }

    /// User text made printable with the embedded font.
    pub fn text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.fonts.printable(text)
    }

    /// An amount as the document shows it: negative on a credit invoice, whose amounts the core
    /// keeps positive (as a UBL CreditNote does) and whose kind says they are subtracted.
    pub fn money(&self, value: Decimal) -> String {
        format::amount(value * self.invoice.sign(), self.language)
    }

    /// "Faktura" or "Kreditfaktura".
    pub fn title(&self) -> &'static str {
        if self.invoice.is_credit() {
            self.labels.credit_invoice
        } else {
            self.labels.invoice
        }
    }

    /// The currency code printed next to totals.
    pub fn currency(&self) -> &str {
        self.invoice.currency.code()
    }
}
