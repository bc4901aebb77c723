//! The payment block at the foot of the last page: where to pay (Bankgiro, Plusgiro, IBAN/BIC),
//! with which reference (OCR), by when and how much, and the late-payment interest. A credit
//! invoice instead says how the credit is settled.

use super::geometry::{CONTENT_WIDTH, LEFT, RIGHT};
use super::sheet::Sheet;
use super::styles::{LABEL, NOTE, NOTE_LEADING, SECTION, TO_PAY, VALUE_BOLD, fit, shrink_to_fit};
use crate::canvas::{Canvas, Colour};
use crate::format;
use crate::units::Length;
use crate::wrap::wrap;

const SLOT_WIDTH: Length = Length::mm(37);
const FIRST_ROW_LABEL: Length = Length::mm(11);
const ROW_STEP: Length = Length::mm(9);
const VALUE_DROP: Length = Length::mm_tenths(43);
const DUE_LEFT: Length = Length::mm(136);

/// The block's content, worked out once for measuring and drawing.
#[derive(Debug)]
pub struct Payment {
    /// Label–value pairs in the first row: giro numbers and the payment reference.
    first_row: Vec<(&'static str, String)>,
    /// IBAN and BIC, which need a wider slot.
    second_row: Vec<(&'static str, String)>,
    /// Due date and amount, on the right; absent on a credit invoice.
    due: Option<(String, String, String)>,
    /// Late-payment interest or credit settlement text.
    footnote: Vec<String>,
}

impl Payment {
    pub fn new(sheet: &Sheet<'_>) -> Payment {
        let invoice = sheet.invoice;
        let seller = &invoice.seller;
        let labels = sheet.labels;
        let mut first_row = Vec::new();
        let mut second_row = Vec::new();
        let mut due = None;
        let footnote_text;
        if invoice.is_credit() {
            if let Some(credited) = invoice.credited_invoice() {
                first_row.push((
                    labels.credits_invoice,
                    format!(
                        "{} ({})",
                        sheet.text(&credited.number),
                        format::date(credited.issue_date)
                    ),
                ));
            }
            footnote_text = labels.credit_settlement.to_owned();
        } else {
            if !seller.bankgiro.trim().is_empty() {
                first_row.push((labels.bankgiro, format::bankgiro(seller.bankgiro.trim())));
            }
            if !seller.plusgiro.trim().is_empty() {
                first_row.push((labels.plusgiro, format::plusgiro(seller.plusgiro.trim())));
            }
            if !invoice.ocr.trim().is_empty() {
                first_row.push((labels.ocr, sheet.text(invoice.ocr.trim()).into_owned()));
            } else if let Some(number) = &invoice.number {
                first_row.push((labels.payment_reference, sheet.text(number).into_owned()));
            }
            if !seller.iban.trim().is_empty() {
                second_row.push((labels.iban, format::iban(seller.iban.trim())));
            }
            if !seller.bic.trim().is_empty() {
                second_row.push((labels.bic, sheet.text(seller.bic.trim()).into_owned()));
            }
            due = Some((
                format::date(invoice.due_date),
                format!("{} {}", labels.to_pay, sheet.currency()),
                sheet.money(sheet.totals.payable),
            ));
            footnote_text = match seller.late_payment_interest {
                Some(rate) => format!(
                    "{} {} {}.",
                    labels.late_interest_rate,
                    format::percent(rate, sheet.language),
                    labels.per_year
                ),
                None => labels.late_interest_statutory.to_owned(),
            };
        }
        let face = sheet.fonts.face(NOTE.weight);
        let footnote = wrap(&footnote_text, CONTENT_WIDTH, |text| {
            face.width(text, NOTE.size)
        });
        Payment {
            first_row,
            second_row,
            due,
            footnote,
        }
    }

    fn box_height(&self) -> Length {
        let rows = if self.second_row.is_empty() && self.due.is_none() {
            1
        } else {
            2
        };
        FIRST_ROW_LABEL + ROW_STEP * (rows - 1) + VALUE_DROP + Length::mm(3)
    }

    pub fn height(&self) -> Length {
        self.box_height()
            + Length::mm(2)
            + NOTE_LEADING * i64::try_from(self.footnote.len()).unwrap_or(0)
    }

    pub fn draw(&self, canvas: &mut Canvas<'_>, sheet: &Sheet<'_>, top: Length) {
        let height = self.box_height();
        canvas.fill(LEFT, top, CONTENT_WIDTH, height, Colour::ACCENT_TINT);
        canvas.fill(LEFT, top, Length::mm(1), height, Colour::ACCENT);
        let inner_left = LEFT + Length::mm(4);
        let heading = if sheet.invoice.is_credit() {
            sheet.labels.credit_details
        } else {
            sheet.labels.payment_details
        };
        canvas.text(inner_left, top + Length::mm(5), SECTION, heading);

        let rows = [
            (&self.first_row, SLOT_WIDTH),
            (&self.second_row, SLOT_WIDTH * 2),
        ];
        let mut label_baseline = top + FIRST_ROW_LABEL;
        for (fields, first_width) in rows {
            let mut x = inner_left;
            for (index, (label, value)) in fields.iter().enumerate() {
                let width = if index == 0 { first_width } else { SLOT_WIDTH };
                let available = (DUE_LEFT - Length::mm(3) - x).min(width - Length::mm(2));
                canvas.text(x, label_baseline, LABEL, label);
                let (value, style) = fit(canvas, value, VALUE_BOLD, available);
                canvas.text(x, label_baseline + VALUE_DROP, style, &value);
                x += width;
            }
            label_baseline += ROW_STEP;
        }

        if let Some((due_date, to_pay_label, to_pay)) = &self.due {
            let right = RIGHT - Length::mm(4);
            canvas.text(
                DUE_LEFT,
                top + FIRST_ROW_LABEL,
                LABEL,
                sheet.labels.due_date,
            );
            canvas.text(
                DUE_LEFT,
                top + FIRST_ROW_LABEL + VALUE_DROP,
                VALUE_BOLD,
                due_date,
            );
            canvas.text(
                DUE_LEFT,
                top + FIRST_ROW_LABEL + ROW_STEP,
                LABEL,
                to_pay_label,
            );
            let style = shrink_to_fit(TO_PAY, canvas.width(to_pay, TO_PAY), right - DUE_LEFT);
            canvas.text_right(
                right,
                top + FIRST_ROW_LABEL + ROW_STEP + VALUE_DROP + Length::mm(1),
                style,
                to_pay,
            );
        }

        let mut baseline = top + height + Length::mm(2);
        for line in &self.footnote {
            baseline += NOTE_LEADING;
            canvas.text(LEFT, baseline, NOTE, line);
        }
    }
}
