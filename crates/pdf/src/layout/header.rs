//! The top of each page: on the first, the logo, the title, the invoice facts, the buyer's address
//! in the envelope window and the references; on the others, a short running head.

use super::geometry::{
    ENVELOPE_WINDOW, FACTS_LEFT, FACTS_VALUE_LEFT, FIRST_TABLE_TOP_MIN, LEFT, RIGHT, WINDOW_INSET,
};
use super::sheet::Sheet;
use super::styles::{
    ADDRESS, ADDRESS_LEADING, ADDRESS_NAME, COMPANY, CONTINUED_TITLE, DRAFT, LABEL, TITLE, VALUE,
    VALUE_LEADING,
};
use crate::canvas::Canvas;
use crate::format;
use crate::units::Length;
use crate::wrap::{fit_with_ellipsis, wrap};

/// The box the logo is fitted into, keeping its proportions.
const LOGO_TOP: Length = Length::mm(12);
const LOGO_MAX_WIDTH: Length = Length::mm(60);
const LOGO_MAX_HEIGHT: Length = Length::mm(22);
/// The most lines any one reference value may take; longer values end in an ellipsis.
const MAX_VALUE_LINES: usize = 3;
/// Address lines that fit the window at the address leading.
const MAX_ADDRESS_LINES: usize = 6;

/// Draws the first-page header and returns where the rows table may start.
pub fn draw_first(canvas: &mut Canvas<'_>, sheet: &Sheet<'_>) -> Length {
    draw_logo_or_name(canvas, sheet, LOGO_TOP, LOGO_MAX_HEIGHT, COMPANY);
    canvas.text(FACTS_LEFT, Length::mm(20), TITLE, sheet.title());
    let mut y = Length::mm(27);
    if sheet.invoice.number.is_none() {
        canvas.text(FACTS_LEFT, Length::mm(25), DRAFT, sheet.labels.draft);
        y = Length::mm(30);
    }
    y = draw_facts(canvas, sheet, &invoice_facts(sheet), y);
    draw_address(canvas, sheet);
    let references = draw_facts(
        canvas,
        sheet,
        &reference_facts(sheet),
        y.max(ENVELOPE_WINDOW.top + WINDOW_INSET),
    );
    (references + Length::mm(6)).max(FIRST_TABLE_TOP_MIN)
}

/// Draws the running head of pages after the first and returns where the table starts.
pub fn draw_continued(canvas: &mut Canvas<'_>, sheet: &Sheet<'_>) -> Length {
    draw_logo_or_name(
        canvas,
        sheet,
        Length::mm(10),
        Length::mm(12),
        super::styles::VALUE_BOLD,
    );
    let number = sheet.invoice.number.as_deref().unwrap_or("");
    let head = format!(
        "{} {} ({})",
        sheet.title(),
        sheet.text(number),
        sheet.labels.continued
    );
    canvas.text_right(RIGHT, Length::mm(20), CONTINUED_TITLE, &head);
    super::geometry::CONTINUED_TABLE_TOP
}

fn draw_logo_or_name(
    canvas: &mut Canvas<'_>,
    sheet: &Sheet<'_>,
    top: Length,
    max_height: Length,
    style: super::super::canvas::Style,
) {
    if let Some(logo) = &sheet.logo {
        let (width, height) = fit_box(logo.width_px, logo.height_px, LOGO_MAX_WIDTH, max_height);
        canvas.image(logo.id.clone(), LEFT, top, width, height);
    } else {
        let name = sheet.text(&sheet.invoice.seller.name);
        let face = canvas.fonts().face(style.weight);
        let line = fit_with_ellipsis(&name, FACTS_LEFT - LEFT - Length::mm(4), |text| {
            face.width(text, style.size)
        });
        canvas.text(LEFT, top + Length::mm(8), style, &line);
    }
}

/// The largest size with the image's proportions inside `max_width` × `max_height`.
fn fit_box(
    width_px: u32,
    height_px: u32,
    max_width: Length,
    max_height: Length,
) -> (Length, Length) {
    let (w, h) = (i64::from(width_px.max(1)), i64::from(height_px.max(1)));
    if max_width.0 * h <= max_height.0 * w {
        (max_width, Length(max_width.0 * h / w))
    } else {
        (Length(max_height.0 * w / h), max_height)
    }
}

/// Number, dates, customer number and, on a credit invoice, the invoice it credits.
fn invoice_facts(sheet: &Sheet<'_>) -> Vec<(&'static str, String)> {
    let invoice = sheet.invoice;
    let labels = sheet.labels;
    let mut facts = Vec::new();
    if let Some(number) = &invoice.number {
        let label = if invoice.is_credit() {
            labels.credit_number
        } else {
            labels.invoice_number
        };
        facts.push((label, number.clone()));
    }
    facts.push((labels.invoice_date, format::date(invoice.issue_date)));
    if let Some(credited) = invoice.credited_invoice() {
        facts.push((
            labels.credits_invoice,
            format!(
                "{} ({})",
                credited.number,
                format::date(credited.issue_date)
            ),
        ));
    } else {
        facts.push((labels.due_date, format::date(invoice.due_date)));
    }
    push_if_present(
        &mut facts,
        labels.customer_number,
        &invoice.buyer.customer_number,
    );
    facts
}

