//! Runs the AutoInvoice client's whole cycle against a real AX server (by default the test service,
//! ax-stage.maventa.com) and prints which of our assumptions about the real API held. It is what
//! `scripts/ax-stage-check.sh` runs; it is not part of CI, which has no network.
//!
//! It makes a real invoice with Fakturera's own pipeline (a temporary company file, the Peppol UBL
//! and the PDF), then: token, the company's authorization state, a receiver lookup, the invoice
//! sent by e-mail to your own address with a fresh `uuid`, the same `uuid` sent again (it must be
//! recognised as already sent), the invoice's shape, a list query, and polling to a final status.
//!
//! Settings (environment):
//! - `FAKTURERA_AX_COMPANY_ID` (required): the AutoInvoice company id (a UUID).
//! - `FAKTURERA_AX_EMAIL` (required): your own address; the test invoice is e-mailed there.
//! - `FAKTURERA_AX_API_KEY`, `FAKTURERA_AX_VENDOR_KEY`: the keys; when unset, read from the OS
//!   keychain where Fakturera keeps them (the released app's entry first, then the dev build's).
//! - `FAKTURERA_AX_BASE_URL`: default `https://ax-stage.maventa.com`.
//! - `FAKTURERA_AX_LOOKUP_ORG`: an organisation number known to receive e-invoices (default
//!   5567212047, the sandbox's demo receiver).
//! - `FAKTURERA_AX_WAIT_SECONDS` (default 900) and `FAKTURERA_AX_POLL_SECONDS` (default 10).
//!
//! Exit code: 0 when every checked assumption held, 1 when one did not, 2 for missing settings.

use std::time::{Duration, Instant};

use chrono::Utc;
use fakturera_app::App;
use fakturera_app::keychain::{Keychain, OsKeychain, SecretName};
use fakturera_autoinvoice::{
    AxClient, AxConfig, AxError, CompanyState, Credentials, Document, FoundBy, InvoiceIdentity,
    InvoiceStatus, Language, ListQuery, Routing, Secret, SendInvoice, SendOutcome, TEST_URL,
    file_stem, zip_invoice,
};
use fakturera_core::samples;
use fakturera_store::{Company, Customer, DeliveryChoice};
use serde_json::Value;

/// What became of one assumption.
enum Verdict {
    Holds,
    Differs,
    Info,
}

#[derive(Default)]
struct Report {
    lines: Vec<(Verdict, String)>,
}

impl Report {
    fn check(&mut self, holds: bool, text: impl Into<String>) {
        let verdict = if holds {
            Verdict::Holds
        } else {
            Verdict::Differs
        };
        self.lines.push((verdict, text.into()));
        self.print_last();
    }

    fn info(&mut self, text: impl Into<String>) {
        self.lines.push((Verdict::Info, text.into()));
        self.print_last();
    }

    fn print_last(&self) {
        if let Some((verdict, text)) = self.lines.last() {
            let tag = match verdict {
                Verdict::Holds => "[holds]  ",
                Verdict::Differs => "[DIFFERS]",
                Verdict::Info => "[info]   ",
            };
            println!("{tag} {text}");
        }
    }

    fn differs(&self) -> usize {
        self.lines
            .iter()
            .filter(|(verdict, _)| matches!(verdict, Verdict::Differs))
            .count()
    }

    fn holds(&self) -> usize {
        self.lines
            .iter()
            .filter(|(verdict, _)| matches!(verdict, Verdict::Holds))
            .count()
    }
}

