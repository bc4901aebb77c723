//! Scheduled backups, rotation and restore.

use chrono::{TimeDelta, TimeZone, Utc};
use fakturera_store::{BackupKind, BackupPolicy, Store, StoreErrorKind};

use crate::temp_file;

fn rename_company(store: &Store, name: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut company = store.company()?;
    company.name = name.to_owned();
    store.set_company(&company)?;
    Ok(())
}

#[test]
fn backups_are_taken_when_due_and_rotated() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let policy = BackupPolicy {
        interval: TimeDelta::hours(24),
        keep: 3,
    };
    let start = Utc
        .with_ymd_and_hms(2025, 3, 1, 8, 0, 0)
        .single()
        .ok_or("date")?;

    assert!(
        store.backup_if_due(start, policy)?.is_some(),
        "no backup yet, so one is due"
    );
    assert!(
        store
            .backup_if_due(start + TimeDelta::hours(23), policy)?
            .is_none(),
        "not due within the interval"
    );
    for day in 1..=5 {
        let taken = store.backup_if_due(start + TimeDelta::days(day), policy)?;
        assert!(taken.is_some(), "day {day}");
    }
    let scheduled: Vec<_> = store
        .list_backups()?
        .into_iter()
        .filter(|backup| backup.kind == BackupKind::Scheduled)
        .collect();
    assert_eq!(scheduled.len(), 3, "rotation keeps three: {scheduled:?}");
    let newest = scheduled[0].taken_at.ok_or("time")?;
    assert_eq!(newest, start + TimeDelta::days(5));
    let oldest = scheduled[2].taken_at.ok_or("time")?;
    assert_eq!(oldest, start + TimeDelta::days(3));
    Ok(())
}

#[test]
fn restore_brings_back_the_backed_up_content() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let mut store = Store::open(&path)?;
    let now = Utc
        .with_ymd_and_hms(2025, 3, 1, 8, 0, 0)
        .single()
        .ok_or("date")?;
    rename_company(&store, "Före AB")?;
    let backup = store.backup_now(now, 5)?;
    rename_company(&store, "Efter AB")?;

    store.restore_from_backup(&backup, now + TimeDelta::minutes(5))?;
    assert_eq!(store.company()?.name, "Före AB");
    drop(store);
    assert_eq!(
        Store::open(&path)?.company()?.name,
        "Före AB",
        "the restore is on disk"
    );

    let store = Store::open(&path)?;
    let safety = store
        .list_backups()?
        .into_iter()
        .find(|backup| backup.kind == BackupKind::BeforeRestore)
        .ok_or("a safety copy is taken before restoring")?;
    let safety_name: String = rusqlite::Connection::open(&safety.path)?.query_row(
        "SELECT name FROM company",
        [],
        |row| row.get(0),
    )?;
    assert_eq!(safety_name, "Efter AB");
    Ok(())
}

#[test]
fn restoring_from_a_bad_file_is_refused_and_changes_nothing()
-> Result<(), Box<dyn std::error::Error>> {
    let (dir, path) = temp_file();
    let mut store = Store::open(&path)?;
    rename_company(&store, "Orörd AB")?;
    let now = Utc
        .with_ymd_and_hms(2025, 3, 1, 8, 0, 0)
        .single()
        .ok_or("date")?;

    let missing = dir.path().join("missing.sqlite");
    let error = store
        .restore_from_backup(&missing, now)
        .expect_err("missing file");
    assert_eq!(error.kind(), StoreErrorKind::Invalid);

    let text_file = dir.path().join("notes.sqlite");
    std::fs::write(&text_file, "not a database")?;
    let error = store
        .restore_from_backup(&text_file, now)
        .expect_err("not a backup");
    assert!(
        error
            .message()
            .en
            .contains("not an intact Fakturera backup")
            || error.kind() == StoreErrorKind::Corrupt,
        "{:?}",
        error
    );

    let foreign = dir.path().join("foreign.sqlite");
    rusqlite::Connection::open(&foreign)?.execute_batch("CREATE TABLE t (x);")?;
    let error = store
        .restore_from_backup(&foreign, now)
        .expect_err("foreign database");
    assert_eq!(error.kind(), StoreErrorKind::Invalid);

    assert_eq!(store.company()?.name, "Orörd AB");
    Ok(())
}

#[test]
fn backup_to_writes_a_complete_copy() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, path) = temp_file();
    let store = Store::open(&path)?;
    rename_company(&store, "Kopia AB")?;
    let copy = dir.path().join("usb/kopia.fakturera");
    std::fs::create_dir_all(copy.parent().ok_or("parent")?)?;
    store.backup_to(&copy)?;
    assert_eq!(Store::open(&copy)?.company()?.name, "Kopia AB");
    Ok(())
}
