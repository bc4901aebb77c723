//! Inställningar, Bokföring: which account each kind of amount goes to (BAS filled in), the
//! verification series for invoices and payments, and the month the financial year starts.

use fakturera_bookkeeping::{AccountKey, AccountMap};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{BookkeepingSettings, StoredAccount};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::records::account_map;
use crate::app::App;
use crate::error::{AppError, ForUser};

/// One account setting as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AccountSettingView {
    /// The program's key, e.g. `sales_swedish_25`.
    pub key: String,
    /// What the account is for, in the user's language.
    pub label: String,
    pub account: String,
    pub name: String,
    /// The BAS kontoplan's account for it, to reset to.
    pub bas_account: String,
    pub bas_name: String,
}

/// The bookkeeping settings as the screen shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BookkeepingSettingsView {
    pub accounts: Vec<AccountSettingView>,
    pub invoice_series: String,
    pub payment_series: String,
    pub fiscal_year_first_month: u32,
}

/// One account as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AccountSettingForm {
    pub key: String,
    pub account: String,
    pub name: String,
}

/// The settings as typed; accounts left out keep their value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BookkeepingSettingsForm {
    pub accounts: Vec<AccountSettingForm>,
    pub invoice_series: String,
    pub payment_series: String,
    pub fiscal_year_first_month: u32,
}

fn view(
    map: &AccountMap,
    settings: &BookkeepingSettings,
    language: Language,
) -> BookkeepingSettingsView {
    BookkeepingSettingsView {
        accounts: map
            .entries()
            .map(|(key, account)| {
                let (sv, en) = key.label();
                let bas = key.bas_default();
                AccountSettingView {
                    key: key.code().to_owned(),
                    label: Text::new(sv, en).in_language(language).to_owned(),
                    account: account.number.to_string(),
                    name: account.name.clone(),
                    bas_account: bas.number.to_string(),
                    bas_name: bas.name,
                }
            })
            .collect(),
        invoice_series: settings.invoice_series.clone(),
        payment_series: settings.payment_series.clone(),
        fiscal_year_first_month: settings.fiscal_year_first_month,
    }
}

fn series_field(input: &str, field: &str, errors: &mut FieldErrors) -> String {
    let series = input.trim().to_uppercase();
    let fine = !series.is_empty()
        && series.chars().count() <= 10
        && series.chars().all(|c| c.is_ascii_alphanumeric());
    if !fine {
        errors.push(FieldError::new(
            field,
            "series",
            Text::new(
                "Verifikationsserien ska vara en till tio bokstäver eller siffror, t.ex. B.",
                "The verification series must be one to ten letters or digits, e.g. B.",
            ),
        ));
    }
    series
}

/// The accounts that differ from BAS, checked: four digits 1000–9999 and a name.
fn changed_accounts(
    current: &AccountMap,
    form: &[AccountSettingForm],
    errors: &mut FieldErrors,
) -> Vec<StoredAccount> {
    let mut accounts: Vec<(AccountKey, u32, String)> = current
        .entries()
        .map(|(key, account)| (key, account.number, account.name.clone()))
        .collect();
    for (index, entry) in form.iter().enumerate() {
        let field = |name: &str| format!("accounts[{index}].{name}");
        let Some(key) = AccountKey::from_code(entry.key.trim()) else {
            errors.push(FieldError::new(
                field("key"),
                "unknown",
                Text::new(
                    format!(
                        "Det finns ingen kontoinställning som heter \"{}\".",
                        entry.key
                    ),
                    format!("There is no account setting called \"{}\".", entry.key),
                ),
            ));
            continue;
        };
        let number = entry.account.trim();
        let parsed = number
            .parse::<u32>()
            .ok()
            .filter(|account| (1000..=9999).contains(account) && number.len() == 4);
        let Some(parsed) = parsed else {
            errors.push(FieldError::new(
                field("account"),
                "account",
                Text::new(
                    format!(
                        "Kontot \"{number}\" ska vara fyra siffror, 1000–9999 (BAS-kontoplanen)."
                    ),
                    format!(
                        "The account \"{number}\" must be four digits, 1000–9999 (the BAS chart)."
                    ),
                ),
            ));
            continue;
        };
        let name = entry.name.trim();
        let name = if name.is_empty() {
            current
                .name_of(parsed)
                .map_or_else(|| key.bas_default().name, str::to_owned)
        } else {
            name.chars().take(100).collect()
        };
        if let Some(slot) = accounts.iter_mut().find(|(slot, ..)| *slot == key) {
            *slot = (key, parsed, name);
        }
    }
    accounts
        .into_iter()
        .filter(|(key, number, name)| {
            let bas = key.bas_default();
            bas.number != *number || bas.name != *name
        })
        .map(|(key, account, name)| StoredAccount {
            key: key.code().to_owned(),
            account,
            name,
        })
        .collect()
}

impl App {
    pub fn bookkeeping_settings(&self) -> Result<BookkeepingSettingsView, AppError> {
        let language = self.language();
        self.with_store(|store| {
            Ok::<_, fakturera_store::StoreError>(view(
                &account_map(store)?,
                &store.bookkeeping_settings()?,
                language,
            ))
        })
    }

    /// Checks and saves the settings; only accounts that differ from BAS are stored.
    pub fn save_bookkeeping_settings(
        &self,
        form: &BookkeepingSettingsForm,
    ) -> Result<BookkeepingSettingsView, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let current = account_map(store).for_user(language)?;
            let mut errors = FieldErrors::default();
            let accounts = changed_accounts(&current, &form.accounts, &mut errors);
            let settings = BookkeepingSettings {
                invoice_series: series_field(&form.invoice_series, "invoice_series", &mut errors),
                payment_series: series_field(&form.payment_series, "payment_series", &mut errors),
                fiscal_year_first_month: form.fiscal_year_first_month,
            };
            if !(1..=12).contains(&form.fiscal_year_first_month) {
                errors.push(FieldError::new(
                    "fiscal_year_first_month",
                    "month",
                    Text::new(
                        "Räkenskapsåret börjar i en månad 1–12 (1 = januari).",
                        "The financial year starts in a month 1–12 (1 = January).",
                    ),
                ));
            }
            if settings.invoice_series == settings.payment_series && errors.is_empty() {
                errors.push(FieldError::new(
                    "payment_series",
                    "same_series",
                    Text::new(
                        "Inbetalningar behöver en egen verifikationsserie, skild från fakturornas.",
                        "Payments need a verification series of their own, apart from the invoices'.",
                    ),
                ));
            }
            errors
                .into_result(())
                .for_user(language)?;
            store
                .save_bookkeeping_settings(&accounts, &settings)
                .for_user(language)?;
            let map = account_map(store).for_user(language)?;
            let saved = store
                .bookkeeping_settings()
                .for_user(language)?;
            Ok::<_, AppError>(view(&map, &saved, language))
        })
    }
}
