//! Periodisk sammanställning: per EU buyer, goods and services sold in a month or quarter, checked
//! (every buyer's VAT number must be a valid number of another EU country) and written as the file
//! Skatteverket's upload takes. The declarant is the company; contact details come from
//! Inställningar unless given.

use std::path::Path;

use fakturera_bookkeeping::eu_sales::{EuSalesDeclarant, eu_sales_file, eu_sales_rows};
use fakturera_core::{FieldError, FieldErrors, Text};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::period_input::period_from_input;
use crate::app::App;
use crate::documents::write_whole;
use crate::error::{AppError, ForUser, IntoAppError};

/// The month or quarter, and contact details when they should differ from Inställningar.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EuSalesForm {
    /// `2026-03` or `2026-K1`.
    pub period: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
}

/// One buyer's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EuSalesRowView {
    pub buyer_vat_number: String,
    pub customer_name: String,
    /// Whole kronor, empty when no goods were sold to the buyer.
    pub goods: String,
    pub services: String,
    pub invoices: Vec<String>,
}

/// An invoice that keeps the list from being made, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EuSalesProblemView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub number: String,
    pub customer_name: String,
    pub message: String,
}

/// The list, and the file when it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EuSalesExport {
    /// `2603` or `26-1`.
    pub period_code: String,
    pub rows: Vec<EuSalesRowView>,
    pub problems: Vec<EuSalesProblemView>,
    /// Where the file went; `None` for a preview.
    pub path: Option<String>,
    /// The file's text (Windows-1252 on disk), for a preview.
    pub file_text: String,
}

fn whole(amount: Option<rust_decimal::Decimal>) -> String {
    amount.map_or_else(String::new, |amount| {
        fakturera_core::money::round_to_krona(amount).to_string()
    })
}

impl App {
    /// The EU sales list of the month or quarter; written to `path` when given and nothing is wrong.
    pub fn eu_sales_list(
        &self,
        form: &EuSalesForm,
        path: Option<&Path>,
    ) -> Result<EuSalesExport, AppError> {
        let language = self.language();
        let period = period_from_input(&form.period, "", "").for_user(language)?;
        let Some(period_code) = period.eu_sales_code() else {
            return Err(FieldErrors::from(FieldError::new(
                "period",
                "month_or_quarter",
                Text::new(
                    "Periodisk sammanställning lämnas per månad eller kvartal. Ange t.ex. 2026-03 eller 2026-K1.",
                    "The EU sales list is filed per month or quarter. Enter e.g. 2026-03 or 2026-Q1.",
                ),
            ))
            .into_app_error(language));
        };
        let (invoices, company) = self.with_store(|store| {
            Ok::<_, fakturera_store::StoreError>((
                store.ledger_invoices(period.first_day(), period.last_day())?,
                store.company()?,
            ))
        })?;
        let (rows, problems) = eu_sales_rows(&invoices);
        let pick = |given: &str, saved: &str| {
            if given.trim().is_empty() {
                saved.to_owned()
            } else {
                given.to_owned()
            }
        };
        let declarant = EuSalesDeclarant::checked(
            &company.vat_number,
            period_code.clone(),
            &pick(&form.contact_name, &company.contact_name),
            &pick(&form.phone, &company.phone),
            &pick(&form.email, &company.email),
        )
        .for_user(language)?;
        let file_text = eu_sales_file(&declarant, &rows);
        let problems: Vec<EuSalesProblemView> = problems
            .into_iter()
            .map(|problem| EuSalesProblemView {
                invoice_id: problem.invoice_id,
                number: problem.number,
                customer_name: problem.customer_name,
                message: problem.message.in_language(language).to_owned(),
            })
            .collect();
        let written = match path {
            Some(path) if problems.is_empty() => {
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&file_text);
                Some(write_whole(path, &bytes, language)?.path)
            }
            Some(_) => {
                let fields = problems
                    .iter()
                    .map(|problem| {
                        FieldError::new(
                            format!("invoices.{}", problem.number),
                            "vat_number",
                            Text::new(
                                format!(
                                    "Faktura {} ({}): {}",
                                    problem.number, problem.customer_name, problem.message
                                ),
                                format!(
                                    "Invoice {} ({}): {}",
                                    problem.number, problem.customer_name, problem.message
                                ),
                            ),
                        )
                    })
                    .collect();
                return Err(FieldErrors(fields).into_app_error(language));
            }
            None => None,
        };
        Ok(EuSalesExport {
            period_code,
            rows: rows
                .iter()
                .map(|row| EuSalesRowView {
                    buyer_vat_number: row.buyer_vat_number.clone(),
                    customer_name: row.customer_name.clone(),
                    goods: whole(row.goods),
                    services: whole(row.services),
                    invoices: row.invoices.clone(),
                })
                .collect(),
            problems,
            path: written,
            file_text,
        })
    }
}
