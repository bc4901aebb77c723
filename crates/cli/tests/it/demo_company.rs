//! A company file filled with the demo data (its year ends 2026-03-02) in its own temporary
//! folder, and the real `fakturera` binary run on it in English: the harness the document and
//! printing tests share.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The demo year's last day; `invoices list` judges overdue on it.
const TODAY: &str = "2026-03-02";

pub struct Company {
    folder: tempfile::TempDir,
    file: PathBuf,
}

impl Company {
    pub fn with_demo_data() -> Company {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("company.fakturera");
        let company = Company { folder, file };
        company.ok(&["demo", "--today", TODAY]);
        company
    }

    /// Runs `fakturera --db FILE --lang en args...` with `input` on stdin.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fakturera"))
            .arg("--db")
            .arg(&self.file)
            .args(["--lang", "en"])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("stdin written");
        drop(stdin);
        child.wait_with_output().expect("the binary ends")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_input(args, "")
    }

    /// Runs and expects success, returning the JSON printed.
    pub fn ok_with_input(&self, args: &[&str], input: &str) -> Value {
        let output = self.run_with_input(args, input);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("stdout is JSON")
    }

    pub fn ok(&self, args: &[&str]) -> Value {
        self.ok_with_input(args, "")
    }

    /// Runs and expects exit code `code`, returning the error JSON from stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> Value {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stdout.is_empty());
        serde_json::from_slice(&output.stderr).expect("stderr is the error as JSON")
    }

    /// The id and number of the first invoice with `status` that is not a credit.
    pub fn first(&self, status: &str) -> (i64, Option<String>) {
        let page = self.ok(&["invoices", "list", "--status", status, "--today", TODAY]);
        let row = page["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|row| row["is_credit"] == false))
            .unwrap_or_else(|| panic!("no {status} invoice in {page}"))
            .clone();
        (
            row["id"].as_i64().expect("id"),
            row["number"].as_str().map(str::to_owned),
        )
    }

    /// A path in the company's temporary folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }
}
