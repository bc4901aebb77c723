//! The register subcommands through the real `fakturera` binary on a temp company file: JSON in
//! (file argument or stdin) and out, exit code 2 with a named field for bad input, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

struct Company {
    _folder: tempfile::TempDir,
    file: PathBuf,
}

impl Company {
    fn new() -> Company {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("company.fakturera");
        Company {
            _folder: folder,
            file,
        }
    }

    /// Runs `fakturera --db FILE --lang LANG args...` with `stdin` piped in.
    fn run_in(&self, language: &str, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fakturera"))
            .arg("--db")
            .arg(&self.file)
            .args(["--lang", language])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write stdin");
        child.wait_with_output().expect("the binary ends")
    }

    fn run(&self, args: &[&str], stdin: &str) -> Output {
        self.run_in("sv", args, stdin)
    }

    /// Runs and expects success, returning the JSON printed.
    fn ok(&self, args: &[&str], stdin: &str) -> Value {
        let output = self.run(args, stdin);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("stdout is JSON")
    }

    /// Runs and expects bad input (exit 2), returning the error JSON printed on stderr.
    fn bad(&self, language: &str, args: &[&str], stdin: &str) -> Value {
        let output = self.run_in(language, args, stdin);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?} {stdin}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(output.stdout.is_empty(), "nothing on stdout for a failure");
        serde_json::from_str(&stderr).expect("stderr is the error JSON")
    }
}

fn field_names(error: &Value) -> Vec<String> {
    error["fields"].as_array().map_or_else(Vec::new, |fields| {
        fields
            .iter()
            .filter_map(|field| field["field"].as_str().map(str::to_owned))
            .collect()
    })
}

#[test]
fn company_show_and_set_round_trip_normalised_identifiers() {
    let company = Company::new();
    let before = company.ok(&["company", "show"], "");
    assert_eq!(before["name"], "");

    let saved = company.ok(
        &["company", "set"],
        r#"{"name": "Åkesson Bygg AB", "org_number": "5567212047", "vat_number": "se556721204701",
            "bankgiro": "50501055", "invoice_fee": 29, "late_payment_interest": "12,5",
            "address": {"street": "Storgatan 1", "postal_code": "90325", "city": "Umeå"}}"#,
    );
    assert_eq!(saved["org_number"], "556721-2047");
    assert_eq!(saved["vat_number"], "SE556721204701");
    assert_eq!(saved["bankgiro"], "5050-1055");
    assert_eq!(saved["invoice_fee"], "29");
    assert_eq!(saved["late_payment_interest"], "12.5");
    assert_eq!(saved["address"]["postal_code"], "903 25");
    assert_eq!(
        company.ok(&["company", "show"], "")["name"],
        "Åkesson Bygg AB"
    );

    // A partial update from a file argument keeps every other field.
    let patch = company._folder.path().join("patch.json");
    std::fs::write(&patch, r#"{"phone": "090-12 34 56"}"#).expect("write patch");
    let patched = company.ok(&["company", "set", patch.to_str().expect("utf-8 path")], "");
    assert_eq!(
        (patched["phone"].as_str(), patched["org_number"].as_str()),
        (Some("090-12 34 56"), Some("556721-2047"))
    );
}

