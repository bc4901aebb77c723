//! IPC commands for "Skriv ut / Skicka": AutoInvoice settings, the receiver lookup, sending, the
//! delivery timeline and what to do after a failure; and the background worker the shell starts.
//! Each command reads the clock when needed, calls one `App` method and nudges the worker when
//! there is new work for it.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::Utc;
use fakturera_app::delivery::{
    AutoInvoiceSettingsForm, AutoInvoiceSettingsView, ConnectionReport, DeliveryNotice,
    DeliveryStatusView, DeliveryTimeline, DeliveryWorker, OutboxSummary, ReceiverLookupView,
    RerouteRequest, SendPreview, SystemWallClock, WallClock, WorkerOptions,
};
use fakturera_app::keychain::{Keychain, KeychainChoice};
use fakturera_app::{App, AppError};
use tauri::State;

use crate::commands::Company;

/// The keychain and the worker of the open company file.
#[derive(Debug)]
pub struct Delivery {
    keychain: Arc<dyn Keychain>,
    worker: Mutex<Option<RunningWorker>>,
}

/// A worker and, once started, how to stop it and wait for it.
#[derive(Debug)]
struct RunningWorker {
    worker: Arc<DeliveryWorker>,
    stop: Option<tokio::sync::watch::Sender<bool>>,
    done: Option<tauri::async_runtime::JoinHandle<()>>,
}

impl RunningWorker {
    fn for_file(
        file: &Path,
        language: fakturera_app::Language,
        keychain: Arc<dyn Keychain>,
    ) -> Self {
        // The window's App checks the file when it opens it; the worker's does not repeat that.
        let app = Arc::new(App::beside(file, language));
        RunningWorker {
            worker: Arc::new(DeliveryWorker::new(app, keychain, WorkerOptions::default())),
            stop: None,
            done: None,
        }
    }

    fn start(&mut self) {
        if self.done.is_some() {
            return;
        }
        let worker = self.worker.clone();
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let clock: Arc<dyn WallClock> = Arc::new(SystemWallClock);
        self.done = Some(tauri::async_runtime::spawn(async move {
            worker.run(clock, stopped).await;
        }));
        self.stop = Some(stop);
    }
}

impl Delivery {
    /// The worker gets its own `App` on the same file, so sending never waits for the screens.
    /// With `with_worker` false (a first start with no company file yet) there is none until a
    /// company is created or opened.
    pub fn new(company: &Company, keychain: KeychainChoice, with_worker: bool) -> Delivery {
        let app = company.0.as_ref().ok().filter(|_| with_worker);
        let keychain = keychain.open(|| {
            app.and_then(|app| {
                App::beside(app.file_path(), app.language())
                    .autoinvoice_company_id()
                    .ok()
            })
            .unwrap_or_default()
        });
        let worker = app
            .map(|app| RunningWorker::for_file(&app.file_path(), app.language(), keychain.clone()));
        Delivery {
            keychain,
            worker: Mutex::new(worker),
        }
    }

    /// Starts the worker loop on Tauri's runtime for as long as the app runs.
    pub fn start(&self) {
        if let Some(running) = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_mut()
        {
            running.start();
        }
    }

    /// The window now works on `file`: the old file's worker stops after the step it is in (so
    /// nothing it sends is recorded in the wrong file) and a worker for `file` starts.
    pub async fn switch_to(&self, file: &Path, language: fakturera_app::Language) {
        let old = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(mut old) = old {
            if let Some(stop) = old.stop.take() {
                let _ = stop.send(true);
            }
            if let Some(done) = old.done.take() {
                let _ = done.await;
            }
        }
        let mut running = RunningWorker::for_file(file, language, self.keychain.clone());
        running.start();
        *self.worker.lock().unwrap_or_else(PoisonError::into_inner) = Some(running);
    }

    fn nudge(&self) {
        let worker = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|running| running.worker.clone());
        if let Some(worker) = worker {
            let _ = worker.nudge(Utc::now());
        }
    }
}

#[tauri::command(async)]
pub fn autoinvoice_settings(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
) -> Result<AutoInvoiceSettingsView, AppError> {
    company
        .app()?
        .autoinvoice_settings(delivery.keychain.as_ref())
}

