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
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for character in text.trim().to_lowercase().chars() {
        if matches!(character, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(character);
    }
    pattern.push('%');
    pattern
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
}
