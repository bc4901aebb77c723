//! A [`Letter`] laid out on A4 pages: the invoice's header, address window and footer, then the
//! introduction, the table (flowing over pages with a running head), totals, payment block and
//! closing text.

use printpdf::Op;

use super::footer::Footer;
use super::geometry::{
    BODY_BOTTOM, CONTENT_WIDTH, CONTINUED_TABLE_TOP, ENVELOPE_WINDOW, FACTS_LEFT, FACTS_VALUE_LEFT,
    FIRST_TABLE_TOP_MIN, LEFT, RIGHT, WINDOW_INSET,
};
use super::sheet::PlacedLogo;
use super::styles::{
    ADDRESS, ADDRESS_LEADING, ADDRESS_NAME, CELL, CELL_LEADING, COMPANY, CONTINUED_TITLE, LABEL,
    NOTE_LEADING, SECTION, TABLE_HEAD, TITLE, TO_PAY, TO_PAY_LABEL, TOTAL, VALUE, VALUE_BOLD,
    VALUE_LEADING, fit, shrink_to_fit,
};
use crate::canvas::{Canvas, Colour};
use crate::fonts::Fonts;
use crate::format;
use crate::labels::labels;
use crate::letter::Letter;
use crate::units::Length;
use crate::wrap::{fit_with_ellipsis, wrap};

const ROW_HEIGHT: Length = Length::mm_tenths(55);
const PAYMENT_HEIGHT: Length = Length::mm(24);

/// Pages of the letter, in order.
pub fn letter_pages(
    letter: &Letter,
    fonts: &'static Fonts,
    logo: Option<PlacedLogo>,
) -> Vec<Vec<Op>> {
    let words = labels(letter.language);
    let footer = Footer::for_seller(&letter.seller, words, letter.language, fonts);
    let mut pages: Vec<Canvas<'_>> = Vec::new();
    let mut canvas = Canvas::new(fonts);
    let mut y = draw_first_header(&mut canvas, letter, fonts, logo.as_ref());

    let value_face = fonts.face(VALUE.weight);
    for paragraph in &letter.introduction {
        for line in wrap(&fonts.printable(paragraph), CONTENT_WIDTH, |text| {
            value_face.width(text, VALUE.size)
        }) {
            y += VALUE_LEADING;
            canvas.text(LEFT, y, VALUE, &line);
        }
        y += Length::mm(2);
    }
    y += Length::mm(4);

    if !letter.columns.is_empty() {
        y = draw_table_head(&mut canvas, letter, y);
        for row in &letter.rows {
            if y + ROW_HEIGHT > BODY_BOTTOM {
                pages.push(std::mem::replace(&mut canvas, Canvas::new(fonts)));
                y = draw_continued_header(&mut canvas, letter);
                y = draw_table_head(&mut canvas, letter, y);
            }
            draw_row(&mut canvas, letter, row, y);
            y += ROW_HEIGHT;
        }
        y += Length::mm(3);
    }

    let totals_height = ROW_HEIGHT * i64::try_from(letter.totals.len()).unwrap_or(0);
    let payment_height = if letter.payment.is_some() {
        PAYMENT_HEIGHT + Length::mm(4)
    } else {
        Length::ZERO
    };
    if y + totals_height + payment_height > BODY_BOTTOM {
        pages.push(std::mem::replace(&mut canvas, Canvas::new(fonts)));
        y = draw_continued_header(&mut canvas, letter);
    }
    for (label, amount, bold) in &letter.totals {
        y += ROW_HEIGHT;
        let (label_style, amount_style) = if *bold {
            (TO_PAY_LABEL, TO_PAY_LABEL)
        } else {
            (TOTAL, TOTAL)
        };
        canvas.text_right(
            RIGHT - Length::mm(45),
            y,
            label_style,
            &fonts.printable(label),
        );
        canvas.text_right(RIGHT, y, amount_style, amount);
    }
    y += Length::mm(6);

    if let Some(payment) = &letter.payment {
        draw_payment(&mut canvas, letter, payment, y);
        y += PAYMENT_HEIGHT + Length::mm(4);
    }

    let note_face = fonts.face(VALUE.weight);
    for paragraph in &letter.closing {
        for line in wrap(&fonts.printable(paragraph), CONTENT_WIDTH, |text| {
            note_face.width(text, VALUE.size)
        }) {
            if y + NOTE_LEADING > BODY_BOTTOM {
                pages.push(std::mem::replace(&mut canvas, Canvas::new(fonts)));
                y = draw_continued_header(&mut canvas, letter);
            }
            y += NOTE_LEADING;
            canvas.text(LEFT, y, VALUE, &line);
        }
        y += Length::mm(2);
    }
    pages.push(canvas);

    let count = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(index, mut page)| {
            footer.draw_with(&mut page, index + 1, count, words);
            page.into_ops()
        })
        .collect()
}

