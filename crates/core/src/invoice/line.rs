//! Invoice lines and document-level charges.

use rust_decimal::Decimal;

use crate::unit::Unit;
use crate::vat::LineVat;

/// A discount on one line: a percentage of the line's gross amount, or a fixed amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Discount {
    #[default]
    None,
    /// Percent of quantity × price, 0–100.
    Percent(Decimal),
    /// A fixed amount off the line, in the invoice currency (same VAT basis as the price).
    Amount(Decimal),
}

/// One row of an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLine {
    pub article_number: String,
    pub description: String,
    /// May be negative (returns, deductions); never zero on an issued invoice.
    pub quantity: Decimal,
    pub unit: Unit,
    /// As entered: excluding or including VAT, as the invoice's `PriceEntry` says.
    pub unit_price: Decimal,
    pub discount: Discount,
    pub vat: LineVat,
}

/// A row with only a text (a heading, an explanation, a longer description): no quantity, price
/// or VAT, so it never changes a total. It is printed in its place among the lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRow {
    /// The index of the line this row is printed before; the number of lines puts it last.
    pub before_line: usize,
    pub text: String,
}

/// Where each item of an invoice's rows comes, in printing order: text rows before the line
/// they name, lines in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRef {
    /// `lines[index]`.
    Line(usize),
    /// `text_rows[index]`.
    Text(usize),
}

/// The rows of an invoice in printing order: the lines with the text rows put before the line
/// each names (in their own order when several name the same line), and the rest at the end.
pub fn rows_in_order(line_count: usize, text_rows: &[TextRow]) -> Vec<RowRef> {
    let mut rows = Vec::with_capacity(line_count + text_rows.len());
    for line in 0..=line_count {
        rows.extend(
            text_rows
                .iter()
                .enumerate()
                .filter(|(_, row)| row.before_line.min(line_count) == line)
                .map(|(index, _)| RowRef::Text(index)),
        );
        if line < line_count {
            rows.push(RowRef::Line(line));
        }
    }
    rows
}

/// The kinds of document-level charge Swedish small businesses put on invoices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChargeKind {
    /// Fakturaavgift (administrative fee); carries VAT like the main supply.
    InvoiceFee,
    /// Frakt.
    Freight,
}

impl ChargeKind {
    /// The UNCL7161 reason code used in UBL for the charge.
    pub fn reason_code(self) -> &'static str {
        match self {
            ChargeKind::InvoiceFee => "AEO",
            ChargeKind::Freight => "FC",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ChargeKind::InvoiceFee => "invoice_fee",
            ChargeKind::Freight => "freight",
        }
    }

    pub fn from_code(code: &str) -> Option<ChargeKind> {
        [ChargeKind::InvoiceFee, ChargeKind::Freight]
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// A document-level charge (invoice fee, freight) with its own VAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    pub kind: ChargeKind,
    /// As entered: excluding or including VAT, as the invoice's `PriceEntry` says.
    pub amount: Decimal,
    pub vat: LineVat,
}
