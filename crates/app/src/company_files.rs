//! Company files in the window: "Nytt företag" (a new file with the company's details, checked as
//! Inställningar checks them), switching the open file without a restart, the demo company, and
//! the list of recently opened companies, which lives in the user's own settings, not in any file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::company_file::APP_DATA_FOLDER;
use crate::company_settings::{CompanySettingsForm, company_from_form};
use crate::error::{AppError, ForUser, IntoAppError};

/// The environment variable that moves the list of recent companies (tests, portable installs).
pub const RECENT_COMPANIES_ENV: &str = "FAKTURERA_RECENT_COMPANIES";

/// How many recent companies the list keeps.
const RECENT_MAX: usize = 10;

/// A new company: where its file goes and its details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewCompanyRequest {
    /// The new file, e.g. ".../Åkesson Bygg AB.fakturera"; empty for the app-data folder.
    pub path: String,
    pub form: CompanySettingsForm,
}

/// A company file as the company menu lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecentCompany {
    pub path: String,
    pub name: String,
    /// RFC 3339.
    pub opened_at: String,
    /// False when the file has been moved or deleted since.
    pub exists: bool,
}

/// Where the window stands: the open file, whether it exists yet, and the recent companies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompanyFileStatus {
    pub path: String,
    /// False on the very first start: nothing has been created yet.
    pub exists: bool,
    pub recent: Vec<RecentCompany>,
    /// Where a new company's file goes when no place is chosen.
    pub default_folder: String,
}

/// The list's own file: `FAKTURERA_RECENT_COMPANIES`, else the OS config folder.
pub fn recent_companies_file() -> Option<PathBuf> {
    match std::env::var_os(RECENT_COMPANIES_ENV) {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::config_dir().map(|dir| dir.join(APP_DATA_FOLDER).join("recent-companies.json")),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredRecent {
    path: String,
    name: String,
    opened_at: String,
}

fn read_recent(list: &Path) -> Vec<StoredRecent> {
    std::fs::read(list)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The recent companies, most recent first.
pub fn recent_companies(list: &Path) -> Vec<RecentCompany> {
    read_recent(list)
        .into_iter()
        .map(|stored| RecentCompany {
            exists: Path::new(&stored.path).is_file(),
            path: stored.path,
            name: stored.name,
            opened_at: stored.opened_at,
        })
        .collect()
}

/// Puts `path` first in the list; the list is written whole or not at all. A failure to write it
/// only costs the list, so it is not an error for the caller.
pub fn remember_company(list: &Path, path: &Path, name: &str, now: DateTime<Utc>) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let shown = path.display().to_string();
    let mut entries: Vec<StoredRecent> = read_recent(list)
        .into_iter()
        .filter(|entry| entry.path != shown)
        .collect();
    entries.insert(
        0,
        StoredRecent {
            path: shown,
            name: name.to_owned(),
            opened_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        },
    );
    entries.truncate(RECENT_MAX);
    if let (Some(folder), Ok(bytes)) = (list.parent(), serde_json::to_vec_pretty(&entries)) {
        let _ = std::fs::create_dir_all(folder);
        let _ = crate::documents::write_whole(list, &bytes, Language::Swedish);
    }
}

/// A file name from a company name: "Åkesson Bygg AB.fakturera", unsafe characters replaced.
pub fn company_file_name(name: &str) -> String {
    let safe: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " -_.&".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_matches(['.', ' ']).to_owned();
    if safe.is_empty() {
        "Företag.fakturera".to_owned()
    } else {
        format!("{safe}.fakturera")
    }
}

fn file_error(path: &Path, sv: &str, en: &str) -> FieldErrors {
    FieldErrors::from(FieldError::new(
        "path",
        "file",
        Text::new(
            format!("{}: {sv}", path.display()),
            format!("{}: {en}", path.display()),
        ),
    ))
}

/// Creates the company file at `path` with the company's details, or refuses with every field
/// to fix. The details are checked before anything is made; a file that exists is never touched.
pub fn create_company_file(
    path: &Path,
    form: &CompanySettingsForm,
    today: NaiveDate,
    language: Language,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::default();
    if form.org_number.trim().is_empty() {
        errors.push(FieldError::new(
            "org_number",
            "required",
            Text::new(
                "Organisationsnumret måste fyllas i; det står på varje faktura.",
                "The organisation number is required; every invoice carries it.",
            ),
        ));
    }
    if path.exists() {
        errors.0.extend(
            file_error(
                path,
                "Filen finns redan. Välj ett annat namn; en befintlig fil skrivs aldrig över.",
                "The file already exists. Choose another name; an existing file is never overwritten.",
            )
            .0,
        );
    }
    // Made under a temporary name and renamed, so a half-made company file never appears.
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Err(error) = std::fs::create_dir_all(folder) {
        errors.0.extend(
            file_error(
                path,
                &format!("mappen kunde inte skapas ({error})."),
                &format!("the folder could not be made ({error})."),
            )
            .0,
        );
    }
    let temporary = folder.join(format!(
        ".{}.new",
        path.file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    let _ = std::fs::remove_file(&temporary);
    let made = (|| -> Result<(), AppError> {
        let store = Store::open(&temporary).for_user(language)?;
        let current = store.company().for_user(language)?;
        let company = match company_from_form(form, &current, today) {
            Ok(company) if errors.is_empty() => company,
            Ok(_) => return Err(errors.clone().into_app_error(language)),
            Err(form_errors) => {
                let mut all = errors.clone();
                all.0.extend(form_errors.0);
                return Err(all.into_app_error(language));
            }
        };
        store.set_company(&company).for_user(language)?;
        // Everything into the main file before it is renamed: the WAL keeps its old name.
        store
            .raw_connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(|error| fakturera_store::StoreError::from(error).into_app_error(language))?;
        drop(store);
        std::fs::rename(&temporary, path).map_err(|error| {
            file_error(
                path,
                &format!("filen kunde inte skapas ({error})."),
                &format!("the file could not be made ({error})."),
            )
            .into_app_error(language)
        })
    })();
    if made.is_err() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", temporary.display()));
        }
    }
    made
}

impl App {
    /// Where the window stands, without opening (or creating) the company file.
    pub fn company_file_status(&self, recent_list: Option<&Path>) -> CompanyFileStatus {
        let path = self.file_path();
        CompanyFileStatus {
            exists: path.is_file(),
            recent: recent_list.map(recent_companies).unwrap_or_default(),
            default_folder: path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            path: path.display().to_string(),
        }
    }

    /// The file for `request`: its own path, or a file named after the company in the folder of
    /// the open company file.
    pub fn new_company_path(&self, request: &NewCompanyRequest) -> PathBuf {
        if request.path.trim().is_empty() {
            let folder = self
                .file_path()
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            folder.join(company_file_name(&request.form.name))
        } else {
            PathBuf::from(request.path.trim())
        }
    }
}
