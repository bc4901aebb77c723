//! Breaking text into lines that fit a width, without ever dropping a character: words go to the
//! next line, and a word wider than the whole line is split between characters.

use crate::units::Length;

/// Splits `text` into lines no wider than `max_width` as measured by `width`. Explicit line
/// breaks are kept; runs of spaces collapse to one. Every non-space character of `text` appears
/// in the result, in order.
pub fn wrap(text: &str, max_width: Length, width: impl Fn(&str) -> Length) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate_width = if line.is_empty() {
                width(word)
            } else {
                width(&line) + width(" ") + width(word)
            };
            if candidate_width <= max_width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if width(word) <= max_width {
                line.push_str(word);
            } else {
                let mut pieces = split_word(word, max_width, &width);
                line = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
            }
        }
        lines.push(line);
    }
    lines
}

/// Cuts one over-long word into pieces that each fit (at least one character per piece, so that
/// a line narrower than a single character still makes progress).
fn split_word(word: &str, max_width: Length, width: &impl Fn(&str) -> Length) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = Length::ZERO;
    let mut buffer = [0u8; 4];
    for c in word.chars() {
        let char_width = width(c.encode_utf8(&mut buffer));
        if !piece.is_empty() && piece_width + char_width > max_width {
            pieces.push(std::mem::take(&mut piece));
            piece_width = Length::ZERO;
        }
        piece.push(c);
        piece_width += char_width;
    }
    pieces.push(piece);
    pieces
}

/// `text` shortened with an ellipsis so that it fits `max_width`; for places that cannot grow,
/// such as the lines showing through an envelope window.
pub fn fit_with_ellipsis(text: &str, max_width: Length, width: impl Fn(&str) -> Length) -> String {
    if width(text) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - width("…");
    let mut fitted = String::new();
    let mut used = Length::ZERO;
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let char_width = width(c.encode_utf8(&mut buffer));
        if used + char_width > budget {
            break;
        }
        fitted.push(c);
        used += char_width;
    }
    format!("{}…", fitted.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is one unit wide, which makes expected lines easy to read.
    fn monospace(text: &str) -> Length {
        Length(i64::try_from(text.chars().count()).unwrap_or(i64::MAX))
    }

    #[test]
    fn wraps_words_and_splits_long_ones() {
        let cases: [(&str, i64, &[&str]); 7] = [
            ("", 10, &[""]),
            ("kort", 10, &["kort"]),
            (
                "konsult arvode för mars",
                10,
                &["konsult", "arvode för", "mars"],
            ),
            ("ett  två\ntre", 10, &["ett två", "tre"]),
            (
                "abcdefghijklmnopqrstuvwxyz",
                10,
                &["abcdefghij", "klmnopqrst", "uvwxyz"],
            ),
            ("ab abcdefghijkl cd", 5, &["ab", "abcde", "fghij", "kl cd"]),
            ("åäö", 0, &["å", "ä", "ö"]),
        ];
        for (text, max, expected) in cases {
            assert_eq!(
                wrap(text, Length(max), monospace),
                expected,
                "{text:?} in {max}"
            );
        }
    }

    #[test]
    fn never_loses_a_character() {
        let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(40)
            + &"x".repeat(500);
        let lines = wrap(&text, Length(37), monospace);
        assert!(lines.iter().all(|line| monospace(line) <= Length(37)));
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squeeze(&lines.concat()), squeeze(&text));
    }

    #[test]
    fn ellipsis_only_when_needed() {
        assert_eq!(
            fit_with_ellipsis("Storgatan 1", Length(20), monospace),
            "Storgatan 1"
        );
        assert_eq!(
            fit_with_ellipsis("Storgatan 1", Length(6), monospace),
            "Storg…"
        );
    }
}
