//! `invoices printers|print|print-all` through the real binary, printing for real on the virtual
//! CUPS PDF printer of `scripts/with-cups.sh`: the printed files are read back with pdftotext, the
//! history marks them, and letters AutoInvoice already posts are never printed again.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use fakturera_virtual_printer::{before_printing, printed_since, printer, text_of, wait_for_job};
use serde_json::{Value, json};

struct Company {
    _folder: tempfile::TempDir,
    file: PathBuf,
}

impl Company {
    fn with_demo_data() -> Company {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("company.fakturera");
        let company = Company {
            _folder: folder,
            file,
        };
        company.ok(&["demo", "--today", "2026-11-26"], None);
        company
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
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
        let mut input = child.stdin.take().expect("stdin");
        input
            .write_all(stdin.unwrap_or_default().as_bytes())
            .expect("stdin written");
        drop(input);
        child.wait_with_output().expect("the binary ends")
    }

    fn ok(&self, args: &[&str], stdin: Option<&str>) -> Value {
        let output = self.run(args, stdin);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("stdout is JSON")
    }

    /// Runs and expects exit code `code`, returning the error JSON from stderr.
    fn fails(&self, args: &[&str], code: i32) -> Value {
        let output = self.run(args, None);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        serde_json::from_slice(&output.stderr).expect("stderr is the error as JSON")
    }

    /// A new invoice to the demo's letter customer (1003), issued or left a draft.
    fn letter_invoice(&self, text: &str, issue: bool) -> i64 {
        let input = json!({"customer_number": "1003", "form": {"lines": [
            {"description": text, "quantity": "3", "unit": "tim", "unit_price": "850"}
        ]}});
        let draft = self.ok(&["invoices", "create", "-"], Some(&input.to_string()));
        let id = draft["id"].as_i64().expect("id");
        if issue {
            self.ok(&["invoices", "issue", &id.to_string()], None);
        }
        id
    }
}

fn number_of(receipt: &Value) -> u64 {
    receipt["number"]
        .as_str()
        .and_then(|number| number.parse().ok())
        .unwrap_or_else(|| panic!("a receipt names the invoice number: {receipt}"))
}

#[test]
fn print_all_prints_each_unposted_letter_once_in_number_order_and_print_logs_copies() {
    let printer = printer();
    let company = Company::with_demo_data();

    let printers = company.ok(&["invoices", "printers"], None);
    assert!(
        printers
            .as_array()
            .expect("a list")
            .iter()
            .any(|known| known["name"] == printer.as_str() && known["is_default"] == true),
        "{printers}"
    );

    let new_letter = company.letter_invoice("Utskrift från kommandoraden", true);
    let draft = company.letter_invoice("Ännu ett utkast", false);

    // What print-all must print: the letter customer's issued invoices AutoInvoice has not taken.
    let issued = company.ok(
        &[
            "invoices",
            "list",
            "--search",
            "Bergslagens",
            "--status",
            "issued",
            "--limit",
            "500",
        ],
        None,
    );
    let mut expected = Vec::new();
    let mut posted = 0;
    for row in issued["rows"].as_array().expect("rows") {
        let id = row["id"].as_i64().expect("id");
        let timeline = company.ok(&["timeline", &id.to_string()], None);
        match timeline["status"]["state"].as_str().expect("state") {
            "not_sent" | "failed" | "handled" => expected.push(id),
            _ => posted += 1,
        }
    }
    assert!(
        posted > 0,
        "the demo has letters AutoInvoice posted: {issued}"
    );
    assert!(expected.contains(&new_letter), "{expected:?}");

    let before = before_printing();
    let answer = company.ok(&["invoices", "print-all"], None);
    let receipts = answer["printed"].as_array().expect("printed").clone();
    let mut printed_ids: Vec<i64> = receipts
        .iter()
        .map(|receipt| receipt["invoice_id"].as_i64().expect("invoice_id"))
        .collect();
    let numbers: Vec<u64> = receipts.iter().map(number_of).collect();
    assert!(
        numbers.windows(2).all(|pair| pair[0] < pair[1]),
        "number order: {numbers:?}"
    );
    printed_ids.sort_unstable();
    expected.sort_unstable();
    assert_eq!(printed_ids, expected, "{answer}");
    for receipt in &receipts {
        assert_eq!(receipt["printer"], printer.as_str(), "the default printer");
        wait_for_job(receipt["job"].as_str().expect("job"));
    }
    let texts: Vec<String> = printed_since(before)
        .iter()
        .map(|path| text_of(path))
        .collect();
    let new_number = receipts
        .iter()
        .find(|receipt| receipt["invoice_id"] == new_letter)
        .map(number_of)
        .expect("the new letter was printed")
        .to_string();
    assert!(
        texts
            .iter()
            .any(|page| page.contains("Utskrift från kommandoraden")
                && page.contains(&new_number)
                && page.contains("Bergslagens Bageri HB")),
        "invoice {new_number} came out of the printer: {texts:?}"
    );
    let events = company.ok(&["invoices", "events", &new_letter.to_string()], None);
    assert!(
        events
            .as_array()
            .expect("events")
            .iter()
            .any(|event| event["kind"] == "printed"),
        "{events}"
    );

    // Printed once: a second run has nothing left.
    assert_eq!(
        company.ok(&["invoices", "print-all"], None),
        json!({"printed": []})
    );

    // A copy on a named printer is logged as a copy.
    let id = new_letter.to_string();
    let copy = company.ok(
        &["invoices", "print", &id, "--printer", &printer, "--copy"],
        None,
    );
    wait_for_job(copy["job"].as_str().expect("job"));
    let events = company.ok(&["invoices", "events", &id], None);
    assert!(
        events
            .as_array()
            .expect("events")
            .iter()
            .any(|event| event["kind"] == "printed_copy"),
        "{events}"
    );

    // Drafts, unknown invoices and unknown printers are refused with a message.
    let error = company.fails(&["invoices", "print", &draft.to_string()], 2);
    assert_eq!(error["code"], "conflict", "{error}");
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("Issue the invoice first"),
        "{error}"
    );
    assert_eq!(
        company.fails(&["invoices", "print", "987654"], 2)["code"],
        "not_found"
    );
    let error = company.fails(&["invoices", "print", &id, "--printer", "Finns-inte"], 1);
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("Printing failed"),
        "{error}"
    );
}
