//! Paging and search for the customer and article registers, which stay small (thousands of
//! rows), so LIMIT/OFFSET over a name index is plenty.

/// Which page of a register to read, and an optional search text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegisterQuery {
    /// Matched anywhere in the name, the number or (for customers) the org number, ignoring case.
    pub search: Option<String>,
    pub include_archived: bool,
    pub offset: u32,
    /// Rows per page; 0 means the default of 100. At most 1000.
    pub limit: u32,
}

impl RegisterQuery {
    pub(crate) fn limit(&self) -> u32 {
        match self.limit {
            0 => 100,
            limit => limit.min(1000),
        }
    }
}

/// The lower-cased text a search column holds: the parts joined by a separator no search
/// text contains.
pub(crate) fn search_text(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|part| part.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// A LIKE pattern that finds `text` anywhere in a search column, ignoring case in every
/// alphabet, with LIKE's own wildcards taken literally.
pub(crate) fn like_pattern(text: &str) -> String {
    pattern_after("%", text)
}

/// `before`, then `text` lower-cased with LIKE's wildcards escaped, then `%`.
fn pattern_after(before: &str, text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + before.len() + 1);
    pattern.push_str(before);
    for character in text.trim().to_lowercase().chars() {
        if matches!(character, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(character);
    }
    pattern.push('%');
    pattern
}

/// The SQL that ranks a match by where the search text was found, for `ORDER BY` before the
/// name: 0 when a number or name starts with it, 1 when a word inside starts with it, 2 when it
/// is inside a word. So typing "K" offers KONS and KABEL before HW-SKARM, as a user expects.
/// `?5` is [`part_start_pattern`], `?6` is [`word_start_pattern`].
pub(crate) const MATCH_RANK_SQL: &str = "CASE WHEN ?5 IS NULL THEN 0
    WHEN (char(31) || search_text) LIKE ?5 ESCAPE '\\' THEN 0
    WHEN replace(replace(replace(search_text, '-', ' '), '/', ' '), '.', ' ') LIKE ?6 ESCAPE '\\' THEN 1
    ELSE 2 END";

/// Finds `text` at the start of one of the parts [`search_text`] joined (number, name...).
pub(crate) fn part_start_pattern(text: &str) -> String {
    pattern_after("%\u{1f}", text)
}

/// Finds `text` at the start of a word (after a space, hyphen, slash or dot).
pub(crate) fn word_start_pattern(text: &str) -> String {
    pattern_after("% ", text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        let cases = [
            ("Bygg", "%bygg%"),
            ("ÖBERG", "%öberg%"),
            (" 50% ", "%50\\%%"),
            ("a_b", "%a\\_b%"),
            ("c:\\x", "%c:\\\\x%"),
        ];
        for (text, expected) in cases {
            assert_eq!(like_pattern(text), expected, "{text}");
        }
    }

    #[test]
    fn rank_patterns_anchor_at_a_part_or_a_word() {
        assert_eq!(part_start_pattern(" K "), "%\u{1f}k%");
        assert_eq!(word_start_pattern("Ka_"), "% ka\\_%");
    }
}
