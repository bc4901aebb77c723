//! The embedded typeface (DejaVu Sans Condensed, regular and bold), parsed once per process, with
//! the metrics layout needs to measure text and the fallback for characters the font lacks.
//!
//! DejaVu is free to embed and redistribute (Bitstream Vera licence, see THIRD_PARTY_NOTICES.md)
//! and covers Latin-1 and far beyond (å ä ö é ü €), so Swedish and European names print as typed.
//!
//! Each weight comes twice. The common face (`fonts/*-common.ttf`, made by
//! scripts/subset-fonts.sh) holds the Latin characters, punctuation and symbols of
//! `fonts/common-characters.txt`: about 1,300 of the full face's 6,253 glyphs, in 86 KB instead of
//! 680 KB. Parsing and subsetting a face costs in proportion to its glyphs, so an invoice that
//! stays inside the common characters (nearly all of them) renders from the common faces, and a
//! one-invoice `fakturera invoices pdf` process takes about 1.9 ms less (docs/benchmarks.md). The
//! full face is parsed the first time a character outside the common face is measured, and a
//! document that uses one embeds the full faces. Both hold the same glyphs with the same
//! advances (tested below), so layout and print are the same either way.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use printpdf::{AzulParsedFont, FontId, ParsedFont, PdfFont};
use rust_fontconfig::FontBytes;

use crate::units::Length;

/// What is printed for a character the font has no glyph for (CJK, emoji): visible, so nobody
/// mistakes a missing character for a blank, and extractable as plain text.
pub const REPLACEMENT: char = '?';

/// Characters below this code point have their advance widths cached in an array. The common
/// faces have every one of them the full faces have (tested below).
const CACHED_CHARS: usize = 0x0250;

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One weight: the common face, and the full face parsed when first needed.
#[derive(Debug)]
pub struct Face {
    common: ParsedFont,
    full: OnceLock<Option<ParsedFont>>,
    full_bytes: &'static [u8],
    /// The six-letter id doubles as the PDF subset tag (`DJVREG+DejaVuSansCondensed`), fixed so
    /// that the output is byte-for-byte reproducible.
    id: &'static str,
    units_per_em: i64,
    /// Advance widths in font units for the first code points; `None` where the font has no glyph.
    cached_advances: Vec<Option<u16>>,
}

impl Face {
    fn new(
        common_bytes: &'static [u8],
        full_bytes: &'static [u8],
        id: &'static str,
    ) -> Result<Face, String> {
        let common = parse(common_bytes, id)?;
        let units_per_em = i64::from(common.font_metrics.units_per_em.max(1));
        let cached_advances = (0..CACHED_CHARS)
            .map(|code| glyph_advance(&common, code as u32))
            .collect();
        Ok(Face {
            common,
            full: OnceLock::new(),
            full_bytes,
            id,
            units_per_em,
            cached_advances,
        })
    }

    /// The full face, parsed on first use. `None` only if the embedded bytes did not parse,
    /// which the tests rule out; its characters then count as missing and print as
    /// [`REPLACEMENT`], named by the send check like any other unprintable character.
    fn full(&self) -> Option<&ParsedFont> {
        self.full
            .get_or_init(|| parse(self.full_bytes, self.id).ok())
            .as_ref()
    }

    /// The advance of `c` in font units, `None` when the font has no glyph for it.
    fn advance(&self, c: char) -> Option<u16> {
        match self.cached_advances.get(c as usize) {
            Some(cached) => *cached,
            None => glyph_advance(&self.common, c as u32)
                .or_else(|| glyph_advance(self.full()?, c as u32)),
        }
    }

