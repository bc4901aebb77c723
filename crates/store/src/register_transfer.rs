//! The registers in bulk: every customer or article for an export, and an import that writes all
//! its rows in one transaction (a failure leaves the register as it was), adding new numbers and
//! skipping or updating the numbers that exist, as the user chose.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::articles::{
    Article, article_from_row, article_select, insert_article, update_article_row,
};
use crate::customers::{
    Customer, customer_from_row, customer_select, insert_customer, update_customer_row,
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
            "SELECT {} FROM customers ORDER BY customer_number, id",
            customer_select()
        ))?;
        let rows = statement.query_map([], |row| Ok((row.get("id")?, customer_from_row(row)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Every article, archived ones too, in article number order.
    pub fn all_articles(&self) -> Result<Vec<(ArticleId, Article)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM articles ORDER BY article_number, id",
            article_select()
        ))?;
        let rows = statement.query_map([], |row| Ok((row.get("id")?, article_from_row(row)?)))?;
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
        self.import_rows(
            customers,
            existing,
            "SELECT id FROM customers WHERE customer_number = ?1",
            |customer| &customer.customer_number,
            |connection, customer| insert_customer(connection, customer).map(drop),
            |connection, id: CustomerId, customer| update_customer_row(connection, id, customer),
        )
    }

    /// Writes `articles` in one transaction, like [`Store::import_customers`].
    pub fn import_articles(
        &mut self,
        articles: &[Article],
        existing: ExistingNumbers,
    ) -> Result<ImportCounts, StoreError> {
        self.import_rows(
            articles,
            existing,
            "SELECT id FROM articles WHERE article_number = ?1",
            |article| &article.article_number,
            |connection, article| insert_article(connection, article).map(drop),
            |connection, id: ArticleId, article| update_article_row(connection, id, article),
        )
    }

    /// The import of one register: each row found by its number (`find`) is skipped or
    /// updated, the others inserted, all in one IMMEDIATE transaction.
    fn import_rows<Row, Id: rusqlite::types::FromSql>(
        &mut self,
        rows: &[Row],
        existing: ExistingNumbers,
        find: &str,
        number: impl Fn(&Row) -> &str,
        insert: impl Fn(&Connection, &Row) -> Result<(), StoreError>,
        update: impl Fn(&Connection, Id, &Row) -> Result<(), StoreError>,
    ) -> Result<ImportCounts, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut counts = ImportCounts::default();
        for row in rows {
            let found: Option<Id> = transaction
                .prepare_cached(find)?
                .query_row([number(row)], |found| found.get("id"))
                .optional()?;
            match (found, existing) {
                (None, _) => {
                    insert(&transaction, row)?;
                    counts.added += 1;
                }
                (Some(_), ExistingNumbers::Skip) => counts.skipped += 1,
                (Some(id), ExistingNumbers::Update) => {
                    update(&transaction, id, row)?;
                    counts.updated += 1;
                }
            }
        }
        transaction.commit()?;
        Ok(counts)
    }
}
