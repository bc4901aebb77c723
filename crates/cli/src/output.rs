//! How the CLI answers: JSON on stdout, errors as `{code, message, fields}` JSON on stderr, and an
//! exit code a script can branch on.

use std::io::Write;
use std::process::ExitCode;

use fakturera_app::{AppError, ErrorCode, Text};
use serde::Serialize;

/// Exit code for input the user can correct.
const BAD_INPUT: u8 = 2;
/// Exit code for everything else that failed.
const FAILURE: u8 = 1;

pub fn json<T: Serialize>(value: &T) -> Result<serde_json::Value, AppError> {
    serde_json::to_value(value).map_err(|error| {
        AppError::internal(
            &Text::new(
                format!("Kunde inte skriva svaret som JSON: {error}"),
                format!("Could not write the answer as JSON: {error}"),
            ),
            fakturera_app::Language::Swedish,
        )
    })
}

pub fn print(value: &serde_json::Value) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match serde_json::to_writer_pretty(&mut stdout, value)
        .and_then(|()| writeln!(stdout).map_err(serde_json::Error::io))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(FAILURE),
    }
}

pub fn fail(error: &AppError) -> ExitCode {
    let rendered = serde_json::to_string_pretty(error).unwrap_or_else(|_| error.message.clone());
    eprintln!("{rendered}");
    match error.code {
        ErrorCode::InvalidInput | ErrorCode::NotFound | ErrorCode::Conflict => {
            ExitCode::from(BAD_INPUT)
        }
        _ => ExitCode::from(FAILURE),
    }
}
