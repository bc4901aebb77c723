//! Credit invoices: a full or partial reversal of an issued invoice, always pointing back at it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::document::{CreditReference, Invoice, InvoiceKind};
use super::line::Discount;
use super::validate::entered_lines_total;
use crate::field_error::{FieldError, FieldErrors};
use crate::text::Text;

/// What to credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreditSelection {
    /// Every line and charge, so the credit exactly cancels the invoice.
    Full,
    /// Some lines, each with the quantity to credit (at most the invoiced quantity); no charges.
    Lines(Vec<(usize, Decimal)>),
}

/// A draft credit invoice for `original`, dated `issue_date`.
///
/// The credit carries the original's parties, currency, rate, price entry and rounding, so that a full
/// credit has exactly the same totals. A credit invoice itself cannot be credited.
pub fn credit_invoice(
    original: &Invoice,
    selection: &CreditSelection,
    issue_date: NaiveDate,
) -> Result<Invoice, FieldErrors> {
    let Some(number) = original.number.clone() else {
        return Err(refusal(
            "not_issued",
            "Bara utfärdade fakturor kan krediteras. Utfärda fakturan först.",
            "Only issued invoices can be credited. Issue the invoice first.",
        ));
    };
    if original.is_credit() {
        return Err(refusal(
            "credit_of_credit",
            "En kreditfaktura kan inte krediteras. Skapa en ny faktura i stället.",
            "A credit invoice cannot be credited. Create a new invoice instead.",
        ));
    }

    let mut credit = original.clone();
    credit.kind = InvoiceKind::Credit(CreditReference {
        number,
        issue_date: original.issue_date,
    });
    credit.number = None;
    credit.issue_date = issue_date;
    credit.due_date = issue_date;
    credit.ocr = String::new();

    if let CreditSelection::Lines(selected) = selection {
        let mut errors = FieldErrors::default();
        let mut lines = Vec::with_capacity(selected.len());
        for (index, quantity) in selected {
            let field = format!("lines[{index}].quantity");
            let Some(line) = original.lines.get(*index) else {
                errors.push(FieldError::new(
                    field,
                    "unknown_line",
                    Text::new(
                        format!("Fakturan har ingen rad {}.", index + 1),
                        format!("The invoice has no line {}.", index + 1),
                    ),
                ));
                continue;
            };
            let same_sign = quantity.is_sign_negative() == line.quantity.is_sign_negative();
            if quantity.is_zero() || !same_sign || quantity.abs() > line.quantity.abs() {
                errors.push(FieldError::new(
                    field,
                    "range",
                    Text::new(
                        format!(
                            "Krediterat antal på rad {} måste vara mellan 0 och {} (fakturerat antal).",
                            index + 1,
                            line.quantity
                        ),
                        format!(
                            "The credited quantity on line {} must be between 0 and {} (the invoiced quantity).",
                            index + 1,
                            line.quantity
                        ),
                    ),
                ));
                continue;
            }
            let mut credited = line.clone();
            credited.quantity = *quantity;
            lines.push(credited);
        }
        if lines.is_empty() && errors.is_empty() {
            errors.push(FieldError::new(
                "lines",
                "empty",
                Text::new(
                    "Välj minst en rad att kreditera.",
                    "Choose at least one line to credit.",
                ),
            ));
        }
        // Text rows name lines by position, which a partial credit changes.
        credit.text_rows = Vec::new();
        // The customer had the invoice discount on every line, so the credited lines keep it: a
        // fixed amount becomes the share of the lines it was, as a percentage.
        if let Discount::Amount(amount) = original.discount {
            let total = entered_lines_total(&original.lines);
            credit.discount = if total > Decimal::ZERO {
                Discount::Percent((amount * Decimal::ONE_HUNDRED / total).round_dp(6))
            } else {
                Discount::None
            };
        }
        credit.lines = lines;
        credit.charges = Vec::new();
        errors.into_result(())?;
    }
    Ok(credit)
}

fn refusal(code: &'static str, sv: &str, en: &str) -> FieldErrors {
    FieldError::new("kind", code, Text::new(sv, en)).into()
}
