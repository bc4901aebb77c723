//! What an invoice must satisfy before it can be issued, under Swedish law and common sense.
//!
//! Every problem names the field it belongs to and says how to fix it, so the editor can show it
//! next to the right cell while the user types.

use rust_decimal::Decimal;

use super::document::Invoice;
use super::limits::{check_document_limits, check_line_limits};
use super::line::{Discount, InvoiceLine, TextRow};
use crate::field_error::{FieldError, FieldErrors};
use crate::text::Text;
use crate::vat::{VatCategory, VatTreatment};
use crate::vat_rates::SWEDISH_RATES;

/// The longest free text we accept in one field; longer texts are almost always pasted by mistake.
pub const MAX_TEXT_LENGTH: usize = 4000;

fn error(field: impl Into<String>, code: &'static str, sv: String, en: String) -> FieldError {
    FieldError::new(field, code, Text::new(sv, en))
}

fn check_text(
    errors: &mut FieldErrors,
    field: &str,
    label: (&str, &str),
    value: &str,
    required: bool,
) {
    if required && value.trim().is_empty() {
        errors.push(error(
            field,
            "required",
            format!("{} saknas. Fyll i fältet.", label.0),
            format!("{} is missing. Fill in the field.", label.1),
        ));
    } else if value.chars().count() > MAX_TEXT_LENGTH {
        errors.push(error(
            field,
            "too_long",
            format!("{} är för lång ({} tecken). Korta texten till högst {MAX_TEXT_LENGTH} tecken.", label.0, value.chars().count()),
            format!("{} is too long ({} characters). Shorten it to at most {MAX_TEXT_LENGTH} characters.", label.1, value.chars().count()),
        ));
    }
}

/// Problems with the lines alone, as the editor shows them while the user types.
pub fn validate_lines(lines: &[InvoiceLine]) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check_line_limits(lines, &mut errors);
    for (index, line) in lines.iter().enumerate() {
        let row = index + 1;
        let field = |name: &str| format!("lines[{index}].{name}");
        check_text(
            &mut errors,
            &field("description"),
            ("Radens text", "The line text"),
            &line.description,
            true,
        );
        if line.quantity.is_zero() {
            errors.push(error(
                field("quantity"),
                "zero",
                format!("Antal på rad {row} är 0. Ange ett antal eller ta bort raden."),
                format!("The quantity on line {row} is 0. Enter a quantity or remove the line."),
            ));
        }
        if line.unit.as_str().chars().count() > 20 {
            errors.push(error(
                field("unit"),
                "too_long",
                format!("Enheten på rad {row} får vara högst 20 tecken, t.ex. st eller tim."),
                format!("The unit on line {row} may be at most 20 characters, e.g. pcs or h."),
            ));
        }
        // Checked: the limits below are reported, not assumed, here.
        let line_amount = line
            .quantity
            .checked_mul(line.unit_price)
            .map(|amount| amount.abs());
        match line.discount {
            Discount::Amount(amount)
                if amount < Decimal::ZERO || line_amount.is_some_and(|limit| amount > limit) =>
            {
                errors.push(error(
                    field("discount"),
                    "range",
                    format!("Rabatten på rad {row} måste vara mellan 0 och radens belopp."),
                    format!("The discount on line {row} must be between 0 and the line amount."),
                ));
            }
            _ => {}
        }
        let vat = line.vat;
        if vat.treatment == VatTreatment::Swedish && !SWEDISH_RATES.contains(&vat.rate) {
            errors.push(error(field("vat"), "rate",
                format!("Momssatsen {} % på rad {row} finns inte i Sverige. Välj 25, 12, 6 eller 0 %.", vat.rate),
                format!("The VAT rate {} % on line {row} does not exist in Sweden. Choose 25, 12, 6 or 0 %.", vat.rate)));
        }
        if vat.treatment != VatTreatment::Swedish && !vat.rate.is_zero() {
            errors.push(error(field("vat"), "rate",
                format!("Rad {row} har en momsfri behandling men momssatsen {} %. Sätt momssatsen till 0 %.", vat.rate),
                format!("Line {row} has a VAT-free treatment but a rate of {} %. Set the rate to 0 %.", vat.rate)));
        }
    }
    errors
}

/// Problems with the text rows: each needs a text, of a sensible length, in its place.
pub fn validate_text_rows(text_rows: &[TextRow], line_count: usize) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for (index, row) in text_rows.iter().enumerate() {
        check_text(
            &mut errors,
            &format!("text_rows[{index}].text"),
            ("Textraden", "The text row"),
            &row.text,
            true,
        );
        if row.before_line > line_count {
            errors.push(error(
                format!("text_rows[{index}].before_line"),
                "range",
                "Textraden står efter fakturans sista rad. Flytta den.".to_owned(),
                "The text row comes after the invoice's last line. Move it.".to_owned(),
            ));
        }
    }
    errors
}

/// The lines' total as entered (with or without VAT, as the prices are), after line discounts.
pub(super) fn entered_lines_total(lines: &[InvoiceLine]) -> Decimal {
    lines
        .iter()
        .map(|line| {
            let gross = line.quantity * line.unit_price;
            gross
                - match line.discount {
                    Discount::None => Decimal::ZERO,
                    Discount::Percent(percent) => gross * percent / Decimal::ONE_HUNDRED,
                    Discount::Amount(amount) => amount,
                }
        })
        .sum()
}