fn draw_first_header(
    canvas: &mut Canvas<'_>,
    letter: &Letter,
    fonts: &Fonts,
    logo: Option<&PlacedLogo>,
) -> Length {
    if let Some(logo) = logo {
        let (w, h) = (
            i64::from(logo.width_px.max(1)),
            i64::from(logo.height_px.max(1)),
        );
        let (max_w, max_h) = (Length::mm(60), Length::mm(22));
        let (width, height) = if max_w.0 * h <= max_h.0 * w {
            (max_w, Length(max_w.0 * h / w))
        } else {
            (Length(max_h.0 * w / h), max_h)
        };
        canvas.image(logo.id.clone(), LEFT, Length::mm(12), width, height);
    } else {
        let name = fonts.printable(&letter.seller.name);
        let face = fonts.face(COMPANY.weight);
        let line = fit_with_ellipsis(&name, FACTS_LEFT - LEFT - Length::mm(4), |text| {
            face.width(text, COMPANY.size)
        });
        canvas.text(LEFT, Length::mm(20), COMPANY, &line);
    }
    let (title, title_style) = fit(
        canvas,
        &fonts.printable(&letter.title),
        TITLE,
        RIGHT - FACTS_LEFT,
    );
    canvas.text(FACTS_LEFT, Length::mm(20), title_style, &title);
    let mut baseline = Length::mm(27);
    let face = fonts.face(VALUE.weight);
    for (label, value) in &letter.facts {
        canvas.text(FACTS_LEFT, baseline, LABEL, &fonts.printable(label));
        let value = fit_with_ellipsis(&fonts.printable(value), RIGHT - FACTS_VALUE_LEFT, |text| {
            face.width(text, VALUE.size)
        });
        canvas.text(FACTS_VALUE_LEFT, baseline, VALUE, &value);
        baseline += VALUE_LEADING;
    }
    draw_address(canvas, letter, fonts);
    (baseline + Length::mm(4)).max(FIRST_TABLE_TOP_MIN)
}

fn draw_address(canvas: &mut Canvas<'_>, letter: &Letter, fonts: &Fonts) {
    let buyer = &letter.buyer;
    let address = &buyer.address;
    let left = ENVELOPE_WINDOW.left + WINDOW_INSET;
    let width = ENVELOPE_WINDOW.width - WINDOW_INSET * 2;
    let mut lines: Vec<(String, bool)> = vec![(buyer.name.clone(), true)];
    if !buyer.contact_name.trim().is_empty() && buyer.contact_name.trim() != buyer.name.trim() {
        lines.push((buyer.contact_name.clone(), false));
    }
    lines.push((address.street.clone(), false));
    lines.push((address.street2.clone(), false));
    lines.push((format!("{} {}", address.postal_code, address.city), false));
    if let Some(country) = format::country_line(&address.country_code, letter.language) {
        lines.push((country, false));
    }
    lines.retain(|(line, _)| !line.trim().is_empty());
    let mut baseline = ENVELOPE_WINDOW.top + WINDOW_INSET + Length::mm_tenths(26);
    for (line, bold) in lines.iter().take(6) {
        let style = if *bold { ADDRESS_NAME } else { ADDRESS };
        let face = fonts.face(style.weight);
        let fitted = fit_with_ellipsis(&fonts.printable(line.trim()), width, |text| {
            face.width(text, style.size)
        });
        canvas.text(left, baseline, style, &fitted);
        baseline += ADDRESS_LEADING;
    }
}

fn draw_continued_header(canvas: &mut Canvas<'_>, letter: &Letter) -> Length {
    let words = labels(letter.language);
    let head = format!("{} ({})", letter.title, words.continued);
    let name = canvas.fonts().printable(&letter.seller.name).into_owned();
    canvas.text(LEFT, Length::mm(20), VALUE_BOLD, &name);
    let head = canvas.fonts().printable(&head).into_owned();
    canvas.text_right(RIGHT, Length::mm(20), CONTINUED_TITLE, &head);
    CONTINUED_TABLE_TOP
}

