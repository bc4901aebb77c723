//! Sending through AutoInvoice from the command line: `send`, `sync`, `timeline`, `send-copy`, `lookup` and
//! `autoinvoice set|test|show`. The clock is read here; the worker's own drain (the loop the
//! desktop app runs) delivers from this process until the outbox has nothing left it can do now
//! (or `--wait` runs out).
//!
//! Keys never appear on the command line: `autoinvoice set` reads them from stdin or from
//! `FAKTURERA_AX_API_KEY` / `FAKTURERA_AX_VENDOR_KEY` and writes them to the keychain.

use std::io::BufRead;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use clap::{Args, Subcommand};
use fakturera_app::delivery::{
    AutoInvoiceSettingsForm, DeliveryWorker, DrainLimits, DrainUntil, EnvironmentCode, PassReport,
    SystemWallClock, WorkerOptions,
};
use fakturera_app::keychain::{Keychain, KeychainChoice};
use fakturera_app::{App, AppError, ErrorCode, Text};
use serde_json::{Value, json};

use crate::output::json as to_json;

#[derive(Debug, Subcommand)]
pub enum DeliveryCommand {
    /// Sends invoices through AutoInvoice: drafts are issued and queued in one step, issued
    /// invoices are queued; then the outbox is delivered from this process.
    Send(SendArgs),
    /// Sends what is due and asks AutoInvoice for the status of handed-over invoices.
    Sync {
        /// Keep going up to this many seconds until every sent invoice is delivered or failed.
        #[arg(long, default_value_t = 0)]
        wait: u64,
    },
    /// An invoice's delivery: state and every step.
    Timeline { id: i64 },
    /// Sends a copy of delivered invoice ID by e-mail to another address ("Skicka kopia"), or
    /// without --email to the customer's e-mail for copies; with --wait, follows it until the copy
    /// is delivered.
    SendCopy {
        id: i64,
        #[arg(long, default_value = "")]
        email: String,
        #[arg(long, default_value_t = 0)]
        wait: u64,
    },
    /// Can this organisation number receive e-invoices? With --customer, the answer is stored on
    /// that customer (by id) and its org number is used.
    Lookup {
        org_number: Option<String>,
        #[arg(long)]
        customer: Option<i64>,
    },
    /// AutoInvoice settings: `set`, `test`, `show`.
    #[command(subcommand)]
    Autoinvoice(AutoInvoiceCommand),
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// Invoice ids to send.
    ids: Vec<i64>,
    /// Every issued invoice that was never sent.
    #[arg(long)]
    all: bool,
    /// With --all: drafts too (each is issued and queued in one transaction).
    #[arg(long)]
    include_drafts: bool,
    /// Keep delivering up to this many seconds, also while AutoInvoice cannot be reached.
    #[arg(long)]
    wait: Option<u64>,
    /// How many invoices are sent at the same time (overrides the setting).
    #[arg(long)]
    concurrency: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum AutoInvoiceCommand {
    /// Saves the settings; keys come from stdin (--keys-from-stdin: API key on the first line,
    /// vendor key on the second) or FAKTURERA_AX_API_KEY / FAKTURERA_AX_VENDOR_KEY.
    Set {
        #[arg(long)]
        company_id: String,
        /// production, test or sandbox.
        #[arg(long, default_value = "production")]
        environment: String,
        /// The sandbox address, e.g. http://127.0.0.1:8787.
        #[arg(long, default_value = "")]
        url: String,
        #[arg(long, default_value_t = 4)]
        concurrency: u32,
        /// Turns sending through AutoInvoice off.
        #[arg(long)]
        disabled: bool,
        #[arg(long)]
        keys_from_stdin: bool,
    },
    /// "Testa anslutningen": do the credentials work, is the company verified?
    Test,
    /// The settings (never the keys: only whether they are set).
    Show,
}

fn runtime() -> Result<tokio::runtime::Runtime, AppError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|error| {
            AppError::internal(
                &Text::new(
                    format!("Kunde inte starta: {error}"),
                    format!("Could not start: {error}"),
                ),
                fakturera_app::Language::Swedish,
            )
        })
}

