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

fn sending_entry(key: &str) -> fakturera_store::NewOutboxEntry {
    fakturera_store::NewOutboxEntry {
        idempotency_key: key.to_owned(),
        routing: r#"{"choice":"auto"}"#.to_owned(),
    }
}

#[test]
fn a_backup_that_lacks_an_issued_invoice_is_refused_so_its_number_is_never_reused()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = crate::invoices::prepared_store(&path)?;
    let now = crate::invoices::now();
    let invoice = fakturera_core::samples::domestic_invoice(crate::invoices::date("2026-05-04"));
    let first = store.create_draft(customer, &invoice, now)?;
    store.issue_invoice(first, now, |_| Ok(()))?;
    let backup = store.backup_now(now, 5)?;
    let second = store.create_draft(customer, &invoice, now)?;
    let issued = store.issue_invoice_for_sending(second, now, |_| Ok(()), &sending_entry("k-2"))?;
    assert_eq!(issued.invoice.number.as_deref(), Some("2"));

    let error = store
        .restore_from_backup(&backup, now + TimeDelta::minutes(5))
        .expect_err("the backup lacks invoice 2");
    assert_eq!(error.kind(), StoreErrorKind::Conflict);
    assert!(error.message().sv.contains("nummer 2"), "{error:?}");
    assert!(error.message().en.contains("Nothing has been changed"));
    // Nothing changed: invoice 2 is still issued and queued, and the next number is 3.
    assert_eq!(store.invoice(second)?.invoice.number.as_deref(), Some("2"));
    assert!(store.outbox_entry(second)?.is_some());
    let third = store.create_draft(customer, &invoice, now)?;
    let issued = store.issue_invoice(third, now, |_| Ok(()))?;
    assert_eq!(issued.invoice.number.as_deref(), Some("3"));
    Ok(())
}

#[test]
fn a_restore_carries_the_outbox_and_the_number_series_forward()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = crate::invoices::prepared_store(&path)?;
    let now = crate::invoices::now();
    let invoice = fakturera_core::samples::domestic_invoice(crate::invoices::date("2026-05-04"));
    let sent = store.create_draft(customer, &invoice, now)?;
    store.issue_invoice_for_sending(sent, now, |_| Ok(()), &sending_entry("k-1"))?;
    let series = store.default_series()?;
    let backup = store.backup_now(now, 5)?;

    // After the backup: the invoice is handed over, a payment comes in, a draft is written.
    store.mark_outbox_sending(sent, now)?;
    store.mark_outbox_handed_over(sent, "ax-1", Some("einvoice"), now, now)?;
    store.record_payment(
        sent,
        &fakturera_store::Payment {
            paid_on: crate::invoices::date("2026-05-10"),
            amount: rust_decimal_macros::dec!(100),
            reference: String::new(),
        },
        now,
    )?;
    let draft = store.create_draft(customer, &invoice, now)?;

    let report = store.restore_from_backup(&backup, now + TimeDelta::minutes(5))?;
    assert_eq!(report.outbox_entries_carried, 1);
    assert_eq!(report.payments_not_in_backup.len(), 1);
    assert_eq!(report.payments_not_in_backup[0].invoice_number, "1");
    assert!(report.safety_copy.is_file());
    // The draft is gone (the backup did not have it); the delivery is where it had come.
    assert!(store.invoice(draft).is_err());
    let entry = store.outbox_entry(sent)?.ok_or("entry carried")?;
    assert_eq!(entry.idempotency_key, "k-1");
    assert_eq!(entry.remote_id.as_deref(), Some("ax-1"));
    assert_eq!(entry.state, fakturera_store::OutboxState::HandedOver);
    assert!(store.delivery_events(sent)?.len() >= 2);
    assert_eq!(store.default_series()?.next_number, series.next_number);
    // The rules are back in force after the restore.
    let refused = store
        .raw_connection()
        .execute("DELETE FROM invoices WHERE id = ?1", [sent]);
    assert!(refused.is_err());
    let check: String = store
        .raw_connection()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    assert_eq!(check, "ok");
    Ok(())
}

#[test]
fn a_backup_whose_triggers_were_dropped_is_refused() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, path) = temp_file();
    let mut store = Store::open(&path)?;
    rename_company(&store, "Orörd AB")?;
    let now = Utc
        .with_ymd_and_hms(2025, 3, 1, 8, 0, 0)
        .single()
        .ok_or("date")?;
    let tampered = dir.path().join("tampered.sqlite");
    store.backup_to(&tampered)?;
    rusqlite::Connection::open(&tampered)?.execute_batch(
        "DROP TRIGGER invoices_issued_no_update; DROP TRIGGER outbox_rows_are_kept;",
    )?;
    let error = store
        .restore_from_backup(&tampered, now)
        .expect_err("tampered backup");
    assert_eq!(error.kind(), StoreErrorKind::Invalid);
    assert!(
        error
            .detail()
            .unwrap_or_default()
            .contains("invoices_issued_no_update"),
        "{error:?}"
    );
    assert_eq!(store.company()?.name, "Orörd AB");
    Ok(())
}
