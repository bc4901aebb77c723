//! The delivery subcommands one by one.

use fakturera_store::DeliveryChoice;

use super::{command, fixture, ok, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_test_send_sync_timeline_and_lookup() {
    let fixture = fixture(DeliveryChoice::EInvoice).await;
    let file = fixture.file.clone();
    let url = fixture.sandbox.base_url();
    let outcome = tokio::task::spawn_blocking(move || {
        // Keys from stdin are refused by the environment keychain unless they are the same keys.
        let set = run(
            &file,
            &[
                "autoinvoice",
                "set",
                "--company-id",
                autoinvoice_sandbox::DEMO_CLIENT_ID,
                "--environment",
                "sandbox",
                "--url",
                &url,
                "--keys-from-stdin",
            ],
            "sandbox-api-key\nsandbox-vendor-key\n",
        );
        let shown = ok(&set);
        assert_eq!(shown["has_api_key"], true);
        let printed = String::from_utf8_lossy(&set.stdout).to_string();
        assert!(!printed.contains("sandbox-api-key") && !printed.contains("sandbox-vendor-key"));

        let test = ok(&run(&file, &["autoinvoice", "test"], ""));
        assert_eq!(test["credentials_ok"], true, "{test}");
        assert_eq!(test["company_verified"], true, "{test}");

        let found = ok(&run(&file, &["lookup", "556721-2047"], ""));
        assert_eq!(found["found"], true);
        assert_eq!(found["recommended"], "einvoice");
        let bad = run(&file, &["lookup", "123"], "");
        assert_eq!(bad.status.code(), Some(2), "bad input exits 2");
        assert!(String::from_utf8_lossy(&bad.stderr).contains("org"));

        // FAKTURERA_KEYCHAIN takes the desktop app's words too, and a typo is named, not ignored.
        let memory = command(&file, &["autoinvoice", "test"])
            .env("FAKTURERA_KEYCHAIN", "memory")
            .output()
            .expect("the CLI runs");
        assert_eq!(ok(&memory)["credentials_ok"], true);
        let typo = command(&file, &["autoinvoice", "test"])
            .env("FAKTURERA_KEYCHAIN", "memroy")
            .output()
            .expect("the CLI runs");
        assert_eq!(
            typo.status.code(),
            Some(2),
            "an unknown keychain is bad input"
        );
        assert!(String::from_utf8_lossy(&typo.stderr).contains("FAKTURERA_KEYCHAIN=memroy"));
        file
    })
    .await
    .expect("joined");

    let ids = fixture.drafts(2);
    let file2 = outcome.clone();
    let sent = tokio::task::spawn_blocking(move || {
        let id = ids[0].to_string();
        let sent = ok(&run(&file2, &["send", &id], ""));
        assert_eq!(sent["queued"], serde_json::json!([ids[0]]));
        assert_eq!(sent["statuses"][0]["state"], "handed_over", "{sent}");
        // `sync` returns as soon as everything is settled; the long wait only keeps a slow machine
        // from cutting it short.
        let synced = ok(&run(&file2, &["sync", "--wait", "600"], ""));
        assert_eq!(synced["summary"]["delivered"], 1, "{synced}");
        let timeline = ok(&run(&file2, &["timeline", &id], ""));
        assert_eq!(timeline["status"]["label"], "Levererad (e-faktura)");
        let none = command(&file2, &["send"]).output().expect("runs");
        assert_eq!(none.status.code(), Some(2));

        // A copy by e-mail to another address, followed until it is delivered.
        let not_an_address = run(&file2, &["send-copy", &id, "--email", "revisor"], "");
        assert_eq!(not_an_address.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&not_an_address.stderr).contains("\"email\""));
        let copied = ok(&run(
            &file2,
            &[
                "send-copy",
                &id,
                "--email",
                "revisor@byran.se",
                "--wait",
                "600",
            ],
            "",
        ));
        assert_eq!(copied["status"]["state"], "delivered", "{copied}");
        assert!(
            copied["events"]
                .as_array()
                .expect("events")
                .iter()
                .any(|event| event["kind"] == "copy_sent"
                    && event["label"] == "Kopia skickad med e-post till revisor@byran.se"),
            "{copied}"
        );
        timeline
    })
    .await
    .expect("joined");
    assert_eq!(sent["status"]["channel"], "einvoice");
    assert_eq!(fixture.sandbox.state().lock().received().len(), 1);
    fixture.sandbox.shutdown().await;
}
