//! Backups of the company file with SQLite's online backup API: scheduled ones kept in a
//! rotation, safety copies before migrations and restores (restoring itself is `restore`).
//!
//! Backups live in a folder next to the file (`<file>.backups/`), named by kind and time so
//! the folder itself is the record of when the last one was taken.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use rusqlite::Connection;

use crate::error::StoreError;
use crate::open::Store;

const SCHEDULED_PREFIX: &str = "auto-";
pub(crate) const BEFORE_RESTORE_PREFIX: &str = "before-restore-";
const BEFORE_MIGRATION_PREFIX: &str = "before-migration-";
const EXTENSION: &str = "sqlite";
pub(crate) const TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// When scheduled backups are due and how many of them to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupPolicy {
    pub interval: TimeDelta,
    pub keep: usize,
}

impl Default for BackupPolicy {
    /// Daily, with two weeks of history.
    fn default() -> BackupPolicy {
        BackupPolicy {
            interval: TimeDelta::days(1),
            keep: 14,
        }
    }
}

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    Scheduled,
    BeforeMigration,
    BeforeRestore,
}

/// One backup file in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// When it was taken, for scheduled and before-restore backups (their names carry the time).
    pub taken_at: Option<DateTime<Utc>>,
}

/// The folder where the backups of the company file at `path` are kept.
pub fn backup_dir_for(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|name| name.to_os_string())
        .unwrap_or_default();
    name.push(".backups");
    path.with_file_name(name)
}

impl Store {
    /// The folder holding this file's backups.
    pub fn backup_dir(&self) -> PathBuf {
        backup_dir_for(&self.path)
    }

    /// Takes a scheduled backup now and prunes the rotation to `keep` scheduled backups.
    pub fn backup_now(&self, now: DateTime<Utc>, keep: usize) -> Result<PathBuf, StoreError> {
        let name = format!("{SCHEDULED_PREFIX}{}", now.format(TIME_FORMAT));
        let path = backup_to_new_file(&self.connection, &self.backup_dir(), &name)?;
        self.prune_scheduled(keep)?;
        Ok(path)
    }

    /// The schedule hook: takes a backup when the newest scheduled one is older than the
    /// policy's interval (or there is none). The app calls this at start and now and then.
    pub fn backup_if_due(
        &self,
        now: DateTime<Utc>,
        policy: BackupPolicy,
    ) -> Result<Option<PathBuf>, StoreError> {
        let newest = self
            .list_backups()?
            .into_iter()
            .filter(|backup| backup.kind == BackupKind::Scheduled)
            .filter_map(|backup| backup.taken_at)
            .max();
        match newest {
            Some(taken_at) if now - taken_at < policy.interval => Ok(None),
            _ => self.backup_now(now, policy.keep).map(Some),
        }
    }

    /// Copies the whole company file to `destination`, e.g. a USB stick the user chose.
    pub fn backup_to(&self, destination: &Path) -> Result<(), StoreError> {
        copy_database(&self.connection, destination)
    }

    /// A complete copy of the company file in `folder` (another disk the user picked), named after
    /// the file and the time, e.g. `Företag AB-20261126T190634Z.sqlite`; never overwrites.
    pub fn backup_to_folder(
        &self,
        folder: &Path,
        now: DateTime<Utc>,
    ) -> Result<PathBuf, StoreError> {
        if !folder.is_dir() {
            let shown = folder.display();
            return Err(StoreError::invalid_field(
                "folder",
                fakturera_core::Text::new(
                    format!(
                        "Mappen {shown} finns inte. Välj en befintlig mapp, t.ex. på ett USB-minne."
                    ),
                    format!(
                        "The folder {shown} does not exist. Choose an existing folder, e.g. on a USB stick."
                    ),
                ),
            ));
        }
        let stem = self
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| "foretag".to_owned());
        let name = format!("{stem}-{}", now.format(TIME_FORMAT));
        backup_to_new_file(&self.connection, folder, &name)
    }

    /// All backups in the backup folder, newest first by name within each kind.
    pub fn list_backups(&self) -> Result<Vec<BackupFile>, StoreError> {
        let dir = self.backup_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(error.into()),
        };
        let mut backups = Vec::new();
        for entry in entries {
            let path = entry?.path();
            if let Some(backup) = classify(&path) {
                backups.push(backup);
            }
        }
        backups.sort_by(|a, b| b.path.cmp(&a.path));
        Ok(backups)
    }

    fn prune_scheduled(&self, keep: usize) -> Result<(), StoreError> {
        let scheduled: Vec<BackupFile> = self
            .list_backups()?
            .into_iter()
            .filter(|backup| backup.kind == BackupKind::Scheduled)
            .collect();
        for old in scheduled.iter().skip(keep.max(1)) {
            std::fs::remove_file(&old.path)?;
        }
        Ok(())
    }
}

/// Writes a consistent copy of the open database to a new file `<dir>/<name>.sqlite`, never
/// overwriting an earlier backup. The copy is written under a temporary name and renamed, so a
/// crash never leaves a half-written file that looks like a backup.
pub(crate) fn backup_to_new_file(
    connection: &Connection,
    dir: &Path,
    name: &str,
) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir)?;
    let mut path = dir.join(format!("{name}.{EXTENSION}"));
    let mut counter = 2;
    while path.exists() {
        path = dir.join(format!("{name}-{counter}.{EXTENSION}"));
        counter += 1;
    }
    copy_database(connection, &path)?;
    Ok(path)
}

fn copy_database(connection: &Connection, destination: &Path) -> Result<(), StoreError> {
    let mut partial = destination.as_os_str().to_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    connection.backup(
        rusqlite::MAIN_DB,
        &partial,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    std::fs::rename(&partial, destination)?;
    Ok(())
}

fn classify(path: &Path) -> Option<BackupFile> {
    if path.extension()? != EXTENSION {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let (kind, rest) = if let Some(rest) = stem.strip_prefix(SCHEDULED_PREFIX) {
        (BackupKind::Scheduled, rest)
    } else if let Some(rest) = stem.strip_prefix(BEFORE_RESTORE_PREFIX) {
        (BackupKind::BeforeRestore, rest)
    } else if let Some(rest) = stem.strip_prefix(BEFORE_MIGRATION_PREFIX) {
        (BackupKind::BeforeMigration, rest)
    } else {
        return None;
    };
    let time_part = rest.get(..16).unwrap_or(rest);
    let taken_at = NaiveDateTime::parse_from_str(time_part, TIME_FORMAT)
        .ok()
        .map(|time| time.and_utc());
    Some(BackupFile {
        path: path.to_owned(),
        kind,
        taken_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_are_classified() {
        let cases = [
            (
                "auto-20250301T120000Z.sqlite",
                Some((BackupKind::Scheduled, true)),
            ),
            (
                "auto-20250301T120000Z-2.sqlite",
                Some((BackupKind::Scheduled, true)),
            ),
            (
                "before-restore-20250301T120000Z.sqlite",
                Some((BackupKind::BeforeRestore, true)),
            ),
            (
                "before-migration-v1-to-v4.sqlite",
                Some((BackupKind::BeforeMigration, false)),
            ),
            ("auto-20250301T120000Z.sqlite.partial", None),
            ("notes.txt", None),
        ];
        for (name, expected) in cases {
            let found =
                classify(Path::new(name)).map(|backup| (backup.kind, backup.taken_at.is_some()));
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn backup_dir_sits_next_to_the_file() {
        assert_eq!(
            backup_dir_for(Path::new("/data/Företag AB.fakturera")),
            PathBuf::from("/data/Företag AB.fakturera.backups")
        );
    }
}
