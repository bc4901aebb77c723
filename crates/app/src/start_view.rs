//! The window's first screen in one round trip: the language the UI starts in, whether there is a
//! company file yet (the very first start shows the welcome screen instead), the status line and
//! Översikt's figures. Asking for them one by one cost a round trip each while the window was
//! still drawing its first frame (docs/benchmarks.md, "Start-up").

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::company_files::CompanyFileStatus;
use crate::error::AppError;
use crate::money_in::DashboardView;
use crate::overview::Overview;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StartView {
    pub company_file: CompanyFileStatus,
    /// `None` on the very first start, or when the file could not be read (see `failure`).
    pub overview: Option<Overview>,
    pub dashboard: Option<DashboardView>,
    /// Why the company file could not be read, in the UI's language; the shell shows it with a
    /// way to try again.
    pub failure: Option<AppError>,
}

impl App {
    /// What the first screen shows on `today`, with messages in `language` from now on.
    pub fn start_view(
        &self,
        language: fakturera_core::Language,
        recent_list: Option<&Path>,
        today: NaiveDate,
    ) -> StartView {
        self.set_language(language);
        let company_file = self.company_file_status(recent_list);
        if !company_file.exists {
            return StartView {
                company_file,
                overview: None,
                dashboard: None,
                failure: None,
            };
        }
        match self
            .overview()
            .and_then(|overview| Ok((overview, self.dashboard(today)?)))
        {
            Ok((overview, dashboard)) => StartView {
                company_file,
                overview: Some(overview),
                dashboard: Some(dashboard),
                failure: None,
            },
            Err(failure) => StartView {
                company_file,
                overview: None,
                dashboard: None,
                failure: Some(failure),
            },
        }
    }
}
