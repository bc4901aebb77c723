//! Live totals and problems for the invoice editor: the UI sends what is typed and shows what Rust
//! computes and finds.

use fakturera_core::invoice::{InvoiceKind, validate_lines};
use fakturera_core::party::{Buyer, Seller};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::{FieldMessage, IntoAppError};
use crate::invoice_form::{FormParties, InvoiceForm, TotalsView, invoice_from_form};

/// What the editor shows beside the form while the user types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EditorPreview {
    /// `None` while some number cannot be read; `problems` says which.
    pub totals: Option<TotalsView>,
    /// Field-level problems in the user's language; they do not stop the totals.
    pub problems: Vec<FieldMessage>,
}

impl App {
    /// The totals of the form as typed, and what is wrong with it so far.
    ///
    /// Parties do not affect totals, so none are looked up: this runs on every keystroke.
    pub fn preview_invoice(&self, form: &InvoiceForm) -> EditorPreview {
        let language = self.language();
        let parties = FormParties {
            seller: Seller::default(),
            buyer: Buyer::default(),
            kind: InvoiceKind::Invoice,
        };
        match invoice_from_form(form, parties) {
            Err(errors) => EditorPreview {
                totals: None,
                problems: errors.into_app_error(language).fields,
            },
            Ok(invoice) => EditorPreview {
                totals: Some(TotalsView::new(
                    &invoice.totals(),
                    invoice.currency.code(),
                    language,
                )),
                problems: validate_lines(&invoice.lines)
                    .into_app_error(language)
                    .fields,
            },
        }
    }
}
