//! Artiklar: the article register's use cases (list and search, show, add, update), with the
//! VAT rate in force on the day shown beside each article's rate class.

mod form;
mod to_article;

use chrono::NaiveDate;
use fakturera_core::money::{format_english, format_swedish};
use fakturera_core::unit::Unit;
use fakturera_core::vat_rates::{VatRateClass, VatRateSchedule};
use fakturera_core::{Language, Text};
use fakturera_store::{Article, ArticleId, StoreError, StoreErrorKind};

pub use form::{ArticleDetails, ArticleForm, ArticleKindCode, ArticleRow, VatRateClassCode};
pub use to_article::{article_from_form, form_from_article};

use crate::app::App;
use crate::error::{AppError, ForUser};
use crate::register_search::RegisterSearch;

/// The rate of `class` on `today` in percent, e.g. "25"; "–" if the schedule has a hole.
pub(crate) fn rate_on(class: VatRateClass, today: NaiveDate) -> String {
    VatRateSchedule::swedish()
        .rate_for(class, today)
        .map_or_else(|| "–".to_owned(), |rate| rate.normalize().to_string())
}

fn details(id: ArticleId, article: &Article, today: NaiveDate) -> ArticleDetails {
    ArticleDetails {
        id: id.0,
        form: form_from_article(article),
        vat_rate_today: rate_on(article.vat_rate_class, today),
    }
}

fn row(id: ArticleId, article: &Article, today: NaiveDate, language: Language) -> ArticleRow {
    let unit_price_display = match language {
        Language::Swedish => format_swedish(article.unit_price),
        Language::English => format_english(article.unit_price),
    };
    ArticleRow {
        id: id.0,
        article_number: article.article_number.clone(),
        name: article.name.clone(),
        unit: article.unit.as_str().to_owned(),
        unit_price: article.unit_price.normalize().to_string(),
        unit_price_display,
        vat_rate_class: article.vat_rate_class.into(),
        vat_rate_today: rate_on(article.vat_rate_class, today),
        kind: if article.is_service {
            ArticleKindCode::Service
        } else {
            ArticleKindCode::Goods
        },
        archived: article.archived,
    }
}

impl App {
    /// A page of articles ordered by name, filtered by the search text; rates as of `today`.
    pub fn articles(
        &self,
        search: &RegisterSearch,
        today: NaiveDate,
    ) -> Result<Vec<ArticleRow>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let articles = store.articles(&search.to_query())?;
            Ok::<_, StoreError>(
                articles
                    .iter()
                    .map(|(id, article)| row(*id, article, today, language))
                    .collect(),
            )
        })
    }

    pub fn article(&self, id: i64, today: NaiveDate) -> Result<ArticleDetails, AppError> {
        self.with_store(|store| {
            let id = ArticleId(id);
            Ok::<_, StoreError>(details(id, &store.article(id)?, today))
        })
    }

    /// The article with this article number.
    pub fn article_by_number(
        &self,
        article_number: &str,
        today: NaiveDate,
    ) -> Result<ArticleDetails, AppError> {
        let number = article_number.trim();
        self.with_store(|store| match store.article_by_number(number)? {
            Some((id, article)) => Ok(details(id, &article, today)),
            None => Err(StoreError::new(
                StoreErrorKind::NotFound,
                Text::new(
                    format!(
                        "Det finns ingen artikel med artikelnummer {number}. Kontrollera numret."
                    ),
                    format!("There is no article with article number {number}. Check the number."),
                ),
            )),
        })
    }

    /// An empty form for a new article: sold by the piece ("st"), goods, at the standard VAT rate.
    /// The Artiklar screen and the CLI both start from it.
    pub fn new_article_form(&self) -> ArticleForm {
        ArticleForm {
            unit: Unit::piece().as_str().to_owned(),
            ..ArticleForm::default()
        }
    }

    /// Checks and adds an article.
    pub fn add_article(
        &self,
        form: &ArticleForm,
        today: NaiveDate,
    ) -> Result<ArticleDetails, AppError> {
        let language = self.language();
        let article = article_from_form(form).for_user(language)?;
        self.with_store(|store| {
            let id = store.add_article(&article)?;
            Ok::<_, StoreError>(details(id, &article, today))
        })
    }

    /// Checks and saves an article; invoices already written keep their own copy of the line.
    pub fn update_article(
        &self,
        id: i64,
        form: &ArticleForm,
        today: NaiveDate,
    ) -> Result<ArticleDetails, AppError> {
        let language = self.language();
        let article = article_from_form(form).for_user(language)?;
        self.with_store(|store| {
            let id = ArticleId(id);
            store.update_article(id, &article)?;
            Ok::<_, StoreError>(details(id, &article, today))
        })
    }
}
