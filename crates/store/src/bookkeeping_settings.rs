//! The bookkeeping settings kept in the company file: the user's accounts (only those changed from
//! the BAS defaults, which live in the code), the verification series and the financial year.

use fakturera_core::Text;
use rusqlite::TransactionBehavior;

use crate::error::StoreError;
use crate::open::Store;

/// One changed account: the program's key for the kind of amount, the account and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAccount {
    pub key: String,
    pub account: u32,
    pub name: String,
}

/// Series letters and the financial year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookkeepingSettings {
    pub invoice_series: String,
    pub payment_series: String,
    /// The month the financial year starts in (1 = January).
    pub fiscal_year_first_month: u32,
}

impl Store {
    /// The accounts the user has changed, by key.
    pub fn bookkeeping_accounts(&self) -> Result<Vec<StoredAccount>, StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT key, account, name FROM bookkeeping_accounts ORDER BY key")?;
        let rows = statement.query_map([], |row| {
            Ok(StoredAccount {
                key: row.get(0)?,
                account: row.get(1)?,
                name: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn bookkeeping_settings(&self) -> Result<BookkeepingSettings, StoreError> {
        Ok(self.connection.query_row(
            "SELECT invoice_series, payment_series, fiscal_year_first_month
             FROM bookkeeping_settings WHERE id = 1",
            [],
            |row| {
                Ok(BookkeepingSettings {
                    invoice_series: row.get(0)?,
                    payment_series: row.get(1)?,
                    fiscal_year_first_month: row.get(2)?,
                })
            },
        )?)
    }

    /// Replaces the changed accounts and the settings in one transaction.
    pub fn save_bookkeeping_settings(
        &mut self,
        accounts: &[StoredAccount],
        settings: &BookkeepingSettings,
    ) -> Result<(), StoreError> {
        if settings.invoice_series.trim().is_empty() || settings.payment_series.trim().is_empty() {
            return Err(StoreError::invalid_field(
                "invoice_series",
                Text::new(
                    "Ange en verifikationsserie (t.ex. B).",
                    "Enter a verification series (e.g. B).",
                ),
            ));
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        transaction.execute("DELETE FROM bookkeeping_accounts", [])?;
        for account in accounts {
            transaction.execute(
                "INSERT INTO bookkeeping_accounts (key, account, name) VALUES (?1, ?2, ?3)",
                rusqlite::params![account.key, account.account, account.name],
            )?;
        }
        transaction.execute(
            "UPDATE bookkeeping_settings SET invoice_series = ?1, payment_series = ?2,
                    fiscal_year_first_month = ?3 WHERE id = 1",
            rusqlite::params![
                settings.invoice_series,
                settings.payment_series,
                settings.fiscal_year_first_month
            ],
        )?;
        transaction.commit()?;
        Ok(())
    }
}
