//! Sending through AutoInvoice, end to end against the sandbox over real HTTP on loopback: each
//! channel, the lookup, credentials, faults, crash recovery and offline, and secrets kept out of
//! everything the program writes or answers.

mod channels;
mod credentials;
mod faults;
mod leases;
mod matrix;
mod money_in;
mod offline;
mod real_api;
mod retry;
mod secrets;

use std::sync::Arc;
use std::time::Duration;

use autoinvoice_sandbox::{
    DEMO_API_KEY, DEMO_CLIENT_ID, DEMO_VENDOR_API_KEY, ReceiverEntry, Sandbox, SandboxConfig,
    SandboxHandle,
};
use chrono::{DateTime, TimeDelta, Utc};
use fakturera_app::App;
use fakturera_app::delivery::{
    AutoInvoiceSettingsForm, DeliveryWorker, EnvironmentCode, Schedule, WorkerOptions,
};
use fakturera_app::keychain::{Keychain, MemoryKeychain};
use fakturera_core::Language;
use fakturera_core::party::Address;
use fakturera_core::samples;
use fakturera_store::{Company, Customer, CustomerId, DeliveryChoice, InvoiceId};

/// An app on a fresh company file, set up to send to a sandbox, with a worker of its own.
#[derive(Debug)]
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub app: Arc<App>,
    pub keychain: Arc<MemoryKeychain>,
    pub worker: Arc<DeliveryWorker>,
    pub sandbox: SandboxHandle,
}

pub fn t0() -> DateTime<Utc> {
    "2026-05-04T09:00:00Z".parse().expect("time")
}

pub fn later(seconds: i64) -> DateTime<Utc> {
    t0() + TimeDelta::seconds(seconds)
}

/// A directory with the demo e-invoice receiver.
pub fn directory() -> Vec<ReceiverEntry> {
    vec![ReceiverEntry {
        bid: "5567212047".into(),
        eia: "0007:5567212047".into(),
        network: "PEPPOL".into(),
        operator: "PEPPOL".into(),
        document_types: vec!["INVOICE".into(), "CREDIT_NOTE".into()],
        name: "Exempelkund AB".into(),
        country: "SE".into(),
    }]
}

pub fn fast_options() -> WorkerOptions {
    WorkerOptions {
        schedule: Schedule {
            retry_base: Duration::from_millis(50),
            retry_cap: Duration::from_millis(200),
            poll_base: Duration::from_millis(50),
            poll_cap: Duration::from_millis(200),
        },
        // Far beyond any call to the sandbox on a slow machine: only the tests that make the
        // sandbox never answer meet a timeout.
        request_timeout: Duration::from_secs(60),
        idle_wait: Duration::from_millis(200),
        poll_errors_before_notice: 3,
        ..WorkerOptions::default()
    }
}

pub async fn setup_with(config: SandboxConfig, options: WorkerOptions) -> Setup {
    let sandbox = Sandbox::start(config).await.expect("sandbox starts");
    setup_on(sandbox, options)
}

pub async fn setup() -> Setup {
    setup_with(
        SandboxConfig {
            receivers: directory(),
            ..SandboxConfig::default()
        },
        fast_options(),
    )
    .await
}

pub fn setup_on(sandbox: SandboxHandle, options: WorkerOptions) -> Setup {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("Bolaget.fakturera");
    let app = Arc::new(App::open(&file, Language::Swedish).expect("opens"));
    app.with_store(|store| {
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
            cash_rounding: true,
            ..store.company()?
        };
        store.set_company(&company)
    })
    .expect("company saved");
    let keychain = Arc::new(MemoryKeychain::default());
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
        keychain.as_ref(),
    )
    .expect("settings saved");
    // The worker has its own connection to the file, as in the desktop shell.
    let worker_app = Arc::new(App::open(&file, Language::Swedish).expect("opens again"));
    let worker = Arc::new(DeliveryWorker::new(
        worker_app,
        keychain.clone() as Arc<dyn Keychain>,
        options,
    ));
    Setup {
        dir,
        app,
        keychain,
        worker,
        sandbox,
    }
}

/// Adds a Swedish company customer with a complete address and the given delivery choice.
pub fn add_customer(setup: &Setup, name: &str, org: &str, choice: DeliveryChoice) -> CustomerId {
    setup
        .app
        .with_store(|store| {
            let number = store.next_customer_number()?;
            let customer = Customer {
                legal_id: org.into(),
                vat_number: format!("SE{org}01"),
                address: Address {
                    street: "Östra Hamngatan 12".into(),
                    street2: String::new(),
                    postal_code: "411 10".into(),
                    city: "Göteborg".into(),
                    country_code: "SE".into(),
                },
                email: "ekonomi@kund.se".into(),
                your_reference: "Per Öberg".into(),
                buyer_reference: "PROJ-4711".into(),
                delivery_choice: choice,
                ..Customer::new(number, name)
            };
            store.add_customer(&customer)
        })
        .expect("customer saved")
}

/// A draft for the customer, ready to send.
pub fn draft(setup: &Setup, customer: CustomerId) -> i64 {
    let invoice = samples::domestic_invoice("2026-05-04".parse().expect("date"));
    setup
        .app
        .with_store(|store| store.create_draft(customer, &invoice, t0()))
        .map(|id: InvoiceId| id.0)
        .expect("draft saved")
}

/// Runs worker passes at growing times until `done` holds, or fails after `passes`.
pub async fn pass_until(
    setup: &Setup,
    start: i64,
    passes: i64,
    done: impl Fn(&Setup) -> bool,
) -> i64 {
    for pass in 0..passes {
        let at = start + pass * 400;
        setup.worker.run_once(later(at)).await.expect("pass");
        if done(setup) {
            return at;
        }
    }
    panic!("not done after {passes} passes");
}
