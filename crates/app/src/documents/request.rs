//! What the editor sends when it wants a document or the pre-send checks for what is on screen:
//! the form as typed, the customer picked, and the draft it edits (if it was saved).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::invoice_form::InvoiceForm;

/// The editor's state: a possibly unsaved form for a customer, optionally of a saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentRequest {
    /// The saved invoice being edited; `None` for a new, unsaved one. A credit draft keeps its
    /// reference to the credited invoice through this id.
    #[ts(type = "number | null")]
    pub invoice_id: Option<i64>,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub form: InvoiceForm,
}
