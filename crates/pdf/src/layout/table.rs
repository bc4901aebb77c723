//! The rows table: its columns, each invoice line prepared as wrapped cells, the header band
//! repeated on every page, and the drawing of a row or of the part of a row that fits a page.

use fakturera_core::invoice::{Discount, InvoiceLine, LineAmounts, RowRef, rows_in_order};

use super::geometry::{CONTENT_WIDTH, LEFT, RIGHT};
use super::sheet::Sheet;
use super::styles::{CELL, CELL_LEADING, TABLE_HEAD, shrink_to_fit};
use crate::canvas::{Canvas, Colour};
use crate::format;
use crate::units::Length;
use crate::wrap::wrap;

/// How a column's text sits in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy)]
struct Column {
    left: Length,
    right: Length,
    align: Align,
}

impl Column {
    const fn new(left_mm: i64, right_mm: i64, align: Align) -> Column {
        Column {
            left: Length::mm(left_mm),
            right: Length::mm(right_mm),
            align,
        }
    }

    fn width(self) -> Length {
        self.right - self.left
    }
}

/// Article number, text, quantity, unit, price, discount, VAT rate, amount: 170 mm in all.
const ARTICLE: Column = Column::new(21, 39, Align::Left);
const DESCRIPTION: Column = Column::new(41, 98, Align::Left);
const QUANTITY: Column = Column::new(99, 112, Align::Right);
const UNIT: Column = Column::new(114, 124, Align::Left);
const PRICE: Column = Column::new(125, 144, Align::Right);
const DISCOUNT: Column = Column::new(145, 157, Align::Right);
const VAT: Column = Column::new(158, 167, Align::Right);
const AMOUNT: Column = Column::new(168, 190, Align::Right);

/// The single-line cells after the description, in column order.
const FIGURE_COLUMNS: [Column; 6] = [QUANTITY, UNIT, PRICE, DISCOUNT, VAT, AMOUNT];

pub const HEADER_HEIGHT: Length = Length::mm(7);
const PAD_TOP: Length = Length::mm_tenths(13);
const PAD_BOTTOM: Length = Length::mm_tenths(9);
/// Space from the top of a text line to its baseline at the cell size.
const ASCENT: Length = Length::mm_tenths(27);

/// One invoice line, ready to draw: every text wrapped to its column.
#[derive(Debug)]
pub struct PreparedRow {
    /// Article number and description side by side, line by line.
    lines: Vec<(String, String)>,
    figures: [String; 6],
}

impl PreparedRow {
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }
}

/// The height of a fragment of `lines` text lines.
pub fn fragment_height(lines: usize) -> Length {
    PAD_TOP + CELL_LEADING * i64::try_from(lines).unwrap_or(i64::MAX / 1000) + PAD_BOTTOM
}

/// How many text lines fit in `space`.
pub fn lines_fitting(space: Length) -> usize {
    let usable = space - PAD_TOP - PAD_BOTTOM;
    if usable < CELL_LEADING {
        0
    } else {
        usize::try_from(usable.0 / CELL_LEADING.0).unwrap_or(0)
    }
}

/// The rows in printing order: the lines, and the text rows among them, each a text across the
/// description and figure columns with no figures.
pub fn prepare_rows(sheet: &Sheet<'_>) -> Vec<PreparedRow> {
    let face = sheet.fonts.face(CELL.weight);
    let measure = |text: &str| face.width(text, CELL.size);
    let invoice = sheet.invoice;
    rows_in_order(invoice.lines.len(), &invoice.text_rows)
        .into_iter()
        .filter_map(|row| match row {
            RowRef::Line(index) => Some(prepare_line(
                sheet,
                invoice.lines.get(index)?,
                sheet.totals.lines.get(index)?,
            )),
            RowRef::Text(index) => {
                let text = &invoice.text_rows.get(index)?.text;
                let lines = wrap(&sheet.text(text), AMOUNT.right - DESCRIPTION.left, measure)
                    .into_iter()
                    .map(|line| (String::new(), line))
                    .collect();
                Some(PreparedRow {
                    lines,
                    figures: Default::default(),
                })
            }
        })
        .collect()
}

