//! Field paths between the domain invoice, which keeps its text rows apart from its lines, and
//! the editor's form, which shows both in one grid: the invoice's `lines[2].quantity` is the
//! form row where that line stands, and `text_rows[0].text` is that row's description. Every
//! problem found on an invoice goes through here before it reaches the editor.

use fakturera_core::FieldErrors;
use fakturera_core::invoice::{Invoice, RowRef, rows_in_order};

/// The index and the rest of a path such as `lines[3].quantity` under `prefix` (`lines[`).
fn indexed<'a>(field: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = field.strip_prefix(prefix)?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest))
}

/// `field` of `invoice` as the editor's form names it.
pub fn form_field(invoice: &Invoice, field: &str) -> String {
    if invoice.text_rows.is_empty() {
        return field.to_owned();
    }
    let order = rows_in_order(invoice.lines.len(), &invoice.text_rows);
    let row_of = |wanted: RowRef| order.iter().position(|row| *row == wanted);
    if let Some((index, rest)) = indexed(field, "lines[")
        && let Some(row) = row_of(RowRef::Line(index))
    {
        return format!("lines[{row}]{rest}");
    }
    if let Some((index, rest)) = indexed(field, "text_rows[")
        && let Some(row) = row_of(RowRef::Text(index))
    {
        let rest = if rest == ".text" {
            ".description"
        } else {
            rest
        };
        return format!("lines[{row}]{rest}");
    }
    field.to_owned()
}

/// Every error's field as the editor's form names it.
pub fn form_fields(invoice: &Invoice, mut errors: FieldErrors) -> FieldErrors {
    for error in &mut errors.0 {
        error.field = form_field(invoice, &error.field);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use fakturera_core::invoice::{InvoiceLine, TextRow};
    use fakturera_core::samples;

    #[test]
    fn lines_and_text_rows_are_named_by_their_grid_row() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 5, 4).expect("date");
        let mut invoice = samples::domestic_invoice(date);
        let line: InvoiceLine = invoice.lines[0].clone();
        invoice.lines = vec![line.clone(), line];
        invoice.text_rows = vec![
            TextRow {
                before_line: 0,
                text: "Arbete".into(),
            },
            TextRow {
                before_line: 1,
                text: "Material".into(),
            },
        ];
        let cases = [
            ("lines[0].quantity", "lines[1].quantity"),
            ("lines[1].vat", "lines[3].vat"),
            ("text_rows[0].text", "lines[0].description"),
            ("text_rows[1].text", "lines[2].description"),
            ("lines", "lines"),
            ("buyer.name", "buyer.name"),
        ];
        for (field, expected) in cases {
            assert_eq!(form_field(&invoice, field), expected, "{field}");
        }
    }
}
