//! A row of an opening-balance file (an unpaid invoice of the previous program) as an opening item:
//! the customer must exist, the dates and the amount left be real, the OCR reference valid and
//! unused, so payments can be matched to it from the first day.

use std::collections::HashMap;

use fakturera_core::ids::Ocr;
use fakturera_core::invoice::{Discount, Invoice, InvoiceLine, Rounding};
use fakturera_core::money::Currency;
use fakturera_core::unit::Unit;
use fakturera_core::vat::{LineVat, VatTreatment};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{Company, Customer, CustomerId, OpeningItem};
use rust_decimal::Decimal;

use super::rows::{MappedRow, date_cell};
use crate::invoice_form::parse_decimal;

fn error(field: &str, code: &'static str, sv: String, en: String) -> FieldError {
    FieldError::new(field, code, Text::new(sv, en))
}

/// The opening item a row describes, or all its problems. `customers` maps customer numbers to the
/// register's customers.
pub(crate) fn opening_row(
    row: &MappedRow<'_>,
    company: &Company,
    customers: &HashMap<String, (CustomerId, Customer)>,
) -> Result<OpeningItem, FieldErrors> {
    let mut errors = FieldErrors::default();
    let number = row.get("number").trim().to_owned();
    if number.is_empty() {
        errors.push(error(
            "number",
            "required",
            "Fakturanumret saknas.".into(),
            "The invoice number is missing.".into(),
        ));
    }
    let customer_number = row.get("customer_number").trim();
    let customer = customers.get(customer_number);
    if customer.is_none() {
        errors.push(error(
            "customer_number",
            "not_found",
            format!("Det finns ingen kund med kundnummer \"{customer_number}\". Importera kunderna först."),
            format!("There is no customer with customer number \"{customer_number}\". Import the customers first."),
        ));
    }
    let issue_date = errors.collect(date_cell(
        row.get("issue_date"),
        "issue_date",
        ("Fakturadatumet", "The invoice date"),
    ));
    let due_date = errors.collect(date_cell(
        row.get("due_date"),
        "due_date",
        ("Förfallodatumet", "The due date"),
    ));
    if let (Some(issue), Some(due)) = (issue_date, due_date)
        && due < issue
    {
        errors.push(error(
            "due_date",
            "order",
            format!("Förfallodatumet {due} ligger före fakturadatumet {issue}."),
            format!("The due date {due} is before the invoice date {issue}."),
        ));
    }
    let amount = errors.collect(parse_decimal(
        row.get("amount_left"),
        "amount_left",
        ("Restbeloppet", "The amount left"),
    ));
    if amount.is_some_and(|amount| amount <= Decimal::ZERO) {
        errors.push(error(
            "amount_left",
            "positive",
            "Restbeloppet ska vara större än noll; betalda fakturor importeras inte.".into(),
            "The amount left must be greater than zero; paid invoices are not imported.".into(),
        ));
    }
    let ocr = row.get("ocr").trim();
    let ocr = if ocr.is_empty() {
        Some(String::new())
    } else {
        errors
            .collect(Ocr::parse(ocr).map_err(|mut error| {
                error.field = "ocr".into();
                error
            }))
            .map(|ocr| ocr.digits().to_owned())
    };
    let currency_text = row.get("currency");
    let currency = if currency_text.trim().is_empty() {
        Some(Currency::sek())
    } else {
        errors.collect(Currency::parse(currency_text))
    };
    let exchange_rate = match (&currency, row.get("exchange_rate").trim()) {
        (Some(currency), _) if currency.is_sek() => Some(Decimal::ONE),
        (Some(currency), "") => {
            errors.push(error(
                "exchange_rate",
                "required",
                format!("Fakturan är i {currency}. Ange kursen (SEK per {currency}) i kolumnen Kurs."),
                format!("The invoice is in {currency}. Give the rate (SEK per {currency}) in the Exchange rate column."),
            ));
            None
        }
        (Some(_), rate) => errors.collect(parse_decimal(
            rate,
            "exchange_rate",
            ("Kursen", "The exchange rate"),
        )),
        (None, _) => None,
    };
    let (
        Some((customer_id, customer)),
        Some(issue_date),
        Some(due_date),
        Some(amount),
        Some(ocr),
        Some(currency),
        Some(exchange_rate),
    ) = (
        customer,
        issue_date,
        due_date,
        amount,
        ocr,
        currency,
        exchange_rate,
    )
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let terms = customer
        .payment_terms
        .unwrap_or(company.default_payment_terms);
    let mut invoice = Invoice::draft(company.seller(), customer.buyer(), issue_date, terms);
    invoice.due_date = due_date;
    invoice.currency = currency;
    invoice.exchange_rate = exchange_rate;
    invoice.rounding = Rounding::None;
    invoice.ocr = ocr;
    let description = match customer.language {
        Language::Swedish => format!("Ingående balans: faktura {number} från tidigare program"),
        Language::English => format!("Opening balance: invoice {number} from the previous program"),
    };
    invoice.lines = vec![InvoiceLine {
        article_number: String::new(),
        description,
        quantity: Decimal::ONE,
        unit: Unit::piece(),
        unit_price: amount,
        discount: Discount::None,
        vat: LineVat::untaxed(VatTreatment::OutsideScope),
    }];
    Ok(OpeningItem {
        customer_id: *customer_id,
        original_number: number,
        invoice,
    })
}