#[tauri::command(async)]
pub fn save_autoinvoice_settings(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    form: AutoInvoiceSettingsForm,
) -> Result<AutoInvoiceSettingsView, AppError> {
    let saved = company
        .app()?
        .save_autoinvoice_settings(&form, delivery.keychain.as_ref())?;
    delivery.nudge();
    Ok(saved)
}

#[tauri::command]
pub async fn test_autoinvoice_connection(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
) -> Result<ConnectionReport, AppError> {
    let report = company
        .app()?
        .test_autoinvoice_connection(delivery.keychain.as_ref())
        .await?;
    delivery.nudge();
    Ok(report)
}

#[tauri::command]
pub async fn lookup_receiver(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    org_number: String,
) -> Result<ReceiverLookupView, AppError> {
    company
        .app()?
        .lookup_receiver(&org_number, delivery.keychain.as_ref(), Utc::now())
        .await
}

#[tauri::command]
pub async fn lookup_customer_receiver(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    customer_id: i64,
) -> Result<ReceiverLookupView, AppError> {
    company
        .app()?
        .lookup_customer_receiver(customer_id, delivery.keychain.as_ref(), Utc::now())
        .await
}

#[tauri::command(async)]
pub fn send_invoice(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    id: i64,
) -> Result<DeliveryStatusView, AppError> {
    let status = company.app()?.send_invoice(id, Utc::now())?;
    delivery.nudge();
    Ok(status)
}

/// "Försök igen" after a failure that was ours: the same invoice, the same idempotency key.
#[tauri::command(async)]
pub fn retry_delivery(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    id: i64,
) -> Result<DeliveryStatusView, AppError> {
    let status = company.app()?.retry_delivery(id, Utc::now())?;
    delivery.nudge();
    Ok(status)
}

#[tauri::command(async)]
pub fn send_all_preview(company: State<'_, Company>) -> Result<SendPreview, AppError> {
    company.app()?.send_all_preview()
}

#[tauri::command(async)]
pub fn send_all_invoices(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
) -> Result<Vec<i64>, AppError> {
    let queued = company.app()?.send_all(Utc::now())?;
    delivery.nudge();
    Ok(queued)
}

#[tauri::command(async)]
pub fn delivery_timeline(
    company: State<'_, Company>,
    id: i64,
) -> Result<DeliveryTimeline, AppError> {
    company.app()?.delivery_timeline(id)
}

#[tauri::command(async)]
pub fn delivery_states(
    company: State<'_, Company>,
    ids: Vec<i64>,
) -> Result<Vec<DeliveryStatusView>, AppError> {
    company.app()?.delivery_states(&ids)
}

#[tauri::command(async)]
pub fn outbox_summary(company: State<'_, Company>) -> Result<OutboxSummary, AppError> {
    company.app()?.outbox_summary()
}

#[tauri::command(async)]
pub fn delivery_notices(company: State<'_, Company>) -> Result<Vec<DeliveryNotice>, AppError> {
    company.app()?.delivery_notices()
}

#[tauri::command(async)]
pub fn dismiss_delivery_notice(company: State<'_, Company>, id: i64) -> Result<(), AppError> {
    company.app()?.dismiss_delivery_notice(id)
}

#[tauri::command(async)]
pub fn mark_delivery_handled(
    company: State<'_, Company>,
    id: i64,
    note: String,
) -> Result<DeliveryStatusView, AppError> {
    company.app()?.mark_delivery_handled(id, &note, Utc::now())
}

#[tauri::command]
pub async fn reroute_delivery(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    request: RerouteRequest,
) -> Result<DeliveryStatusView, AppError> {
    let status = company
        .app()?
        .reroute_delivery(&request, delivery.keychain.as_ref(), Utc::now())
        .await?;
    delivery.nudge();
    Ok(status)
}

/// "Skicka kopia": a delivered invoice once more, by e-mail, to `email`.
#[tauri::command]
pub async fn send_invoice_copy(
    company: State<'_, Company>,
    delivery: State<'_, Delivery>,
    id: i64,
    email: String,
) -> Result<DeliveryStatusView, AppError> {
    let status = company
        .app()?
        .send_invoice_copy(id, &email, delivery.keychain.as_ref(), Utc::now())
        .await?;
    delivery.nudge();
    Ok(status)
}

/// The UI saw the network come back: queued invoices go now instead of after their backoff.
#[tauri::command(async)]
pub fn connectivity_changed(delivery: State<'_, Delivery>, online: bool) {
    if online {
        delivery.nudge();
    }
}
