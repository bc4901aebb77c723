//! The foot of every page: who the seller is and how to reach and pay them, the identifiers the
//! law asks for (org number, VAT number, F-tax approval), and the page number.

use super::geometry::{FOOTER_TOP, LEFT, PAGE_NUMBER_BASELINE, RIGHT};
use super::sheet::Sheet;
use super::styles::{FOOTER, FOOTER_BOLD, FOOTER_LEADING, PAGE_NUMBER, fit};
use crate::canvas::{Canvas, Colour, Style};
use crate::format;
use crate::units::Length;

const COLUMN_WIDTH: Length = Length::mm_tenths(425);

/// The footer's four columns of lines; the same on every page, so built once.
#[derive(Debug)]
pub struct Footer {
    columns: [Vec<(String, bool)>; 4],
}

impl Footer {
    pub fn new(sheet: &Sheet<'_>) -> Footer {
        Footer::for_seller(
            &sheet.invoice.seller,
            sheet.labels,
            sheet.language,
            sheet.fonts,
        )
    }

    /// The footer of any document `seller` sends (invoices, reminders, statements).
    pub fn for_seller(
        seller: &fakturera_core::party::Seller,
        labels: &'static crate::labels::Labels,
        language: fakturera_core::Language,
        fonts: &'static crate::fonts::Fonts,
    ) -> Footer {
        let address = &seller.address;
        let labelled = |label: &str, value: &str| {
            let value = value.trim();
            (!value.is_empty()).then(|| (format!("{label}: {}", fonts.printable(value)), false))
        };
        let plain = |value: &str| {
            let value = value.trim();
            (!value.is_empty()).then(|| (fonts.printable(value).into_owned(), false))
        };

        let mut company = vec![(fonts.printable(seller.name.trim()).into_owned(), true)];
        company.extend(plain(&address.street));
        company.extend(plain(&address.street2));
        company.extend(plain(&format!("{} {}", address.postal_code, address.city)));
        company.extend(
            format::country_line(&address.country_code, language).and_then(|line| plain(&line)),
        );

        let contact = [
            labelled(labels.phone, &seller.phone),
            labelled(labels.email, &seller.email),
            labelled(labels.website, &seller.website),
        ]
        .into_iter()
        .flatten()
        .collect();

        let mut legal: Vec<(String, bool)> = [
            labelled(
                labels.org_number,
                &format::org_number(seller.org_number.trim()),
            ),
            labelled(labels.vat_number, &seller.vat_number),
        ]
        .into_iter()
        .flatten()
        .collect();
        if seller.f_tax_approved {
            legal.push((labels.f_tax.to_owned(), true));
        }

        let bank = [
            labelled(labels.bankgiro, &format::bankgiro(seller.bankgiro.trim())),
            labelled(labels.plusgiro, &format::plusgiro(seller.plusgiro.trim())),
            labelled(labels.iban, &format::iban(seller.iban.trim())),
            labelled(labels.bic, &seller.bic),
        ]
        .into_iter()
        .flatten()
        .collect();

        Footer {
            columns: [company, contact, legal, bank],
        }
    }

    pub fn draw(&self, canvas: &mut Canvas<'_>, page: usize, pages: usize, sheet: &Sheet<'_>) {
        self.draw_with(canvas, page, pages, sheet.labels);
    }

    /// Draws the footer with "Sida N av M" in the words of `labels`.
    pub fn draw_with(
        &self,
        canvas: &mut Canvas<'_>,
        page: usize,
        pages: usize,
        labels: &crate::labels::Labels,
    ) {
        canvas.rule(LEFT, RIGHT, FOOTER_TOP, Length::pt_tenths(5), Colour::RULE);
        let mut x = LEFT;
        for column in &self.columns {
            let mut baseline = FOOTER_TOP + Length::mm(4);
            for (line, bold) in column.iter().take(5) {
                let style: Style = if *bold { FOOTER_BOLD } else { FOOTER };
                let (line, style) = fit(canvas, line, style, COLUMN_WIDTH - Length::mm(2));
                canvas.text(x, baseline, style, &line);
                baseline += FOOTER_LEADING;
            }
            x += COLUMN_WIDTH;
        }
        let number = format!("{} {page} {} {pages}", labels.page, labels.of);
        canvas.text_right(RIGHT, PAGE_NUMBER_BASELINE, PAGE_NUMBER, &number);
    }
}