fn prepare_line(sheet: &Sheet<'_>, line: &InvoiceLine, amounts: &LineAmounts) -> PreparedRow {
    let face = sheet.fonts.face(CELL.weight);
    let measure = |text: &str| face.width(text, CELL.size);
    let language = sheet.language;
    let description = wrap(&sheet.text(&line.description), DESCRIPTION.width(), measure);
    let article = wrap(
        &sheet.text(&line.article_number),
        ARTICLE.width() - Length::mm(1),
        measure,
    );
    let count = description.len().max(article.len());
    let mut description = description.into_iter();
    let mut article = article.into_iter();
    let lines = (0..count)
        .map(|_| {
            (
                article.next().unwrap_or_default(),
                description.next().unwrap_or_default(),
            )
        })
        .collect();
    let discount = match line.discount {
        Discount::None => String::new(),
        Discount::Percent(percent) if percent.is_zero() => String::new(),
        Discount::Percent(percent) => format::percent(percent, language),
        Discount::Amount(_) if amounts.discount.is_zero() => String::new(),
        Discount::Amount(_) => sheet.money(amounts.discount),
    };
    // Lines without VAT (reverse charge, export, exempt) print 0 %; the summary says why.
    let vat = format::percent(line.vat.effective_rate(), language);
    PreparedRow {
        lines,
        figures: [
            format::quantity(line.quantity * sheet.invoice.sign(), language),
            sheet.text(line.unit.as_str()).into_owned(),
            format::price(amounts.net_unit_price, language),
            discount,
            vat,
            sheet.money(amounts.net),
        ],
    }
}

/// The shaded header band with the column titles; `top` is its upper edge.
pub fn draw_header(canvas: &mut Canvas<'_>, sheet: &Sheet<'_>, top: Length) {
    let labels = sheet.labels;
    canvas.fill(LEFT, top, CONTENT_WIDTH, HEADER_HEIGHT, Colour::BAND);
    let baseline = top + Length::mm_tenths(46);
    let titles = [
        (ARTICLE, labels.article_number),
        (DESCRIPTION, labels.description),
        (QUANTITY, labels.quantity),
        (UNIT, labels.unit),
        (PRICE, labels.unit_price),
        (DISCOUNT, labels.discount),
        (VAT, labels.vat_rate),
        (AMOUNT, labels.amount),
    ];
    for (column, title) in titles {
        let inset = Length::mm(1);
        match column.align {
            Align::Left => canvas.text(column.left, baseline, TABLE_HEAD, title),
            Align::Right => canvas.text_right(column.right - inset, baseline, TABLE_HEAD, title),
        }
    }
}

/// Draws lines `from..to` of `row` with the fragment's top at `top`. The figures print with the
/// first line only, so a row split over two pages shows its numbers once.
pub fn draw_fragment(
    canvas: &mut Canvas<'_>,
    row: &PreparedRow,
    from: usize,
    to: usize,
    top: Length,
) {
    let inset = Length::mm(1);
    let first_baseline = top + PAD_TOP + ASCENT;
    let mut baseline = first_baseline;
    for (article, description) in row.lines.get(from..to).unwrap_or_default() {
        canvas.text(ARTICLE.left, baseline, CELL, article);
        canvas.text(DESCRIPTION.left, baseline, CELL, description);
        baseline += CELL_LEADING;
    }
    if from == 0 {
        for (column, figure) in FIGURE_COLUMNS.iter().zip(&row.figures) {
            let available = column.width() - inset;
            let style = shrink_to_fit(CELL, canvas.width(figure, CELL), available);
            match column.align {
                Align::Left => canvas.text(column.left, first_baseline, style, figure),
                Align::Right => {
                    canvas.text_right(column.right - inset, first_baseline, style, figure)
                }
            }
        }
    }
    let bottom = top + fragment_height(to - from);
    if to == row.line_count() {
        canvas.rule(LEFT, RIGHT, bottom, Length::pt_tenths(5), Colour::RULE);
    }
}
