//! The money-in settings as a form: reminder grace period, minimum, the agreed fee (at most
//! 60 kr), time to pay, the step to the next reminder, the öresdifferens limit, the interest
//! minimum, and the customers who are never reminded (by customer number).

use fakturera_core::{FieldError, FieldErrors, Text};
use fakturera_store::{ReceivablesSettings, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ledger::money;
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::invoice_form::parse_decimal;

/// The settings as the form shows and sends them; amounts as decimal strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ReceivablesSettingsForm {
    #[ts(type = "number")]
    pub reminder_grace_days: u32,
    pub reminder_min_amount: String,
    /// The customers agreed to a reminder fee in advance (in the terms of sale).
    pub reminder_fee_agreed: bool,
    pub reminder_fee: String,
    #[ts(type = "number")]
    pub reminder_pay_days: u32,
    #[ts(type = "number")]
    pub next_step_days: u32,
    pub write_off_limit: String,
    pub interest_min_amount: String,
    /// Customer numbers of customers who are never reminded nor charged interest.
    pub exempt_customers: Vec<String>,
}

impl App {
    /// The money-in settings.
    pub fn receivables_settings(&self) -> Result<ReceivablesSettingsForm, AppError> {
        self.with_store(|store| {
            let settings = store.receivables_settings()?;
            let names = super::ledger::names(store)?;
            Ok::<_, StoreError>(ReceivablesSettingsForm {
                reminder_grace_days: settings.reminder_grace_days,
                reminder_min_amount: money(settings.reminder_min_amount),
                reminder_fee_agreed: settings.reminder_fee_agreed,
                reminder_fee: money(settings.reminder_fee),
                reminder_pay_days: settings.reminder_pay_days,
                next_step_days: settings.next_step_days,
                write_off_limit: money(settings.write_off_limit),
                interest_min_amount: money(settings.interest_min_amount),
                exempt_customers: settings
                    .exempt_customers
                    .iter()
                    .filter_map(|id| names.get(&id.0).map(|name| name.customer_number.clone()))
                    .collect(),
            })
        })
    }

    /// Saves the settings whole, or names every field that is wrong.
    pub fn save_receivables_settings(
        &self,
        form: &ReceivablesSettingsForm,
    ) -> Result<ReceivablesSettingsForm, AppError> {
        let language = self.language();
        let mut errors = FieldErrors::default();
        let reminder_min_amount = errors.collect(parse_decimal(
            &form.reminder_min_amount,
            "reminder_min_amount",
            ("Minsta belopp", "The minimum amount"),
        ));
        let reminder_fee = errors.collect(parse_decimal(
            &form.reminder_fee,
            "reminder_fee",
            ("Påminnelseavgiften", "The reminder fee"),
        ));
        let write_off_limit = errors.collect(parse_decimal(
            &form.write_off_limit,
            "write_off_limit",
            ("Gränsen för öresdifferens", "The write-off limit"),
        ));
        let interest_min_amount = errors.collect(parse_decimal(
            &form.interest_min_amount,
            "interest_min_amount",
            ("Minsta räntebelopp", "The minimum interest"),
        ));
        self.with_store(|store| {
            let mut exempt = Vec::new();
            for (index, number) in form.exempt_customers.iter().enumerate() {
                match store.customer_by_number(number.trim()).for_user(language)? {
                    Some((id, _)) => exempt.push(id),
                    None => errors.push(FieldError::new(
                        format!("exempt_customers[{index}]"),
                        "not_found",
                        Text::new(
                            format!("Det finns ingen kund med kundnummer \"{}\".", number.trim()),
                            format!("There is no customer with number \"{}\".", number.trim()),
                        ),
                    )),
                }
            }
            let (
                Some(reminder_min_amount),
                Some(reminder_fee),
                Some(write_off_limit),
                Some(interest_min_amount),
            ) = (
                reminder_min_amount,
                reminder_fee,
                write_off_limit,
                interest_min_amount,
            )
            else {
                return Err(errors.into_app_error(language));
            };
            if !errors.is_empty() {
                return Err(errors.into_app_error(language));
            }
            store
                .set_receivables_settings(&ReceivablesSettings {
                    reminder_grace_days: form.reminder_grace_days,
                    reminder_min_amount,
                    reminder_fee_agreed: form.reminder_fee_agreed,
                    reminder_fee,
                    reminder_pay_days: form.reminder_pay_days,
                    next_step_days: form.next_step_days,
                    write_off_limit,
                    interest_min_amount,
                    exempt_customers: exempt,
                })
                .for_user(language)
        })?;
        self.receivables_settings()
    }
}
