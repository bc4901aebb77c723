//! Credit invoices: a full or partial reversal of an issued invoice, saved as a draft that
//! refers to it. A credit of a credit is refused by the core and by the store.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::FieldErrors;
use fakturera_core::invoice::{CreditSelection, credit_invoice};
use fakturera_store::InvoiceId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::detail::{InvoiceDetail, read_detail};
use crate::app::App;
use crate::error::{AppError, ForUser};
use crate::invoice_form::parse_decimal;

/// One line to credit: its position on the invoice (from 0) and the quantity to credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreditLineRequest {
    pub line: u32,
    pub quantity: String,
}

/// What to credit: every line and charge (`lines` is `None`), or the lines listed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreditRequest {
    pub lines: Option<Vec<CreditLineRequest>>,
}

fn selection_from_request(request: &CreditRequest) -> Result<CreditSelection, FieldErrors> {
    let Some(lines) = &request.lines else {
        return Ok(CreditSelection::Full);
    };
    let mut errors = FieldErrors::default();
    let mut selected: Vec<(usize, Decimal)> = Vec::with_capacity(lines.len());
    for line in lines {
        let index = usize::try_from(line.line).unwrap_or(usize::MAX);
        let field = format!("lines[{index}].quantity");
        if let Some(quantity) = errors.collect(parse_decimal(
            &line.quantity,
            &field,
            ("Antal", "The quantity"),
        )) {
            selected.push((index, quantity));
        }
    }
    errors.into_result(CreditSelection::Lines(selected))
}

impl App {
    /// Makes a draft credit invoice for the issued invoice `id`, dated `today`, and returns it.
    pub fn credit_invoice(
        &self,
        id: i64,
        request: &CreditRequest,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<InvoiceDetail, AppError> {
        let language = self.language();
        let selection = selection_from_request(request).for_user(language)?;
        self.with_store(|store| {
            let original = store.invoice(InvoiceId(id)).for_user(language)?;
            let credit = credit_invoice(&original.invoice, &selection, today).for_user(language)?;
            let credit_id = store
                .create_credit_draft(InvoiceId(id), &credit, now)
                .for_user(language)?;
            read_detail(store, credit_id, today, language).for_user(language)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn requests_become_selections() {
        assert_eq!(
            selection_from_request(&CreditRequest::default()),
            Ok(CreditSelection::Full)
        );
        let partial = CreditRequest {
            lines: Some(vec![
                CreditLineRequest {
                    line: 0,
                    quantity: "2,5".into(),
                },
                CreditLineRequest {
                    line: 2,
                    quantity: "1".into(),
                },
            ]),
        };
        assert_eq!(
            selection_from_request(&partial),
            Ok(CreditSelection::Lines(vec![(0, dec!(2.5)), (2, dec!(1))]))
        );
        let bad = CreditRequest {
            lines: Some(vec![CreditLineRequest {
                line: 1,
                quantity: "två".into(),
            }]),
        };
        let errors = selection_from_request(&bad).expect_err("not a number");
        assert_eq!(errors.0[0].field, "lines[1].quantity");
    }
}
