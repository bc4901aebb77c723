//! The status line of the shell: which company file is open, whose it is and its schema version.
//! It is also the first round trip from the UI through Rust to SQLite.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Overview {
    /// The company's name as saved in settings; empty until the user has entered it.
    pub company_name: String,
    /// The migration level of the company file.
    pub schema_version: u32,
    /// Where the company file is, for the user's backups.
    pub file_path: String,
    /// The version of the program itself.
    pub app_version: String,
}

impl App {
    pub fn overview(&self) -> Result<Overview, AppError> {
        let file_path = self.file_path().display().to_string();
        self.with_store(|store| {
            Ok::<_, fakturera_store::StoreError>(Overview {
                company_name: store.company()?.name,
                schema_version: store.schema_version()?,
                file_path,
                app_version: env!("CARGO_PKG_VERSION").to_owned(),
            })
        })
    }
}
