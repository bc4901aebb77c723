//! From what the user typed to a domain invoice, collecting every problem at once.

use chrono::NaiveDate;
use fakturera_core::invoice::{
    Charge, ChargeKind, Discount, Invoice, InvoiceKind, InvoiceLine, PriceEntry, Rounding, TextRow,
    check_amount_limits,
};
use fakturera_core::money::Currency;
use fakturera_core::party::{Buyer, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::unit::Unit;
use fakturera_core::vat::{LineVat, VatTreatment};
use fakturera_core::{FieldError, FieldErrors, Text};
use rust_decimal::Decimal;

use super::decimal_input::parse_decimal;
use super::form::{DiscountKindCode, InvoiceForm, InvoiceLineForm, RowKindCode};

/// The parties and kind an invoice is drafted for; they come from the registers, not the form.
#[derive(Debug, Clone)]
pub struct FormParties {
    pub seller: Seller,
    pub buyer: Buyer,
    pub kind: InvoiceKind,
}

fn parse_date(input: &str, field: &str, label: (&str, &str)) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| {
        FieldError::new(
            field,
            "date",
            Text::new(
                format!(
                    "{} måste vara ett datum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-26.",
                    label.0
                ),
                format!("{} must be a date as YYYY-MM-DD, e.g. 2026-11-26.", label.1),
            ),
        )
    })
}

fn optional_date(
    input: &str,
    field: &str,
    label: (&str, &str),
) -> Result<Option<NaiveDate>, FieldError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(input, field, label).map(Some)
    }
}

fn optional_decimal(
    input: &str,
    field: &str,
    label: (&str, &str),
) -> Result<Option<Decimal>, FieldError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_decimal(input, field, label).map(Some)
    }
}

fn line_from_form(
    index: usize,
    line: &InvoiceLineForm,
    errors: &mut FieldErrors,
) -> Option<InvoiceLine> {
    let field = |name: &str| format!("lines[{index}].{name}");
    let quantity = errors.collect(parse_decimal(
        &line.quantity,
        &field("quantity"),
        ("Antal", "The quantity"),
    ));
    let unit_price = errors.collect(parse_decimal(
        &line.unit_price,
        &field("unit_price"),
        ("Priset", "The price"),
    ));
    let discount = errors.collect(optional_decimal(
        &line.discount_percent,
        &field("discount"),
        ("Rabatten", "The discount"),
    ));
    let treatment = VatTreatment::from(line.vat_treatment);
    let rate = if treatment.charges_vat() {
        errors.collect(parse_decimal(
            &line.vat_rate,
            &field("vat"),
            ("Momssatsen", "The VAT rate"),
        ))
    } else {
        Some(Decimal::ZERO)
    };
    Some(InvoiceLine {
        article_number: line.article_number.trim().to_owned(),
        description: line.description.trim().to_owned(),
        quantity: quantity?,
        unit: Unit::new(line.unit.as_str()),
        unit_price: unit_price?,
        discount: discount?.map_or(Discount::None, Discount::Percent),
        vat: LineVat {
            treatment,
            rate: rate?,
        },
    })
}

/// The VAT of ancillary charges follows the main supply: the line with the largest amount.
/// Checked: the limits are enforced after this, on the finished invoice.
fn main_supply_vat(lines: &[InvoiceLine]) -> LineVat {
    lines
        .iter()
        .max_by_key(|line| {
            line.quantity
                .checked_mul(line.unit_price)
                .map_or(Decimal::MAX, |amount| amount.abs())
        })
        .map_or(LineVat::swedish(Decimal::from(25)), |line| line.vat)
}

