//! The type scale of the invoice: few sizes, two weights, dark text with one accent colour.

use crate::canvas::{Colour, Style};
use crate::fonts::Weight;
use crate::units::Length;

pub const TITLE: Style = Style::new(Weight::Bold, 200, Colour::ACCENT);
pub const COMPANY: Style = Style::new(Weight::Bold, 140, Colour::TEXT);
pub const CONTINUED_TITLE: Style = Style::new(Weight::Bold, 110, Colour::ACCENT);
pub const LABEL: Style = Style::new(Weight::Regular, 75, Colour::MUTED);
pub const VALUE: Style = Style::new(Weight::Regular, 85, Colour::TEXT);
pub const VALUE_BOLD: Style = Style::new(Weight::Bold, 85, Colour::TEXT);
pub const ADDRESS: Style = Style::new(Weight::Regular, 100, Colour::TEXT);
pub const ADDRESS_NAME: Style = Style::new(Weight::Bold, 100, Colour::TEXT);
pub const TABLE_HEAD: Style = Style::new(Weight::Bold, 75, Colour::TEXT);
pub const CELL: Style = Style::new(Weight::Regular, 85, Colour::TEXT);
pub const NOTE: Style = Style::new(Weight::Regular, 75, Colour::MUTED);
pub const TOTAL: Style = Style::new(Weight::Regular, 90, Colour::TEXT);
pub const TO_PAY_LABEL: Style = Style::new(Weight::Bold, 100, Colour::TEXT);
pub const TO_PAY: Style = Style::new(Weight::Bold, 130, Colour::ACCENT);
pub const SECTION: Style = Style::new(Weight::Bold, 85, Colour::ACCENT);
pub const FOOTER: Style = Style::new(Weight::Regular, 70, Colour::MUTED);
pub const FOOTER_BOLD: Style = Style::new(Weight::Bold, 70, Colour::TEXT);
pub const PAGE_NUMBER: Style = Style::new(Weight::Regular, 75, Colour::MUTED);
pub const DRAFT: Style = Style::new(Weight::Bold, 85, Colour(0xb4, 0x23, 0x18));

/// Line heights that go with the sizes above.
pub const CELL_LEADING: Length = Length::mm_tenths(38);
pub const VALUE_LEADING: Length = Length::mm_tenths(42);
pub const ADDRESS_LEADING: Length = Length::mm_tenths(43);
pub const FOOTER_LEADING: Length = Length::mm_tenths(31);
pub const NOTE_LEADING: Length = Length::mm_tenths(34);

/// A style shrunk so that `width_at_style` fits in `available`, never below 5 pt: for numbers and
/// identifiers that must print whole in a fixed column.
pub fn shrink_to_fit(style: Style, width_at_style: Length, available: Length) -> Style {
    if width_at_style <= available || width_at_style.0 <= 0 {
        return style;
    }
    let size = Length(style.size.0 * available.0 / width_at_style.0).max(Length::pt_tenths(50));
    Style { size, ..style }
}

/// `text` in `style` made to fit `available`: shrunk first, and if even 5 pt is too wide (a
/// pathological value), shortened with an ellipsis so it never runs off the page.
pub fn fit(
    canvas: &crate::canvas::Canvas<'_>,
    text: &str,
    style: Style,
    available: Length,
) -> (String, Style) {
    let style = shrink_to_fit(style, canvas.width(text, style), available);
    let face = canvas.fonts().face(style.weight);
    let text = crate::wrap::fit_with_ellipsis(text, available, |part| face.width(part, style.size));
    (text, style)
}
