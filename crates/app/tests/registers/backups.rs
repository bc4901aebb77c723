//! Backups: taken now and on a schedule (time passed in), listed, and restored after a change.

use chrono::{DateTime, TimeDelta, Utc};
use fakturera_app::ErrorCode;
use fakturera_app::backups::BackupKindCode;
use fakturera_app::company_settings::CompanySettingsForm;
use fakturera_core::Language;

use crate::{fresh_app, today};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("time")
}

fn named(name: &str) -> CompanySettingsForm {
    CompanySettingsForm {
        name: name.into(),
        default_payment_terms: "net:30".into(),
        ..Default::default()
    }
}

#[test]
fn scheduled_backups_follow_the_clock_passed_in() {
    let (_folder, app) = fresh_app(Language::Swedish);
    let start = at("2026-05-04T08:00:00Z");
    let first = app
        .backup_if_due(start)
        .expect("hook")
        .expect("none yet, so one is due");
    assert_eq!(first.kind, BackupKindCode::Scheduled);
    assert_eq!(first.taken_at.as_deref(), Some("2026-05-04T08:00:00Z"));
    assert!(first.size_bytes > 0);
    assert_eq!(
        app.backup_if_due(start + TimeDelta::hours(23))
            .expect("hook"),
        None,
        "not due within a day"
    );
    assert!(
        app.backup_if_due(start + TimeDelta::hours(24))
            .expect("hook")
            .is_some(),
        "due after a day"
    );
    assert_eq!(app.backups().expect("list").len(), 2);
}

#[test]
fn a_backup_restores_the_company_as_it_was() {
    let (_folder, app) = fresh_app(Language::English);
    app.save_company_settings(&named("Före AB"), today())
        .expect("save");
    let backup = app.backup_now(at("2026-05-04T09:00:00Z")).expect("backup");
    app.save_company_settings(&named("Efter AB"), today())
        .expect("save");

    app.restore_backup(
        std::path::Path::new(&backup.path),
        at("2026-05-04T10:00:00Z"),
    )
    .expect("restore");
    assert_eq!(
        app.company_settings().expect("settings").form.name,
        "Före AB"
    );
    let kinds: Vec<BackupKindCode> = app
        .backups()
        .expect("list")
        .iter()
        .map(|backup| backup.kind)
        .collect();
    assert!(
        kinds.contains(&BackupKindCode::BeforeRestore),
        "a safety copy was taken: {kinds:?}"
    );

    let not_a_backup = std::env::temp_dir().join("fakturera-registers-not-a-backup.txt");
    std::fs::write(&not_a_backup, "hello").expect("write");
    let error = app
        .restore_backup(&not_a_backup, at("2026-05-04T11:00:00Z"))
        .expect_err("not a backup");
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(
        error.message.contains("nothing has been changed"),
        "{}",
        error.message
    );
    assert_eq!(
        app.company_settings().expect("settings").form.name,
        "Före AB"
    );
    let _ = std::fs::remove_file(&not_a_backup);
}
