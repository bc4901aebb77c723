//! The desktop shell: opens the window, owns the `App` for the company file and routes IPC calls
//! to the thin adapters in `commands`.

// Release builds on Windows are GUI programs without a console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use fakturera_app::{App, company_file_path};
use fakturera_core::Language;

fn main() {
    // Swedish until the UI says otherwise; the UI sends its choice with `set_language` on start.
    let language = Language::Swedish;
    let company =
        commands::Company(company_file_path(language).map(|file| App::new(file, language)));
    let outcome = tauri::Builder::default()
        .manage(company)
        .invoke_handler(tauri::generate_handler![
            commands::overview,
            commands::set_language
        ])
        .run(tauri::generate_context!());
    if let Err(error) = outcome {
        eprintln!("Fakturera kunde inte starta / Fakturera could not start: {error}");
        std::process::exit(1);
    }
}
