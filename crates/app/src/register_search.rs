//! Search and paging for the customer and article lists, as the UI and the CLI send it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which rows of a register (customers, articles) to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterSearch {
    /// Found anywhere in the name or number (and the org number for customers), ignoring case.
    pub search: String,
    pub include_archived: bool,
    pub offset: u32,
    /// Rows per page; 0 means 100.
    pub limit: u32,
}

impl RegisterSearch {
    pub(crate) fn to_query(&self) -> fakturera_store::RegisterQuery {
        let search = self.search.trim();
        fakturera_store::RegisterQuery {
            search: (!search.is_empty()).then(|| search.to_owned()),
            include_archived: self.include_archived,
            offset: self.offset,
            limit: self.limit,
        }
    }
}