/// The invoice-level discount: a percentage from 0 to 100, or an amount from 0 up to the lines'
/// total (as entered, with or without VAT); a discount needs lines that add up to more than 0.
pub fn validate_discount(invoice: &Invoice) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let lines_total = entered_lines_total(&invoice.lines);
    let refusal = |sv: &str, en: &str| error("discount", "range", sv.to_owned(), en.to_owned());
    match invoice.discount {
        Discount::None => {}
        Discount::Percent(percent) if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED => {
            errors.push(refusal(
                "Fakturarabatten måste vara mellan 0 och 100 %.",
                "The invoice discount must be between 0 and 100 %.",
            ));
        }
        Discount::Amount(amount)
            if amount < Decimal::ZERO || amount > lines_total.max(Decimal::ZERO) =>
        {
            errors.push(refusal(
                "Fakturarabatten måste vara ett belopp mellan 0 och radernas summa.",
                "The invoice discount must be an amount between 0 and the total of the lines.",
            ));
        }
        Discount::Percent(_) | Discount::Amount(_) if lines_total <= Decimal::ZERO => {
            errors.push(refusal(
                "Fakturarabatt kräver rader med ett belopp över 0.",
                "An invoice discount needs lines that add up to more than 0.",
            ));
        }
        Discount::Percent(_) | Discount::Amount(_) => {}
    }
    errors
}

/// Everything that must hold before `invoice` can be issued.
pub fn validate_for_issue(invoice: &Invoice) -> FieldErrors {
    let mut errors = validate_lines(&invoice.lines);
    errors
        .0
        .extend(validate_text_rows(&invoice.text_rows, invoice.lines.len()).0);
    errors.0.extend(validate_discount(invoice).0);
    if invoice.lines.is_empty() {
        errors.push(error(
            "lines",
            "required",
            "Fakturan har inga rader. Lägg till minst en rad.".to_owned(),
            "The invoice has no lines. Add at least one line.".to_owned(),
        ));
    }

    let seller = &invoice.seller;
    check_text(
        &mut errors,
        "seller.name",
        ("Företagets namn", "The company name"),
        &seller.name,
        true,
    );
    check_text(
        &mut errors,
        "seller.org_number",
        (
            "Företagets organisationsnummer",
            "The company's organisation number",
        ),
        &seller.org_number,
        true,
    );
    check_text(
        &mut errors,
        "seller.vat_number",
        (
            "Företagets momsregistreringsnummer",
            "The company's VAT number",
        ),
        &seller.vat_number,
        true,
    );

    let buyer = &invoice.buyer;
    check_text(
        &mut errors,
        "buyer.name",
        ("Kundens namn", "The customer's name"),
        &buyer.name,
        true,
    );
    if !buyer.address.is_complete() {
        errors.push(error(
            "buyer.address",
            "incomplete",
            "Kundens adress är ofullständig. Fyll i gatuadress, postnummer, ort och land."
                .to_owned(),
            "The customer's address is incomplete. Fill in street, postal code, city and country."
                .to_owned(),
        ));
    }

    for (field, label, value) in [
        (
            "our_reference",
            ("Vår referens", "Our reference"),
            &invoice.our_reference,
        ),
        (
            "your_reference",
            ("Er referens", "Your reference"),
            &invoice.your_reference,
        ),
        (
            "buyer_reference",
            ("Referenskod", "Buyer reference"),
            &invoice.buyer_reference,
        ),
        (
            "order_reference",
            ("Ordernummer", "Order reference"),
            &invoice.order_reference,
        ),
        (
            "notes",
            ("Fakturatexten", "The invoice text"),
            &invoice.notes,
        ),
    ] {
        check_text(&mut errors, field, label, value, false);
    }

    if invoice.due_date < invoice.issue_date {
        errors.push(error(
            "due_date",
            "before_issue",
            "Förfallodagen är före fakturadatum. Välj ett senare datum.".to_owned(),
            "The due date is before the invoice date. Choose a later date.".to_owned(),
        ));
    }
    check_document_limits(invoice, &mut errors);

    let treatments = invoice
        .lines
        .iter()
        .map(|line| line.vat)
        .chain(invoice.charges.iter().map(|charge| charge.vat));
    let mut needs_buyer_vat = false;
    let mut eu_treatment = false;
    let mut outside_scope = false;
    let mut other_category = false;
    for vat in treatments {
        needs_buyer_vat |= vat.treatment.requires_buyer_vat_number();
        eu_treatment |= matches!(
            vat.treatment,
            VatTreatment::EuGoods | VatTreatment::EuServices
        );
        if vat.category() == VatCategory::OutsideScope {
            outside_scope = true;
        } else {
            other_category = true;
        }
    }
    if needs_buyer_vat && buyer.vat_number.trim().is_empty() {
        errors.push(error("buyer.vat_number", "required",
            "Kundens momsregistreringsnummer krävs när köparen redovisar momsen (omvänd betalningsskyldighet eller EU-försäljning). Fyll i det i kundregistret.".to_owned(),
            "The customer's VAT number is required when the buyer accounts for VAT (reverse charge or EU sale). Add it in the customer register.".to_owned()));
    }
    if eu_treatment && buyer.address.is_swedish() {
        errors.push(error("buyer.address.country_code", "not_eu",
            "EU-försäljning kräver en kund i ett annat EU-land. Ändra kundens land eller radens momsbehandling.".to_owned(),
            "An EU sale needs a customer in another EU country. Change the customer's country or the line's VAT treatment.".to_owned()));
    }
    if outside_scope && other_category {
        errors.push(error("lines", "mixed_outside_scope",
            "Rader utanför momsens tillämpningsområde kan inte blandas med andra rader på samma faktura. Dela upp fakturan.".to_owned(),
            "Lines outside the scope of VAT cannot be mixed with other lines on one invoice. Split the invoice.".to_owned()));
    }
    errors
}
