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
    // Crediting is history on the credited invoice too: the credit settles part of it.
    assert_eq!(kinds, ["created", "issued", "credited"]);

    // The credit of two hours (2 875,00 with VAT) lowered what is left to pay.
    assert_eq!(shown["payment"]["remaining"], "16466.00");
    let paid = ok(&run(
        &company.file,
        &[
            "invoices",
            "pay",
            &id,
            "--amount",
            "16466",
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

/// The reported reproduction: backup → issue invoice 142 → restore the backup → issue. The restore
/// is refused (exit 2) and names 142, and the next invoice gets 143, never 142 again.
#[test]
fn restoring_a_backup_taken_before_an_issue_never_hands_out_its_number_again() {
    let company = demo_company();
    let backup = ok(&run(&company.file, &["backup"], None));
    let backup_path = backup["path"].as_str().expect("path").to_owned();
    let first = draft(
        &company,
        json!([{"description": "Konsultarvode", "quantity": "1", "unit_price": "1000"}]),
    );
    let first_id = first["id"].as_i64().expect("id").to_string();
    let issued = ok(&run(&company.file, &["invoices", "issue", &first_id], None));
    let number: u64 = issued["number"]
        .as_str()
        .expect("number")
        .parse()
        .expect("digits");

    let refused = bad(&run(&company.file, &["restore", &backup_path], None));
    assert_eq!(refused["code"], "conflict", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .expect("message")
            .contains(&number.to_string()),
        "{refused}"
    );

    let second = draft(
        &company,
        json!([{"description": "Konsultarvode", "quantity": "1", "unit_price": "1000"}]),
    );
    let second_id = second["id"].as_i64().expect("id").to_string();
    let issued = ok(&run(
        &company.file,
        &["invoices", "issue", &second_id],
        None,
    ));
    assert_eq!(issued["number"], (number + 1).to_string());
}

/// The reported reproductions: quantity 12345678901234567 × price 12345678901234 made `invoices
/// create` exit 101 ("Multiplication overflowed"), and a payment of 7.9e28 was stored so that every
/// later payment panicked. Each is now refused with the field named, exit 2, and nothing stored.
#[test]
fn numbers_too_large_to_add_up_are_refused_with_the_field_named() {
    let company = demo_company();
    let cases = [
        (
            json!({"customer_number": "1001", "form": {"lines": [
                {"description": "Stor", "quantity": "12345678901234567", "unit_price": "12345678901234"}]}}),
            "lines[0].quantity",
        ),
        (
            json!({"customer_number": "1001", "form": {"lines": [
                {"description": "Dyr", "quantity": "1", "unit_price": "79228162514264337593543950335"}]}}),
            "lines[0].unit_price",
        ),
        (
            json!({"customer_number": "1001", "form": {"lines": [
                {"description": "Moms", "quantity": "1", "unit_price": "100", "vat_rate": "1e20"}]}}),
            "lines[0].vat",
        ),
        (
            json!({"customer_number": "1001", "form": {"currency": "EUR",
                "exchange_rate": "99999999999999999999", "lines": [
                {"description": "Valuta", "quantity": "1000000", "unit_price": "1000000"}]}}),
            "exchange_rate",
        ),
        (
            json!({"customer_number": "1001", "form": {"lines": [
                {"description": "Rabatt", "quantity": "1", "unit_price": "100",
                 "discount_percent": "1e25"}]}}),
            "lines[0].discount",
        ),
    ];
    for (input, field) in cases {
        let error = bad(&create(&company, &input));
        assert!(
            error["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .any(|named| named["field"] == field),
            "{input}: {error}"
        );
    }

    let listed = ok(&run(
        &company.file,
        &["invoices", "list", "--status", "unpaid", "--limit", "1"],
        None,
    ));
    let id = listed["rows"][0]["id"].as_i64().expect("id").to_string();
    for amount in [
        "79000000000000000000000000000",
        "79228162514264337593543950335",
    ] {
        let error = bad(&run(
            &company.file,
            &["invoices", "pay", &id, "--amount", amount],
            None,
        ));
        assert_eq!(error["fields"][0]["field"], "amount", "{error}");
    }
    let paid = ok(&run(
        &company.file,
        &["invoices", "pay", &id, "--amount", "1"],
        None,
    ));
    assert!(
        paid["payments"]
            .as_array()
            .is_some_and(|all| !all.is_empty()),
        "{paid}"
    );
    let drafts = ok(&run(
        &company.file,
        &["invoices", "list", "--status", "drafts"],
        None,
    ));
    assert_eq!(drafts["total"], 3, "no refused input left a draft behind");
}

#[test]
fn rows_take_their_vat_from_the_customer_and_the_article_they_name() {
    let company = demo_company();
    // An "EU, varor" customer: a row of free text is goods (K), never services.
    let goods_customer = ok(&run(
        &company.file,
        &["customers", "add", "-"],
        Some(
            &json!({
                "name": "Schmidt Ersatzteile GmbH",
                "vat_number": "DE811569869",
                "address": {"street": "Hafenstraße 3", "postal_code": "20457", "city": "Hamburg", "country_code": "DE"},
                "email": "rechnung@schmidt.example",
                "delivery_choice": "email",
                "vat_treatment": "eu_goods",
            })
            .to_string(),
        ),
    ));
    let number = goods_customer["form"]["customer_number"]
        .as_str()
        .expect("number")
        .to_owned();
    let rows = |customer: &str, lines: Value| {
        let created = ok(&create(
            &company,
            // The demo's EU customer pays in euro; the rate is ignored for kronor.
            &json!({"customer_number": customer, "form": {"issue_date": "2026-11-26", "exchange_rate": "11.45", "lines": lines}}),
        ));
        let issued = ok(&run(
            &company.file,
            &["invoices", "issue", &created["id"].to_string()],
            None,
        ));
        (
            created["form"]["lines"].clone(),
            issued["totals"]["vat_rows"].clone(),
        )
    };

    let (lines, vat) = rows(
        &number,
        json!([{"description": "Reservdelar", "quantity": "4", "unit_price": "312.50"}]),
    );
    assert_eq!(lines[0]["vat_treatment"], "eu_goods");
    assert_eq!(vat[0]["category"], "K");
    let text = vat[0]["exemption"].as_str().expect("exemption");
    assert!(
        text.contains("10 kap. 42 §") && text.contains("artikel 138"),
        "{text}"
    );

    // The demo's "EU, tjänster" customer: free text stays a service, a goods article is goods,
    // and a named article fills in its name, unit and price.
    let (lines, vat) = rows(
        "1004",
        json!([
            {"description": "Fjärrsupport", "quantity": "3", "unit": "tim", "unit_price": "95"},
            {"article_number": "HW-SKARM", "quantity": "2"},
            {"article_number": "KONS", "quantity": "1.5", "unit_price": "98.50"},
        ]),
    );
    let treatments: Vec<&str> = lines
        .as_array()
        .expect("lines")
        .iter()
        .map(|line| line["vat_treatment"].as_str().expect("treatment"))
        .collect();
    assert_eq!(treatments, ["eu_services", "eu_goods", "eu_services"]);
    assert_eq!(lines[1]["description"], "Bildskärm 27\" USB-C");
    assert_eq!(lines[1]["unit_price"], "3290");
    assert_eq!(
        (lines[2]["unit"].as_str(), lines[2]["unit_price"].as_str()),
        (Some("tim"), Some("98.5"))
    );
    let categories: Vec<&str> = vat
        .as_array()
        .expect("vat rows")
        .iter()
        .map(|row| row["category"].as_str().expect("category"))
        .collect();
    assert_eq!(categories, ["AE", "K"]);

    // A Swedish customer's row naming a book takes the book's 6 %.
    let (lines, _) = rows("1001", json!([{"article_number": "BOK"}]));
    assert_eq!(
        (
            lines[0]["vat_treatment"].as_str(),
            lines[0]["vat_rate"].as_str()
        ),
        (Some("swedish"), Some("6"))
    );
}

/// Issues a one-line invoice of 800 + 25 % VAT = 1 000,00 and returns its id and number.
fn issued_thousand(company: &Company) -> (String, String) {
    let created = draft(
        company,
        json!([{"description": "Support", "quantity": "1", "unit_price": "800"}]),
    );
    let id = created["id"].as_i64().expect("id").to_string();
    let issued = ok(&run(&company.file, &["invoices", "issue", &id], None));
    assert_eq!(issued["totals"]["payable"], "1000.00");
    (id, issued["number"].as_str().expect("number").to_owned())
}

fn issue_credit(company: &Company, id: &str, lines: Option<&str>) -> String {
    let mut args = vec!["invoices", "credit", id];
    if let Some(lines) = lines {
        args.extend(["--lines", lines]);
    }
    let credit = ok(&run(&company.file, &args, None));
    let credit_id = credit["id"].as_i64().expect("id").to_string();
    let issued = ok(&run(
        &company.file,
        &["invoices", "issue", &credit_id],
        None,
    ));
    issued["number"].as_str().expect("number").to_owned()
}

fn pay(company: &Company, id: &str, amount: &str) -> Value {
    ok(&run(
        &company.file,
        &[
            "invoices",
            "pay",
            id,
            "--amount",
            amount,
            "--date",
            "2026-12-01",
        ],
        None,
    ))
}

/// The list row of invoice `number`, judged half a year after every due date.
fn row(company: &Company, number: &str) -> Value {
    let found = ok(&run(
        &company.file,
        &[
            "invoices",
            "list",
            "--search",
            number,
            "--today",
            "2027-06-01",
        ],
        None,
    ));
    found["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|row| row["number"] == number)
        .cloned()
        .expect("listed")
}

fn settled(row: &Value) -> (&str, &str, bool) {
    (
        row["payment_state"].as_str().expect("state"),
        row["to_pay"].as_str().expect("to pay"),
        row["overdue"].as_bool().expect("overdue"),
    )
}

#[test]
fn credits_settle_what_they_credit() {
    let company = demo_company();

    // A full credit: the original is credited, nothing to pay, never overdue.
    let (id, number) = issued_thousand(&company);
    let fully_credited = number.clone();
    let credit_number = issue_credit(&company, &id, None);
    assert_eq!(
        settled(&row(&company, &number)),
        ("credited", "0.00", false)
    );
    assert_eq!(
        settled(&row(&company, &credit_number)),
        ("applied", "0.00", false)
    );
    let shown = ok(&run(&company.file, &["invoices", "show", &id], None));
    assert_eq!(shown["payment"]["state"], "credited");
    assert_eq!(shown["payment"]["credited"], "1000.00");
    assert_eq!(shown["payment"]["remaining"], "0.00");

    // A partial credit lowers what is left; the rest is still overdue.
    let (id, number) = issued_thousand(&company);
    issue_credit(&company, &id, Some(r#"[{"line": 0, "quantity": "0.5"}]"#));
    assert_eq!(settled(&row(&company, &number)), ("unpaid", "500.00", true));

    // A partial credit after a partial payment.
    let (id, number) = issued_thousand(&company);
    assert_eq!(pay(&company, &id, "400")["state"], "partly_paid");
    issue_credit(&company, &id, Some(r#"[{"line": 0, "quantity": "0.5"}]"#));
    assert_eq!(
        settled(&row(&company, &number)),
        ("partly_paid", "100.00", true)
    );

    // A full credit after a partial payment: 400 to give back, nothing to pay.
    let (id, number) = issued_thousand(&company);
    pay(&company, &id, "400");
    issue_credit(&company, &id, None);
    let credited = row(&company, &number);
    let credited_after_payment = number.clone();
    assert_eq!(settled(&credited), ("credited", "0.00", false));
    assert_eq!(credited["to_refund"], "400.00");

    // An overpayment: paid, 200 to give back; a refund closes it.
    let (id, number) = issued_thousand(&company);
    let over = pay(&company, &id, "1200");
    assert_eq!(
        (&over["state"], &over["to_refund"]),
        (&json!("overpaid"), &json!("200.00"))
    );
    assert_eq!(
        settled(&row(&company, &number)),
        ("overpaid", "0.00", false)
    );
    let refused = bad(&run(
        &company.file,
        &["invoices", "refund", &id, "--amount", "250"],
        None,
    ));
    assert_eq!(refused["fields"][0]["field"], "amount");
    let refunded = ok(&run(
        &company.file,
        &[
            "invoices",
            "refund",
            &id,
            "--amount",
            "200",
            "--date",
            "2026-12-05",
        ],
        None,
    ));
    assert_eq!(refunded["state"], "paid");

    // The filters follow: nothing credited is listed as overdue, and credited lists the two.
    let overdue = ok(&run(
        &company.file,
        &[
            "invoices",
            "list",
            "--status",
            "overdue",
            "--today",
            "2027-06-01",
            "--limit",
            "500",
        ],
        None,
    ));
    for row in overdue["rows"].as_array().expect("rows") {
        assert_ne!(row["payment_state"], "credited", "{row}");
        assert_ne!(row["is_credit"], true, "{row}");
    }
    let credited = ok(&run(
        &company.file,
        &["invoices", "list", "--status", "credited", "--limit", "500"],
        None,
    ));
    let numbers: Vec<&str> = credited["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| row["number"].as_str().expect("number"))
        .collect();
    assert!(numbers.contains(&fully_credited.as_str()), "{numbers:?}");
    assert!(
        numbers.contains(&credited_after_payment.as_str()),
        "{numbers:?}"
    );
    assert!(
        !numbers.contains(&number.as_str()),
        "the refunded one is paid"
    );
}
