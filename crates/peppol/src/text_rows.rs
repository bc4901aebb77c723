//! Text rows in the e-invoice. UBL has no line without an amount, so a text row travels as a note,
//! as Peppol BIS 3 allows: rows before the first line join the document note (BT-22, of which
//! Peppol allows one), every other row becomes part of the note of the line above it (BT-127).
//! Each text stays whole and in its order, one per line of the note.

use fakturera_core::invoice::Invoice;

/// The invoice's notes followed by the text rows that come before its first line.
pub(crate) fn document_note(invoice: &Invoice) -> String {
    let leading = invoice
        .text_rows
        .iter()
        .filter(|row| row.before_line == 0 || invoice.lines.is_empty())
        .map(|row| row.text.trim());
    join(std::iter::once(invoice.notes.trim()).chain(leading))
}

/// The note of line `index`: the text rows printed between it and the next line (after the last
/// line, every text row that comes after it).
pub(crate) fn line_note(invoice: &Invoice, index: usize) -> String {
    let line_count = invoice.lines.len();
    join(
        invoice
            .text_rows
            .iter()
            .filter(|row| row.before_line.min(line_count) == index + 1)
            .map(|row| row.text.trim()),
    )
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
