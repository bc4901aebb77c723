//! The behaviours the sandbox copies from the real AX API (crates/sandbox/README.md lists each with
//! its source): the `uuid` as the invoice id, refusals of a reused or malformed `uuid`, lowercase
//! error codes, optional `format`, the real `files[]` and amount fields, 200 for a reroute, array
//! parameters of the lookup, full timestamps in lists, the company's authorization state and print
//! settings, and attachment names in a ZIP.

use crate::support::{INVOICE_XML, invoice_form, read, start, token, uuid_for};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use std::io::Write;

async fn upload(http: &reqwest::Client, base: &str, token: &str, form: Form) -> (u16, Value) {
    let response = http
        .post(format!("{base}/v1/invoices"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await;
    read(response.expect("upload")).await
}

async fn get(http: &reqwest::Client, url: String, token: &str) -> (u16, Value) {
    read(http.get(url).bearer_auth(token).send().await.expect("call")).await
}

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("zip").into_inner()
}

#[tokio::test]
async fn the_uuid_is_the_id_and_a_reused_uuid_is_refused_as_configured() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let (status, invoice) = upload(&http, &base, &token, invoice_form("once", &[])).await;
    assert_eq!(status, 201, "{invoice}");
    assert_eq!(invoice["id"], uuid_for("once"));
    let control = format!("{base}/_sandbox/duplicate-answer");
    let cases = [
        (None, 422, "invoice_duplicate_uuid"),
        (Some(409), 409, "conflict"),
        (Some(400), 400, "invalid_parameters"),
        (Some(422), 422, "invoice_duplicate_uuid"),
    ];
    for (configured, status, code) in cases {
        if let Some(configured) = configured {
            let answer = http
                .put(&control)
                .json(&json!({ "status": configured }))
                .send()
                .await
                .expect("control");
            assert_eq!(answer.status().as_u16(), 204);
        }
        let (got, body) = upload(&http, &base, &token, invoice_form("once", &[])).await;
        assert_eq!((got, body["code"].as_str()), (status, Some(code)), "{body}");
        let code = body["code"].as_str().unwrap_or_default();
        assert_eq!(code, code.to_ascii_lowercase(), "codes are lowercase");
    }
    let refused = http
        .put(&control)
        .json(&json!({ "status": 500 }))
        .send()
        .await
        .expect("control");
    assert_eq!(refused.status().as_u16(), 400);
    assert_eq!(sandbox.state().lock().received().len(), 1, "one copy");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_uuid_that_is_not_a_uuid_is_refused_and_format_is_optional() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let xml = || Part::bytes(INVOICE_XML.as_bytes().to_vec()).file_name("f10045.xml");
    let (status, body) = upload(
        &http,
        &base,
        &token,
        Form::new()
            .part("file", xml())
            .text("uuid", "invoice-10045"),
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (400, Some("uuid is invalid"))
    );
    let (status, body) = upload(
        &http,
        &base,
        &token,
        Form::new()
            .part("file", xml())
            .text("uuid", uuid_for("no-format")),
    )
    .await;
    assert_eq!(status, 201, "format is optional: {body}");
    let (status, body) = upload(&http, &base, &token, Form::new().part("file", xml())).await;
    assert_eq!(status, 201, "{body}");
    assert!(
        body["id"]
            .as_str()
            .is_some_and(|id| uuid::Uuid::parse_str(id).is_ok()),
        "without a uuid the operator makes one: {body}"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn the_invoice_has_the_real_files_and_amount_fields() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let pdf = b"%PDF-1.7 image".as_slice();
    let bundle = zip(&[
        ("faktura_10045.xml", INVOICE_XML.as_bytes()),
        ("faktura_10045.pdf", pdf),
        ("bilaga_1.pdf", b"%PDF-1.7 attachment"),
    ]);
    let form = Form::new()
        .part("file", Part::bytes(bundle).file_name("faktura_10045.zip"))
        .text("uuid", uuid_for("files"));
    let (status, invoice) = upload(&http, &base, &token, form).await;
    assert_eq!(status, 201, "{invoice}");
    assert!(
        invoice["sum"].is_number() && invoice["sum_tax"].is_number(),
        "{invoice}"
    );
    assert_eq!(invoice["sum"], json!(1000.0), "without VAT");
    assert_eq!(invoice["sum_tax"], json!(1250.0), "with VAT, not the VAT");
    assert_eq!(invoice["source_format"], "PEPPOLBIS30");
    let files = invoice["files"].as_array().expect("files");
    let names: Vec<&str> = files
        .iter()
        .filter_map(|file| file["filename"].as_str())
        .collect();
    assert_eq!(
        names,
        ["faktura_10045.xml", "faktura_10045.pdf", "bilaga_1.pdf"]
    );
    for file in files {
        let keys: Vec<&String> = file.as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            ["filename", "href", "id", "mimetype", "type"],
            "{file}"
        );
    }
    assert_eq!(files[0]["type"], "PEPPOLBIS30");
    assert_eq!(files[1]["mimetype"], "application/pdf");
    let href = files[1]["href"].as_str().expect("href");
    let content = http
        .get(format!("{base}{href}"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("file");
    assert_eq!(content.status().as_u16(), 200);
    assert_eq!(content.bytes().await.expect("bytes").as_ref(), pdf);
    let received = sandbox.state().lock().received();
    assert_eq!(received[0].image.as_deref(), Some("faktura_10045.pdf"));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn attachment_names_outside_a_to_z_digits_dot_and_underscore_are_refused() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let long = format!("{}.pdf", "a".repeat(47));
    for name in [
        "Faktura-10045.pdf",
        "faktura 10045.pdf",
        "fåktura.pdf",
        long.as_str(),
    ] {
        let bundle = zip(&[("f10045.xml", INVOICE_XML.as_bytes()), (name, b"%PDF")]);
        let form = Form::new()
            .part("file", Part::bytes(bundle).file_name("f10045.zip"))
            .text("uuid", uuid_for(name));
        let (status, body) = upload(&http, &base, &token, form).await;
        assert_eq!(status, 400, "{name}: {body}");
        assert!(
            body["message"].as_str().unwrap_or_default().contains(name),
            "the refusal names the file: {body}"
        );
    }
    assert!(sandbox.state().lock().received().is_empty());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_reroute_answers_200() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let (_, invoice) = upload(&http, &base, &token, invoice_form("reroute", &[])).await;
    let id = invoice["id"].as_str().expect("id");
    let answer = http
        .put(format!("{base}/v1/invoices/{id}/reroute/email"))
        .bearer_auth(&token)
        .json(&json!({"recipient_email": "ekonomi@kund.se"}))
        .send()
        .await
        .expect("reroute");
    assert_eq!(answer.status().as_u16(), 200);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn the_lookup_takes_arrays_and_requires_a_network() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    http.post(format!("{base}/_sandbox/receivers"))
        .json(&json!([
            {"bid": "5567212047", "eia": "0007:5567212047", "name": "Kund AB"},
            {"bid": "5560360793", "eia": "0007:5560360793", "network": "INTERNAL", "operator": "MAVENTA"},
            {"bid": "998877665", "eia": "0192:998877665", "country": "NO"}
        ]))
        .send()
        .await
        .expect("seed");
    let lookup = |query: &str| get(&http, format!("{base}/v1/lookup/receivers?{query}"), &token);
    let cases: [(&str, u16, Option<&str>); 8] = [
        (
            "bid=5567212047&country[]=SE",
            400,
            Some("network is missing"),
        ),
        (
            "bid=5567212047&network=PEPPOL",
            400,
            Some("network is invalid"),
        ),
        (
            "bid=5567212047&network[]=PEPPOL&country=SE",
            400,
            Some("country is invalid"),
        ),
        (
            "bid=5567212047&network[]=PEPPOL&country[]=SE",
            200,
            Some("0007:5567212047"),
        ),
        (
            "eia=0007:5567212047&network[]=PEPPOL&network[]=INTERNAL",
            200,
            Some("0007:5567212047"),
        ),
        ("bid=5560360793&network[]=PEPPOL", 200, None),
        (
            "bid=5560360793&network[]=PEPPOL&network[]=INTERNAL&country[]=SE",
            200,
            Some("0007:5560360793"),
        ),
        (
            "bid=998877665&network[]=PEPPOL&country[]=SE&country[]=NO",
            200,
            Some("0192:998877665"),
        ),
    ];
    for (query, status, expected) in cases {
        let (got, body) = lookup(query).await;
        assert_eq!(got, status, "{query}: {body}");
        let found = if status == 200 {
            body[0]["eia"].as_str()
        } else {
            body["message"].as_str()
        };
        assert_eq!(found, expected, "{query}: {body}");
    }
    let (_, body) = lookup("bid=5567212047&network[]=PEPPOL").await;
    assert_eq!(body[0]["identifier"]["scheme"], "0007");
    assert_eq!(body[0]["document_types"][0]["document_type"], "INVOICE");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn lists_take_full_timestamps_and_a_number() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    upload(&http, &base, &token, invoice_form("listed", &[])).await;
    let list = |query: &str| {
        get(
            &http,
            format!("{base}/v1/invoices?direction=SENT&{query}"),
            &token,
        )
    };
    let (status, body) = list("created_at_start=2026-01-01").await;
    assert_eq!(
        (status, body["message"].as_str()),
        (400, Some("created_at_start is invalid"))
    );
    let (status, body) = list("created_at_start=2000-01-01T00:00:00Z&number=10045").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.as_array().map(Vec::len), Some(1));
    let (_, body) = list("created_at_start=2000-01-01T00:00:00Z&number=99").await;
    assert_eq!(body.as_array().map(Vec::len), Some(0));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn the_authorization_state_answers_an_unverified_company_too() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let authorization = format!("{base}/v1/company/authorization");
    let (status, body) = get(&http, authorization.clone(), &token).await;
    assert_eq!(
        (status, body["company_state"].as_str()),
        (200, Some("VERIFIED"))
    );
    sandbox.state().lock().companies[0].verified = false;
    let (status, body) = get(&http, authorization, &token).await;
    assert_eq!(
        (status, body["company_state"].as_str()),
        (200, Some("UNVERIFIED"))
    );
    let (status, body) = get(&http, format!("{base}/v1/invoices"), &token).await;
    assert_eq!(
        (status, body["code"].as_str(), body["message"].as_str()),
        (401, Some("unauthorized"), Some("Unauthorized")),
        "the documentation: an unverified company gets Unauthorized"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn own_pdf_is_read_and_set_through_the_company_settings() {
    let (sandbox, http) = start().await;
    let base = sandbox.base_url();
    let token = token(&http, &base).await;
    let settings = format!("{base}/v1/company/settings");
    let (status, body) = get(
        &http,
        format!("{settings}?fields[]=send_invoice_print"),
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["send_invoice_print"]["use_own_pdf"], false,
        "off until set"
    );
    let patch = |body: Value| http.patch(&settings).bearer_auth(&token).json(&body).send();
    let answer = patch(json!({"send_invoice_print": {"use_own_pdf": "yes"}}))
        .await
        .expect("patch");
    assert_eq!(answer.status().as_u16(), 400);
    let answer = patch(json!({"send_invoice_print": {"use_own_pdf": true}}))
        .await
        .expect("patch");
    assert_eq!(answer.status().as_u16(), 204);
    let (_, body) = get(&http, settings.clone(), &token).await;
    assert_eq!(body["send_invoice_print"]["use_own_pdf"], true);

    // A letter is now printed from the upload's image, the PDF with the XML's base name.
    let bundle = zip(&[
        ("faktura_1.xml", INVOICE_XML.as_bytes()),
        ("faktura_1.pdf", b"%PDF-1.7"),
    ]);
    let form = Form::new()
        .part("file", Part::bytes(bundle).file_name("faktura_1.zip"))
        .text("uuid", uuid_for("letter"))
        .text("disabled_routes[]", "einvoice")
        .text("disabled_routes[]", "email");
    let (_, invoice) = upload(&http, &base, &token, form).await;
    let id = invoice["id"].as_str().expect("id");
    let (_, invoice) = get(&http, format!("{base}/v1/invoices/{id}"), &token).await;
    let sent = invoice["actions"]
        .as_array()
        .and_then(|actions| actions.iter().find(|action| action["type"] == "SENT"))
        .map(|action| action["message"].clone());
    assert_eq!(
        sent,
        Some(json!(
            "Sent by PRINT, printed from the invoice image faktura_1.pdf"
        ))
    );
    sandbox.shutdown().await;
}
