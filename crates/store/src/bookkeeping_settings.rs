//! The bookkeeping settings kept in the company file: the user's accounts (only those changed from
//! the BAS defaults, which live in the code), the verification series and the financial year.

use fakturera_core::Text;
use rusqlite::{ToSql, TransactionBehavior};

use crate::column_list::{ColumnList, MappedTable};
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

const ACCOUNT_COLUMNS: ColumnList<StoredAccount> = ColumnList(&[
    ("key", |a| a.key.to_sql()),
    ("account", |a| a.account.to_sql()),
    ("name", |a| a.name.to_sql()),
]);

const SETTINGS_COLUMNS: ColumnList<BookkeepingSettings> = ColumnList(&[
    ("invoice_series", |s| s.invoice_series.to_sql()),
    ("payment_series", |s| s.payment_series.to_sql()),
    ("fiscal_year_first_month", |s| {
        s.fiscal_year_first_month.to_sql()
    }),
]);

pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![
        ("bookkeeping_accounts", ACCOUNT_COLUMNS.names().collect()),
        ("bookkeeping_settings", SETTINGS_COLUMNS.names().collect()),
    ]
}

impl Store {
    /// The accounts the user has changed, by key.
    pub fn bookkeeping_accounts(&self) -> Result<Vec<StoredAccount>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM bookkeeping_accounts ORDER BY key",
            ACCOUNT_COLUMNS.select_list(None)
        ))?;
        let rows = statement.query_map([], |row| {
            Ok(StoredAccount {
                key: row.get("key")?,
                account: row.get("account")?,
                name: row.get("name")?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn bookkeeping_settings(&self) -> Result<BookkeepingSettings, StoreError> {
        let sql = format!(
            "SELECT {} FROM bookkeeping_settings WHERE id = 1",
            SETTINGS_COLUMNS.select_list(None)
        );
        Ok(self.connection.query_row(&sql, [], |row| {
            Ok(BookkeepingSettings {
                invoice_series: row.get("invoice_series")?,
                payment_series: row.get("payment_series")?,
                fiscal_year_first_month: row.get("fiscal_year_first_month")?,
            })
        })?)
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
            ACCOUNT_COLUMNS.insert(&transaction, "bookkeeping_accounts", account)?;
        }
        SETTINGS_COLUMNS.update(&transaction, "bookkeeping_settings", settings, "id", &1)?;
        transaction.commit()?;
        Ok(())
    }
}