    pub fn has_glyph(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// Whether the common face has `c`: text made only of such characters needs no full face.
    fn in_common(&self, c: char) -> bool {
        match self.cached_advances.get(c as usize) {
            Some(cached) => cached.is_some(),
            None => glyph_advance(&self.common, c as u32).is_some(),
        }
    }

    /// The width of `text` set at `size`. Characters without a glyph are measured as the
    /// replacement that will be printed in their place.
    pub fn width(&self, text: &str, size: Length) -> Length {
        let fallback = i64::from(self.advance(REPLACEMENT).unwrap_or(0));
        let units: i64 = text
            .chars()
            .map(|c| self.advance(c).map_or(fallback, i64::from))
            .sum();
        Length(units * size.0 / self.units_per_em)
    }

    pub fn id(&self) -> FontId {
        FontId(self.id.to_owned())
    }

    /// The face a document embeds: the common one, or the full one when the document has text
    /// outside the common characters.
    pub fn pdf_font(&self, full: bool) -> PdfFont {
        let face = if full {
            self.full().unwrap_or(&self.common)
        } else {
            &self.common
        };
        PdfFont::new(face.clone())
    }
}

/// Parses the tables layout needs; the glyph outlines are loaded only when first asked for, by
/// the subsetting of a document's fonts. The bytes are shared, so handing the face to a
/// document (see [`Face::pdf_font`]) copies no font data. Against `ParsedFont::from_bytes`
/// (outlines parsed, bytes copied twice) this took a 1-page `fakturera invoices pdf` process
/// from about 10.1 to 8.8 ms (docs/benchmarks.md).
fn parse(bytes: &[u8], id: &str) -> Result<ParsedFont, String> {
    let shared = Arc::new(FontBytes::Owned(Arc::from(bytes)));
    AzulParsedFont::from_bytes_shared(shared, 0, &mut Vec::new())
        .map(ParsedFont::from_azul)
        .filter(ParsedFont::has_source_bytes)
        .ok_or_else(|| format!("the embedded font {id} could not be parsed"))
}

fn glyph_advance(font: &ParsedFont, code: u32) -> Option<u16> {
    let glyph = font.lookup_glyph_index(code).filter(|&glyph| glyph != 0)?;
    Some(font.get_horizontal_advance(glyph))
}

/// The two faces an invoice uses.
#[derive(Debug)]
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Whether every character of `text` is in both common faces, so that a document made of
    /// such text can embed the common faces.
    pub fn common_covers(&self, text: &str) -> bool {
        text.chars()
            .all(|c| self.regular.in_common(c) && self.bold.in_common(c))
    }

    /// Whether `c` prints as typed: a line break, or a visible character both faces have.
    fn drawable(&self, c: char) -> bool {
        c == '\n' || (!c.is_control() && self.regular.has_glyph(c) && self.bold.has_glyph(c))
    }

    /// The characters of `text` that would print as [`REPLACEMENT`], each once, in the order
    /// they first appear. Control characters (printed as spaces) and the joiners that glue emoji
    /// together (dropped) are not counted: they have nothing to show.
    pub fn unprintable(&self, text: &str) -> Vec<char> {
        let mut found: Vec<char> = Vec::new();
        for c in text.chars() {
            let glue = matches!(c, '\u{200d}' | '\u{fe00}'..='\u{fe0f}');
            if !glue && !c.is_control() && !self.drawable(c) && !found.contains(&c) {
                found.push(c);
            }
        }
        found
    }

    /// `text` with every character the faces cannot draw replaced, and control characters
    /// (tabs, stray carriage returns) turned into spaces. Line breaks are left to the caller.
    pub fn printable<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let drawable = |c: char| self.drawable(c);
        if text.chars().all(drawable) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            text.chars()
                .filter_map(|c| match c {
                    '\n' => Some('\n'),
                    // A zero-width joiner or variation selector glues emoji together; one '?' per
                    // emoji is enough.
                    '\u{200d}' | '\u{fe00}'..='\u{fe0f}' => None,
                    c if c.is_control() => Some(' '),
                    c if drawable(c) => Some(c),
                    _ => Some(REPLACEMENT),
                })
                .collect(),
        )
    }
}

static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();

