//! Backups of the company file with SQLite's online backup API: scheduled ones kept in a
//! rotation, safety copies before migrations and restores, and restoring from any of them.
//!
//! Backups live in a folder next to the file (`<file>.backups/`), named by kind and time so
//! the folder itself is the record of when the last one was taken.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use fakturera_core::Text;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use crate::error::{StoreError, StoreErrorKind};
use crate::migrations::{latest_version, migrate_to_latest, read_version};
use crate::open::{APPLICATION_ID, Store};

const SCHEDULED_PREFIX: &str = "auto-";
const BEFORE_RESTORE_PREFIX: &str = "before-restore-";
const BEFORE_MIGRATION_PREFIX: &str = "before-migration-";
const EXTENSION: &str = "sqlite";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";

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

    /// Replaces the open file's content with the backup at `backup`, after checking the backup
    /// and taking a safety copy of the current content. Migrates an older backup forward.
    pub fn restore_from_backup(
        &mut self,
        backup: &Path,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let source = open_checked_backup(backup)?;
        let name = format!("{BEFORE_RESTORE_PREFIX}{}", now.format(TIME_FORMAT));
        backup_to_new_file(&self.connection, &self.backup_dir(), &name)?;
        let copy = Backup::new(&source, &mut self.connection)?;
        copy.run_to_completion(256, std::time::Duration::ZERO, None)?;
        drop(copy);
        migrate_to_latest(&mut self.connection)?;
        Ok(())
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

/// Opens a backup read-only and makes sure it is a healthy Fakturera file this build can read.
fn open_checked_backup(path: &Path) -> Result<Connection, StoreError> {
    let refuse =
        |sv: String, en: String| StoreError::new(StoreErrorKind::Invalid, Text::new(sv, en));
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(refuse(
            format!(
                "Säkerhetskopian {shown} finns inte. Välj en fil i listan över säkerhetskopior."
            ),
            format!("The backup {shown} does not exist. Choose a file from the list of backups."),
        ));
    }
    let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let application_id: i32 = source
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|_| unusable_backup(&shown))?;
    if application_id != APPLICATION_ID {
        return Err(unusable_backup(&shown));
    }
    let check: String = source.query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(unusable_backup(&shown).with_detail(check));
    }
    let version = read_version(&source)?;
    if version > latest_version() {
        return Err(refuse(
            format!(
                "Säkerhetskopian {shown} kommer från en nyare version av Fakturera. Uppdatera programmet först."
            ),
            format!(
                "The backup {shown} comes from a newer version of Fakturera. Update the program first."
            ),
        ));
    }
    Ok(source)
}

fn unusable_backup(shown: &str) -> StoreError {
    StoreError::new(
        StoreErrorKind::Invalid,
        Text::new(
            format!(
                "{shown} är inte en hel Fakturera-säkerhetskopia. Välj en annan säkerhetskopia; inget har ändrats."
            ),
            format!(
                "{shown} is not an intact Fakturera backup. Choose another backup; nothing has been changed."
            ),
        ),
    )
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