/// Builds the invoice the form describes, or lists every field that needs fixing.
///
/// This checks only that each value can be read; whether the invoice may be issued is
/// `fakturera_core::invoice::validate_for_issue`'s job.
pub fn invoice_from_form(form: &InvoiceForm, parties: FormParties) -> Result<Invoice, FieldErrors> {
    let mut errors = FieldErrors::default();
    let issue_date = errors.collect(parse_date(
        &form.issue_date,
        "issue_date",
        ("Fakturadatum", "The invoice date"),
    ));
    let due_date = errors.collect(optional_date(
        &form.due_date,
        "due_date",
        ("Förfallodatum", "The due date"),
    ));
    let delivery_date = errors.collect(optional_date(
        &form.delivery_date,
        "delivery_date",
        ("Leveransdatum", "The delivery date"),
    ));
    let terms = if form.payment_terms.trim().is_empty() {
        Some(PaymentTerms::default())
    } else {
        errors.collect(PaymentTerms::parse(&form.payment_terms))
    };
    let currency = if form.currency.trim().is_empty() {
        Some(Currency::sek())
    } else {
        errors.collect(Currency::parse(&form.currency))
    };
    let exchange_rate = match &currency {
        Some(currency) if !currency.is_sek() => errors.collect(parse_decimal(
            &form.exchange_rate,
            "exchange_rate",
            ("Valutakursen", "The exchange rate"),
        )),
        _ => Some(Decimal::ONE),
    };
    // Text rows come apart from the lines, each placed before the line that follows it. Problems
    // name the form's row, so they show in the grid where the user typed.
    let mut text_rows = Vec::new();
    let mut lines: Vec<Option<InvoiceLine>> = Vec::new();
    for (index, line) in form.lines.iter().enumerate() {
        match line.kind {
            RowKindCode::Text => text_rows.push(TextRow {
                before_line: lines.len(),
                text: line.description.trim().to_owned(),
            }),
            RowKindCode::Item => lines.push(line_from_form(index, line, &mut errors)),
        }
    }
    let discount = errors.collect(optional_decimal(
        &form.discount,
        "discount",
        ("Fakturarabatten", "The invoice discount"),
    ));
    let invoice_fee = errors.collect(optional_decimal(
        &form.invoice_fee,
        "invoice_fee",
        ("Fakturaavgiften", "The invoice fee"),
    ));
    let freight = errors.collect(optional_decimal(
        &form.freight,
        "freight",
        ("Frakten", "The freight"),
    ));

    let (
        Some(issue_date),
        Some(due_date),
        Some(delivery_date),
        Some(terms),
        Some(currency),
        Some(exchange_rate),
        Some(invoice_fee),
        Some(freight),
        Some(discount),
    ) = (
        issue_date,
        due_date,
        delivery_date,
        terms,
        currency,
        exchange_rate,
        invoice_fee,
        freight,
        discount,
    )
    else {
        return Err(errors);
    };
    let lines: Option<Vec<InvoiceLine>> = lines.into_iter().collect();
    let Some(lines) = lines else {
        return Err(errors);
    };
    errors.into_result(())?;

    let charge_vat = main_supply_vat(&lines);
    let charges = [
        (ChargeKind::InvoiceFee, invoice_fee),
        (ChargeKind::Freight, freight),
    ]
    .into_iter()
    .filter_map(|(kind, amount)| {
        amount
            .filter(|amount| !amount.is_zero())
            .map(|amount| Charge {
                kind,
                amount,
                vat: charge_vat,
            })
    })
    .collect();

    let mut invoice = Invoice::draft(parties.seller, parties.buyer, issue_date, terms);
    invoice.kind = parties.kind;
    if let Some(due_date) = due_date {
        invoice.due_date = due_date;
    }
    invoice.delivery_date = delivery_date.filter(|date| *date != issue_date);
    invoice.our_reference = form.our_reference.trim().to_owned();
    invoice.your_reference = form.your_reference.trim().to_owned();
    invoice.buyer_reference = form.buyer_reference.trim().to_owned();
    invoice.order_reference = form.order_reference.trim().to_owned();
    invoice.currency = currency;
    invoice.exchange_rate = exchange_rate;
    invoice.price_entry = if form.prices_include_vat {
        PriceEntry::IncludingVat
    } else {
        PriceEntry::ExcludingVat
    };
    invoice.rounding = if form.round_to_whole_kronor {
        Rounding::WholeKronor
    } else {
        Rounding::None
    };
    invoice.notes = form.notes.trim().to_owned();
    invoice.lines = lines;
    invoice.text_rows = text_rows;
    invoice.charges = charges;
    invoice.discount = match (
        discount.filter(|amount| !amount.is_zero()),
        form.discount_kind,
    ) {
        (None, _) => Discount::None,
        (Some(percent), DiscountKindCode::Percent) => Discount::Percent(percent),
        (Some(amount), DiscountKindCode::Amount) => Discount::Amount(amount),
    };
    // Nothing computes a total on numbers too large to add up safely.
    check_amount_limits(&invoice).into_result(invoice)
}
