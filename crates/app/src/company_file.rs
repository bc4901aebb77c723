//! Where the company file lives: the OS app-data folder, or the path in `FAKTURERA_DB` (tests, and
//! users who keep one file per company).

use std::ffi::OsString;
use std::path::PathBuf;

use fakturera_core::{Language, Text};

use crate::error::{AppError, ErrorCode};

/// The environment variable that overrides the company file's location.
pub const COMPANY_FILE_ENV: &str = "FAKTURERA_DB";

/// The folder name under the OS data folder; the same as the desktop app's bundle identifier, so
/// the CLI and the desktop app find the same file.
pub const APP_DATA_FOLDER: &str = "se.fakturera.desktop";

/// The company file's name inside the app-data folder.
pub const COMPANY_FILE_NAME: &str = "foretag.fakturera";

/// The company file named on the desktop app's command line (`--db FILE` or `--db=FILE`), as the
/// CLI takes it: one shortcut per company, and one fresh file per end-to-end spec.
pub fn company_file_argument(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|text| text.strip_prefix("--db=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// The company file to open: `FAKTURERA_DB` when set and not empty, else
/// `<data dir>/se.fakturera.desktop/foretag.fakturera` (e.g. `~/.local/share/...` on Linux,
/// `%APPDATA%\...` on Windows, `~/Library/Application Support/...` on macOS).
pub fn company_file_path(language: Language) -> Result<PathBuf, AppError> {
    resolve(
        std::env::var_os(COMPANY_FILE_ENV).map(PathBuf::from),
        dirs::data_dir(),
        language,
    )
}

/// The decision itself, with the environment passed in so it can be tested without touching it.
fn resolve(
    override_path: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    language: Language,
) -> Result<PathBuf, AppError> {
    match (override_path, data_dir) {
        (Some(path), _) if !path.as_os_str().is_empty() => Ok(path),
        (_, Some(data_dir)) => Ok(data_dir.join(APP_DATA_FOLDER).join(COMPANY_FILE_NAME)),
        (_, None) => Err(AppError::new(
            ErrorCode::Internal,
            &Text::new(
                format!(
                    "Hittade ingen mapp för programdata. Ange företagsfilens sökväg i miljövariabeln {COMPANY_FILE_ENV}."
                ),
                format!(
                    "No application data folder was found. Set the company file's path in the environment variable {COMPANY_FILE_ENV}."
                ),
            ),
            language,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_names_a_company_file() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            company_file_argument(args(&["fakturera", "--db", "/a/b.fakturera"])),
            Some(PathBuf::from("/a/b.fakturera"))
        );
        assert_eq!(
            company_file_argument(args(&["fakturera", "--db=/c.fakturera"])),
            Some(PathBuf::from("/c.fakturera"))
        );
        assert_eq!(
            company_file_argument(args(&["fakturera", "-psn_0_1"])),
            None
        );
        assert_eq!(company_file_argument(args(&["fakturera", "--db"])), None);
    }

    #[test]
    fn the_override_wins_unless_empty() {
        let data = Some(PathBuf::from("/data"));
        let cases = [
            (Some("/tmp/a.fakturera"), data.clone(), "/tmp/a.fakturera"),
            (
                Some(""),
                data.clone(),
                "/data/se.fakturera.desktop/foretag.fakturera",
            ),
            (None, data, "/data/se.fakturera.desktop/foretag.fakturera"),
            (Some("/tmp/b"), None, "/tmp/b"),
        ];
        for (override_path, data_dir, expected) in cases {
            let resolved = resolve(
                override_path.map(PathBuf::from),
                data_dir,
                Language::Swedish,
            );
            assert_eq!(resolved, Ok(PathBuf::from(expected)), "{override_path:?}");
        }
    }

    #[test]
    fn no_data_folder_and_no_override_names_the_variable() {
        let error = resolve(None, None, Language::English).expect_err("nothing to go on");
        assert_eq!(error.code, ErrorCode::Internal);
        assert!(
            error.message.contains(COMPANY_FILE_ENV),
            "{}",
            error.message
        );
    }
}