/// The keychain `FAKTURERA_KEYCHAIN` names (the OS keychain unless it says `env` or `memory`).
fn keychain(app: &App) -> Result<Arc<dyn Keychain>, AppError> {
    Ok(KeychainChoice::from_env(app.language())?
        .open(|| app.autoinvoice_company_id().unwrap_or_default()))
}

pub fn run(app: &App, command: DeliveryCommand) -> Result<Value, AppError> {
    let keychain = keychain(app)?;
    let runtime = runtime()?;
    runtime.block_on(async {
        match command {
            DeliveryCommand::Send(args) => send(app, keychain, args).await,
            DeliveryCommand::Sync { wait } => sync(app, keychain, wait).await,
            DeliveryCommand::Timeline { id } => to_json(&app.delivery_timeline(id)?),
            DeliveryCommand::SendCopy { id, email, wait } => {
                app.send_invoice_copy(id, &email, keychain.as_ref(), Utc::now())
                    .await?;
                if wait > 0 {
                    sync(app, keychain, wait).await?;
                }
                to_json(&app.delivery_timeline(id)?)
            }
            DeliveryCommand::Lookup {
                org_number,
                customer,
            } => lookup(app, keychain.as_ref(), org_number, customer).await,
            DeliveryCommand::Autoinvoice(command) => {
                autoinvoice(app, keychain.as_ref(), command).await
            }
        }
    })
}

fn worker(app: &App, keychain: Arc<dyn Keychain>, concurrency: Option<u32>) -> DeliveryWorker {
    // Its own connection to the file, as in the desktop shell.
    let own = Arc::new(App::new(app.file_path(), app.language()));
    DeliveryWorker::new(
        own,
        keychain,
        WorkerOptions {
            concurrency,
            ..WorkerOptions::default()
        },
    )
}

/// What the passes did, as `send` and `sync` answer it.
fn pass_json(passes: &PassReport) -> Value {
    json!({
        "handed_over": passes.handed_over,
        "retried": passes.retried,
        "failed": passes.failed,
        "delivered": passes.delivered,
        "offline": passes.offline,
        "paused": passes.paused,
    })
}

async fn send(app: &App, keychain: Arc<dyn Keychain>, args: SendArgs) -> Result<Value, AppError> {
    let mut ids = args.ids.clone();
    if args.all {
        ids.extend(app.unsent_invoice_ids(args.include_drafts)?);
    }
    if ids.is_empty() && !args.all {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            &Text::new(
                "Ange vilka fakturor som ska skickas (id), eller --all.",
                "Say which invoices to send (ids), or --all.",
            ),
            app.language(),
        ));
    }
    let mut queued = Vec::new();
    let mut refused = Vec::new();
    for id in ids {
        match app.send_invoice(id, Utc::now()) {
            Ok(status) => queued.push(status.invoice_id),
            // With --all, one invoice that cannot go as it stands does not stop the others.
            Err(error) if args.all && error.code == ErrorCode::InvalidInput => {
                refused.push(json!({"invoice_id": id, "error": error}));
            }
            Err(error) => return Err(error),
        }
    }
    let worker = worker(app, keychain, args.concurrency);
    // Until nothing more can be done now, or `--wait` (a minute by default) has passed.
    let limits = DrainLimits {
        deadline: Instant::now() + Duration::from_secs(args.wait.unwrap_or(60)),
        wait_offline: args.wait.is_some(),
        settle: false,
    };
    let passes = worker
        .drain(&SystemWallClock, DrainUntil::NothingLeft(limits))
        .await?;
    let statuses = app.delivery_states(&queued)?;
    Ok(json!({
        "queued": queued,
        "refused": refused,
        "pass": pass_json(&passes),
        "summary": app.outbox_summary()?,
        "statuses": statuses,
    }))
}

