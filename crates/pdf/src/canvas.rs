//! Drawing on one page in the terms layout thinks in: positions measured from the top-left corner
//! in [`Length`]s, text in a face and size, filled boxes and rules. Turns them into printpdf ops,
//! whose origin is the bottom-left corner.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Rect, Rgb, TextItem, XObjectId,
    XObjectTransform,
};

use crate::fonts::{Fonts, Weight};
use crate::units::Length;

/// The height of A4 in portrait, the only paper size a Swedish invoice is printed on; y is
/// measured down from the top edge.
pub const PAGE_HEIGHT: Length = Length::mm(297);

/// An sRGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub const TEXT: Colour = Colour(0x1f, 0x23, 0x28);
    pub const MUTED: Colour = Colour(0x5f, 0x66, 0x70);
    pub const RULE: Colour = Colour(0xd4, 0xd8, 0xdd);
    pub const BAND: Colour = Colour(0xee, 0xf1, 0xf4);
    pub const ACCENT: Colour = Colour(0x1d, 0x4e, 0x89);
    pub const ACCENT_TINT: Colour = Colour(0xe8, 0xef, 0xf8);

    #[allow(clippy::float_arithmetic)]
    fn to_pdf(self) -> Color {
        // Channel bytes to the 0.0–1.0 range PDF wants; colours, not money.
        let channel = |value: u8| f32::from(value) / 255.0;
        Color::Rgb(Rgb {
            r: channel(self.0),
            g: channel(self.1),
            b: channel(self.2),
            icc_profile: None,
        })
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub weight: Weight,
    pub size: Length,
    pub colour: Colour,
}

impl Style {
    pub const fn new(weight: Weight, size_tenths_pt: i64, colour: Colour) -> Style {
        Style {
            weight,
            size: Length::pt_tenths(size_tenths_pt),
            colour,
        }
    }
}

/// The ops of one page, built up in drawing order.
#[derive(Debug)]
pub struct Canvas<'f> {
    fonts: &'f Fonts,
    ops: Vec<Op>,
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f Fonts) -> Canvas<'f> {
        Canvas {
            fonts,
            ops: Vec::with_capacity(512),
        }
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn into_ops(self) -> Vec<Op> {
        self.ops
    }

    /// The width `text` takes in `style`.
    pub fn width(&self, text: &str, style: Style) -> Length {
        self.fonts.face(style.weight).width(text, style.size)
    }

    /// Text with its left end at `x` and its baseline `baseline` from the top of the page.
    /// `text` must already be printable (see [`Fonts::printable`]).
    pub fn text(&mut self, x: Length, baseline: Length, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let font = self.fonts.face(style.weight).id();
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: style.size.to_pt(),
            },
            Op::SetFillColor {
                col: style.colour.to_pdf(),
            },
            Op::SetTextCursor {
                pos: point(x, baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text whose right end is at `right`.
    pub fn text_right(&mut self, right: Length, baseline: Length, style: Style, text: &str) {
        let width = self.width(text, style);
        self.text(right - width, baseline, style, text);
    }

    /// A filled rectangle whose top-left corner is at (`x`, `top`).
    pub fn fill(&mut self, x: Length, top: Length, width: Length, height: Length, colour: Colour) {
        self.ops.push(Op::SetFillColor {
            col: colour.to_pdf(),
        });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                mode: Some(PaintMode::Fill),
                ..Rect::from_xywh(
                    x.to_pt(),
                    (PAGE_HEIGHT - top - height).to_pt(),
                    width.to_pt(),
                    height.to_pt(),
                )
            },
        });
    }

    /// A horizontal rule from `x1` to `x2` at `y`.
    pub fn rule(&mut self, x1: Length, x2: Length, y: Length, thickness: Length, colour: Colour) {
        self.ops.push(Op::SetOutlineColor {
            col: colour.to_pdf(),
        });
        self.ops.push(Op::SetOutlineThickness {
            pt: thickness.to_pt(),
        });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: point(x1, y),
                        bezier: false,
                    },
                    LinePoint {
                        p: point(x2, y),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// An image scaled to `width` × `height` with its top-left corner at (`x`, `top`).
    pub fn image(&mut self, id: XObjectId, x: Length, top: Length, width: Length, height: Length) {
        self.ops.push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(x.to_pt()),
                translate_y: Some((PAGE_HEIGHT - top - height).to_pt()),
                // Without the automatic pixel scaling an image is the unit square, so the scale
                // is simply the size on the page.
                scale_x: Some(width.to_pt().0),
                scale_y: Some(height.to_pt().0),
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
    }
}

fn point(x: Length, from_top: Length) -> Point {
    Point {
        x: x.to_pt(),
        y: (PAGE_HEIGHT - from_top).to_pt(),
    }
}
