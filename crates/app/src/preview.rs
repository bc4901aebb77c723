//! Live totals and problems for the invoice editor: the UI sends what is typed and shows what Rust
//! computes and finds.

use chrono::NaiveDate;
use fakturera_core::invoice::{InvoiceKind, validate_discount, validate_lines, validate_text_rows};
use fakturera_core::party::{Buyer, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::{FieldMessage, IntoAppError};
use crate::invoice_form::{FormParties, InvoiceForm, TotalsView, form_fields, invoice_from_form};

/// What the editor shows beside the form while the user types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EditorPreview {
    /// `None` while some number cannot be read; `problems` says which.
    pub totals: Option<TotalsView>,
    /// Field-level problems in the user's language; they do not stop the totals.
    pub problems: Vec<FieldMessage>,
    /// `YYYY-MM-DD`: the due date the payment terms give from the invoice date as typed; `None`
    /// while either cannot be read. The editor fills the due date with it until the user types one.
    pub due_date_from_terms: Option<String>,
}

/// The due date the typed terms give from the typed invoice date (empty terms are the default).
fn due_date_from_terms(form: &InvoiceForm) -> Option<String> {
    let issue_date = NaiveDate::parse_from_str(form.issue_date.trim(), "%Y-%m-%d").ok()?;
    let terms = if form.payment_terms.trim().is_empty() {
        PaymentTerms::default()
    } else {
        PaymentTerms::parse(&form.payment_terms).ok()?
    };
    Some(terms.due_date(issue_date).format("%Y-%m-%d").to_string())
}

impl App {
    /// The totals of the form as typed, and what is wrong with it so far.
    ///
    /// Parties do not affect totals, so none are looked up: this runs on every keystroke.
    pub fn preview_invoice(&self, form: &InvoiceForm) -> EditorPreview {
        let language = self.language();
        let due_date_from_terms = due_date_from_terms(form);
        let parties = FormParties {
            seller: Seller::default(),
            buyer: Buyer::default(),
            kind: InvoiceKind::Invoice,
        };
        match invoice_from_form(form, parties) {
            Err(errors) => EditorPreview {
                totals: None,
                problems: errors.into_app_error(language).fields,
                due_date_from_terms,
            },
            Ok(invoice) => {
                let mut problems = validate_lines(&invoice.lines);
                problems
                    .0
                    .extend(validate_text_rows(&invoice.text_rows, invoice.lines.len()).0);
                problems.0.extend(validate_discount(&invoice).0);
                EditorPreview {
                    totals: Some(
                        TotalsView::new(&invoice.totals(), invoice.currency.code(), language)
                            .with_text_rows(&invoice.text_rows),
                    ),
                    problems: form_fields(&invoice, problems)
                        .into_app_error(language)
                        .fields,
                    due_date_from_terms,
                }
            }
        }
    }
}
