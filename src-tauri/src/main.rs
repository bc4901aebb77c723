//! The desktop shell: opens the window, owns the `App` for the company file and routes IPC calls
//! to the thin adapters in `commands`.

// Release builds on Windows are GUI programs without a console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod delivery_commands;
mod documents_commands;
mod invoices_commands;
mod registers_commands;

use fakturera_app::{App, company_file_argument, company_file_path};
use fakturera_core::Language;
use tauri::Manager;

fn main() {
    // Swedish until the UI says otherwise; the UI sends its choice with `set_language` on start.
    let language = Language::Swedish;
    // `--db FILE` on the command line, else FAKTURERA_DB, else the app-data folder.
    let file = match company_file_argument(std::env::args_os().skip(1)) {
        Some(file) => Ok(file),
        None => company_file_path(language),
    };
    let company = commands::Company(file.map(|file| App::new(file, language)));
    invoices_commands::fill_demo_data_on_start(&company);
    let delivery = delivery_commands::Delivery::new(&company);
    let outcome = tauri::Builder::default()
        .manage(company)
        .manage(delivery)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            registers_commands::start_backup_schedule(app.handle().clone());
            app.state::<delivery_commands::Delivery>().start();
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::overview,
            commands::set_language,
            delivery_commands::autoinvoice_settings,
            delivery_commands::save_autoinvoice_settings,
            delivery_commands::test_autoinvoice_connection,
            delivery_commands::lookup_receiver,
            delivery_commands::lookup_customer_receiver,
            delivery_commands::send_invoice,
            delivery_commands::send_all_preview,
            delivery_commands::send_all_invoices,
            delivery_commands::delivery_timeline,
            delivery_commands::delivery_states,
            delivery_commands::outbox_summary,
            delivery_commands::delivery_notices,
            delivery_commands::dismiss_delivery_notice,
            delivery_commands::mark_delivery_handled,
            delivery_commands::reroute_delivery,
            delivery_commands::connectivity_changed,
            documents_commands::presend_findings,
            documents_commands::invoice_findings,
            documents_commands::preview_invoice_pdf,
            documents_commands::save_invoice_document,
            invoices_commands::list_invoices,
            invoices_commands::invoice_detail,
            invoices_commands::new_invoice,
            invoices_commands::preview_invoice,
            invoices_commands::create_invoice_draft,
            invoices_commands::update_invoice_draft,
            invoices_commands::delete_invoice_draft,
            invoices_commands::issue_invoice,
            invoices_commands::credit_invoice,
            invoices_commands::record_invoice_payment,
            invoices_commands::invoice_events,
            invoices_commands::invoice_customer_choices,
            invoices_commands::invoice_article_choices,
            invoices_commands::fill_demo_data,
            registers_commands::company_settings,
            registers_commands::save_company_settings,
            registers_commands::set_company_logo,
            registers_commands::remove_company_logo,
            registers_commands::register_choices,
            registers_commands::number_series,
            registers_commands::add_number_series,
            registers_commands::update_number_series,
            registers_commands::set_default_number_series,
            registers_commands::list_backups,
            registers_commands::backup_now,
            registers_commands::restore_backup,
            registers_commands::list_customers,
            registers_commands::get_customer,
            registers_commands::new_customer_form,
            registers_commands::add_customer,
            registers_commands::update_customer,
            registers_commands::list_articles,
            registers_commands::get_article,
            registers_commands::add_article,
            registers_commands::update_article
        ])
        .run(tauri::generate_context!());
    if let Err(error) = outcome {
        eprintln!("Fakturera kunde inte starta / Fakturera could not start: {error}");
        std::process::exit(1);
    }
}
