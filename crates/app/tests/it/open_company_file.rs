//! `App` against real company files in a temp folder: the round trip the shell shows, the
//! refusal of a newer file, and recovery once the cause is gone.

use fakturera_app::{App, ErrorCode};
use fakturera_core::Language;
use fakturera_store::{Store, latest_version};

#[test]
fn a_new_file_is_created_migrated_and_described() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("nested/folder/company.fakturera");
    let app = App::open(&file, Language::Swedish).expect("a new file opens");
    let overview = app.overview().expect("overview of a new file");
    assert_eq!(overview.company_name, "");
    assert_eq!(overview.schema_version, latest_version());
    assert!(overview.schema_version >= 1);
    assert_eq!(overview.file_path, file.display().to_string());
    assert!(file.is_file());
}

#[test]
fn the_overview_reads_the_company_name_from_sqlite() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("company.fakturera");
    {
        let store = Store::open(&file).expect("store opens");
        let mut company = store.company().expect("company row");
        company.name = "Testbolaget Åkesson AB".to_owned();
        store.set_company(&company).expect("company saved");
    }
    let app = App::new(&file, Language::Swedish);
    assert_eq!(
        app.overview().expect("overview").company_name,
        "Testbolaget Åkesson AB"
    );
}

#[test]
fn a_file_from_a_newer_version_is_refused_in_the_chosen_language_and_left_alone() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("company.fakturera");
    let newer = latest_version() + 1;
    {
        let store = Store::open(&file).expect("store opens");
        store
            .raw_connection()
            .pragma_update(None, "user_version", newer)
            .expect("version bumped");
    }
    let before = std::fs::read(&file).expect("file readable");

    let app = App::new(&file, Language::Swedish);
    let swedish = app.overview().expect_err("a newer file is refused");
    assert_eq!(swedish.code, ErrorCode::NewerVersion);
    app.set_language(Language::English);
    let english = app.overview().expect_err("still refused");
    assert_eq!(english.code, ErrorCode::NewerVersion);
    assert_ne!(
        swedish.message, english.message,
        "the message follows the language"
    );
    assert!(!english.message.is_empty() && !swedish.message.is_empty());
    assert_eq!(
        std::fs::read(&file).expect("file readable"),
        before,
        "the refused file is untouched"
    );

    let reopened = App::open(&file, Language::English).expect_err("open refuses too");
    assert_eq!(reopened.code, ErrorCode::NewerVersion);
}

#[test]
fn a_failed_open_is_retried_on_the_next_call() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("company.fakturera");
    from_a_newer_version(&file);
    let app = App::new(&file, Language::Swedish);
    assert!(app.overview().is_err());
    // The user restores the right file (here: the version is put back).
    put_version_back(&file);
    assert_eq!(
        app.overview().expect("opens once fixed").schema_version,
        latest_version()
    );
}

/// Puts the file's version back to ours without going through `Store::open` (which refuses it).
/// Makes `file` look as if a newer Fakturera had migrated it.
fn from_a_newer_version(file: &std::path::Path) {
    let store = Store::open(file).expect("store opens");
    store
        .raw_connection()
        .pragma_update(None, "user_version", latest_version() + 1)
        .expect("bumped");
}

fn put_version_back(file: &std::path::Path) {
    // SQLite keeps `user_version` as a big-endian u32 at byte offset 60 of the header.
    use std::io::{Seek, SeekFrom, Write};
    let mut handle = std::fs::OpenOptions::new()
        .write(true)
        .open(file)
        .expect("file writable");
    handle.seek(SeekFrom::Start(60)).expect("seek");
    handle
        .write_all(&latest_version().to_be_bytes())
        .expect("write");
    handle.sync_all().expect("sync");
}

#[test]
fn the_start_view_holds_what_the_first_screen_would_ask_for_one_by_one() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("company.fakturera");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a day");
    let app = App::new(&file, Language::English);
    app.fill_demo_data(today).expect("demo data");
    app.set_language(Language::English);

    let start = app.start_view(Language::Swedish, None, today);
    assert_eq!(app.language(), Language::Swedish, "Rust now writes Swedish");
    assert!(start.company_file.exists);
    assert_eq!(start.failure, None);
    assert_eq!(start.overview, Some(app.overview().expect("overview")));
    let dashboard = start.dashboard.expect("Översikt's figures");
    assert_eq!(dashboard, app.dashboard(today).expect("dashboard"));
    assert!(dashboard.unpaid.count > 0, "the demo has unpaid invoices");
}

#[test]
fn the_start_view_of_the_very_first_start_creates_no_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("company.fakturera");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a day");
    let start = App::new(&file, Language::Swedish).start_view(Language::English, None, today);
    assert!(!start.company_file.exists);
    assert_eq!(
        (start.overview, start.dashboard, start.failure),
        (None, None, None)
    );
    assert!(!file.exists(), "nothing is made behind the user's back");
}

#[test]
fn the_start_view_carries_the_refusal_of_a_newer_file_in_the_asked_language() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("company.fakturera");
    from_a_newer_version(&file);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a day");
    let app = App::new(&file, Language::Swedish);
    let english = app.start_view(Language::English, None, today);
    let swedish = app.start_view(Language::Swedish, None, today);
    assert!(english.company_file.exists);
    assert_eq!((english.overview, english.dashboard), (None, None));
    let (english, swedish) = (
        english.failure.expect("refused"),
        swedish.failure.expect("refused"),
    );
    assert_eq!(english.code, ErrorCode::NewerVersion);
    assert_ne!(
        english.message, swedish.message,
        "the message follows the language"
    );
}