fn draw_table_head(canvas: &mut Canvas<'_>, letter: &Letter, top: Length) -> Length {
    canvas.fill(LEFT, top, CONTENT_WIDTH, Length::mm(7), Colour::BAND);
    let baseline = top + Length::mm_tenths(47);
    let mut x = LEFT + Length::mm(2);
    for column in &letter.columns {
        let width = Length::mm(column.width_mm);
        let title = canvas.fonts().printable(&column.title).into_owned();
        let (title, style) = fit(canvas, &title, TABLE_HEAD, width - Length::mm(2));
        if column.right {
            canvas.text_right(x + width - Length::mm(2), baseline, style, &title);
        } else {
            canvas.text(x, baseline, style, &title);
        }
        x += width;
    }
    top + Length::mm(7)
}

fn draw_row(canvas: &mut Canvas<'_>, letter: &Letter, cells: &[String], top: Length) {
    let baseline = top + CELL_LEADING + Length::mm_tenths(5);
    let mut x = LEFT + Length::mm(2);
    for (column, cell) in letter.columns.iter().zip(cells) {
        let width = Length::mm(column.width_mm);
        let text = canvas.fonts().printable(cell).into_owned();
        let (text, style) = fit(canvas, &text, CELL, width - Length::mm(2));
        if column.right {
            canvas.text_right(x + width - Length::mm(2), baseline, style, &text);
        } else {
            canvas.text(x, baseline, style, &text);
        }
        x += width;
    }
    canvas.rule(
        LEFT,
        RIGHT,
        top + ROW_HEIGHT,
        Length::pt_tenths(3),
        Colour::RULE,
    );
}

fn draw_payment(
    canvas: &mut Canvas<'_>,
    letter: &Letter,
    payment: &crate::letter::LetterPayment,
    top: Length,
) {
    let words = labels(letter.language);
    let seller = &letter.seller;
    canvas.fill(
        LEFT,
        top,
        CONTENT_WIDTH,
        PAYMENT_HEIGHT,
        Colour::ACCENT_TINT,
    );
    canvas.fill(LEFT, top, Length::mm(1), PAYMENT_HEIGHT, Colour::ACCENT);
    let inner = LEFT + Length::mm(4);
    canvas.text(inner, top + Length::mm(5), SECTION, words.payment_details);
    let mut slots: Vec<(&str, String)> = Vec::new();
    if !seller.bankgiro.trim().is_empty() {
        slots.push((words.bankgiro, format::bankgiro(seller.bankgiro.trim())));
    }
    if !seller.plusgiro.trim().is_empty() {
        slots.push((words.plusgiro, format::plusgiro(seller.plusgiro.trim())));
    }
    let reference_label = if payment.reference_is_ocr {
        words.ocr
    } else {
        words.payment_reference
    };
    slots.push((reference_label, payment.reference.clone()));
    if !seller.iban.trim().is_empty() {
        slots.push((words.iban, format::iban(seller.iban.trim())));
    }
    let mut x = inner;
    let due_left = Length::mm(136);
    for (label, value) in slots {
        let width = if label == words.iban {
            Length::mm(50)
        } else {
            Length::mm(34)
        };
        if x + width > due_left {
            break;
        }
        canvas.text(x, top + Length::mm(11), LABEL, label);
        let value = canvas.fonts().printable(&value).into_owned();
        let (value, style) = fit(canvas, &value, VALUE_BOLD, width - Length::mm(2));
        canvas.text(x, top + Length::mm_tenths(153), style, &value);
        x += width;
    }
    canvas.text(due_left, top + Length::mm(11), LABEL, words.due_date);
    canvas.text(
        due_left,
        top + Length::mm_tenths(153),
        VALUE_BOLD,
        &format::date(payment.pay_by),
    );
    let to_pay_label = format!("{} {}", words.to_pay, payment.currency);
    canvas.text(due_left, top + Length::mm(19), LABEL, &to_pay_label);
    let right = RIGHT - Length::mm(4);
    let style = shrink_to_fit(
        TO_PAY,
        canvas.width(&payment.amount, TO_PAY),
        right - due_left,
    );
    canvas.text_right(right, top + Length::mm(23), style, &payment.amount);
}
