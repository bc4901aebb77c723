//! The one error shape that crosses IPC: `{code, message, fields}` with a closed set of codes the UI
//! branches on, and messages already in the user's language.

use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{StoreError, StoreErrorKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What went wrong, as far as the UI needs to know to decide what to show or offer.
///
/// Only add a code when the UI does something different for it; everything else is `internal`
/// with a good message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The input is wrong; `fields` says where and how to fix it.
    InvalidInput,
    /// The record asked for does not exist (any more).
    NotFound,
    /// The record's state forbids the change, e.g. an issued invoice.
    Conflict,
    /// The company file is in use by another program.
    Locked,
    /// AutoInvoice could not be reached; the work waits in the outbox.
    Offline,
    /// AutoInvoice refused the credentials.
    Unauthorized,
    /// The company file was written by a newer version of Fakturera.
    NewerVersion,
    /// A bug or an environment failure; the message says what the user can do.
    Internal,
}

/// One field's problem, message in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldMessage {
    /// A stable path such as `org_number` or `lines[2].quantity`.
    pub field: String,
    pub message: String,
}

/// The error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
#[ts(export)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldMessage>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: &Text, language: Language) -> AppError {
        AppError {
            code,
            message: message.in_language(language).to_owned(),
            fields: Vec::new(),
        }
    }

    /// A bug or environment failure: the message must still say what the user can do.
    pub fn internal(message: &Text, language: Language) -> AppError {
        AppError::new(ErrorCode::Internal, message, language)
    }
}

/// Turns a domain or store error into an [`AppError`] in the user's language.
///
/// Implemented by every error type app functions meet, so use cases can write
/// `result.for_user(language)?` (see [`ForUser`]) or hand them to `App::with_store`.
pub trait IntoAppError {
    fn into_app_error(self, language: Language) -> AppError;
}

/// `result.for_user(language)` turns any [`IntoAppError`] failure into the [`AppError`] the user
/// reads, so a use case states the language once instead of spelling out the conversion.
pub trait ForUser<T> {
    fn for_user(self, language: Language) -> Result<T, AppError>;
}

impl<T, E: IntoAppError> ForUser<T> for Result<T, E> {
    fn for_user(self, language: Language) -> Result<T, AppError> {
        self.map_err(|error| error.into_app_error(language))
    }
}

impl IntoAppError for AppError {
    fn into_app_error(self, _language: Language) -> AppError {
        self
    }
}

impl IntoAppError for FieldErrors {
    fn into_app_error(self, language: Language) -> AppError {
        let fields: Vec<FieldMessage> = self
            .0
            .iter()
            .map(|error| FieldMessage {
                field: error.field.clone(),
                message: error.message.in_language(language).to_owned(),
            })
            .collect();
        let message = match fields.as_slice() {
            [only] => only.message.clone(),
            _ => Text::new(
                format!(
                    "{} uppgifter behöver rättas; se markerade fält.",
                    fields.len()
                ),
                format!(
                    "{} entries need correcting; see the marked fields.",
                    fields.len()
                ),
            )
            .in_language(language)
            .to_owned(),
        };
        AppError {
            code: ErrorCode::InvalidInput,
            message,
            fields,
        }
    }
}

impl IntoAppError for FieldError {
    fn into_app_error(self, language: Language) -> AppError {
        FieldErrors::from(self).into_app_error(language)
    }
}

