//! The largest numbers an invoice may hold. Beyond them a value is a typing error, and the
//! arithmetic of the totals could leave rust_decimal's range (about 7.9 × 10²⁸) and panic.
//!
//! With these bounds no total can overflow: a line is at most 10⁹ × 10¹² = 10²¹, 10,000 lines and
//! two charges at most about 10²⁵, VAT at most as much again (rates up to 100 %), and in SEK at an
//! exchange rate of at most 1,000 about 2 × 10²⁸. The checks here use comparisons only, so they
//! are safe on any input; [`check_amount_limits`] runs before anything computes a total.

use rust_decimal::Decimal;

use super::document::Invoice;
use super::line::{Discount, InvoiceLine};
use crate::field_error::{FieldError, FieldErrors};
use crate::text::Text;

/// Rows on one invoice.
pub const MAX_LINES: usize = 10_000;
/// A line's quantity, either sign.
pub const MAX_QUANTITY: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// A unit price, an amount discount or a charge (10¹²), either sign.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// SEK per unit of a foreign currency.
pub const MAX_EXCHANGE_RATE: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

fn error(field: String, sv: String, en: String) -> FieldError {
    FieldError::new(field, "range", Text::new(sv, en))
}

/// The numbers of each line: quantity, price, discount and VAT rate.
pub(super) fn check_line_limits(lines: &[InvoiceLine], errors: &mut FieldErrors) {
    for (index, line) in lines.iter().enumerate() {
        let row = index + 1;
        let field = |name: &str| format!("lines[{index}].{name}");
        if line.quantity.abs() > MAX_QUANTITY {
            errors.push(error(
                field("quantity"),
                format!("Antal på rad {row} är orimligt stort. Ange högst {MAX_QUANTITY}."),
                format!("The quantity on line {row} is unreasonably large. Enter at most {MAX_QUANTITY}."),
            ));
        }
        if line.unit_price.abs() > MAX_AMOUNT {
            errors.push(error(
                field("unit_price"),
                format!("Priset på rad {row} är orimligt stort."),
                format!("The price on line {row} is unreasonably large."),
            ));
        }
        match line.discount {
            Discount::Percent(percent)
                if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED =>
            {
                errors.push(error(
                    field("discount"),
                    format!("Rabatten på rad {row} måste vara mellan 0 och 100 %."),
                    format!("The discount on line {row} must be between 0 and 100 %."),
                ));
            }
            Discount::Amount(amount) if amount.abs() > MAX_AMOUNT => {
                errors.push(error(
                    field("discount"),
                    format!("Rabatten på rad {row} är orimligt stor."),
                    format!("The discount on line {row} is unreasonably large."),
                ));
            }
            _ => {}
        }
        if line.vat.rate < Decimal::ZERO || line.vat.rate > Decimal::ONE_HUNDRED {
            errors.push(error(
                field("vat"),
                format!("Momssatsen på rad {row} måste vara mellan 0 och 100 %."),
                format!("The VAT rate on line {row} must be between 0 and 100 %."),
            ));
        }
    }
}

/// The numbers of the document itself: how many lines, the charges and the exchange rate.
pub(super) fn check_document_limits(invoice: &Invoice, errors: &mut FieldErrors) {
    if invoice.lines.len() > MAX_LINES {
        errors.push(error(
            "lines".to_owned(),
            format!(
                "Fakturan har {} rader; högst {MAX_LINES} går. Dela upp den på flera fakturor.",
                invoice.lines.len()
            ),
            format!(
                "The invoice has {} lines; at most {MAX_LINES} are possible. Split it into several invoices.",
                invoice.lines.len()
            ),
        ));
    }
    for (index, charge) in invoice.charges.iter().enumerate() {
        if charge.amount < Decimal::ZERO || charge.amount > MAX_AMOUNT {
            errors.push(error(
                format!("charges[{index}].amount"),
                "Avgiften måste vara ett belopp på 0 eller mer.".to_owned(),
                "The charge must be an amount of 0 or more.".to_owned(),
            ));
        }
        if charge.vat.rate < Decimal::ZERO || charge.vat.rate > Decimal::ONE_HUNDRED {
            errors.push(error(
                format!("charges[{index}].vat"),
                "Avgiftens momssats måste vara mellan 0 och 100 %.".to_owned(),
                "The charge's VAT rate must be between 0 and 100 %.".to_owned(),
            ));
        }
    }
    let discount_out_of_range = match invoice.discount {
        Discount::None => false,
        Discount::Percent(percent) => percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED,
        Discount::Amount(amount) => amount.abs() > MAX_AMOUNT,
    };
    if discount_out_of_range {
        errors.push(error(
            "discount".to_owned(),
            "Fakturarabatten är orimlig: ange en procent mellan 0 och 100 eller ett rimligt belopp."
                .to_owned(),
            "The invoice discount is unreasonable: enter a percentage from 0 to 100 or a reasonable amount."
                .to_owned(),
        ));
    }
    if invoice.exchange_rate <= Decimal::ZERO
        || invoice.exchange_rate > MAX_EXCHANGE_RATE
        || (invoice.currency.is_sek() && invoice.exchange_rate != Decimal::ONE)
    {
        errors.push(error(
            "exchange_rate".to_owned(),
            format!("Valutakursen måste vara större än 0 och högst {MAX_EXCHANGE_RATE} kronor per enhet (och 1 för SEK)."),
            format!("The exchange rate must be greater than 0 and at most {MAX_EXCHANGE_RATE} kronor per unit (and 1 for SEK)."),
        ));
    }
}

/// Every number of the invoice within the bounds above. Run it before computing totals on
/// anything a user typed or a file held: [`super::compute_totals`] assumes it holds.
pub fn check_amount_limits(invoice: &Invoice) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check_line_limits(&invoice.lines, &mut errors);
    check_document_limits(invoice, &mut errors);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;
    use rust_decimal_macros::dec;

    #[test]
    fn the_largest_invoice_within_the_limits_computes_without_overflow() {
        let mut invoice = samples::domestic_invoice("2026-05-04".parse().unwrap_or_default());
        invoice.currency =
            crate::money::Currency::parse("EUR").unwrap_or_else(|_| invoice.currency.clone());
        invoice.exchange_rate = MAX_EXCHANGE_RATE;
        let line = invoice.lines[0].clone();
        invoice.lines = vec![
            InvoiceLine {
                quantity: MAX_QUANTITY,
                unit_price: MAX_AMOUNT,
                ..line
            };
            MAX_LINES
        ];
        for charge in &mut invoice.charges {
            charge.amount = MAX_AMOUNT;
        }
        invoice.discount = Discount::Percent(dec!(50));
        assert!(check_amount_limits(&invoice).is_empty());
        let totals = invoice.totals();
        assert!(totals.payable_sek > dec!(1e27));
    }

    #[test]
    fn numbers_beyond_the_limits_name_their_field() {
        let mut invoice = samples::domestic_invoice("2026-05-04".parse().unwrap_or_default());
        invoice.lines[0].quantity = dec!(12345678901234567);
        invoice.lines[0].unit_price = dec!(12345678901234);
        invoice.lines[0].vat.rate = dec!(1e20);
        invoice.exchange_rate = dec!(1e20);
        invoice.discount = Discount::Percent(dec!(1e20));
        let fields: Vec<String> = check_amount_limits(&invoice)
            .0
            .into_iter()
            .map(|error| error.field)
            .collect();
        assert_eq!(
            fields,
            [
                "lines[0].quantity",
                "lines[0].unit_price",
                "lines[0].vat",
                "discount",
                "exchange_rate"
            ]
        );
    }
}
