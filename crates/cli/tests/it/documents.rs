//! `invoices pdf|ubl|check` through the real `fakturera` binary on a company file filled with the
//! demo data: the files are written, read back (pdftotext) and validated (the official validator);
//! bad ids and places fail with the documented exit codes and a message, never a panic.

use std::path::Path;
use std::process::Command;

use crate::demo_company::Company;

fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn an_issued_invoice_is_written_as_pdf_and_as_a_valid_e_invoice() {
    let company = Company::with_demo_data();
    let (id, number) = company.first("issued");
    let number = number.expect("issued invoices have numbers");
    let id_text = id.to_string();

    let pdf = company.path("faktura.pdf");
    let saved = company.ok(&[
        "invoices",
        "pdf",
        &id_text,
        "--out",
        pdf.to_str().expect("path"),
    ]);
    assert_eq!(saved["path"], pdf.display().to_string());
    assert!(saved["bytes"].as_u64().expect("bytes") > 5_000);
    let text = pdf_text(&pdf);
    assert!(
        text.contains(&number),
        "the PDF names invoice {number}:\n{text}"
    );

    let xml = company.path("faktura.xml");
    company.ok(&[
        "invoices",
        "ubl",
        &id_text,
        "--out",
        xml.to_str().expect("path"),
    ]);
    let content = std::fs::read_to_string(&xml).expect("xml");
    assert!(
        content.contains(&format!("<cbc:ID>{number}</cbc:ID>")),
        "{}",
        &content[..500.min(content.len())]
    );
    assert!(
        content.contains("mimeCode=\"application/pdf\""),
        "the PDF is embedded"
    );
    let verdict = fakturera_official_validator::validate_one(&xml);
    assert_eq!(verdict.fatal, 0, "{:?}", verdict.findings);

    let check = company.ok(&["invoices", "check", &id_text]);
    assert_eq!(check["checked"], true);
    assert!(check["findings"].is_array(), "{check}");
}

#[test]
fn drafts_missing_invoices_and_bad_places_fail_clearly() {
    let company = Company::with_demo_data();
    let (draft, _) = company.first("drafts");
    let draft = draft.to_string();
    let out = company.path("x.xml");
    let out = out.to_str().expect("path");

    let error = company.fails(&["invoices", "ubl", &draft, "--out", out], 2);
    assert_eq!(error["code"], "conflict");
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("Issue it first"),
        "{error}"
    );
    assert!(!Path::new(out).exists(), "nothing written for a draft");

    // A draft's PDF is its preview.
    let preview = company.path("utkast.pdf");
    company.ok(&[
        "invoices",
        "pdf",
        &draft,
        "--out",
        preview.to_str().expect("path"),
    ]);
    assert!(pdf_text(&preview).contains("DRAFT") || pdf_text(&preview).contains("UTKAST"));

    assert_eq!(
        company.fails(&["invoices", "pdf", "987654", "--out", out], 2)["code"],
        "not_found"
    );
    assert_eq!(
        company.fails(&["invoices", "check", "987654"], 2)["code"],
        "not_found"
    );
    let nowhere = company.path("no/such/folder/x.pdf");
    let (issued, _) = company.first("issued");
    let error = company.fails(
        &[
            "invoices",
            "pdf",
            &issued.to_string(),
            "--out",
            nowhere.to_str().expect("path"),
        ],
        1,
    );
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("could not be saved"),
        "{error}"
    );

    let usage = company.run(&["invoices", "pdf", "abc", "--out", out]);
    assert_eq!(usage.status.code(), Some(2), "clap refuses a non-number id");
}
