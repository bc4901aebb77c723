//! Turns what a user typed into the bare characters an identifier is made of, and back into a
//! short excerpt that error messages can quote without echoing a whole pasted page.

/// The input without white space (including no-break spaces) and without the separator
/// characters people type between groups, upper-cased.
pub(crate) fn compact(input: &str, separators: &[char]) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !separators.contains(c))
        .flat_map(char::to_uppercase)
        .collect()
}

/// True when the text is made of ASCII digits only (and is not empty).
pub(crate) fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The trimmed input, cut to a length that fits in a message.
pub(crate) fn shown(input: &str) -> String {
    const MAX_CHARS: usize = 40;
    let trimmed = input.trim();
    if trimmed.chars().count() <= MAX_CHARS {
        trimmed.to_owned()
    } else {
        let head: String = trimmed.chars().take(MAX_CHARS).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_drops_spaces_and_separators_and_upper_cases() {
        let cases = [
            (" 556721-2047 ", "5567212047"),
            ("se 5567\u{a0}2120 4701", "SE556721204701"),
            ("90 20 03-3", "9020033"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(compact(input, &['-']), expected, "input {input:?}");
        }
    }

    #[test]
    fn shown_cuts_long_input() {
        assert_eq!(shown("  123  "), "123");
        let long = "9".repeat(10_000);
        let excerpt = shown(&long);
        assert_eq!(excerpt.chars().count(), 41);
        assert!(excerpt.ends_with('…'));
    }

    #[test]
    fn all_digits_rejects_empty_and_letters() {
        assert!(all_digits("0123"));
        assert!(!all_digits(""));
        assert!(!all_digits("12a"));
        assert!(!all_digits("١٢"));
    }
}
