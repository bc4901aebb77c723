//! The work the shell does besides answering the window: the delivery worker and the backup
//! schedule. It starts when the window reports its first screen drawn, not at launch: on a
//! two-core machine every thread that opens the company file, checks it or backs it up while
//! WebKit draws the first screen delays that screen (docs/benchmarks.md, "Start-up").

use std::sync::Once;

use tauri::{AppHandle, Manager, State};

use crate::delivery_commands::Delivery;
use crate::registers_commands::start_backup_schedule;

/// Whether the background work has been started; it starts once per run of the app.
#[derive(Debug)]
pub struct BackgroundWork(Once);

impl BackgroundWork {
    pub fn not_started() -> BackgroundWork {
        BackgroundWork(Once::new())
    }
}

/// Called by the UI after its first frame (whichever screen that is); later calls do nothing.
#[tauri::command]
pub fn first_screen_drawn(app: AppHandle, background: State<'_, BackgroundWork>) {
    background.0.call_once(|| {
        start_backup_schedule(app.clone());
        app.state::<Delivery>().start();
    });
}
