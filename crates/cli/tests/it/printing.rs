//! `invoices printers|print|print-all` through the real binary, printing for real on the virtual
//! CUPS PDF printer of `scripts/with-cups.sh`: the printed files are read back with pdftotext, the
//! history marks them, and letters AutoInvoice already posts are never printed again.

use fakturera_virtual_printer::{before_printing, printed_since, printer, text_of, wait_for_job};
use serde_json::{Value, json};

use crate::demo_company::Company;

/// A new invoice to the demo's letter customer (1003), issued or left a draft.
fn letter_invoice(company: &Company, text: &str, issue: bool) -> i64 {
    let input = json!({"customer_number": "1003", "form": {"lines": [
        {"description": text, "quantity": "3", "unit": "tim", "unit_price": "850"}
    ]}});
    let draft = company.ok_with_input(&["invoices", "create", "-"], &input.to_string());
    let id = draft["id"].as_i64().expect("id");
    if issue {
        company.ok(&["invoices", "issue", &id.to_string()]);
    }
    id
}

/// Asserts that invoice `id`'s history has an event of `kind`.
fn assert_history_has(company: &Company, id: i64, kind: &str) {
    let events = company.ok(&["invoices", "events", &id.to_string()]);
    assert!(
        events
            .as_array()
            .expect("events")
            .iter()
            .any(|event| event["kind"] == kind),
        "no {kind} event: {events}"
    );
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

    let printers = company.ok(&["invoices", "printers"]);
    assert!(
        printers
            .as_array()
            .expect("a list")
            .iter()
            .any(|known| known["name"] == printer.as_str() && known["is_default"] == true),
        "{printers}"
    );

    let new_letter = letter_invoice(&company, "Utskrift från kommandoraden", true);
    let draft = letter_invoice(&company, "Ännu ett utkast", false);

    // What print-all must print: the letter customer's issued invoices AutoInvoice has not taken.
    let issued = company.ok(&[
        "invoices",
        "list",
        "--search",
        "Bergslagens",
        "--status",
        "issued",
        "--limit",
        "500",
    ]);
    let mut expected = Vec::new();
    let mut posted = 0;
    for row in issued["rows"].as_array().expect("rows") {
        let id = row["id"].as_i64().expect("id");
        let timeline = company.ok(&["timeline", &id.to_string()]);
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
    let answer = company.ok(&["invoices", "print-all"]);
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
    assert_history_has(&company, new_letter, "printed");

    // Printed once: a second run has nothing left.
    assert_eq!(
        company.ok(&["invoices", "print-all"]),
        json!({"printed": []})
    );

    // A copy on a named printer is logged as a copy.
    let id = new_letter.to_string();
    let copy = company.ok(&["invoices", "print", &id, "--printer", &printer, "--copy"]);
    wait_for_job(copy["job"].as_str().expect("job"));
    assert_history_has(&company, new_letter, "printed_copy");

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
