//! Test support shared by every suite that checks UBL files: runs the official offline validator
//! (`../shared/einvoice/validate` beside the repository) on many files in one call, since compiling
//! the rules takes most of its time, and reads its JSON verdicts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One rule the validator reports for a file.
#[derive(Debug, Clone)]
pub struct Reported {
    pub id: String,
    pub flag: String,
    /// The validator's message, shown when an assertion fails.
    pub text: String,
}

/// What the validator said about one file.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    pub fatal: u64,
    pub findings: Vec<Reported>,
}

impl Verdict {
    pub fn fatal_ids(&self) -> Vec<&str> {
        self.findings
            .iter()
            .filter(|f| f.flag == "fatal")
            .map(|f| f.id.as_str())
            .collect()
    }

    pub fn fires(&self, rule_id: &str) -> bool {
        self.findings.iter().any(|f| f.id == rule_id)
    }
}

/// The validator script: `<repo>/../shared/einvoice/validate`.
pub fn validator_path() -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    repo.join("../shared/einvoice/validate")
}

/// Validates one file and returns its verdict.
pub fn validate_one(file: &Path) -> Verdict {
    validate(&[file.to_path_buf()])
        .into_values()
        .next()
        .unwrap_or_default()
}

/// Validates every file in one call and returns the verdict per file path.
pub fn validate(files: &[PathBuf]) -> BTreeMap<PathBuf, Verdict> {
    let validator = validator_path();
    assert!(
        validator.exists(),
        "the validator is missing at {}",
        validator.display()
    );
    let output = Command::new(&validator)
        .arg("--json")
        .args(files)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", validator.display()));
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "validator engine failed ({code:?}): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut verdicts = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.starts_with('{'))
    {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|error| panic!("bad JSON {line}: {error}"));
        let text =
            |v: &serde_json::Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
        let findings = value["findings"]
            .as_array()
            .map(|all| {
                all.iter()
                    .map(|f| Reported {
                        id: text(f, "id"),
                        flag: text(f, "flag"),
                        text: text(f, "text"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let verdict = Verdict {
            fatal: value["fatal"].as_u64().unwrap_or(u64::MAX),
            findings,
        };
        verdicts.insert(PathBuf::from(text(&value, "file")), verdict);
    }
    assert_eq!(
        verdicts.len(),
        files.len(),
        "the validator answered for {} of {} files",
        verdicts.len(),
        files.len()
    );
    verdicts
}
