//! The registers in bulk: every customer or article for an export, and an import that writes all
//! its rows in one transaction (a failure leaves the register as it was), adding new numbers and
//! skipping or updating the numbers that exist, as the user chose.

use rusqlite::TransactionBehavior;

use crate::articles::{
    ARTICLE_COLUMNS, Article, article_from_row, insert_article, update_article_row,
};
use crate::customers::{
    CUSTOMER_COLUMNS, Customer, customer_from_row, insert_customer, update_customer_row,
};
use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::{ArticleId, CustomerId, InvoiceId};

/// What an import does with a row whose number is already in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExistingNumbers {
    Skip,
    Update,
}

/// How many rows an import added, updated and skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCounts {
    pub added: usize,
    pub updated: usize,
    pub skipped: usize,
}

impl Store {
    /// Every customer, archived ones too, in customer number order.
    pub fn all_customers(&self) -> Result<Vec<(CustomerId, Customer)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT id, {CUSTOMER_COLUMNS} FROM customers ORDER BY customer_number, id"
        ))?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, customer_from_row(row, 1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Every article, archived ones too, in article number order.
    pub fn all_articles(&self) -> Result<Vec<(ArticleId, Article)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT id, {ARTICLE_COLUMNS} FROM articles ORDER BY article_number, id"
        ))?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, article_from_row(row, 1)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The issued invoices and credit invoices dated `from`–`to` (all when `None`), by date and
    /// issue order, for an export.
    pub fn issued_invoice_ids(
        &self,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) -> Result<Vec<InvoiceId>, StoreError> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id FROM invoices WHERE status = 'issued'
                AND (?1 IS NULL OR issue_date >= ?1) AND (?2 IS NULL OR issue_date <= ?2)
             ORDER BY issue_date, id",
        )?;
        let rows = statement.query_map(rusqlite::params![from, to], |row| row.get(0))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Writes `customers` in one transaction: new numbers are added, existing ones skipped or
    /// updated. Any failure rolls the whole import back.
    pub fn import_customers(
        &mut self,
        customers: &[Customer],
        existing: ExistingNumbers,
    ) -> Result<ImportCounts, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut counts = ImportCounts::default();
        for customer in customers {
            let found: Option<CustomerId> = transaction
                .prepare_cached("SELECT id FROM customers WHERE customer_number = ?1")?
                .query_row([&customer.customer_number], |row| row.get(0))
                .map(Some)
                .or_else(|error| match error {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    other => Err(other),
                })?;
            match (found, existing) {
                (None, _) => {
                    insert_customer(&transaction, customer)?;
                    counts.added += 1;
                }
                (Some(_), ExistingNumbers::Skip) => counts.skipped += 1,
                (Some(id), ExistingNumbers::Update) => {
                    update_customer_row(&transaction, id, customer)?;
                    counts.updated += 1;
                }
            }
        }
        transaction.commit()?;
        Ok(counts)
    }

    /// Writes `articles` in one transaction, like [`Store::import_customers`].
    pub fn import_articles(
        &mut self,
        articles: &[Article],
        existing: ExistingNumbers,
    ) -> Result<ImportCounts, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut counts = ImportCounts::default();
        for article in articles {
            let found: Option<ArticleId> = transaction
                .prepare_cached("SELECT id FROM articles WHERE article_number = ?1")?
                .query_row([&article.article_number], |row| row.get(0))
                .map(Some)
                .or_else(|error| match error {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    other => Err(other),
                })?;
            match (found, existing) {
                (None, _) => {
                    insert_article(&transaction, article)?;
                    counts.added += 1;
                }
                (Some(_), ExistingNumbers::Skip) => counts.skipped += 1,
                (Some(id), ExistingNumbers::Update) => {
                    update_article_row(&transaction, id, article)?;
                    counts.updated += 1;
                }
            }
        }
        transaction.commit()?;
        Ok(counts)
    }
}
