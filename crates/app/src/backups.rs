//! Backups in Inställningar and the CLI: list them, take one now or to a folder the user picks
//! ("Säkerhetskopiera till…"), the schedule hook the shell calls at start and now and then, and
//! restore (which first takes a safety copy of the current file, and never goes back past an
//! issued invoice: see `fakturera_store::RestoreReport`). Time is passed in; only the shell and
//! the CLI read the clock.

use std::path::Path;

use chrono::{DateTime, Utc};
use fakturera_core::Text;
use fakturera_store::{BackupFile, BackupKind, BackupPolicy, RestoreReport, StoreError};
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
    /// A copy the user wrote to a folder of their choice ("Säkerhetskopiera till…").
    Copy,
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

/// A number series whose next number the restore kept from the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeriesCarried {
    pub name: String,
    #[ts(type = "number")]
    pub next_number: i64,
}

/// A payment the file had that the backup lacks: it is gone after the restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaymentNotInBackupView {
    pub invoice_number: String,
    pub paid_on: String,
    pub amount: String,
}

/// What a restore did besides bringing the backup back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestoreView {
    /// The backup that was restored.
    pub restored_from: String,
    /// The copy of the file as it was just before.
    pub safety_copy: String,
    /// Sent or queued invoices whose delivery records were kept from the file.
    #[ts(type = "number")]
    pub outbox_entries_carried: u64,
    pub series_carried: Vec<SeriesCarried>,
    pub payments_not_in_backup: Vec<PaymentNotInBackupView>,
    /// One paragraph for the user, in their language.
    pub message: String,
}

fn restore_view(
    report: RestoreReport,
    restored_from: &Path,
    language: fakturera_core::Language,
) -> RestoreView {
    let lost = report.payments_not_in_backup.len();
    let message = if lost == 0 {
        Text::new(
            "Säkerhetskopian är återställd. Utfärdade och skickade fakturor, deras leveranser och nummerserierna är kvar som de var.",
            "The backup has been restored. Issued and sent invoices, their deliveries and the number series are as they were.",
        )
    } else {
        Text::new(
            format!(
                "Säkerhetskopian är återställd. Utfärdade och skickade fakturor, deras leveranser och nummerserierna är kvar som de var. \
                 {lost} betalning(ar) registrerades efter säkerhetskopian och finns inte längre; registrera dem igen."
            ),
            format!(
                "The backup has been restored. Issued and sent invoices, their deliveries and the number series are as they were. \
                 {lost} payment(s) were recorded after the backup and are gone; record them again."
            ),
        )
    };
    RestoreView {
        restored_from: restored_from.display().to_string(),
        safety_copy: report.safety_copy.display().to_string(),
        outbox_entries_carried: report.outbox_entries_carried,
        series_carried: report
            .series_carried
            .into_iter()
            .map(|(name, next_number)| SeriesCarried { name, next_number })
            .collect(),
        payments_not_in_backup: report
            .payments_not_in_backup
            .into_iter()
            .map(|payment| PaymentNotInBackupView {
                invoice_number: payment.invoice_number,
                paid_on: payment.paid_on,
                amount: payment.amount,
            })
            .collect(),
        message: message.in_language(language).to_owned(),
    }
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
    /// and taking a safety copy of the current content. Refused when the backup lacks an invoice
    /// the file has issued; the outbox and the number series are carried forward.
    pub fn restore_backup(&self, path: &Path, now: DateTime<Utc>) -> Result<RestoreView, AppError> {
        let language = self.language();
        self.with_store(|store| store.restore_from_backup(path, now))
            .map(|report| restore_view(report, path, language))
    }

    /// Restores one of the backups in the company's backup folder, named by its file name. The
    /// desktop app restores only these (or a file the user picked in the native dialog), so the
    /// web view can never point a restore at an arbitrary path.
    pub fn restore_listed_backup(
        &self,
        file_name: &str,
        now: DateTime<Utc>,
    ) -> Result<RestoreView, AppError> {
        let listed = self.with_store(|store| store.list_backups())?;
        let Some(backup) = listed.into_iter().find(|backup| {
            backup
                .path
                .file_name()
                .is_some_and(|name| name.to_string_lossy() == file_name)
        }) else {
            return Err(crate::error::AppError::new(
                crate::error::ErrorCode::NotFound,
                &Text::new(
                    format!(
                        "Säkerhetskopian \"{}\" finns inte i företagets mapp för säkerhetskopior. Välj en i listan.",
                        crate::register_fields::shorten(file_name)
                    ),
                    format!(
                        "The backup \"{}\" is not in the company's backup folder. Choose one from the list.",
                        crate::register_fields::shorten(file_name)
                    ),
                ),
                self.language(),
            ));
        };
        self.restore_backup(&backup.path, now)
    }

    /// "Säkerhetskopiera till…": a complete copy of the company file in `folder` (another disk,
    /// a USB stick), named after the file and the time, never overwriting an earlier copy.
    pub fn backup_to_folder(
        &self,
        folder: &Path,
        now: DateTime<Utc>,
    ) -> Result<BackupView, AppError> {
        let path = self.with_store(|store| store.backup_to_folder(folder, now))?;
        let mut view = view_of_path(&path).map_err(|error| {
            use crate::error::IntoAppError;
            error.into_app_error(self.language())
        })?;
        view.kind = BackupKindCode::Copy;
        view.taken_at = Some(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        Ok(view)
    }
}
