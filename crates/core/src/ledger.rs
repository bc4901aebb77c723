//! What the books need to know about issued invoices and payments: the plain facts the store reads
//! in bulk and the bookkeeping crate turns into verifications, VAT return boxes and the EU sales
//! list. Amounts are in the invoice currency with the invoice's rate beside them, as issued.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::vat::VatTreatment;

/// What one part of an invoice sold, as far as accounts and VAT boxes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartKind {
    Goods,
    Service,
    InvoiceFee,
    Freight,
}

/// One line or charge: its VAT treatment and rate and its net amount (excluding VAT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerPart {
    pub kind: PartKind,
    pub treatment: VatTreatment,
    /// The rate actually applied, in percent (0 for treatments that charge no VAT).
    pub rate: Decimal,
    /// Positive on ordinary lines of both invoices and credit invoices (a return line is negative).
    pub net: Decimal,
}

/// The VAT of one rate as summed on the invoice (BG-23), in the invoice currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerVat {
    pub rate: Decimal,
    pub amount: Decimal,
}

/// An issued invoice or credit invoice as the books see it. Amounts on a credit invoice are
/// positive, as stored; `is_credit` says they are to be subtracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerInvoice {
    pub id: i64,
    pub number: String,
    pub is_credit: bool,
    /// The invoice date, which decides the bookkeeping and VAT period (faktureringsmetoden).
    pub date: NaiveDate,
    pub customer_number: String,
    pub customer_name: String,
    /// The buyer's VAT number as on the invoice (compact form), empty when none.
    pub buyer_vat_number: String,
    pub buyer_country: String,
    pub currency: String,
    /// SEK per unit of `currency`; 1 for SEK.
    pub exchange_rate: Decimal,
    pub parts: Vec<LedgerPart>,
    pub vat: Vec<LedgerVat>,
    /// Öresavrundning (BT-114) in the invoice currency.
    pub rounding: Decimal,
    pub payable: Decimal,
    /// The payable amount in SEK as computed at issue.
    pub payable_sek: Decimal,
    /// Total VAT in SEK as stated on the invoice (BT-111).
    pub vat_total_sek: Decimal,
}

impl LedgerInvoice {
    /// +1 for an invoice, −1 for a credit invoice.
    pub fn sign(&self) -> Decimal {
        if self.is_credit {
            Decimal::NEGATIVE_ONE
        } else {
            Decimal::ONE
        }
    }
}

/// A payment received on an invoice, or money paid back on a credit invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerPayment {
    pub id: i64,
    pub invoice_id: i64,
    pub invoice_number: String,
    pub is_credit: bool,
    pub customer_name: String,
    pub date: NaiveDate,
    /// In the invoice currency, as stored: a refund or a reversal is negative.
    pub amount: Decimal,
    pub currency: String,
    /// The invoice's rate: payments are booked at it, so no exchange difference arises.
    pub exchange_rate: Decimal,
    /// A small difference closed without money (öresdifferens): booked against the rounding
    /// account instead of the bank.
    pub is_write_off: bool,
}

impl LedgerPayment {
    /// +1 for money in on an invoice, −1 for money paid back on a credit invoice.
    pub fn sign(&self) -> Decimal {
        if self.is_credit {
            Decimal::NEGATIVE_ONE
        } else {
            Decimal::ONE
        }
    }
}
