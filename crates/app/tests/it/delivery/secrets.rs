//! The keys never leave the keychain: after a full round of settings, sending, polling, a failure
//! and a backup, neither key is in the company file (with its WAL), any backup, or any reply the
//! app gives a front end; and Debug of the settings form hides them.

use std::path::Path;

use fakturera_app::delivery::{AutoInvoiceSettingsForm, EnvironmentCode};
use fakturera_store::DeliveryChoice;

use super::{add_customer, draft, later, pass_until, setup};

const API_KEY: &str = "sandbox-api-key";
const VENDOR_KEY: &str = "sandbox-vendor-key";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keys_are_nowhere_but_the_keychain() {
    let setup = setup().await;
    let mut replies: Vec<String> = Vec::new();
    let mut keep = |value: &dyn erased::Json| replies.push(value.json());

    let form = AutoInvoiceSettingsForm {
        enabled: true,
        company_id: autoinvoice_sandbox::DEMO_CLIENT_ID.into(),
        environment: EnvironmentCode::Sandbox,
        sandbox_url: setup.sandbox.base_url(),
        concurrency: 3,
        api_key: API_KEY.into(),
        vendor_key: VENDOR_KEY.into(),
    };
    let debug = format!("{form:?}");
    assert!(
        !debug.contains(API_KEY) && !debug.contains(VENDOR_KEY),
        "{debug}"
    );
    keep(
        &setup
            .app
            .save_autoinvoice_settings(&form, setup.keychain.as_ref())
            .expect("saved"),
    );
    keep(
        &setup
            .app
            .autoinvoice_settings(setup.keychain.as_ref())
            .expect("view"),
    );
    keep(
        &setup
            .app
            .test_autoinvoice_connection(setup.keychain.as_ref())
            .await
            .expect("report"),
    );
    keep(
        &setup
            .app
            .lookup_receiver("5567212047", setup.keychain.as_ref(), later(0))
            .await
            .expect("lookup"),
    );

    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let ids = [draft(&setup, customer), draft(&setup, customer)];
    for id in ids {
        keep(&setup.app.send_invoice(id, later(0)).expect("queued"));
    }
    let issued = draft(&setup, customer);
    setup
        .app
        .issue_invoice(issued, "2026-05-04".parse().expect("date"), later(0))
        .expect("issued");
    keep(&setup.app.send_all_preview().expect("preview"));
    pass_until(&setup, 0, 10, |setup| {
        setup.app.delivery_status(ids[1]).expect("status").state
            == fakturera_app::delivery::DeliveryStateCode::Delivered
    })
    .await;
    for id in ids {
        keep(&setup.app.delivery_timeline(id).expect("timeline"));
    }
    keep(&setup.app.delivery_states(&ids).expect("states"));
    keep(&setup.app.delivery_notices().expect("notices"));
    // A failure's message and an error reply.
    setup.sandbox.state().lock().companies[0].verified = false;
    setup.app.send_invoice(issued, later(100)).expect("queued");
    setup.worker.run_once(later(100)).await.expect("pass");
    keep(&setup.app.delivery_timeline(issued).expect("timeline"));
    let error = setup
        .app
        .lookup_receiver("5567212047", setup.keychain.as_ref(), later(101))
        .await
        .expect_err("unverified");
    keep(&error);
    keep(&setup.app.backup_now(later(200)).expect("backup"));

    for reply in &replies {
        assert!(
            !reply.contains(API_KEY) && !reply.contains(VENDOR_KEY),
            "{reply}"
        );
    }
    assert!(replies.len() >= 14);
    let files = files_under(setup.dir.path());
    assert!(
        files
            .iter()
            .any(|file| file.to_string_lossy().contains("backup"))
            || files.len() > 2,
        "{files:?}"
    );
    for file in files {
        let bytes = std::fs::read(&file).expect("readable");
        assert!(
            !contains(&bytes, API_KEY) && !contains(&bytes, VENDOR_KEY),
            "a key is in {}",
            file.display()
        );
    }
    // The keychain does hold them.
    use fakturera_app::keychain::{Keychain, SecretName};
    let stored = setup
        .keychain
        .read(&SecretName::VendorKey)
        .expect("read")
        .expect("present");
    assert_eq!(stored.expose(), VENDOR_KEY);
    setup.sandbox.shutdown().await;
}

/// Every reply type as JSON, the way IPC sends it.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).expect("serialises")
        }
    }
}

/// The token request carries both keys, so the "sandbox" may only be this computer: a remote
/// address is refused when typed, and when a company file already holds one nothing is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keys_are_never_sent_to_a_sandbox_off_this_computer() {
    let setup = setup().await;
    for remote in [
        "http://192.0.2.10:8787",
        "https://ax.example.com",
        "http://localhost.example.com:8787",
        "http://user:pw@127.0.0.1:8787",
    ] {
        let form = AutoInvoiceSettingsForm {
            enabled: true,
            company_id: autoinvoice_sandbox::DEMO_CLIENT_ID.into(),
            environment: EnvironmentCode::Sandbox,
            sandbox_url: remote.into(),
            concurrency: 4,
            api_key: String::new(),
            vendor_key: String::new(),
        };
        let error = setup
            .app
            .save_autoinvoice_settings(&form, setup.keychain.as_ref())
            .expect_err(remote);
        assert_eq!(error.fields[0].field, "sandbox_url", "{remote}: {error:?}");
    }

    // A file that says otherwise (an older version, or edited by hand).
    setup
        .app
        .with_store(|store| {
            store.set_autoinvoice_settings(
                fakturera_store::AutoInvoiceEnvironment::Sandbox,
                "http://192.0.2.10:8787",
                4,
            )
        })
        .expect("planted");
    let refused = setup
        .app
        .test_autoinvoice_connection(setup.keychain.as_ref())
        .await
        .expect_err("not this computer");
    assert_eq!(refused.code, fakturera_app::ErrorCode::InvalidInput);
    let customer = add_customer(&setup, "Mejla AB", "5560360793", DeliveryChoice::Email);
    let id = draft(&setup, customer);
    setup.app.send_invoice(id, later(0)).expect("queued");
    let report = setup.worker.run_once(later(1)).await.expect("pass");
    assert!(report.paused, "{report:?}");
    let status = setup.app.delivery_status(id).expect("status");
    assert!(
        status
            .detail
            .as_deref()
            .is_some_and(|detail| detail.contains("127.0.0.1")),
        "{status:?}"
    );
    assert!(
        setup.sandbox.state().lock().calls.is_empty(),
        "nothing was sent anywhere"
    );
    setup.sandbox.shutdown().await;
}
