//! The invoice laid out on A4 pages: header, rows table, message, summary, payment block and
//! footer, flowed over as many pages as the rows need.

mod footer;
mod geometry;
mod header;
mod letter;
mod paginate;
mod payment;
mod sheet;
mod styles;
mod summary;
mod table;

use printpdf::Op;

pub use geometry::{ENVELOPE_WINDOW, Window};
pub use letter::letter_pages;
pub use sheet::{PlacedLogo, Sheet};

use crate::canvas::Canvas;
use crate::wrap::wrap;
use geometry::{CONTENT_WIDTH, LEFT};
use paginate::{Measures, Placed, paginate};
use styles::{NOTE_LEADING, SECTION, VALUE};

/// The ops of every page of the invoice, in page order.
pub fn pages(sheet: &Sheet<'_>) -> Vec<Vec<Op>> {
    let rows = table::prepare_rows(sheet);
    let value_face = sheet.fonts.face(VALUE.weight);
    let notes = if sheet.invoice.notes.trim().is_empty() {
        Vec::new()
    } else {
        wrap(
            &sheet.text(sheet.invoice.notes.trim()),
            CONTENT_WIDTH,
            |text| value_face.width(text, VALUE.size),
        )
    };
    let summary = summary::Summary::new(sheet);
    let payment = payment::Payment::new(sheet);
    let footer = footer::Footer::new(sheet);

    let mut first = Canvas::new(sheet.fonts);
    let first_top = header::draw_first(&mut first, sheet);
    let plan = paginate(&Measures {
        first_top,
        row_lines: rows.iter().map(table::PreparedRow::line_count).collect(),
        note_lines: notes.len(),
        note_leading: NOTE_LEADING,
        summary_height: summary.height(),
        payment_height: payment.height(),
    });

    let page_count = plan.len();
    let mut canvases = vec![first];
    for _ in 1..page_count {
        let mut canvas = Canvas::new(sheet.fonts);
        header::draw_continued(&mut canvas, sheet);
        canvases.push(canvas);
    }
    for (index, (canvas, items)) in canvases.iter_mut().zip(&plan).enumerate() {
        for item in items {
            match *item {
                Placed::TableHeader { top } => table::draw_header(canvas, sheet, top),
                Placed::Row {
                    index,
                    from,
                    to,
                    top,
                } => {
                    if let Some(row) = rows.get(index) {
                        table::draw_fragment(canvas, row, from, to, top);
                    }
                }
                Placed::Notes { from, to, top } => {
                    let mut baseline = top + NOTE_LEADING;
                    if from == 0 {
                        canvas.text(LEFT, baseline, SECTION, sheet.labels.notes);
                        baseline += NOTE_LEADING;
                    }
                    for line in notes.get(from..to).unwrap_or_default() {
                        canvas.text(LEFT, baseline, VALUE, line);
                        baseline += NOTE_LEADING;
                    }
                }
                Placed::Summary { top } => summary.draw(canvas, sheet, top),
                Placed::Payment { top } => payment.draw(canvas, sheet, top),
            }
        }
        footer.draw(canvas, index + 1, page_count, sheet);
    }
    canvases.into_iter().map(Canvas::into_ops).collect()
}