fn setting(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// A key from the environment, else from the OS keychain under the released app's service name,
/// then the development build's.
fn key(variable: &str, name: &SecretName) -> Option<Secret> {
    if let Some(value) = setting(variable) {
        return Some(Secret::new(value));
    }
    ["se.fakturera.desktop", "se.fakturera.desktop.dev"]
        .into_iter()
        .find_map(|service| OsKeychain::new(service).read(name).ok().flatten())
        .filter(|secret| !secret.is_empty())
}

fn describe(error: &AxError) -> String {
    match error {
        AxError::Permanent {
            status,
            code,
            message,
            ..
        } => format!(
            "HTTP {} code {:?}: {message}",
            status.map_or("-".to_owned(), |status| status.to_string()),
            code.as_deref().unwrap_or("")
        ),
        AxError::Transient { detail, .. } => detail.clone(),
    }
}

/// The test invoice made by Fakturera itself: the UBL and the PDF of an issued invoice to a
/// customer whose e-mail is `email`, in a throwaway company file.
fn test_invoice(email: &str) -> Result<(String, Vec<u8>, Vec<u8>, InvoiceIdentity), String> {
    let folder = tempfile::tempdir().map_err(|error| error.to_string())?;
    let app = App::open(
        folder.path().join("ax-check.fakturera"),
        fakturera_core::Language::Swedish,
    )
    .map_err(|error| error.message)?;
    let now = Utc::now();
    let today = now.date_naive();
    let id = app
        .with_store(|store| {
            let seller = samples::seller();
            let company = Company {
                name: seller.name,
                org_number: seller.org_number,
                vat_number: seller.vat_number,
                f_tax_approved: true,
                address: seller.address,
                contact_name: seller.contact_name,
                bankgiro: seller.bankgiro,
                email: seller.email,
                ..store.company()?
            };
            store.set_company(&company)?;
            let number = store.next_customer_number()?;
            let customer = Customer {
                legal_id: "5560360793".into(),
                vat_number: "SE556036079301".into(),
                address: samples::domestic_buyer().address,
                email: email.to_owned(),
                buyer_reference: "AX-CHECK".into(),
                delivery_choice: DeliveryChoice::Email,
                ..Customer::new(number, "Fakturera AX-kontroll")
            };
            let customer = store.add_customer(&customer)?;
            store.create_draft(customer, &samples::domestic_invoice(today), now)
        })
        .map_err(|error| error.message)?;
    app.issue_invoice(id.0, today, now)
        .map_err(|error| error.message)?;
    let documents = app.issued_documents(id.0).map_err(|error| error.message)?;
    let stored = app
        .with_store(|store| store.invoice(id))
        .map_err(|error| error.message)?;
    let number = stored.invoice.number.clone().unwrap_or_default();
    let identity = InvoiceIdentity {
        number: number.clone(),
        date: Some(stored.invoice.issue_date.to_string()),
        total_with_tax: Some(stored.invoice.totals().tax_inclusive),
    };
    Ok((number, documents.xml.into_bytes(), documents.pdf, identity))
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let base_url = setting("FAKTURERA_AX_BASE_URL").unwrap_or_else(|| TEST_URL.to_owned());
    let (Some(company_id), Some(email)) = (
        setting("FAKTURERA_AX_COMPANY_ID"),
        setting("FAKTURERA_AX_EMAIL"),
    ) else {
        eprintln!(
            "Set FAKTURERA_AX_COMPANY_ID (your AutoInvoice company id) and FAKTURERA_AX_EMAIL (your own address)."
        );
        return std::process::ExitCode::from(2);
    };
    let api_key = key(
        "FAKTURERA_AX_API_KEY",
        &SecretName::ApiKey {
            company_id: company_id.clone(),
        },
    );
    let vendor_key = key("FAKTURERA_AX_VENDOR_KEY", &SecretName::VendorKey);
    let (Some(api_key), Some(vendor_api_key)) = (api_key, vendor_key) else {
        eprintln!(
            "No API key or vendor key: set FAKTURERA_AX_API_KEY and FAKTURERA_AX_VENDOR_KEY, or save them in Fakturera (Inställningar > AutoInvoice)."
        );
        return std::process::ExitCode::from(2);
    };
    let lookup_org = setting("FAKTURERA_AX_LOOKUP_ORG").unwrap_or_else(|| "5567212047".into());
    let seconds = |name: &str, default: u64| {
        setting(name)
            .and_then(|text| text.parse().ok())
            .map_or(Duration::from_secs(default), Duration::from_secs)
    };
    let wait = seconds("FAKTURERA_AX_WAIT_SECONDS", 900);
    let poll = seconds("FAKTURERA_AX_POLL_SECONDS", 10);
    println!("AutoInvoice check against {base_url} (company {company_id})");
    let client = match AxClient::new(
        AxConfig::new(base_url.clone()),
        Credentials {
            company_id,
            api_key,
            vendor_api_key,
        },
    ) {
        Ok(client) => client,
        Err(error) => {
            eprintln!("{}", error.describe().en);
            return std::process::ExitCode::from(2);
        }
    };
    let mut report = Report::default();
    run(&client, &email, &lookup_org, wait, poll, &mut report).await;
    println!(
        "\n{} assumptions held, {} did not. Paste this report into issue 15 if any did not.",
        report.holds(),
        report.differs()
    );
    if report.differs() == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

async fn run(
    client: &AxClient,
    email: &str,
    lookup_org: &str,
    wait: Duration,
    poll: Duration,
    report: &mut Report,
) {
    // 1. Token and the company's authorization state.
    match client.check_connection().await {
        Ok(authorization) => {
            report.check(
                true,
                "the token endpoint takes our form (client_credentials, vendor_api_key, scope eui)",
            );
            report.check(
                authorization.company_state != CompanyState::Unknown
                    || authorization.auth_state.is_some(),
                format!(
                    "GET /v1/company/authorization answers company_state: {} (auth_state {})",
                    authorization.company_state.as_str(),
                    authorization.auth_state.as_deref().unwrap_or("-")
                ),
            );
            if authorization.company_state != CompanyState::Verified {
                report.info("the company is not VERIFIED: sending is expected to be refused with Unauthorized");
            }
        }
        Err(error) => {
            report.check(
                false,
                format!("token or company state: {}", describe(&error)),
            );
            return;
        }
    }
    match client.print_settings().await {
        Ok(print) => report.check(
            print.use_own_pdf.is_some(),
            format!(
                "GET /v1/company/settings has send_invoice_print.use_own_pdf ({:?}; the app turns it on before the first letter)",
                print.use_own_pdf
            ),
        ),
        Err(error) => report.check(false, format!("GET /v1/company/settings: {}", describe(&error))),
    }

    // 2. The receiver lookup.
    match client.lookup_receivers(lookup_org, "SE").await {
        Ok(hits) => {
            report.check(
                true,
                "GET /v1/lookup/receivers takes network[] and country[] as arrays",
            );
            let best = fakturera_autoinvoice::best_receiver(&hits);
            report.info(format!(
                "lookup of {lookup_org}: {} hit(s); best {}",
                hits.len(),
                best.map_or("none".to_owned(), |hit| format!(
                    "{} ({}, {})",
                    hit.eia.as_deref().unwrap_or("-"),
                    hit.network.as_deref().unwrap_or("-"),
                    hit.operator.as_deref().unwrap_or("-")
                ))
            ));
        }
        Err(error) => report.check(false, format!("receiver lookup: {}", describe(&error))),
    }
    let digits: String = lookup_org.chars().filter(char::is_ascii_digit).collect();
    if let Ok((status, _)) = client
        .raw_get(
            "v1/lookup/receivers",
            &[("bid", &digits), ("network[]", "PEPPOL"), ("country", "SE")],
        )
        .await
    {
        report.info(format!(
            "a single country=SE (not country[]) answers HTTP {status} (Grape refuses it with 400)"
        ));
    }

    // 3. Send by e-mail with a fresh uuid, then the same uuid again.
    let (number, xml, pdf, identity) = match test_invoice(email) {
        Ok(made) => made,
        Err(message) => {
            report.check(false, format!("making the test invoice: {message}"));
            return;
        }
    };
    let stem = file_stem(&format!("faktura_{number}"));
    let Ok(bundle) = zip_invoice(&stem, &xml, &pdf) else {
        report.check(false, "packing the ZIP");
        return;
    };
    let request = SendInvoice {
        uuid: uuid::Uuid::new_v4().to_string(),
        document: Document::Zip {
            filename: format!("{stem}.zip"),
            bytes: bundle,
        },
        language: Language::Swedish,
        routing: Routing::Email {
            address: email.to_owned(),
        },
        sender_comment: Some("Fakturera: test of the AutoInvoice integration".into()),
        earlier_attempt: false,
        identity: Some(identity),
    };
    let sent = match client.send_invoice(&request).await {
        Ok(SendOutcome::Accepted(invoice)) => *invoice,
        Ok(other) => {
            report.check(
                false,
                format!("a fresh uuid was taken for a resend: {other:?}"),
            );
            return;
        }
        Err(error) => {
            report.check(false, format!("POST /v1/invoices: {}", describe(&error)));
            return;
        }
    };
    report.check(
        true,
        format!("POST /v1/invoices took invoice {number} (ZIP {stem}.zip) by e-mail to {email}"),
    );
    report.check(
        sent.id == request.uuid,
        format!(
            "the invoice id is our uuid (id {}, uuid {})",
            sent.id, request.uuid
        ),
    );
    let mut resend = request.clone();
    resend.earlier_attempt = true;
    match client.send_invoice(&resend).await {
        Ok(SendOutcome::AlreadySent {
            id,
            refused_with: (status, code),
            found_by,
        }) => {
            report.check(
                true,
                format!(
                    "the same uuid again is recognised as already sent (refused with HTTP {status} code {:?}, found {found_by:?}, id {id})",
                    code.as_deref().unwrap_or("")
                ),
            );
            report.check(
                status == 422 && code.as_deref().is_some_and(|code| code == code.to_ascii_lowercase()),
                format!(
                    "a reused uuid is refused with 422 and a lowercase code, the sandbox's default (got HTTP {status} {:?})",
                    code.as_deref().unwrap_or("")
                ),
            );
            report.check(
                found_by == FoundBy::Uuid,
                "GET /v1/invoices/{uuid} finds the invoice",
            );
            let mut plain = request.clone();
            plain.earlier_attempt = false;
            let recognised = matches!(
                client.send_invoice(&plain).await,
                Ok(SendOutcome::AlreadySent { .. })
            );
            report.info(format!(
                "without knowing of an earlier attempt the refusal is {} (the outbox always knows)",
                if recognised {
                    "recognised as a duplicate too"
                } else {
                    "not recognisable by itself"
                }
            ));
        }
        Ok(SendOutcome::Accepted(invoice)) => report.check(
            false,
            format!(
                "the same uuid was accepted again as {}: a second copy exists",
                invoice.id
            ),
        ),
        Err(error) => report.check(false, format!("the resend: {}", describe(&error))),
    }

    // 4. The invoice's shape, raw.
    let id = sent.id.clone();
    match client.raw_get(&format!("v1/invoices/{id}"), &[]).await {
        Ok((200, body)) => shape(&body, report),
        Ok((status, _)) => report.check(
            false,
            format!("GET /v1/invoices/{id} answered HTTP {status}"),
        ),
        Err(error) => report.check(
            false,
            format!("GET /v1/invoices/{id}: {}", describe(&error)),
        ),
    }
    let query = ListQuery {
        created_at_start: Some(Utc::now() - chrono::Duration::hours(1)),
        number: Some(number.clone()),
        ..ListQuery::default()
    };
    match client.list_invoices(&query).await {
        Ok(listed) => report.check(
            listed.iter().any(|invoice| invoice.id == id),
            format!("GET /v1/invoices with an ISO 8601 created_at_start and number={number} lists it ({} found)", listed.len()),
        ),
        Err(error) => report.check(false, format!("the list query: {}", describe(&error))),
    }

    // 5. Poll to a final status.
    let started = Instant::now();
    loop {
        match client.invoice(&id).await {
            Ok(invoice) if invoice.status != InvoiceStatus::Pending => {
                let last = invoice
                    .actions
                    .last()
                    .and_then(|action| action.message.clone());
                report.check(
                    invoice.status == InvoiceStatus::Delivered,
                    format!(
                        "the invoice ended {} after {} s ({})",
                        invoice.status.as_str(),
                        started.elapsed().as_secs(),
                        last.unwrap_or_default()
                    ),
                );
                break;
            }
            Ok(_) if started.elapsed() >= wait => {
                report.info(format!(
                    "still PENDING after {} s; check the e-mail later",
                    wait.as_secs()
                ));
                break;
            }
            Ok(_) => tokio::time::sleep(poll).await,
            Err(error) => {
                report.check(false, format!("polling: {}", describe(&error)));
                break;
            }
        }
    }
}

/// Checks the raw invoice JSON against the fields we read.
fn shape(body: &[u8], report: &mut Report) {
    let Ok(invoice) = serde_json::from_slice::<Value>(body) else {
        report.check(false, "the invoice is not JSON");
        return;
    };
    let (sum, sum_tax) = (&invoice["sum"], &invoice["sum_tax"]);
    report.check(
        sum.is_number() && sum_tax.is_number(),
        format!("sum and sum_tax are JSON numbers (sum {sum}, sum_tax {sum_tax})"),
    );
    let amount = |value: &Value| {
        value
            .to_string()
            .trim_matches('"')
            .parse::<rust_decimal::Decimal>()
            .ok()
    };
    let with_tax = match (amount(sum), amount(sum_tax)) {
        (Some(sum), Some(sum_tax)) => sum_tax > sum,
        _ => false,
    };
    report.check(with_tax, "sum_tax is the total with VAT (greater than sum)");
    let files = invoice["files"].as_array().cloned().unwrap_or_default();
    let named = files.iter().all(|file| {
        ["id", "filename", "type", "mimetype", "href"]
            .iter()
            .all(|key| file.get(key).is_some())
    });
    report.check(
        !files.is_empty() && named,
        format!(
            "files[] have id, filename, type, mimetype, href ({})",
            files
                .iter()
                .map(|file| format!("{} {}", file["filename"], file["type"]))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
    report.check(
        invoice["actions"].is_array(),
        "the invoice carries its actions (no separate /actions call needed)",
    );
}
