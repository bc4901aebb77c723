//! Use cases shared by every front end (the desktop shell, the CLI), independent of any host.
//!
//! Each module adds one group of use cases as `impl App` methods; every type that crosses IPC
//! derives `serde` and `ts_rs::TS` and is exported to `ui/src/ipc/bindings/`.

pub mod app;
pub mod articles;
pub mod backups;
pub mod bookkeeping;
pub mod company_file;
pub mod company_files;
pub mod company_settings;
pub mod customers;
pub mod delivery;
pub mod demo;
pub mod documents;
pub mod error;
pub mod invoice_form;
pub mod invoices;
pub mod keychain;
pub mod language;
pub mod money_in;
pub mod number_series;
pub mod overview;
pub mod preview;
pub mod printing;
pub mod register_choices;
pub mod register_fields;
pub mod register_search;
pub mod routing;
pub mod send_check;
pub mod start_view;
pub mod transfer;

pub use app::App;
pub use company_file::{COMPANY_FILE_ENV, company_file_argument, company_file_path};
pub use error::{AppError, ErrorCode, FieldMessage, ForUser, IntoAppError};
pub use language::LanguageCode;
pub use overview::Overview;
pub use preview::EditorPreview;
pub use register_search::RegisterSearch;
pub use start_view::StartView;

/// The core's types the shells name (the user's language, a text in both languages, a field's
/// error), so the desktop shell and the CLI depend on this crate alone.
pub use fakturera_core::{FieldError, FieldErrors, Language, Text};
