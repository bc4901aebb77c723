//! The article register.

use fakturera_core::Text;
use fakturera_core::unit::Unit;
use fakturera_core::vat_rates::VatRateClass;
use rusqlite::ToSql;
use rust_decimal::Decimal;

use crate::column_list::{ColumnList, MappedTable, owned};
use crate::error::StoreError;
use crate::named_columns::NamedColumns;
use crate::open::Store;
use crate::record_ids::ArticleId;
use crate::register_query::{
    MATCH_RANK_SQL, RegisterQuery, like_pattern, part_start_pattern, search_text,
    word_start_pattern,
};
use crate::sql_values::StoredDecimal;

/// An article (product.md, "Articles"). The VAT rate is a class, looked up for the invoice date,
/// because rates change by law (food 12 % → 6 % from 2026-04-01).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub article_number: String,
    pub name: String,
    pub unit: Unit,
    /// Excluding VAT.
    pub unit_price: Decimal,
    pub vat_rate_class: VatRateClass,
    /// A service rather than goods (matters for EU sales).
    pub is_service: bool,
    pub archived: bool,
}

/// The article's columns and values: what is written, and (but `search_text`) what is read.
pub(crate) const ARTICLE_COLUMNS: ColumnList<Article> = ColumnList(&[
    ("article_number", |a| a.article_number.to_sql()),
    ("name", |a| a.name.to_sql()),
    ("unit", |a| a.unit.as_str().to_sql()),
    ("unit_price", |a| owned(StoredDecimal(a.unit_price))),
    ("vat_rate_class", |a| a.vat_rate_class.code().to_sql()),
    ("is_service", |a| a.is_service.to_sql()),
    ("archived", |a| a.archived.to_sql()),
    // What the register search matches; never read back.
    ("search_text", |a| {
        owned(search_text(&[&a.name, &a.article_number]))
    }),
]);

/// The register's columns: the id it is found by and the written columns.
pub(crate) fn mapped_tables() -> Vec<MappedTable> {
    vec![("articles", ARTICLE_COLUMNS.names().chain(["id"]).collect())]
}

pub(crate) fn article_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        article_number: row.get("article_number")?,
        name: row.get("name")?,
        unit: Unit::new(row.get::<_, String>("unit")?),
        unit_price: row.decimal("unit_price")?,
        vat_rate_class: row.code("vat_rate_class", VatRateClass::from_code)?,
        is_service: row.get("is_service")?,
        archived: row.get("archived")?,
    })
}

/// The columns an article is read from: its id and the written columns.
pub(crate) fn article_select() -> String {
    format!("id, {}", ARTICLE_COLUMNS.select_list(None))
}

impl Store {
    pub fn add_article(&self, article: &Article) -> Result<ArticleId, StoreError> {
        insert_article(&self.connection, article)
    }

    /// Replaces an article's fields; invoices already written keep their own copy of the line.
    pub fn update_article(&self, id: ArticleId, article: &Article) -> Result<(), StoreError> {
        update_article_row(&self.connection, id, article)
    }

    pub fn article(&self, id: ArticleId) -> Result<Article, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM articles WHERE id = ?1",
            article_select()
        ))?;
        let mut rows = statement.query([id])?;
        match rows.next()? {
            Some(row) => Ok(article_from_row(row)?),
            None => Err(StoreError::not_found("artikel", "article", id)),
        }
    }

    /// The article with this article number, if any (the invoice editor picks by number).
    pub fn article_by_number(
        &self,
        article_number: &str,
    ) -> Result<Option<(ArticleId, Article)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM articles WHERE article_number = ?1",
            article_select()
        ))?;
        let mut rows = statement.query([article_number])?;
        match rows.next()? {
            Some(row) => Ok(Some((row.get("id")?, article_from_row(row)?))),
            None => Ok(None),
        }
    }

    /// A page of articles ordered by name, optionally filtered by name or number.
    pub fn articles(&self, query: &RegisterQuery) -> Result<Vec<(ArticleId, Article)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM articles
             WHERE (?1 IS NULL OR search_text LIKE ?1 ESCAPE '\\') AND (?2 OR archived = 0)
             ORDER BY {MATCH_RANK_SQL}, name COLLATE NOCASE, id
             LIMIT ?3 OFFSET ?4",
            article_select()
        ))?;
        let pattern = query.search.as_deref().map(like_pattern);
        let part_start = query.search.as_deref().map(part_start_pattern);
        let word_start = query.search.as_deref().map(word_start_pattern);
        let rows = statement.query_map(
            rusqlite::params![
                pattern,
                query.include_archived,
                query.limit(),
                query.offset,
                part_start,
                word_start
            ],
            |row| Ok((row.get::<_, ArticleId>("id")?, article_from_row(row)?)),
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

/// Inserts an article on `connection` (the store's, or an import's transaction).
pub(crate) fn insert_article(
    connection: &rusqlite::Connection,
    article: &Article,
) -> Result<ArticleId, StoreError> {
    check_article(article)?;
    ARTICLE_COLUMNS
        .insert(connection, "articles", article)
        .map_err(|error| duplicate_number_or(error, &article.article_number))?;
    Ok(ArticleId(connection.last_insert_rowid()))
}

/// Replaces the fields of article `id` on `connection`.
pub(crate) fn update_article_row(
    connection: &rusqlite::Connection,
    id: ArticleId,
    article: &Article,
) -> Result<(), StoreError> {
    check_article(article)?;
    let changed = ARTICLE_COLUMNS
        .update(connection, "articles", article, "id", &id)
        .map_err(|error| duplicate_number_or(error, &article.article_number))?;
    if changed == 0 {
        return Err(StoreError::not_found("artikel", "article", id));
    }
    Ok(())
}

fn check_article(article: &Article) -> Result<(), StoreError> {
    if article.article_number.trim().is_empty() {
        return Err(StoreError::invalid_field(
            "article_number",
            Text::new("Ange ett artikelnummer.", "Enter an article number."),
        ));
    }
    if article.name.trim().is_empty() {
        return Err(StoreError::invalid_field(
            "name",
            Text::new("Ange artikelns benämning.", "Enter the article's name."),
        ));
    }
    Ok(())
}

fn duplicate_number_or(error: rusqlite::Error, number: &str) -> StoreError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && error.to_string().contains("articles.article_number")
    {
        return StoreError::invalid_field(
            "article_number",
            Text::new(
                format!("Artikelnummer {number} används redan. Välj ett annat nummer."),
                format!("Article number {number} is already in use. Choose another number."),
            ),
        );
    }
    StoreError::from(error)
}
