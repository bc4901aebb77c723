//! The totals under the rows: the VAT breakdown per rate with the exemption texts on the left,
//! the running totals down to "Att betala" on the right. Every amount comes from the core's
//! totals; nothing is summed here.

use fakturera_core::invoice::{ChargeKind, Discount, Rounding};
use fakturera_core::vat::VatCategory;

use super::geometry::{FACTS_LEFT, LEFT, RIGHT};
use super::sheet::Sheet;
use super::styles::{LABEL, NOTE, NOTE_LEADING, TO_PAY, TO_PAY_LABEL, TOTAL, VALUE};
use crate::canvas::{Canvas, Colour};
use crate::format;
use crate::units::Length;
use crate::wrap::wrap;

const LEADING: Length = Length::mm_tenths(46);
const LEFT_WIDTH: Length = Length::mm(92);
const VAT_BASIS_RIGHT: Length = Length::mm(80);
const VAT_AMOUNT_RIGHT: Length = Length::mm(108);
const TO_PAY_BAND: Length = Length::mm(10);

/// Everything the summary prints, worked out once for measuring and drawing.
#[derive(Debug)]
pub struct Summary {
    vat_rows: Vec<[String; 3]>,
    /// Exemption texts, VAT in SEK: wrapped lines under the VAT table.
    notes: Vec<String>,
    totals: Vec<(String, String)>,
    to_pay_label: String,
    to_pay: String,
}

impl Summary {
    pub fn new(sheet: &Sheet<'_>) -> Summary {
        let labels = sheet.labels;
        let totals = sheet.totals;
        let language = sheet.language;
        let vat_rows = totals
            .vat_breakdown
            .iter()
            .map(|subtotal| {
                let rate = format::percent(subtotal.rate, language);
                let name = match subtotal.category {
                    VatCategory::Standard | VatCategory::ZeroRated => rate,
                    _ => format!("{rate} *"),
                };
                [
                    name,
                    sheet.money(subtotal.taxable_amount),
                    sheet.money(subtotal.vat_amount),
                ]
            })
            .collect();

        let mut notes_text: Vec<String> = Vec::new();
        for subtotal in &totals.vat_breakdown {
            if let Some(exemption) = &subtotal.exemption {
                let text = format!("* {}", exemption.text.in_language(language));
                if !notes_text.contains(&text) {
                    notes_text.push(text);
                }
            }
        }
        if !sheet.invoice.currency.is_sek() {
            notes_text.push(format!(
                "{}: {} SEK ({} 1 {} = {} SEK)",
                labels.vat_in_sek,
                format::amount(totals.vat_total_sek * sheet.invoice.sign(), language),
                labels.exchange_rate,
                sheet.currency(),
                format::price(sheet.invoice.exchange_rate, language),
            ));
        }
        let face = sheet.fonts.face(NOTE.weight);
        let notes = notes_text
            .iter()
            .flat_map(|text| {
                wrap(&sheet.text(text), LEFT_WIDTH, |line| {
                    face.width(line, NOTE.size)
                })
            })
            .collect();

        let mut lines: Vec<(String, String)> = Vec::new();
        if !totals.charges.is_empty() || !totals.allowances.is_empty() {
            lines.push((labels.net.to_owned(), sheet.money(totals.line_net_total)));
        }
        if !totals.allowances.is_empty() {
            // The discount as the user gave it ("Rabatt 10 %"), the amount excluding VAT.
            let label = match sheet.invoice.discount {
                Discount::Percent(percent) => format!(
                    "{} {}",
                    labels.invoice_discount,
                    format::percent(percent, language)
                ),
                Discount::None | Discount::Amount(_) => labels.invoice_discount.to_owned(),
            };
            lines.push((label, sheet.money(-totals.allowance_total)));
        }
        if !totals.charges.is_empty() {
            for (charge, amount) in sheet.invoice.charges.iter().zip(&totals.charges) {
                let label = match charge.kind {
                    ChargeKind::InvoiceFee => labels.invoice_fee,
                    ChargeKind::Freight => labels.freight,
                };
                lines.push((label.to_owned(), sheet.money(*amount)));
            }
        }
        lines.push((
            labels.total_excluding_vat.to_owned(),
            sheet.money(totals.tax_exclusive),
        ));
        lines.push((labels.vat.to_owned(), sheet.money(totals.vat_total)));
        if sheet.invoice.rounding == Rounding::WholeKronor || !totals.rounding.is_zero() {
            lines.push((
                labels.total_including_vat.to_owned(),
                sheet.money(totals.tax_inclusive),
            ));
            lines.push((labels.rounding.to_owned(), sheet.money(totals.rounding)));
        }
        let to_pay_label = if sheet.invoice.is_credit() {
            labels.to_credit
        } else {
            labels.to_pay
        };
        Summary {
            vat_rows,
            notes,
            totals: lines,
            to_pay_label: format!("{to_pay_label} {}", sheet.currency()),
            to_pay: sheet.money(totals.payable),
        }
    }

    fn left_height(&self) -> Length {
        let rows = i64::try_from(self.vat_rows.len() + 1).unwrap_or(0);
        let notes = i64::try_from(self.notes.len()).unwrap_or(0);
        LEADING * rows + Length::mm(2) + NOTE_LEADING * notes
    }

    fn right_height(&self) -> Length {
        LEADING * i64::try_from(self.totals.len()).unwrap_or(0) + Length::mm(2) + TO_PAY_BAND
    }

    pub fn height(&self) -> Length {
        self.left_height().max(self.right_height())
    }

    pub fn draw(&self, canvas: &mut Canvas<'_>, sheet: &Sheet<'_>, top: Length) {
        let labels = sheet.labels;
        // VAT table.
        let mut baseline = top + Length::mm(3);
        canvas.text(LEFT, baseline, LABEL, labels.vat_rate);
        canvas.text_right(VAT_BASIS_RIGHT, baseline, LABEL, labels.vat_basis);
        canvas.text_right(VAT_AMOUNT_RIGHT, baseline, LABEL, labels.vat_amount);
        canvas.rule(
            LEFT,
            VAT_AMOUNT_RIGHT,
            baseline + Length::mm_tenths(14),
            Length::pt_tenths(5),
            Colour::RULE,
        );
        for [name, basis, vat] in &self.vat_rows {
            baseline += LEADING;
            canvas.text(LEFT, baseline, VALUE, name);
            canvas.text_right(VAT_BASIS_RIGHT, baseline, VALUE, basis);
            canvas.text_right(VAT_AMOUNT_RIGHT, baseline, VALUE, vat);
        }
        baseline += Length::mm(2);
        for note in &self.notes {
            baseline += NOTE_LEADING;
            canvas.text(LEFT, baseline, NOTE, note);
        }

        // Totals.
        let mut baseline = top + Length::mm(3);
        for (label, value) in &self.totals {
            canvas.text(FACTS_LEFT, baseline, TOTAL, label);
            canvas.text_right(RIGHT - Length::mm(2), baseline, TOTAL, value);
            baseline += LEADING;
        }
        let band_top = baseline - Length::mm(2);
        canvas.fill(
            FACTS_LEFT - Length::mm(2),
            band_top,
            RIGHT - FACTS_LEFT + Length::mm(2),
            TO_PAY_BAND,
            Colour::ACCENT_TINT,
        );
        let band_baseline = band_top + Length::mm_tenths(68);
        canvas.text(FACTS_LEFT, band_baseline, TO_PAY_LABEL, &self.to_pay_label);
        canvas.text_right(RIGHT - Length::mm(2), band_baseline, TO_PAY, &self.to_pay);
    }
}
