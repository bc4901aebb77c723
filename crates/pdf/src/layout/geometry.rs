//! Where things go on the A4 sheet, in millimetres from the top-left corner.
//!
//! The address window follows the left-hand window ("V2") of the Swedish C5 and E65 window
//! envelopes, which Swedish letter templates place 20 mm from the left edge and 45 mm from the
//! top of an A4 sheet folded in three, with a window of about 90–100 × 35–45 mm. We use the
//! smallest of those, 90 × 35 mm, and keep the address 4 mm inside it on the left and top, so that
//! the sheet can slide a few millimetres in the envelope and the whole address still shows. The
//! Nordic summary at officeconsult.no (C5: window 44 mm from the top, 35 mm high) agrees.

use crate::units::Length;

/// The left page margin; the logo, table and footer start here.
pub const LEFT: Length = Length::mm(20);
/// The right end of the content.
pub const RIGHT: Length = Length::mm(190);
pub const CONTENT_WIDTH: Length = Length::mm(170);

/// The envelope window as it lies on the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub left: Length,
    pub top: Length,
    pub width: Length,
    pub height: Length,
}

pub const ENVELOPE_WINDOW: Window = Window {
    left: Length::mm(20),
    top: Length::mm(45),
    width: Length::mm(90),
    height: Length::mm(35),
};

/// The inset of the address inside the window.
pub const WINDOW_INSET: Length = Length::mm(4);

/// The right-hand column of the first page: title, invoice facts and references.
pub const FACTS_LEFT: Length = Length::mm(118);
pub const FACTS_VALUE_LEFT: Length = Length::mm(150);

/// The lowest a table may start on the first page: below the window.
pub const FIRST_TABLE_TOP_MIN: Length = Length::mm(88);
/// Where the table starts on continuation pages.
pub const CONTINUED_TABLE_TOP: Length = Length::mm(32);

/// The footer rule; the body ends a little above it.
pub const FOOTER_TOP: Length = Length::mm(273);
pub const BODY_BOTTOM: Length = Length::mm(268);

/// The baseline of "Sida N av M".
pub const PAGE_NUMBER_BASELINE: Length = Length::mm(11);