#[test]
fn customers_add_list_show_update() {
    let company = Company::new();
    let added = company.ok(
        &["customers", "add"],
        r#"{"name": "Öberg & Söner AB", "legal_id": "556721-2047", "email": "faktura@oberg.se",
            "delivery_choice": "email", "buyer_reference": "4711",
            "address": {"street": "Kungsgatan 2", "postal_code": "11143", "city": "Stockholm"}}"#,
    );
    assert_eq!(added["form"]["customer_number"], "1001");
    assert_eq!(added["form"]["legal_id"], "556721-2047");
    company.ok(
        &["customers", "add", "-"],
        r#"{"name": "Zeta Konsult", "kind": "company"}"#,
    );

    let found = company.ok(&["customers", "list", "--search", "öberg"], "");
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    assert_eq!(found[0]["name"], "Öberg & Söner AB");
    assert_eq!(
        company
            .ok(&["customers", "list"], "")
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    let shown = company.ok(&["customers", "show", "1001"], "");
    assert_eq!(shown["form"]["buyer_reference"], "4711");
    let updated = company.ok(
        &["customers", "update", "1001"],
        r#"{"delivery_choice": "letter", "archived": true}"#,
    );
    assert_eq!(
        (
            updated["form"]["delivery_choice"].as_str(),
            updated["form"]["email"].as_str()
        ),
        (Some("letter"), Some("faktura@oberg.se"))
    );
    assert_eq!(
        company
            .ok(&["customers", "list"], "")
            .as_array()
            .map(Vec::len),
        Some(1),
        "archived are hidden"
    );
    assert_eq!(
        company
            .ok(&["customers", "list", "--archived"], "")
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn articles_series_and_backups() {
    let company = Company::new();
    let added = company.ok(
        &["articles", "add"],
        r#"{"article_number": "K1", "name": "Konsulttimme", "unit": "tim", "unit_price": "1250.50", "kind": "service"}"#,
    );
    assert_eq!(
        (
            added["form"]["unit_price"].as_str(),
            added["vat_rate_today"].as_str()
        ),
        (Some("1250.5"), Some("25"))
    );
    let listed = company.ok(&["articles", "list", "--search", "KONSULT"], "");
    assert_eq!(listed[0]["unit_price_display"], "1 250,50");
    let updated = company.ok(&["articles", "update", "K1"], r#"{"unit_price": "1300"}"#);
    assert_eq!(updated["form"]["unit_price"], "1300");
    assert_eq!(
        company.ok(&["articles", "show", "K1"], "")["form"]["name"],
        "Konsulttimme"
    );

    let series = company.ok(
        &["series", "add"],
        r#"{"name": "Export", "prefix": "EX-", "next_number": 5001}"#,
    );
    assert!(
        series
            .as_array()
            .is_some_and(|all| all.iter().any(|s| s["next_invoice_number"] == "EX-5001"))
    );
    let series = company.ok(&["series", "default", "Export"], "");
    assert_eq!(
        (
            series[0]["name"].as_str(),
            series[0]["is_default"].as_bool()
        ),
        (Some("Export"), Some(true))
    );
    assert_eq!(company.ok(&["series", "list"], "")[0]["name"], "Export");

    company.ok(&["company", "set"], r#"{"name": "Före AB"}"#);
    let backup = company.ok(&["backup"], "");
    let path = backup["path"].as_str().expect("backup path").to_owned();
    assert!(Path::new(&path).is_file());
    company.ok(&["company", "set"], r#"{"name": "Efter AB"}"#);
    assert!(
        company
            .ok(&["backups"], "")
            .as_array()
            .is_some_and(|all| all.iter().any(|b| b["path"] == json!(path)))
    );
    let restored = company.ok(&["restore", &path], "");
    assert_eq!(restored["company"]["name"], "Före AB");
    assert_eq!(company.ok(&["company", "show"], "")["name"], "Före AB");
}

#[test]
fn bad_input_exits_2_with_the_field_named_and_changes_nothing() {
    let company = Company::new();
    company.ok(&["customers", "add"], r#"{"name": "Första AB"}"#);
    let long = "x".repeat(10_000);
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (vec!["customers", "add"], r#"{"name": ""}"#.into(), "name"),
        (
            vec!["customers", "add"],
            json!({"name": long}).to_string(),
            "name",
        ),
        (
            vec!["customers", "add"],
            r#"{"name": "Fel AB", "legal_id": "556721-2048"}"#.into(),
            "legal_id",
        ),
        (
            vec!["customers", "add"],
            r#"{"name": "Fel AB", "customer_number": "1001"}"#.into(),
            "customer_number",
        ),
        (
            vec!["customers", "add"],
            r#"{"name": "Fel AB", "email": "'; DROP TABLE customers;--"}"#.into(),
            "email",
        ),
        (
            vec!["customers", "update", "1001"],
            r#"{"vat_treatment": "eu_goods"}"#.into(),
            "vat_treatment",
        ),
        (
            vec!["articles", "add"],
            r#"{"article_number": "N", "name": "Neg", "unit_price": "-5"}"#.into(),
            "unit_price",
        ),
        (
            vec!["articles", "add"],
            r#"{"article_number": "E", "name": "Emoji", "unit_price": "😀"}"#.into(),
            "unit_price",
        ),
        (
            vec!["company", "set"],
            r#"{"name": "AB", "org_number": "123"}"#.into(),
            "org_number",
        ),
        (
            vec!["company", "set"],
            r#"{"name": "AB", "plusgiro": "1' OR '1'='1"}"#.into(),
            "plusgiro",
        ),
        (
            vec!["series", "add"],
            r#"{"name": "S", "prefix": "F", "next_number": "0"}"#.into(),
            "next_number",
        ),
    ];
    for (args, stdin, field) in cases {
        let error = company.bad("sv", &args, &stdin);
        assert_eq!(error["code"], "invalid_input", "{args:?}");
        assert_eq!(field_names(&error), [field], "{args:?} {stdin}");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|message| !message.is_empty())
        );
    }
    // The same mistake in English.
    let error = company.bad(
        "en",
        &["articles", "add"],
        r#"{"article_number": "N", "name": "Neg", "unit_price": "-5"}"#,
    );
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|message| message.contains("may not be negative")),
        "{error}"
    );

    // Input that is not the form at all.
    for stdin in [
        "not json",
        "[1, 2]",
        r#"{"nmae": "typo"}"#,
        r#"{"unit_price": 12.5}"#,
    ] {
        let error = company.bad("en", &["articles", "add"], stdin);
        assert_eq!(error["code"], "invalid_input", "{stdin}");
    }
    let error = company.bad("sv", &["customers", "show", "9999"], "");
    assert_eq!(error["code"], "not_found");
    let error = company.bad("sv", &["restore", "/no/such/backup.sqlite"], "");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|message| message.contains("finns inte")),
        "{error}"
    );

    let customers = company.ok(&["customers", "list"], "");
    assert_eq!(
        customers.as_array().map(Vec::len),
        Some(1),
        "nothing was stored by the failures"
    );
    assert!(
        company
            .ok(&["articles", "list"], "")
            .as_array()
            .is_some_and(Vec::is_empty)
    );
}