/// The faces, parsed on first use and shared by every render afterwards.
pub fn fonts() -> Result<&'static Fonts, String> {
    FONTS
        .get_or_init(|| {
            Ok(Fonts {
                regular: Face::new(
                    include_bytes!("../fonts/DejaVuSansCondensed-common.ttf"),
                    dejavu::sans_condensed::regular(),
                    "DJVREG",
                )?,
                bold: Face::new(
                    include_bytes!("../fonts/DejaVuSansCondensed-Bold-common.ttf"),
                    dejavu::sans_condensed::bold(),
                    "DJVBLD",
                )?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded() -> &'static Fonts {
        fonts().expect("the embedded fonts parse")
    }

    #[test]
    fn unprintable_names_each_missing_character_once() {
        let fonts = loaded();
        assert_eq!(
            fonts.unprintable("Åström & Öberg, 1 295,00 €"),
            Vec::<char>::new()
        );
        assert_eq!(
            fonts.unprintable("請求書 請求 \u{1F44D}\u{1F3FD}\u{200d}\ttack"),
            vec!['請', '求', '書', '\u{1F44D}', '\u{1F3FD}']
        );
    }

    #[test]
    fn covers_swedish_and_latin1() {
        let fonts = loaded();
        for c in "åäöÅÄÖéèüÜß€£§½×÷ñçøæ«»–—’".chars() {
            assert!(fonts.regular.has_glyph(c) && fonts.bold.has_glyph(c), "{c}");
        }
    }

    #[test]
    fn replaces_what_it_cannot_draw() {
        let cases = [
            ("Åsa Öberg", "Åsa Öberg"),
            ("東京 Ltd", "?? Ltd"),
            ("Tack 👍🏽!", "Tack ??!"),
            ("a\tb\r\nc", "a b \nc"),
            ("👨\u{200d}👩", "??"),
        ];
        for (input, expected) in cases {
            assert_eq!(loaded().printable(input), expected, "{input}");
        }
    }

    /// The code points of `fonts/common-characters.txt`, the list the common faces were made from.
    fn common_characters() -> Vec<u32> {
        let hex = |text: &str| {
            u32::from_str_radix(text.trim_start_matches("U+"), 16)
                .unwrap_or_else(|_| panic!("common-characters.txt: {text} is not U+hex"))
        };
        include_str!("../fonts/common-characters.txt")
            .lines()
            .flat_map(|line| line.split('#').next().unwrap_or("").split_whitespace())
            .flat_map(|token| match token.split_once('-') {
                Some((first, last)) => hex(first)..=hex(last),
                None => hex(token)..=hex(token),
            })
            .collect()
    }

    /// What a glyph looks like, apart from its number: advance, box, outline and hinting.
    fn drawing(font: &ParsedFont, code: u32) -> Option<String> {
        let glyph = font.lookup_glyph_index(code).filter(|&glyph| glyph != 0)?;
        let decoded = font.get_or_decode_glyph(glyph)?;
        Some(format!(
            "{} {:?} {:?} {:?}",
            decoded.horz_advance, decoded.bounding_box, decoded.outline, decoded.instructions
        ))
    }

    #[test]
    fn common_faces_draw_their_characters_as_the_full_faces_do() {
        for face in [&loaded().regular, &loaded().bold] {
            let full = face.full().expect("the full face parses");
            let mut codes = common_characters();
            codes.extend(0..CACHED_CHARS as u32);
            let mut kept = 0;
            for code in codes {
                let expected = drawing(full, code);
                assert_eq!(
                    drawing(&face.common, code),
                    expected,
                    "{} U+{code:04X}",
                    face.id
                );
                kept += usize::from(expected.is_some());
            }
            assert!(kept > 1_000, "{}: {kept} characters", face.id);
        }
    }

    #[test]
    fn the_full_face_is_parsed_only_for_characters_outside_the_common_ones() {
        let face = Face::new(
            include_bytes!("../fonts/DejaVuSansCondensed-common.ttf"),
            dejavu::sans_condensed::regular(),
            "DJVREG",
        )
        .expect("the embedded fonts parse");
        let size = Length::pt_tenths(90);
        let common = "Nguyễn & Åström AB – 1 295,00 € “ok” № 7 ≤ 10 ‰";
        assert!(face.width(common, size) > Length::ZERO);
        assert!(common.chars().all(|c| face.in_common(c)), "{common}");
        assert!(face.full.get().is_none(), "the full face was parsed");

        assert!(!face.in_common('Ж'));
        assert!(face.has_glyph('Ж') && face.full.get().is_some());
        assert!(!face.has_glyph('請'));
    }

    #[test]
    fn documents_with_only_common_characters_can_embed_the_common_faces() {
        let fonts = loaded();
        assert!(fonts.common_covers("Faktura 1001, Åsa Öberg, Łódź, Ștefan, 1 295,00 €"));
        assert!(!fonts.common_covers("Иван Петров"));
        assert!(!fonts.common_covers("Ελληνικά"));
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let face = &loaded().regular;
        let ten = Length::pt_tenths(100);
        assert_eq!(face.width("", ten), Length::ZERO);
        assert!(face.width("WWW", ten) > face.width("iii", ten));
        assert_eq!(face.width("ab", ten * 2).0 / 2, face.width("ab", ten).0);
        assert!(loaded().bold.width("Faktura", ten) > face.width("Faktura", ten));
    }
}
