//! The demo company is a true picture: its older invoices were delivered long ago, `send --all`
//! hands over the few recent ones (and the drafts) without refusing any, with the demo's e-invoice
//! receivers in the sandbox, and every issued demo invoice's e-invoice passes the official rules.

use autoinvoice_sandbox::{DEMO_CLIENT_ID, Sandbox, SandboxConfig};
use fakturera_app::App;
use fakturera_app::invoices::{InvoiceFilterCode, InvoiceListRequest};
use fakturera_core::Language;
use serde_json::Value;

use super::{ok, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_sends_every_invoice_and_every_e_invoice_validates() {
    let sandbox = Sandbox::start(SandboxConfig {
        receivers: SandboxConfig::demo(0).receivers,
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox");
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("Demo.fakturera");
    let url = sandbox.base_url();
    let (summary, sent, synced) = tokio::task::spawn_blocking({
        let file = file.clone();
        move || {
            let summary = ok(&run(&file, &["demo", "--today", "2026-11-26"], ""));
            ok(&run(
                &file,
                &[
                    "autoinvoice",
                    "set",
                    "--company-id",
                    DEMO_CLIENT_ID,
                    "--environment",
                    "sandbox",
                    "--url",
                    &url,
                    "--keys-from-stdin",
                ],
                "sandbox-api-key\nsandbox-vendor-key\n",
            ));
            let sent = ok(&run(
                &file,
                &["send", "--all", "--include-drafts", "--wait", "60"],
                "",
            ));
            let synced = ok(&run(&file, &["sync", "--wait", "60"], ""));
            (summary, sent, synced)
        }
    })
    .await
    .expect("joined");

    // Everything older than a week was delivered by its customer's channel when it was issued.
    let issued = summary["issued"].as_u64().expect("issued");
    let delivered_before = summary["delivered"].as_u64().expect("delivered");
    let drafts = summary["drafts"].as_u64().expect("drafts");
    let queued = sent["queued"].as_array().expect("queued").len() as u64;
    assert_eq!(sent["refused"], Value::Array(Vec::new()), "{sent}");
    assert!(
        queued > drafts && queued <= drafts + 4,
        "only the recent invoices and the drafts: {sent}"
    );
    assert_eq!(
        delivered_before + queued,
        issued + drafts,
        "{summary} {sent}"
    );
    assert_eq!(sent["pass"]["handed_over"].as_u64(), Some(queued), "{sent}");
    assert_eq!(
        synced["summary"]["delivered"].as_u64(),
        Some(issued + drafts),
        "{synced}"
    );
    let received = sandbox.state().lock().received();
    assert_eq!(received.len() as u64, queued);

    // Every issued demo invoice's e-invoice and the sandbox's copy of each sent one, one call.
    let app = App::open(&file, Language::Swedish).expect("opens");
    let folder = dir.path().join("ubl");
    std::fs::create_dir_all(&folder).expect("folder");
    let mut paths = Vec::new();
    let every_issued = InvoiceListRequest {
        filter: InvoiceFilterCode::Issued,
        limit: 500,
        ..Default::default()
    };
    let today = "2026-11-26".parse().expect("date");
    for row in app.list_invoices(&every_issued, today).expect("list").rows {
        let path = folder.join(format!("invoice-{}.xml", row.id));
        std::fs::write(&path, app.invoice_ubl(row.id).expect("ubl")).expect("written");
        paths.push(path);
    }
    for (index, upload) in received.iter().enumerate() {
        let upload = &upload.files[0];
        let xml = upload
            .zip_entries
            .iter()
            .find(|entry| entry.name.ends_with(".xml"))
            .map_or_else(|| upload.bytes.clone(), |entry| entry.bytes.clone());
        let path = folder.join(format!("received-{index}.xml"));
        std::fs::write(&path, xml).expect("written");
        paths.push(path);
    }
    assert_eq!(paths.len() as u64, issued + drafts + queued);
    let failing: Vec<String> = fakturera_official_validator::validate(&paths)
        .into_iter()
        .filter(|(_, verdict)| verdict.fatal != 0)
        .map(|(path, verdict)| format!("{}: {:?}", path.display(), verdict.fatal_ids()))
        .collect();
    assert!(failing.is_empty(), "{}", failing.join("\n"));
    sandbox.shutdown().await;
}
