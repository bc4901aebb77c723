//! Backups in Inställningar and the CLI: list them, take one now, the schedule hook the shell calls
//! at start and now and then, and restore (which first takes a safety copy of the current file).
//! Time is passed in; only the shell and the CLI read the clock.

use std::path::Path;

use chrono::{DateTime, Utc};
use fakturera_store::{BackupFile, BackupKind, BackupPolicy, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::AppError;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupKindCode {
    /// The automatic daily copy.
    Scheduled,
    /// Taken before the program updated the file's format.
    BeforeMigration,
    /// Taken before a restore replaced the file.
    BeforeRestore,
}

impl From<BackupKind> for BackupKindCode {
    fn from(kind: BackupKind) -> BackupKindCode {
        match kind {
            BackupKind::Scheduled => BackupKindCode::Scheduled,
            BackupKind::BeforeMigration => BackupKindCode::BeforeMigration,
            BackupKind::BeforeRestore => BackupKindCode::BeforeRestore,
        }
    }
}

/// One backup file as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupView {
    /// The full path, which `restore_backup` takes.
    pub path: String,
    pub file_name: String,
    pub kind: BackupKindCode,
    /// When it was taken, RFC 3339 in UTC; `None` for copies taken before a migration.
    pub taken_at: Option<String>,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

fn view(backup: &BackupFile) -> BackupView {
    BackupView {
        path: backup.path.display().to_string(),
        file_name: backup
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind: backup.kind.into(),
        taken_at: backup
            .taken_at
            .map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        size_bytes: std::fs::metadata(&backup.path)
            .map(|meta| meta.len())
            .unwrap_or(0),
    }
}

fn view_of_path(path: &Path) -> Result<BackupView, StoreError> {
    Ok(view(&BackupFile {
        path: path.to_owned(),
        kind: BackupKind::Scheduled,
        taken_at: None,
    }))
}

impl App {
    /// Every backup of the open file, newest first within each kind.
    pub fn backups(&self) -> Result<Vec<BackupView>, AppError> {
        self.with_store(|store| {
            Ok::<_, StoreError>(store.list_backups()?.iter().map(view).collect())
        })
    }

    /// Takes a backup now and keeps the rotation to the policy's length.
    pub fn backup_now(&self, now: DateTime<Utc>) -> Result<BackupView, AppError> {
        self.with_store(|store| {
            let path = store.backup_now(now, BackupPolicy::default().keep)?;
            let listed = store
                .list_backups()?
                .into_iter()
                .find(|backup| backup.path == path);
            listed
                .as_ref()
                .map_or_else(|| view_of_path(&path), |backup| Ok(view(backup)))
        })
    }

    /// The schedule hook: a backup when the newest scheduled one is a day old or there is none.
    pub fn backup_if_due(&self, now: DateTime<Utc>) -> Result<Option<BackupView>, AppError> {
        self.with_store(|store| {
            let Some(path) = store.backup_if_due(now, BackupPolicy::default())? else {
                return Ok(None);
            };
            let listed = store
                .list_backups()?
                .into_iter()
                .find(|backup| backup.path == path);
            listed
                .as_ref()
                .map_or_else(|| view_of_path(&path), |backup| Ok(view(backup)))
                .map(Some)
        })
    }

    /// Replaces the company file's content with the backup at `path`, after checking the backup
    /// and taking a safety copy of the current content.
    pub fn restore_backup(&self, path: &Path, now: DateTime<Utc>) -> Result<(), AppError> {
        self.with_store(|store| store.restore_from_backup(path, now))
    }
}
