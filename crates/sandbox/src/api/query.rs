//! Query strings with repeated keys (`status[]=A&status[]=B`), which the AX API uses for lists.

/// All pairs of a raw query string, decoded, in order.
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect()
}

/// The first non-empty value of a key.
pub fn first<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(name, value)| name == key && !value.is_empty())
        .map(|(_, value)| value.as_str())
}

/// Every value of a key, accepting both `key[]` and `key`.
pub fn all<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    let bare = key.trim_end_matches("[]");
    pairs
        .iter()
        .filter(|(name, _)| name == key || name == bare)
        .map(|(_, value)| value.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_kept() {
        let pairs = query_pairs(Some("status%5B%5D=PENDING&status[]=FAILED&page=2&bid="));
        assert_eq!(all(&pairs, "status[]"), vec!["PENDING", "FAILED"]);
        assert_eq!(first(&pairs, "page"), Some("2"));
        assert_eq!(first(&pairs, "bid"), None);
    }
}