/// References and terms, printed beside the address window.
fn reference_facts(sheet: &Sheet<'_>) -> Vec<(&'static str, String)> {
    let invoice = sheet.invoice;
    let labels = sheet.labels;
    let mut facts = Vec::new();
    push_if_present(&mut facts, labels.your_reference, &invoice.your_reference);
    push_if_present(&mut facts, labels.our_reference, &invoice.our_reference);
    push_if_present(&mut facts, labels.buyer_reference, &invoice.buyer_reference);
    push_if_present(&mut facts, labels.order_reference, &invoice.order_reference);
    if let Some(delivery) = invoice
        .delivery_date
        .filter(|date| *date != invoice.issue_date)
    {
        facts.push((labels.delivery_date, format::date(delivery)));
    }
    if !invoice.is_credit() {
        facts.push((
            labels.payment_terms,
            invoice.payment_terms.describe(sheet.language),
        ));
    }
    push_if_present(
        &mut facts,
        labels.buyer_vat_number,
        &invoice.buyer.vat_number,
    );
    if !invoice.currency.is_sek() {
        facts.push((labels.currency, invoice.currency.code().to_owned()));
    }
    if let Some(address) = &invoice.buyer.delivery_address {
        let mut lines = vec![address.street.clone(), address.street2.clone()];
        lines.push(
            format!("{} {}", address.postal_code, address.city)
                .trim()
                .to_owned(),
        );
        lines.extend(format::country_line(&address.country_code, sheet.language));
        lines.retain(|line| !line.trim().is_empty());
        facts.push((labels.delivery_address, lines.join("\n")));
    }
    facts
}

fn push_if_present(facts: &mut Vec<(&'static str, String)>, label: &'static str, value: &str) {
    if !value.trim().is_empty() {
        facts.push((label, value.trim().to_owned()));
    }
}

/// Label–value pairs in the right-hand column, from `top`; returns the y below the last one.
fn draw_facts(
    canvas: &mut Canvas<'_>,
    sheet: &Sheet<'_>,
    facts: &[(&'static str, String)],
    top: Length,
) -> Length {
    let face = canvas.fonts().face(VALUE.weight);
    let measure = |text: &str| face.width(text, VALUE.size);
    let width = RIGHT - FACTS_VALUE_LEFT;
    let mut baseline = top;
    for (label, value) in facts {
        canvas.text(FACTS_LEFT, baseline, LABEL, label);
        let mut lines = wrap(&sheet.text(value), width, measure);
        if lines.len() > MAX_VALUE_LINES {
            let rest = lines.split_off(MAX_VALUE_LINES - 1).join(" ");
            lines.push(fit_with_ellipsis(&rest, width, measure));
        }
        for line in &lines {
            canvas.text(FACTS_VALUE_LEFT, baseline, VALUE, line);
            baseline += VALUE_LEADING;
        }
    }
    baseline
}

/// The buyer's postal address, inside the envelope window: name in bold, then the contact, the
/// street lines, postcode and town, and the country when abroad. Lines that would not fit the
/// window end in an ellipsis rather than spill outside it.
fn draw_address(canvas: &mut Canvas<'_>, sheet: &Sheet<'_>) {
    let buyer = &sheet.invoice.buyer;
    let address = &buyer.address;
    let left = ENVELOPE_WINDOW.left + WINDOW_INSET;
    let width = ENVELOPE_WINDOW.width - WINDOW_INSET * 2;
    let mut lines: Vec<(String, bool)> = Vec::new();
    let regular = canvas.fonts().face(ADDRESS.weight);
    let bold = canvas.fonts().face(ADDRESS_NAME.weight);
    for line in wrap(&sheet.text(&buyer.name), width, |text| {
        bold.width(text, ADDRESS_NAME.size)
    })
    .into_iter()
    .take(2)
    {
        lines.push((line, true));
    }
    let mut rest: Vec<String> = Vec::new();
    if !buyer.contact_name.trim().is_empty() && buyer.contact_name.trim() != buyer.name.trim() {
        rest.push(buyer.contact_name.clone());
    }
    rest.push(address.street.clone());
    rest.push(address.street2.clone());
    rest.push(format!("{} {}", address.postal_code, address.city));
    rest.extend(format::country_line(&address.country_code, sheet.language));
    rest.retain(|line| !line.trim().is_empty());
    // Never drop the postcode line or the country: if space runs out, the contact goes first.
    while lines.len() + rest.len() > MAX_ADDRESS_LINES && rest.len() > 1 {
        rest.remove(0);
    }
    lines.extend(
        rest.into_iter()
            .map(|line| (sheet.text(line.trim()).into_owned(), false)),
    );
    let mut baseline = ENVELOPE_WINDOW.top + WINDOW_INSET + Length::mm_tenths(26);
    for (line, is_name) in lines.iter().take(MAX_ADDRESS_LINES) {
        let (style, face) = if *is_name {
            (ADDRESS_NAME, bold)
        } else {
            (ADDRESS, regular)
        };
        let fitted = fit_with_ellipsis(line, width, |text| face.width(text, style.size));
        canvas.text(left, baseline, style, &fitted);
        baseline += ADDRESS_LEADING;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logos_keep_their_proportions() {
        let cases = [
            ((600, 200), (Length::mm(60), Length::mm(20))),
            ((200, 200), (Length::mm(22), Length::mm(22))),
            ((1, 1000), (Length(Length::mm(22).0 / 1000), Length::mm(22))),
        ];
        for ((w, h), expected) in cases {
            assert_eq!(
                fit_box(w, h, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT),
                expected,
                "{w}×{h}"
            );
        }
    }
}
