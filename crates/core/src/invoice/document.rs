//! The invoice document: header, parties, lines and charges.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::line::{Charge, Discount, InvoiceLine, TextRow};
use super::totals::{Totals, compute_totals};
use crate::money::Currency;
use crate::party::{Buyer, Seller};
use crate::payment_terms::PaymentTerms;
use crate::text::Language;

/// The invoice a credit invoice corrects; Swedish law requires the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditReference {
    pub number: String,
    pub issue_date: NaiveDate,
}

/// An ordinary invoice, or a credit invoice that points at the invoice it credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvoiceKind {
    Invoice,
    Credit(CreditReference),
}

/// Whether prices on the lines are entered without or with VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriceEntry {
    #[default]
    ExcludingVat,
    /// Prices include VAT; the net amounts are back-calculated so that the total is what was entered.
    IncludingVat,
}

/// How the payable amount is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Pay the exact amount with öre.
    #[default]
    None,
    /// Öresavrundning: the payable amount is rounded to whole kronor, the difference shown as BT-114.
    WholeKronor,
}

/// An invoice or credit invoice, drafted or issued.
///
/// Amounts on a credit invoice are positive, as in a UBL CreditNote; its kind says they are to be
/// subtracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoice {
    pub kind: InvoiceKind,
    /// Assigned at issue; `None` on a draft.
    pub number: Option<String>,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    /// Set when the delivery date differs from the issue date.
    pub delivery_date: Option<NaiveDate>,
    pub seller: Seller,
    pub buyer: Buyer,
    pub our_reference: String,
    pub your_reference: String,
    /// The buyer's reference code (referenskod, BT-10).
    pub buyer_reference: String,
    /// The buyer's order number (BT-13).
    pub order_reference: String,
    pub currency: Currency,
    /// SEK per unit of `currency`; 1 for SEK.
    pub exchange_rate: Decimal,
    pub language: Language,
    pub price_entry: PriceEntry,
    pub lines: Vec<InvoiceLine>,
    /// Rows with only a text, printed among the lines; they carry no amount.
    pub text_rows: Vec<TextRow>,
    pub charges: Vec<Charge>,
    /// A discount on the whole invoice (a percentage of the lines, or an amount), given as a
    /// document-level allowance (EN 16931 BG-20) shared over the VAT rates of the lines.
    pub discount: Discount,
    pub rounding: Rounding,
    pub payment_terms: PaymentTerms,
    /// The OCR reference the buyer pays with; empty when none.
    pub ocr: String,
    /// Free text printed on the invoice.
    pub notes: String,
}

impl Invoice {
    /// An empty draft dated `issue_date`: SEK, whole-kronor rounding, the given terms.
    pub fn draft(
        seller: Seller,
        buyer: Buyer,
        issue_date: NaiveDate,
        terms: PaymentTerms,
    ) -> Invoice {
        let language = buyer.language;
        Invoice {
            kind: InvoiceKind::Invoice,
            number: None,
            issue_date,
            due_date: terms.due_date(issue_date),
            delivery_date: None,
            seller,
            buyer,
            our_reference: String::new(),
            your_reference: String::new(),
            buyer_reference: String::new(),
            order_reference: String::new(),
            currency: Currency::sek(),
            exchange_rate: Decimal::ONE,
            language,
            price_entry: PriceEntry::ExcludingVat,
            lines: Vec::new(),
            text_rows: Vec::new(),
            charges: Vec::new(),
            discount: Discount::None,
            rounding: Rounding::WholeKronor,
            payment_terms: terms,
            ocr: String::new(),
            notes: String::new(),
        }
    }

    pub fn is_credit(&self) -> bool {
        matches!(self.kind, InvoiceKind::Credit(_))
    }

    pub fn credited_invoice(&self) -> Option<&CreditReference> {
        match &self.kind {
            InvoiceKind::Credit(reference) => Some(reference),
            InvoiceKind::Invoice => None,
        }
    }

    /// The totals, computed exactly from lines and charges. The amounts must be within
    /// [`super::check_amount_limits`] (everything the store holds is); for anything else use
    /// [`Invoice::checked_totals`].
    pub fn totals(&self) -> Totals {
        compute_totals(self)
    }

    /// The totals, or the fields whose numbers are too large to compute them safely.
    pub fn checked_totals(&self) -> Result<Totals, crate::FieldErrors> {
        super::check_amount_limits(self).into_result(())?;
        Ok(compute_totals(self))
    }

    /// +1 for an invoice, −1 for a credit invoice: what the amounts mean to the ledger.
    pub fn sign(&self) -> Decimal {
        if self.is_credit() {
            Decimal::NEGATIVE_ONE
        } else {
            Decimal::ONE
        }
    }
}
