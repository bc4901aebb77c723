//! The desktop shell: opens the window, owns the `App` for the company file and routes IPC calls
//! to the thin adapters in `commands`.

// Release builds on Windows are GUI programs without a console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod background;
mod bookkeeping_commands;
mod commands;
mod company_commands;
mod delivery_commands;
mod documents_commands;
mod invoices_commands;
mod money_in_commands;
mod painting;
mod printing_commands;
mod registers_commands;

use fakturera_app::keychain::KeychainChoice;
use fakturera_app::{App, Language, company_file_argument, company_file_path};

fn main() {
    painting::prefer_cpu_painting();
    // Swedish until the UI says otherwise; the UI sends its choice with `set_language` on start.
    let language = Language::Swedish;
    // `--db FILE` on the command line, else FAKTURERA_DB, else the app-data folder.
    let named = company_file_argument(std::env::args_os().skip(1));
    let file = match named.clone() {
        Some(file) => Ok(file),
        None => company_file_path(language),
    };
    // The very first start (no file named and none in the app-data folder) opens nothing: the
    // window offers to create a company or open the demo, so no empty file is made behind its back.
    let first_start = named.is_none()
        && std::env::var_os(fakturera_app::COMPANY_FILE_ENV).is_none()
        && file.as_ref().is_ok_and(|file| !file.exists());
    // A typo in FAKTURERA_KEYCHAIN stops the start with the words that work, rather than
    // quietly using another keychain than the one asked for.
    let keychain = match KeychainChoice::from_env(language) {
        Ok(choice) => choice,
        Err(error) => {
            eprintln!("{}", error.message);
            std::process::exit(2);
        }
    };
    let company = commands::Company(file.map(|file| App::new(file, language)));
    invoices_commands::fill_demo_data_on_start(&company);
    let delivery = delivery_commands::Delivery::new(&company, keychain, !first_start);
    let outcome = tauri::Builder::default()
        .manage(company)
        .manage(delivery)
        .manage(background::BackgroundWork::not_started())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![
            background::first_screen_drawn,
            commands::start_view,
            commands::overview,
            commands::set_language,
            company_commands::company_file_status,
            company_commands::create_company,
            company_commands::open_company,
            company_commands::choose_company_file,
            company_commands::open_demo_company,
            company_commands::set_window_title,
            bookkeeping_commands::bookkeeping_settings,
            bookkeeping_commands::save_bookkeeping_settings,
            bookkeeping_commands::sie_export_preview,
            bookkeeping_commands::export_sie,
            bookkeeping_commands::vat_report,
            bookkeeping_commands::eu_sales_list,
            bookkeeping_commands::save_eu_sales_list,
            bookkeeping_commands::choose_import_file,
            bookkeeping_commands::preview_import,
            bookkeeping_commands::run_import,
            bookkeeping_commands::export_register,
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
            delivery_commands::retry_delivery,
            delivery_commands::reroute_delivery,
            delivery_commands::send_invoice_copy,
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
            invoices_commands::copy_invoice,
            invoices_commands::record_invoice_payment,
            invoices_commands::invoice_events,
            invoices_commands::invoice_customer_choices,
            invoices_commands::invoice_article_choices,
            invoices_commands::fill_demo_data,
            printing_commands::printers,
            printing_commands::print_invoice,
            printing_commands::unprinted_count,
            printing_commands::print_all_invoices,
            money_in_commands::record_invoice_refund,
            money_in_commands::write_off_invoice_difference,
            money_in_commands::reverse_invoice_payment,
            money_in_commands::dashboard,
            money_in_commands::company_ledger,
            money_in_commands::customer_ledger,
            money_in_commands::aging_report,
            money_in_commands::pick_bank_file,
            money_in_commands::preview_bank_file,
            money_in_commands::import_bank_file,
            money_in_commands::unplaced_bank_payments,
            money_in_commands::place_bank_payment,
            money_in_commands::refund_bank_payment,
            money_in_commands::reminder_proposal,
            money_in_commands::create_reminders,
            money_in_commands::reminders,
            money_in_commands::interest_proposal,
            money_in_commands::create_interest_invoices,
            money_in_commands::reference_rates,
            money_in_commands::set_reference_rate,
            money_in_commands::receivables_settings,
            money_in_commands::save_receivables_settings,
            money_in_commands::create_statement,
            money_in_commands::save_statement_pdf,
            registers_commands::company_settings,
            registers_commands::save_company_settings,
            registers_commands::set_company_logo,
            registers_commands::remove_company_logo,
            registers_commands::register_choices,
            registers_commands::payment_terms_choice,
            registers_commands::number_series,
            registers_commands::add_number_series,
            registers_commands::update_number_series,
            registers_commands::set_default_number_series,
            registers_commands::list_backups,
            registers_commands::backup_now,
            registers_commands::restore_backup,
            registers_commands::restore_backup_from_file,
            registers_commands::backup_to_folder,
            registers_commands::list_customers,
            registers_commands::get_customer,
            registers_commands::new_customer_form,
            registers_commands::add_customer,
            registers_commands::update_customer,
            registers_commands::list_articles,
            registers_commands::get_article,
            registers_commands::new_article_form,
            registers_commands::add_article,
            registers_commands::update_article
        ])
        .run(tauri::generate_context!());
    if let Err(error) = outcome {
        eprintln!("Fakturera kunde inte starta / Fakturera could not start: {error}");
        std::process::exit(1);
    }
}
