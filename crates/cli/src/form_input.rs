//! JSON input for the register subcommands: read from a file or stdin, laid over a starting form
//! (the current record, or a new record's defaults), so a script sends only the fields it changes.
//!
//! Unknown fields and non-integer JSON numbers are refused with a message, because a silently
//! ignored typo or a float rounded on the way would store something other than what was meant.

use std::io::Read;
use std::path::Path;

use fakturera_app::{AppError, ErrorCode, Language, Text};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn bad_input(language: Language, sv: String, en: String) -> AppError {
    AppError::new(ErrorCode::InvalidInput, &Text::new(sv, en), language)
}

/// The JSON text from `file`, or from stdin when `file` is `None` or `-`.
pub fn read_json(file: Option<&Path>, language: Language) -> Result<Value, AppError> {
    let (text, source) = match file {
        Some(path) if path != Path::new("-") => {
            let text = std::fs::read_to_string(path).map_err(|error| {
                bad_input(
                    language,
                    format!("Kunde inte läsa {}: {error}", path.display()),
                    format!("Could not read {}: {error}", path.display()),
                )
            })?;
            (text, path.display().to_string())
        }
        _ => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| {
                    bad_input(
                        language,
                        format!("Kunde inte läsa standard in: {error}"),
                        format!("Could not read standard input: {error}"),
                    )
                })?;
            (text, "stdin".to_owned())
        }
    };
    serde_json::from_str(&text).map_err(|error| {
        bad_input(
            language,
            format!("{source} är inte giltig JSON ({error}). Skicka ett JSON-objekt, t.ex. {{\"name\": \"Åkesson AB\"}}."),
            format!("{source} is not valid JSON ({error}). Send a JSON object, e.g. {{\"name\": \"Åkesson AB\"}}."),
        )
    })
}

/// `start` with the fields of `patch` laid over it, checked against the form's own shape.
pub fn merge_form<T: Serialize + DeserializeOwned>(
    start: &T,
    patch: Value,
    language: Language,
) -> Result<T, AppError> {
    let mut merged = serde_json::to_value(start).map_err(|error| {
        AppError::internal(
            &Text::new(
                format!("Formuläret kunde inte läsas: {error}"),
                format!("The form could not be read: {error}"),
            ),
            language,
        )
    })?;
    if !patch.is_object() {
        return Err(bad_input(
            language,
            "Indata ska vara ett JSON-objekt med formulärets fält, t.ex. {\"name\": \"Åkesson AB\"}.".to_owned(),
            "The input must be a JSON object with the form's fields, e.g. {\"name\": \"Åkesson AB\"}.".to_owned(),
        ));
    }
    lay_over(&mut merged, patch, "", language)?;
    serde_json::from_value(merged).map_err(|error| {
        bad_input(
            language,
            format!("Ett fält har fel typ: {error}. Se docs/cli.md för formatet."),
            format!("A field has the wrong type: {error}. See docs/cli.md for the format."),
        )
    })
}

fn lay_over(
    base: &mut Value,
    patch: Value,
    path: &str,
    language: Language,
) -> Result<(), AppError> {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let Some(slot) = base.get_mut(&key) else {
                    let known = base.keys().cloned().collect::<Vec<_>>().join(", ");
                    return Err(bad_input(
                        language,
                        format!("Okänt fält \"{field}\". Fälten är: {known}."),
                        format!("Unknown field \"{field}\". The fields are: {known}."),
                    ));
                };
                lay_over(slot, value, &field, language)?;
            }
            Ok(())
        }
        // An optional object (e.g. a delivery address) that was absent takes the patch whole.
        (slot @ Value::Null, patch) => {
            *slot = patch;
            Ok(())
        }
        (slot @ Value::String(_), Value::Number(number)) => {
            if number.is_f64() {
                return Err(bad_input(
                    language,
                    format!(
                        "Skriv decimaltal i \"{path}\" som text, t.ex. \"1250.50\", så att inget avrundas."
                    ),
                    format!(
                        "Write decimal numbers in \"{path}\" as text, e.g. \"1250.50\", so nothing is rounded."
                    ),
                ));
            }
            *slot = Value::String(number.to_string());
            Ok(())
        }
        (slot, patch) => {
            *slot = patch;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Inner {
        city: String,
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Form {
        name: String,
        price: String,
        flag: bool,
        address: Inner,
        delivery: Option<Inner>,
    }

    #[test]
    fn patches_lay_over_the_start() {
        let start = Form {
            name: "Gammal".into(),
            address: Inner {
                city: "Umeå".into(),
            },
            ..Form::default()
        };
        let merged = merge_form(
            &start,
            json!({"price": 1250, "flag": true, "delivery": {"city": "Luleå"}}),
            Language::Swedish,
        )
        .expect("valid patch");
        assert_eq!(
            merged,
            Form {
                name: "Gammal".into(),
                price: "1250".into(),
                flag: true,
                address: Inner {
                    city: "Umeå".into()
                },
                delivery: Some(Inner {
                    city: "Luleå".into()
                }),
            }
        );
    }

    #[test]
    fn refuses_unknown_fields_floats_and_wrong_types() {
        let cases = [
            (json!({"nmae": "x"}), "Unknown field \"nmae\""),
            (
                json!({"address": {"town": "x"}}),
                "Unknown field \"address.town\"",
            ),
            (json!({"price": 12.5}), "Write decimal numbers in \"price\""),
            (json!({"flag": "yes"}), "wrong type"),
            (json!(["not", "an", "object"]), "must be a JSON object"),
        ];
        for (patch, expected) in cases {
            let error = merge_form(&Form::default(), patch.clone(), Language::English)
                .expect_err("bad patch");
            assert_eq!(error.code, ErrorCode::InvalidInput);
            assert!(
                error.message.contains(expected),
                "{patch}: {}",
                error.message
            );
        }
    }
}
