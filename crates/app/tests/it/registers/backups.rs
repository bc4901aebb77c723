//! Backups: taken now and on a schedule (time passed in), listed, and restored after a change.

use chrono::{DateTime, TimeDelta, Utc};
use fakturera_app::ErrorCode;
use fakturera_app::backups::BackupKindCode;
use fakturera_app::company_settings::CompanySettingsForm;
use fakturera_core::Language;

use super::{fresh_app, today};

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

#[test]
fn the_desktop_restores_only_backups_from_the_company_folder() {
    let (folder, app) = fresh_app(Language::English);
    app.save_company_settings(&named("Före AB"), today())
        .expect("save");
    let backup = app.backup_now(at("2026-05-04T09:00:00Z")).expect("backup");
    // A file elsewhere, even a real backup copied there, is not restored by name or by path.
    let elsewhere = folder.path().join("elsewhere.sqlite");
    std::fs::copy(&backup.path, &elsewhere).expect("copied");
    for name in [
        elsewhere.display().to_string(),
        "../elsewhere.sqlite".to_owned(),
        "elsewhere.sqlite".to_owned(),
        String::new(),
    ] {
        let error = app
            .restore_listed_backup(&name, at("2026-05-04T10:00:00Z"))
            .expect_err(&name);
        assert_eq!(error.code, ErrorCode::NotFound, "{name}");
    }
    app.save_company_settings(&named("Efter AB"), today())
        .expect("save");
    let restored = app
        .restore_listed_backup(&backup.file_name, at("2026-05-04T10:00:00Z"))
        .expect("listed backup restored");
    assert!(
        restored.message.contains("restored"),
        "{}",
        restored.message
    );
    assert_eq!(
        app.company_settings().expect("settings").form.name,
        "Före AB"
    );
}

#[test]
fn a_backup_can_be_written_to_a_folder_the_user_picks() {
    let (folder, app) = fresh_app(Language::Swedish);
    app.save_company_settings(&named("Kopia AB"), today())
        .expect("save");
    let usb = folder.path().join("usb");
    std::fs::create_dir_all(&usb).expect("folder");
    let first = app
        .backup_to_folder(&usb, at("2026-05-04T09:00:00Z"))
        .expect("copy written");
    let second = app
        .backup_to_folder(&usb, at("2026-05-04T09:00:00Z"))
        .expect("a second copy at the same second");
    assert_ne!(first.path, second.path, "never overwrites");
    assert_eq!(first.kind, BackupKindCode::Copy);
    assert!(std::path::Path::new(&first.path).starts_with(&usb));
    // The copy is a whole company file that can be restored.
    app.save_company_settings(&named("Senare AB"), today())
        .expect("save");
    app.restore_backup(
        std::path::Path::new(&first.path),
        at("2026-05-04T10:00:00Z"),
    )
    .expect("restored from the copy");
    assert_eq!(
        app.company_settings().expect("settings").form.name,
        "Kopia AB"
    );
    let missing = app
        .backup_to_folder(
            &folder.path().join("finns-inte"),
            at("2026-05-04T09:00:00Z"),
        )
        .expect_err("no such folder");
    assert_eq!(missing.code, ErrorCode::InvalidInput);
}
