//! Test support for printing for real: the private CUPS scheduler with Debian's cups-pdf virtual
//! printer that `scripts/with-cups.sh` starts (the cargo-test step wraps the tests in it). Tests
//! print through the app's own code path, wait for the print system to finish the job, and read
//! the printed file back with `pdftotext`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// The queue `scripts/with-cups.sh` made, which is also the default printer. Panics with what to
/// run when the test was started without it: such a test cannot print anything.
pub fn printer() -> String {
    match (
        std::env::var("CUPS_SERVER"),
        std::env::var("FAKTURERA_TEST_PRINTER"),
    ) {
        (Ok(_), Ok(printer)) => printer,
        _ => panic!(
            "printing tests need the virtual printer: run them as scripts/with-cups.sh cargo test …"
        ),
    }
}

/// Waits until the print system reports job `job` finished (completed or aborted): observed
/// progress, not a timer.
pub fn wait_for_job(job: &str) {
    loop {
        let output = Command::new("lpstat")
            .args(["-W", "not-completed", "-o"])
            .output()
            .expect("lpstat runs (cups-client)");
        let pending = String::from_utf8_lossy(&output.stdout);
        if !pending
            .lines()
            .any(|line| line.split_whitespace().next() == Some(job))
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A moment just before printing: file times have a coarser grain on some file systems, and a
/// second's margin keeps files printed right after it in `printed_since`.
pub fn before_printing() -> SystemTime {
    SystemTime::now() - Duration::from_secs(1)
}

/// Where cups-pdf writes the jobs of the user running the tests.
fn printed_folder() -> PathBuf {
    Path::new(&std::env::var("HOME").expect("HOME is set")).join("PDF")
}

/// The files cups-pdf wrote (or wrote again: it names them by job title) since `since`.
pub fn printed_since(since: SystemTime) -> Vec<PathBuf> {
    std::fs::read_dir(printed_folder())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| {
                    entry
                        .metadata()
                        .and_then(|meta| meta.modified())
                        .is_ok_and(|modified| modified >= since)
                })
                .map(|entry| entry.path())
                .collect()
        })
        .unwrap_or_default()
}

/// The text of a printed PDF, read back with `pdftotext`.
pub fn text_of(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
