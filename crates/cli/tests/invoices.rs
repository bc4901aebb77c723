//! `fakturera invoices …` and `fakturera demo` through the real binary on temporary company
//! files: JSON in and out, exit codes 0 / 2 / 1, and bad input that never panics or half-writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

struct Company {
    _dir: tempfile::TempDir,
    file: PathBuf,
}

/// A company file filled with the demo data (its year ends 2026-11-26).
fn demo_company() -> Company {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("demo.fakturera");
    let company = Company { _dir: dir, file };
    let summary = ok(&run(
        &company.file,
        &["demo", "--today", "2026-11-26"],
        None,
    ));
    assert!(
        summary["issued"].as_u64().expect("issued") >= 100,
        "{summary}"
    );
    company
}

fn run(file: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fakturera"))
        .arg("--db")
        .arg(file)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fakturera binary starts");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("stdin written");
    drop(input);
    child.wait_with_output().expect("the fakturera binary ends")
}

fn ok(output: &Output) -> Value {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// Exit code 2 and the `{code, message, fields}` error from stderr.
fn bad(output: &Output) -> Value {
    assert_eq!(
        output.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let error: Value = serde_json::from_slice(&output.stderr).expect("JSON error on stderr");
    assert!(!error["message"].as_str().expect("message").is_empty());
    error
}

fn create(company: &Company, input: &Value) -> Output {
    run(
        &company.file,
        &["invoices", "create", "-"],
        Some(&input.to_string()),
    )
}

fn draft(company: &Company, lines: Value) -> Value {
    ok(&create(
        company,
        &json!({"customer_number": "1001", "form": {"lines": lines}}),
    ))
}

#[test]
fn create_issue_credit_list_and_show() {
    let company = demo_company();
    let created = draft(
        &company,
        json!([
            {"description": "Konsultarvode", "quantity": "12,5", "unit": "tim", "unit_price": "1150"},
            {"article_number": "RESA", "description": "Tågresa", "unit_price": "1295", "vat_rate": "6"}
        ]),
    );
    assert_eq!(created["status"], "draft");
    assert_eq!(created["customer"]["name"], "Göteborgs Byggservice AB");
    assert_eq!(
        created["form"]["your_reference"], "Per Öberg",
        "the customer's defaults fill the rest"
    );
    assert_eq!(created["totals"]["payable"], "19341.00");
    let id = created["id"].as_i64().expect("id").to_string();

    let issued = ok(&run(&company.file, &["invoices", "issue", &id], None));
    assert_eq!(issued["status"], "issued");
    let number = issued["number"].as_str().expect("number").to_owned();
    assert!(issued["ocr"].as_str().expect("ocr").starts_with(&number));

    let credit = ok(&run(
        &company.file,
        &[
            "invoices",
            "credit",
            &id,
            "--lines",
            r#"[{"line": 0, "quantity": "2"}]"#,
        ],
        None,
    ));
    assert_eq!(credit["is_credit"], true);
    assert_eq!(credit["credited"]["number"], number.as_str());
    assert_eq!(credit["totals"]["line_nets"], json!(["2300.00"]));
    let credit_id = credit["id"].as_i64().expect("id").to_string();
    let credit = ok(&run(
        &company.file,
        &["invoices", "issue", &credit_id],
        None,
    ));
    let credit_number = credit["number"].as_str().expect("number");
    assert_eq!(
        credit_number.parse::<u64>().expect("digits"),
        number.parse::<u64>().expect("digits") + 1
    );

    let found = ok(&run(
        &company.file,
        &["invoices", "list", "--search", &number],
        None,
    ));
    assert_eq!(found["rows"][0]["number"], number.as_str());
    let by_amount = ok(&run(
        &company.file,
        &[
            "invoices",
            "list",
            "--search",
            "19 341,00",
            "--status",
            "issued",
        ],
        None,
    ));
    assert!(
        by_amount["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .any(|row| row["number"] == number.as_str())
    );
    let credits = ok(&run(
        &company.file,
        &["invoices", "list", "--status", "credits", "--limit", "500"],
        None,
    ));
    assert!(
        credits["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .any(|row| row["number"] == credit_number)
    );

    let shown = ok(&run(&company.file, &["invoices", "show", &id], None));
    assert_eq!(shown["credits"][0]["number"], credit_number);
    let events = ok(&run(&company.file, &["invoices", "events", &id], None));
    let kinds: Vec<&str> = events
        .as_array()
        .expect("events")
        .iter()
        .map(|event| event["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["created", "issued"]);

    let paid = ok(&run(
        &company.file,
        &[
            "invoices",
            "pay",
            &id,
            "--amount",
            "19341",
            "--date",
            "2026-12-01",
        ],
        None,
    ));
    assert_eq!(paid["state"], "paid");
}

#[test]
fn an_issued_invoice_cannot_be_changed_deleted_or_credited_twice_over() {
    let company = demo_company();
    let created = draft(
        &company,
        json!([{"description": "Support", "quantity": "1", "unit_price": "2500"}]),
    );
    let id = created["id"].as_i64().expect("id").to_string();
    let issued = ok(&run(&company.file, &["invoices", "issue", &id], None));

    let error = bad(&run(
        &company.file,
        &["invoices", "update", &id, "-"],
        Some(r#"{"notes": "ändrad"}"#),
    ));
    assert_eq!(error["code"], "conflict");
    let error = bad(&run(&company.file, &["invoices", "delete", &id], None));
    assert_eq!(error["code"], "conflict");
    assert_eq!(
        ok(&run(&company.file, &["invoices", "show", &id], None)),
        issued,
        "unchanged"
    );

    let credit = ok(&run(&company.file, &["invoices", "credit", &id], None));
    let credit_id = credit["id"].as_i64().expect("id").to_string();
    ok(&run(
        &company.file,
        &["invoices", "issue", &credit_id],
        None,
    ));
    let error = bad(&run(
        &company.file,
        &["invoices", "credit", &credit_id],
        None,
    ));
    assert_eq!(error["fields"][0]["field"], "kind");
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("kreditfaktura kan inte krediteras")
    );
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_code_2() {
    let company = demo_company();
    let cases: [(&str, &str); 8] = [
        ("", "inte giltig JSON"),
        ("{\"customer_number\": ", "inte giltig JSON"),
        ("[1, 2]", "customer_number"),
        (
            r#"{"customer_number": "9999"}"#,
            "ingen kund med kundnummer \"9999\"",
        ),
        (
            r#"{"customer_number": "1001", "form": {"colour": "blå"}}"#,
            "Okänt fält \"colour\"",
        ),
        (
            r#"{"customer_number": "1001", "form": {"lines": [{"quantity": 1.5}]}}"#,
            "som text",
        ),
        (
            r#"{"customer_number": "1001", "form": {"lines": "många"}}"#,
            "\"lines\" ska vara en lista",
        ),
        (
            r#"{"customer_number": "1001", "form": {"issue_date": "igår"}}"#,
            "\"field\":\"issue_date\"",
        ),
    ];
    for (input, expected) in cases {
        let error = bad(&run(
            &company.file,
            &["invoices", "create", "-"],
            Some(input),
        ));
        let message = error["message"].as_str().expect("message");
        assert!(
            message.contains(expected) || error.to_string().contains(expected),
            "{input:?}: {error}"
        );
    }
    let english = run(
        &company.file,
        &["--lang", "en", "invoices", "create", "-"],
        Some("{}"),
    );
    assert!(
        bad(&english)["message"]
            .as_str()
            .expect("message")
            .contains("The input must be")
    );
    for args in [
        vec!["invoices", "list", "--status", "betald"],
        vec!["invoices", "list", "--today", "i morgon"],
        vec!["invoices", "show", "999999"],
        vec!["invoices", "credit", "1", "--lines", "alla"],
        vec!["invoices", "pay", "1", "--amount=-100"],
        vec!["demo"],
    ] {
        bad(&run(&company.file, &args, None));
    }
    let drafts = ok(&run(
        &company.file,
        &["invoices", "list", "--status", "drafts"],
        None,
    ));
    assert_eq!(drafts["total"], 3, "no bad input left a draft behind");
}

#[test]
fn odd_texts_are_stored_exactly_and_long_ones_stop_at_issue() {
    let company = demo_company();
    let odd = "Robert'); DROP TABLE invoices;-- \"citat\" 🧾 Åäö";
    let created = draft(
        &company,
        json!([{"description": odd, "quantity": "-2", "unit_price": "100"}]),
    );
    assert_eq!(created["form"]["lines"][0]["description"], odd);
    assert_eq!(
        created["totals"]["line_nets"],
        json!(["-200.00"]),
        "negative quantities are returns"
    );
    let id = created["id"].as_i64().expect("id").to_string();
    assert_eq!(
        ok(&run(&company.file, &["invoices", "show", &id], None))["form"]["lines"][0]["description"],
        odd
    );

    let long = "x".repeat(10_000);
    let created = draft(
        &company,
        json!([{"description": long, "quantity": "1", "unit_price": "100"}]),
    );
    let id = created["id"].as_i64().expect("id").to_string();
    let error = bad(&run(&company.file, &["invoices", "issue", &id], None));
    assert_eq!(error["fields"][0]["field"], "lines[0].description");
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("för lång")
    );
    assert_eq!(
        ok(&run(&company.file, &["invoices", "show", &id], None))["status"],
        "draft"
    );
}
