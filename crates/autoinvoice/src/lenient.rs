//! Reading the operator's JSON leniently. The real AX models mark almost every field optional
//! (rantalainen/maventa-api-client `src/api.ts`, API 0.85.263), so a missing field, a `null` where a
//! list was expected, a number where we expected text, or an unknown enum value must never make a
//! whole answer unreadable. One odd entry in a list is skipped instead of failing the list.

use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::str::FromStr;

/// A list that may be missing or `null`: both read as empty.
pub(crate) fn list_or_null<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(value.map(readable_items).unwrap_or_default())
}

/// Text that may be missing, `null`, a number or a boolean; other shapes read as absent.
pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(match value {
        Some(serde_json::Value::String(text)) => Some(text),
        Some(serde_json::Value::Number(number)) => Some(number.to_string()),
        Some(serde_json::Value::Bool(flag)) => Some(flag.to_string()),
        _ => None,
    })
}

/// Text that must be there for the object to mean anything, but reads as empty when it is not.
pub(crate) fn text_or_empty<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    text(deserializer).map(Option::unwrap_or_default)
}

/// An enum value, or its `Default` (the `Other` variant) when missing, `null` or not a string.
pub(crate) fn enum_or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(value
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default())
}

/// An optional value (an enum, an object); an unreadable one reads as absent.
pub(crate) fn optional<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(value.and_then(|value| serde_json::from_value(value).ok()))
}

/// Amounts arrive as JSON numbers (the real API's `float`) or decimal strings; a number is read from
/// its text, never through arithmetic on a float. An unreadable amount reads as absent rather than
/// failing the invoice: the app never takes money from the operator's answer.
pub(crate) fn optional_decimal<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    let text = match value {
        Some(serde_json::Value::String(text)) => text,
        Some(serde_json::Value::Number(number)) => number.to_string(),
        _ => return Ok(None),
    };
    Ok(Decimal::from_str(text.trim())
        .or_else(|_| Decimal::from_scientific(text.trim()))
        .ok())
}

/// The items of a JSON array that read as `T`; anything else in the array is skipped.
pub(crate) fn readable_items<T: DeserializeOwned>(value: serde_json::Value) -> Vec<T> {
    match value {
        serde_json::Value::Array(items) => items
            .into_iter()
            .filter_map(|item| serde_json::from_value(item).ok())
            .collect(),
        _ => Vec::new(),
    }
}
