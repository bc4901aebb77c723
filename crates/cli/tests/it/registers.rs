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
            "copy_email": "revisor@exempelbyra.se", "delivery_choice": "email", "buyer_reference": "4711",
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
    assert_eq!(shown["form"]["copy_email"], "revisor@exempelbyra.se");
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
    assert!(
        restored["safety_copy"]
            .as_str()
            .is_some_and(|copy| Path::new(copy).is_file())
    );
    assert_eq!(company.ok(&["company", "show"], "")["name"], "Före AB");

    // "Säkerhetskopiera till…": a copy on another disk, restorable like any backup.
    let usb = company._folder.path().join("usb");
    std::fs::create_dir_all(&usb).expect("folder");
    let copy = company.ok(&["backup", "--to", usb.to_str().expect("utf-8")], "");
    assert_eq!(copy["kind"], "copy");
    let copy_path = copy["path"].as_str().expect("copy path").to_owned();
    assert!(Path::new(&copy_path).starts_with(&usb));
    company.ok(&["company", "set"], r#"{"name": "Senare AB"}"#);
    company.ok(&["restore", &copy_path], "");
    assert_eq!(company.ok(&["company", "show"], "")["name"], "Före AB");
    let missing = company.bad("en", &["backup", "--to", "/no/such/folder"], "");
    assert!(
        missing["message"]
            .as_str()
            .expect("message")
            .contains("does not exist")
    );
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

/// The reported reproduction: a foreign customer with legal id `€123456789` and a valid German VAT
/// number made `customers add` exit 101 ("byte index 2 is not a char boundary").
#[test]
fn a_legal_id_with_multibyte_characters_never_panics() {
    let company = Company::new();
    for legal_id in ["€123456789", "€€€€", "ÅÄÖ1234567", "1€2345678901"] {
        let input = json!({
            "name": "Müller GmbH",
            "legal_id": legal_id,
            "vat_number": "DE123456789",
            "vat_treatment": "eu_services",
            "address": {"street": "Hauptstraße 1", "postal_code": "10115", "city": "Berlin",
                        "country_code": "DE"}
        });
        let output = company.run(&["customers", "add"], &input.to_string());
        assert!(
            matches!(output.status.code(), Some(0 | 2)),
            "{legal_id}: exit {:?}: {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn company_new_then_import_export_and_bookkeeping_from_the_command_line() {
    let company = Company::new();
    let folder = company.file.parent().expect("folder").to_path_buf();
    let recent = folder.join("recent.json");
    // A bad org number is refused and no file is made.
    let refused = company.bad(
        "sv",
        &["company", "new"],
        r#"{"name": "X AB", "org_number": "556721-2048"}"#,
    );
    assert_eq!(field_names(&refused), ["org_number"]);
    assert!(!company.file.exists());
    let made = Command::new(env!("CARGO_BIN_EXE_fakturera"))
        .arg("--db")
        .arg(&company.file)
        .args(["company", "new"])
        .env("FAKTURERA_RECENT_COMPANIES", &recent)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().expect("stdin").write_all(
                r#"{"name": "Åkesson Bygg AB", "org_number": "556721-2047", "vat_number": "SE556721204701"}"#
                    .as_bytes(),
            )?;
            child.wait_with_output()
        })
        .expect("runs");
    assert_eq!(made.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&recent)
            .expect("recent list")
            .contains("Åkesson Bygg AB")
    );
    let again = company.run(
        &["company", "new"],
        r#"{"name": "Y AB", "org_number": "556721-2047"}"#,
    );
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing file is never overwritten"
    );

    let csv = folder.join("kunder.csv");
    std::fs::write(&csv, "Kundnr;Namn;Postnr\n1;Ett AB;12345\n2;;1234\n").expect("csv");
    let dry = company.ok(
        &[
            "import",
            "customers",
            csv.to_str().expect("path"),
            "--dry-run",
        ],
        "",
    );
    assert_eq!(
        (dry["valid"].as_u64(), dry["problems"][0]["line"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(
        company
            .ok(&["customers", "list"], "")
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    let done = company.ok(&["import", "customers", csv.to_str().expect("path")], "");
    assert_eq!(done["outcome"]["added"], json!(1));
    let xlsx = folder.join("kunder.xlsx");
    let exported = company.ok(
        &["export", "customers", "--out", xlsx.to_str().expect("path")],
        "",
    );
    assert_eq!(exported["rows"], json!(1));
    assert!(std::fs::read(&xlsx).expect("xlsx").starts_with(b"PK"));

    // No invoices yet: the SIE export says so and writes nothing (exit 2).
    let sie = folder.join("x.si");
    let nothing = company.run(
        &[
            "sie",
            "export",
            "--period",
            "2026",
            "--out",
            sie.to_str().expect("path"),
        ],
        "",
    );
    assert_eq!(nothing.status.code(), Some(2));
    assert!(!sie.exists());
    let report = company.ok(&["vat", "report", "--period", "2026-K1"], "");
    assert_eq!(report["boxes"].as_array().map(Vec::len), Some(15));
    let bad_period = company.run(&["eu-sales", "export", "--period", "2026"], "");
    assert_eq!(bad_period.status.code(), Some(2));
    let settings = company.ok(
        &["bookkeeping", "set"],
        r#"{"accounts": [{"key": "bank", "account": "1920", "name": "Plusgiro"}]}"#,
    );
    let bank = settings["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["key"] == "bank")
        .cloned();
    assert_eq!(bank.map(|a| a["account"].clone()), Some(json!("1920")));
}
