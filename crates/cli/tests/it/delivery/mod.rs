//! `fakturera send|sync|timeline|lookup|autoinvoice` through the real binary against the sandbox
//! over loopback, including the crash test: the sending process killed with SIGKILL at 20 points
//! during a batch of 200, then restarted until done.

mod commands;
mod crash;
mod demo;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use autoinvoice_sandbox::{
    DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_VENDOR_API_KEY, ReceiverEntry, Sandbox, SandboxConfig,
    SandboxHandle,
};
use fakturera_app::App;
use fakturera_app::delivery::{AutoInvoiceSettingsForm, EnvironmentCode};
use fakturera_app::keychain::MemoryKeychain;
use fakturera_core::Language;
use fakturera_core::party::Address;
use fakturera_core::samples;
use fakturera_store::{Company, Customer, CustomerId, DeliveryChoice};
use serde_json::Value;

/// A company file set up to send to a sandbox running in this test process.
#[derive(Debug)]
pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub file: PathBuf,
    pub sandbox: SandboxHandle,
    pub customer: CustomerId,
}

pub async fn fixture(choice: DeliveryChoice) -> Fixture {
    let sandbox = Sandbox::start(SandboxConfig {
        receivers: vec![ReceiverEntry {
            bid: "5567212047".into(),
            eia: "0007:5567212047".into(),
            network: "PEPPOL".into(),
            operator: "PEPPOL".into(),
            document_types: vec!["INVOICE".into()],
            name: "Exempelkund AB".into(),
            country: "SE".into(),
        }],
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox");
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("Bolaget.fakturera");
    let app = App::open(&file, Language::Swedish).expect("opens");
    let customer = app
        .with_store(|store| {
            let seller = samples::seller();
            store.set_company(&Company {
                name: seller.name,
                org_number: seller.org_number,
                vat_number: seller.vat_number,
                f_tax_approved: true,
                address: seller.address,
                bankgiro: seller.bankgiro,
                ..store.company()?
            })?;
            store.add_customer(&Customer {
                legal_id: "5567212047".into(),
                vat_number: "SE556721204701".into(),
                address: Address {
                    street: "Storgatan 1".into(),
                    street2: String::new(),
                    postal_code: "111 22".into(),
                    city: "Stockholm".into(),
                    country_code: "SE".into(),
                },
                email: "ekonomi@exempelkund.se".into(),
                buyer_reference: "PROJ-1".into(),
                delivery_choice: choice,
                ..Customer::new("1001", "Exempelkund AB")
            })
        })
        .expect("registers");
    let keychain = MemoryKeychain::default();
    app.save_autoinvoice_settings(
        &AutoInvoiceSettingsForm {
            enabled: true,
            company_id: DEMO_CLIENT_ID.into(),
            environment: EnvironmentCode::Sandbox,
            sandbox_url: sandbox.base_url(),
            concurrency: 4,
            api_key: DEMO_API_KEY.into(),
            vendor_key: DEMO_VENDOR_API_KEY.into(),
        },
        &keychain,
    )
    .expect("settings");
    Fixture {
        _dir: dir,
        file,
        sandbox,
        customer,
    }
}

impl Fixture {
    pub fn app(&self) -> App {
        App::open(&self.file, Language::Swedish).expect("opens")
    }

    pub fn drafts(&self, count: usize) -> Vec<i64> {
        let invoice = samples::domestic_invoice("2026-05-04".parse().expect("date"));
        let app = self.app();
        app.with_store(|store| {
            store.with_bulk_writes(|store| {
                (0..count)
                    .map(|_| {
                        store
                            .create_draft(self.customer, &invoice, chrono::Utc::now())
                            .map(|id| id.0)
                    })
                    .collect::<Result<Vec<_>, _>>()
            })?
        })
        .expect("drafts")
    }
}

/// The binary with the keys in its environment only (no keychain service in tests).
pub fn command(file: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fakturera"));
    command
        .arg("--db")
        .arg(file)
        .args(args)
        .env("FAKTURERA_KEYCHAIN", "env")
        .env("FAKTURERA_AX_API_KEY", DEMO_API_KEY)
        .env("FAKTURERA_AX_VENDOR_KEY", DEMO_VENDOR_API_KEY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

pub fn spawn(file: &Path, args: &[&str]) -> Child {
    command(file, args)
        .spawn()
        .expect("the fakturera binary starts")
}

pub fn run(file: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = spawn(file, args);
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("stdin written");
    drop(input);
    child.wait_with_output().expect("the fakturera binary ends")
}

pub fn ok(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}