impl IntoAppError for StoreError {
    fn into_app_error(self, language: Language) -> AppError {
        let code = match self.kind() {
            StoreErrorKind::NotFound => ErrorCode::NotFound,
            StoreErrorKind::Invalid => ErrorCode::InvalidInput,
            StoreErrorKind::Conflict => ErrorCode::Conflict,
            StoreErrorKind::NewerSchema => ErrorCode::NewerVersion,
            StoreErrorKind::Busy => ErrorCode::Locked,
            StoreErrorKind::Corrupt | StoreErrorKind::Io | StoreErrorKind::Internal => {
                ErrorCode::Internal
            }
        };
        let message = self.message().in_language(language).to_owned();
        let fields = self
            .field()
            .map(|field| FieldMessage {
                field: field.to_owned(),
                message: message.clone(),
            })
            .into_iter()
            .collect();
        AppError {
            code,
            message,
            fields,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(sv: &str, en: &str) -> Text {
        Text::new(sv, en)
    }

    #[test]
    fn serialises_as_code_message_fields() {
        let error = AppError::new(
            ErrorCode::NewerVersion,
            &text("Nyare", "Newer"),
            Language::English,
        );
        let json = serde_json::to_value(&error).expect("AppError serialises");
        assert_eq!(
            json,
            serde_json::json!({"code": "newer_version", "message": "Newer", "fields": []})
        );
    }

    #[test]
    fn every_code_serialises_in_snake_case() {
        let cases = [
            (ErrorCode::InvalidInput, "invalid_input"),
            (ErrorCode::NotFound, "not_found"),
            (ErrorCode::Conflict, "conflict"),
            (ErrorCode::Locked, "locked"),
            (ErrorCode::Offline, "offline"),
            (ErrorCode::Unauthorized, "unauthorized"),
            (ErrorCode::NewerVersion, "newer_version"),
            (ErrorCode::Internal, "internal"),
        ];
        for (code, expected) in cases {
            assert_eq!(
                serde_json::to_value(code).expect("code serialises"),
                expected,
                "{code:?}"
            );
        }
    }

    #[test]
    fn one_field_error_becomes_the_message_in_the_chosen_language() {
        let errors = FieldErrors::from(FieldError::new(
            "org_number",
            "checksum",
            text("Fel kontrollsiffra", "Bad check digit"),
        ));
        for (language, expected) in [
            (Language::Swedish, "Fel kontrollsiffra"),
            (Language::English, "Bad check digit"),
        ] {
            let error = errors.clone().into_app_error(language);
            assert_eq!(error.code, ErrorCode::InvalidInput);
            assert_eq!(error.message, expected);
            assert_eq!(
                error.fields,
                vec![FieldMessage {
                    field: "org_number".into(),
                    message: expected.into()
                }]
            );
        }
    }

    #[test]
    fn several_field_errors_are_summarised_and_all_listed() {
        let mut errors = FieldErrors::default();
        errors.push(FieldError::new(
            "name",
            "required",
            text("Ange namn", "Enter a name"),
        ));
        errors.push(FieldError::new(
            "lines[0].quantity",
            "format",
            text("Ange ett tal", "Enter a number"),
        ));
        let error = errors.into_app_error(Language::Swedish);
        assert_eq!(
            error.message,
            "2 uppgifter behöver rättas; se markerade fält."
        );
        let fields: Vec<&str> = error
            .fields
            .iter()
            .map(|field| field.field.as_str())
            .collect();
        assert_eq!(fields, ["name", "lines[0].quantity"]);
    }

    #[test]
    fn store_error_kinds_map_to_codes() {
        let cases = [
            (StoreErrorKind::NotFound, ErrorCode::NotFound),
            (StoreErrorKind::Invalid, ErrorCode::InvalidInput),
            (StoreErrorKind::Conflict, ErrorCode::Conflict),
            (StoreErrorKind::NewerSchema, ErrorCode::NewerVersion),
            (StoreErrorKind::Busy, ErrorCode::Locked),
            (StoreErrorKind::Corrupt, ErrorCode::Internal),
            (StoreErrorKind::Io, ErrorCode::Internal),
            (StoreErrorKind::Internal, ErrorCode::Internal),
        ];
        for (kind, code) in cases {
            let error = StoreError::new(kind, text("sv", "en")).into_app_error(Language::English);
            assert_eq!(
                (error.code, error.message.as_str()),
                (code, "en"),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn a_store_field_error_names_its_field() {
        let error =
            StoreError::invalid_field("number", text("Numret är upptaget", "The number is taken"))
                .into_app_error(Language::Swedish);
        assert_eq!(error.code, ErrorCode::InvalidInput);
        assert_eq!(
            error.fields,
            vec![FieldMessage {
                field: "number".into(),
                message: "Numret är upptaget".into()
            }]
        );
    }
}