async fn sync(app: &App, keychain: Arc<dyn Keychain>, wait: u64) -> Result<Value, AppError> {
    let worker = worker(app, keychain, None);
    let limits = DrainLimits {
        deadline: Instant::now() + Duration::from_secs(wait),
        wait_offline: wait > 0,
        settle: wait > 0,
    };
    let passes = worker
        .drain(&SystemWallClock, DrainUntil::NothingLeft(limits))
        .await?;
    Ok(json!({ "pass": pass_json(&passes), "summary": app.outbox_summary()? }))
}

async fn lookup(
    app: &App,
    keychain: &dyn Keychain,
    org_number: Option<String>,
    customer: Option<i64>,
) -> Result<Value, AppError> {
    match (customer, org_number) {
        (Some(customer), _) => to_json(
            &app.lookup_customer_receiver(customer, keychain, Utc::now())
                .await?,
        ),
        (None, Some(org_number)) => to_json(
            &app.lookup_receiver(&org_number, keychain, Utc::now())
                .await?,
        ),
        (None, None) => Err(AppError::new(
            ErrorCode::InvalidInput,
            &Text::new(
                "Ange ett organisationsnummer eller --customer ID.",
                "Give an organisation number or --customer ID.",
            ),
            app.language(),
        )),
    }
}

/// The two keys: from stdin when asked, else from the environment, else empty (keep stored).
fn read_keys(from_stdin: bool) -> (String, String) {
    if from_stdin {
        let mut lines = std::io::stdin().lock().lines();
        let mut next = || lines.next().and_then(Result::ok).unwrap_or_default();
        let api_key = next();
        let vendor_key = next();
        return (api_key.trim().to_owned(), vendor_key.trim().to_owned());
    }
    let read = |name: &str| std::env::var(name).unwrap_or_default();
    (
        read("FAKTURERA_AX_API_KEY"),
        read("FAKTURERA_AX_VENDOR_KEY"),
    )
}

async fn autoinvoice(
    app: &App,
    keychain: &dyn Keychain,
    command: AutoInvoiceCommand,
) -> Result<Value, AppError> {
    match command {
        AutoInvoiceCommand::Set {
            company_id,
            environment,
            url,
            concurrency,
            disabled,
            keys_from_stdin,
        } => {
            let environment = match environment.as_str() {
                "production" => EnvironmentCode::Production,
                "test" => EnvironmentCode::Test,
                "sandbox" => EnvironmentCode::Sandbox,
                other => {
                    return Err(AppError::new(
                        ErrorCode::InvalidInput,
                        &Text::new(
                            format!("Okänd miljö {other:?}: ange production, test eller sandbox."),
                            format!(
                                "Unknown environment {other:?}: use production, test or sandbox."
                            ),
                        ),
                        app.language(),
                    ));
                }
            };
            let (api_key, vendor_key) = read_keys(keys_from_stdin);
            let form = AutoInvoiceSettingsForm {
                enabled: !disabled,
                company_id,
                environment,
                sandbox_url: url,
                concurrency,
                api_key,
                vendor_key,
            };
            to_json(&app.save_autoinvoice_settings(&form, keychain)?)
        }
        AutoInvoiceCommand::Test => to_json(&app.test_autoinvoice_connection(keychain).await?),
        AutoInvoiceCommand::Show => to_json(&app.autoinvoice_settings(keychain)?),
    }
}

/// Queues `ids` (issued documents: reminders, statements, interest invoices) and delivers them
/// from this process, as `send ID...` does.
pub fn send_ids(app: &App, ids: Vec<i64>, wait: Option<u64>) -> Result<Value, AppError> {
    let keychain = keychain(app)?;
    let runtime = runtime()?;
    runtime.block_on(send(
        app,
        keychain,
        SendArgs {
            ids,
            all: false,
            include_drafts: false,
            wait,
            concurrency: None,
        },
    ))
}
