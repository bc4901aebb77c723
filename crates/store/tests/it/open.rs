//! Opening files: creation, settings, refusals and the migration backup.

use std::io::{Seek, SeekFrom, Write};

use fakturera_store::{
    BackupKind, IntegrityStatus, MIGRATIONS, Store, StoreErrorKind, latest_version,
};
use rusqlite::Connection;

use crate::temp_file;

#[test]
fn open_creates_a_migrated_file_with_wal_and_foreign_keys() -> Result<(), Box<dyn std::error::Error>>
{
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    assert!(path.is_file());
    assert_eq!(store.schema_version()?, latest_version());
    let connection = store.raw_connection();
    let journal: String = connection.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
    let foreign_keys: i64 =
        connection.pragma_query_value(None, "foreign_keys", |row| row.get(0))?;
    let busy: i64 = connection.pragma_query_value(None, "busy_timeout", |row| row.get(0))?;
    assert_eq!(journal, "wal");
    assert_eq!(foreign_keys, 1);
    assert!(busy >= 1000, "busy timeout {busy} ms");
    assert!(
        store.list_backups()?.is_empty(),
        "a new file needs no migration backup"
    );
    assert_eq!(
        store.integrity_status(),
        IntegrityStatus::Healthy,
        "a new file needs no check"
    );
    drop(store);
    let reopened = Store::open(&path)?;
    assert_eq!(reopened.schema_version()?, latest_version());
    reopened.wait_for_integrity_check()?;
    assert_eq!(reopened.integrity_status(), IntegrityStatus::Healthy);
    Ok(())
}

#[test]
fn open_creates_missing_folders() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, _) = temp_file();
    let path = dir.path().join("a/b/c/företag.fakturera");
    Store::open(&path)?;
    assert!(path.is_file());
    Ok(())
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_unchanged()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    drop(Store::open(&path)?);
    let newer = latest_version() + 1;
    Connection::open(&path)?.pragma_update(None, "user_version", newer)?;
    let before = std::fs::read(&path)?;

    let error = Store::open(&path).expect_err("a newer file must be refused");
    assert_eq!(error.kind(), StoreErrorKind::NewerSchema);
    let message = error.message();
    assert!(
        message.sv.contains("nyare version") && message.sv.contains(&newer.to_string()),
        "{}",
        message.sv
    );
    assert!(
        message.en.contains("newer version") && message.en.contains("Update Fakturera"),
        "{}",
        message.en
    );
    assert_eq!(
        std::fs::read(&path)?,
        before,
        "the refused file is not touched"
    );
    Ok(())
}

#[test]
fn a_damaged_file_is_reported_by_the_integrity_check() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let connection = store.raw_connection();
    for number in 0..300 {
        connection.execute(
            "INSERT INTO customers (customer_number, name) VALUES (?1, ?2)",
            (
                format!("K{number}"),
                format!("Kund nummer {number} med ett långt namn"),
            ),
        )?;
    }
    let leaf_page: i64 = connection.query_row(
        "SELECT pageno FROM dbstat WHERE name = 'customers_by_name' AND pagetype = 'leaf' LIMIT 1",
        [],
        |row| row.get(0),
    )?;
    let page_size: i64 = connection.pragma_query_value(None, "page_size", |row| row.get(0))?;
    connection.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
    drop(store);

    // Change one letter inside an index entry, as a failing disk would: the file still parses,
    // but the index no longer matches its table, which only a full integrity check notices.
    let mut bytes = std::fs::read(&path)?;
    let page_start = usize::try_from((leaf_page - 1) * page_size)?;
    let page_end = page_start + usize::try_from(page_size)?;
    let needle = "Kund nummer".as_bytes();
    // The first cell pointer (after the 8-byte leaf header) leads to a live entry; free space
    // on the page may still hold stale copies of old entries.
    let first_cell = usize::from(u16::from_be_bytes([
        bytes[page_start + 8],
        bytes[page_start + 9],
    ]));
    let cell_start = page_start + first_cell;
    let found = bytes[cell_start..page_end]
        .windows(needle.len())
        .position(|window| window == needle)
        .ok_or("an index entry on the leaf page")?;
    bytes[cell_start + found] = b'X';
    let mut file = std::fs::OpenOptions::new().write(true).open(&path)?;
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&bytes)?;
    drop(file);

    // The everyday open returns at once and reports the damage from the background check.
    let store = Store::open(&path)?;
    let error = store
        .wait_for_integrity_check()
        .expect_err("the check finds the damage");
    assert_eq!(error.kind(), StoreErrorKind::Corrupt);
    assert_eq!(store.integrity_status(), IntegrityStatus::Damaged(error));
    drop(store);

    let error = Store::open_verified(&path).expect_err("a damaged file must be refused");
    assert_eq!(error.kind(), StoreErrorKind::Corrupt);
    assert!(
        error
            .detail()
            .is_some_and(|detail| detail.contains("missing from index")),
        "{:?}",
        error.detail()
    );
    assert!(
        error.message().sv.contains("skadad"),
        "{}",
        error.message().sv
    );
    assert!(
        error.message().en.contains("integrity check found errors"),
        "{}",
        error.message().en
    );
    assert!(
        error.message().sv.contains("Företag AB.fakturera"),
        "names the file"
    );
    Ok(())
}

#[test]
fn another_programs_database_is_refused() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    Connection::open(&path)?.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY);")?;
    let error = Store::open(&path).expect_err("a foreign database must be refused");
    assert_eq!(error.kind(), StoreErrorKind::Corrupt);
    assert!(
        error.message().en.contains("another program"),
        "{}",
        error.message().en
    );

    let (_dir, garbage) = temp_file();
    std::fs::write(
        &garbage,
        b"this is a text file, not a database at all, but long enough to look like one..",
    )?;
    let error = Store::open(&garbage).expect_err("a text file must be refused");
    assert_eq!(error.kind(), StoreErrorKind::Corrupt);
    Ok(())
}

#[test]
fn an_older_file_is_backed_up_then_migrated() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    {
        // A file as the first release would have left it: only migration 1 applied.
        let connection = Connection::open(&path)?;
        connection.pragma_update(None, "application_id", 0x4641_4B54)?;
        connection.execute_batch(MIGRATIONS[0].sql)?;
        connection.pragma_update(None, "user_version", 1)?;
        connection.execute("UPDATE company SET name = 'Gamla Firman AB'", [])?;
    }
    let store = Store::open(&path)?;
    assert_eq!(store.schema_version()?, latest_version());
    assert_eq!(store.company()?.name, "Gamla Firman AB");

    let backups = store.list_backups()?;
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].kind, BackupKind::BeforeMigration);
    let backup = Connection::open(&backups[0].path)?;
    let version: u32 = backup.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let name: String = backup.query_row("SELECT name FROM company", [], |row| row.get(0))?;
    assert_eq!((version, name.as_str()), (1, "Gamla Firman AB"));
    Ok(())
}
