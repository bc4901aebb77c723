//! The article register.

use fakturera_core::Text;
use fakturera_core::unit::Unit;
use fakturera_core::vat_rates::VatRateClass;
use rust_decimal::Decimal;

use crate::error::StoreError;
use crate::open::Store;
use crate::record_ids::ArticleId;
use crate::register_query::{
    MATCH_RANK_SQL, RegisterQuery, like_pattern, part_start_pattern, search_text,
    word_start_pattern,
};
use crate::sql_values::{StoredDecimal, bool_at, code_at, decimal_at};

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

pub(crate) const ARTICLE_COLUMNS: &str =
    "article_number, name, unit, unit_price, vat_rate_class, is_service, archived, search_text";

pub(crate) fn article_from_row(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Article> {
    Ok(Article {
        article_number: row.get(first)?,
        name: row.get(first + 1)?,
        unit: Unit::new(row.get::<_, String>(first + 2)?),
        unit_price: decimal_at(row, first + 3)?,
        vat_rate_class: code_at(row, first + 4, VatRateClass::from_code)?,
        is_service: bool_at(row, first + 5)?,
        archived: bool_at(row, first + 6)?,
    })
}

fn article_params(article: &Article) -> [Box<dyn rusqlite::ToSql + '_>; 8] {
    [
        Box::new(&article.article_number),
        Box::new(&article.name),
        Box::new(article.unit.as_str()),
        Box::new(StoredDecimal(article.unit_price)),
        Box::new(article.vat_rate_class.code()),
        Box::new(article.is_service),
        Box::new(article.archived),
        Box::new(search_text(&[&article.name, &article.article_number])),
    ]
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
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"
        ))?;
        let mut rows = statement.query([id])?;
        match rows.next()? {
            Some(row) => Ok(article_from_row(row, 0)?),
            None => Err(StoreError::not_found("artikel", "article", id)),
        }
    }

    /// The article with this article number, if any (the invoice editor picks by number).
    pub fn article_by_number(
        &self,
        article_number: &str,
    ) -> Result<Option<(ArticleId, Article)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT id, {ARTICLE_COLUMNS} FROM articles WHERE article_number = ?1"
        ))?;
        let mut rows = statement.query([article_number])?;
        match rows.next()? {
            Some(row) => Ok(Some((row.get(0)?, article_from_row(row, 1)?))),
            None => Ok(None),
        }
    }

    /// A page of articles ordered by name, optionally filtered by name or number.
    pub fn articles(&self, query: &RegisterQuery) -> Result<Vec<(ArticleId, Article)>, StoreError> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT id, {ARTICLE_COLUMNS} FROM articles
             WHERE (?1 IS NULL OR search_text LIKE ?1 ESCAPE '\\') AND (?2 OR archived = 0)
             ORDER BY {MATCH_RANK_SQL}, name COLLATE NOCASE, id
             LIMIT ?3 OFFSET ?4"
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
            |row| Ok((row.get::<_, ArticleId>(0)?, article_from_row(row, 1)?)),
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
    connection
        .prepare_cached(&format!(
            "INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        ))?
        .execute(rusqlite::params_from_iter(article_params(article).iter()))
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
    let mut params: Vec<Box<dyn rusqlite::ToSql + '_>> =
        article_params(article).into_iter().collect();
    params.push(Box::new(id));
    let changed = connection
        .prepare_cached(
            "UPDATE articles SET article_number = ?1, name = ?2, unit = ?3, unit_price = ?4,
             vat_rate_class = ?5, is_service = ?6, archived = ?7, search_text = ?8 WHERE id = ?9",
        )?
        .execute(rusqlite::params_from_iter(params.iter()))
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
