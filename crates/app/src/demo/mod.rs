//! Demo data: a realistic Swedish company with customers, articles and a year of invoices
//! (issued, paid, partly paid, overdue, credited, a few drafts), for trying the program and for
//! screenshots. Fast enough to run when the app starts in demo mode.

mod history;
mod registers;
mod year;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use fakturera_core::invoice::{CreditSelection, InvoiceKind, credit_invoice};
use fakturera_core::{Language, Text};
use fakturera_store::{CustomerId, InvoiceId, Payment, Store, StoreError, StoreErrorKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::invoices::choices::article_line;
use crate::invoices::drafts::{default_form, invoice_for};
use crate::invoices::issue::issue_stored;
use year::{Catalogue, Fate, PlannedInvoice, plan_year};

/// What the demo data filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoSummary {
    pub customers: u32,
    pub articles: u32,
    /// Issued invoices, credit invoices included.
    pub issued: u32,
    pub credits: u32,
    pub drafts: u32,
    pub payments: u32,
    /// Issued invoices already delivered to their customers (all but the last few days').
    pub delivered: u32,
}

/// The moment an event of `date` is logged: office hours, a minute apart per step.
fn moment(date: NaiveDate, step: usize) -> DateTime<Utc> {
    let start = date
        .and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default())
        .and_utc();
    start + Duration::minutes(i64::try_from(step).unwrap_or(0))
}

fn not_empty() -> StoreError {
    StoreError::new(
        StoreErrorKind::Conflict,
        Text::new(
            "Företagsfilen innehåller redan kunder, artiklar eller fakturor. Demodata fylls bara i en tom fil; skapa en ny företagsfil.",
            "The company file already has customers, articles or invoices. Demo data only fills an empty file; create a new company file.",
        ),
    )
}

/// One step of the year, in date order, so numbers follow dates.
enum Step {
    Invoice(usize),
    Credit(usize),
}

struct Filler<'a> {
    store: &'a mut Store,
    language: Language,
    customers: Vec<(CustomerId, registers::DemoCustomer)>,
    articles: Vec<fakturera_store::Article>,
    invoice_ids: Vec<Option<InvoiceId>>,
    summary: DemoSummary,
}

impl Filler<'_> {
    fn app_error(&self, error: StoreError) -> AppError {
        error.into_app_error(self.language)
    }

    fn write_invoice(
        &mut self,
        planned: &PlannedInvoice,
        index: usize,
        step: usize,
    ) -> Result<(), AppError> {
        let company = self
            .store
            .company()
            .map_err(|error| self.app_error(error))?;
        let (customer_id, demo) = &self.customers[planned.customer];
        let mut form = default_form(&company, &demo.customer, planned.issue_date);
        form.exchange_rate = demo.exchange_rate.unwrap_or_default().to_owned();
        form.lines = planned
            .lines
            .iter()
            .map(|(article, quantity)| {
                let mut line = article_line(
                    &self.articles[*article],
                    Some(&demo.customer),
                    planned.issue_date,
                );
                line.quantity = quantity.to_string();
                line
            })
            .collect();
        let invoice = invoice_for(
            self.store,
            *customer_id,
            &form,
            InvoiceKind::Invoice,
            self.language,
        )?;
        let now = moment(planned.issue_date, step);
        let id = self
            .store
            .create_draft(*customer_id, &invoice, now)
            .map_err(|error| self.app_error(error))?;
        self.invoice_ids[index] = Some(id);
        if planned.fate == Fate::Draft {
            self.summary.drafts += 1;
        } else {
            issue_stored(self.store, id, now + Duration::seconds(30), self.language)?;
            self.summary.issued += 1;
        }
        Ok(())
    }

    fn write_credit(
        &mut self,
        index: usize,
        on: NaiveDate,
        full: bool,
        step: usize,
    ) -> Result<(), AppError> {
        let Some(original_id) = self.invoice_ids[index] else {
            return Ok(());
        };
        let original = self
            .store
            .invoice(original_id)
            .map_err(|error| self.app_error(error))?;
        let selection = match original.invoice.lines.first() {
            Some(first) if !full => CreditSelection::Lines(vec![(0, first.quantity)]),
            _ => CreditSelection::Full,
        };
        let credit = credit_invoice(&original.invoice, &selection, on).for_user(self.language)?;
        let now = moment(on, step);
        let id = self
            .store
            .create_credit_draft(original_id, &credit, now)
            .map_err(|error| self.app_error(error))?;
        issue_stored(self.store, id, now + Duration::seconds(30), self.language)?;
        self.summary.issued += 1;
        self.summary.credits += 1;
        Ok(())
    }

    fn pay(&mut self, index: usize, on: NaiveDate, percent: u32) -> Result<(), AppError> {
        let Some(id) = self.invoice_ids[index] else {
            return Ok(());
        };
        let payable = self
            .store
            .invoice(id)
            .map_err(|error| self.app_error(error))?
            .payable;
        let amount = (payable * Decimal::from(percent) / Decimal::ONE_HUNDRED).round_dp(2);
        if amount <= Decimal::ZERO {
            return Ok(());
        }
        let ocr = self
            .store
            .invoice(id)
            .map_err(|error| self.app_error(error))?
            .invoice
            .ocr;
        let payment = Payment {
            paid_on: on,
            amount,
            reference: format!("OCR {ocr}"),
        };
        self.store
            .record_payment(id, &payment, moment(on, 600))
            .map_err(|error| self.app_error(error))?;
        self.summary.payments += 1;
        Ok(())
    }
}

impl App {
    /// Fills an empty company file with the demo company, its customers and articles, and a year
    /// of invoices ending on `today`. Refuses (`conflict`) a file that already has records.
    pub fn fill_demo_data(&self, today: NaiveDate) -> Result<DemoSummary, AppError> {
        let language = self.language();
        self.with_store(|store| {
            store
                .with_bulk_writes(|store| fill(store, today, language))
                .for_user(language)?
        })
    }
}

fn fill(store: &mut Store, today: NaiveDate, language: Language) -> Result<DemoSummary, AppError> {
    if !store.has_no_records().for_user(language)? {
        return Err(not_empty().into_app_error(language));
    }
    let company = store.company().for_user(language)?;
    store
        .set_company(&registers::company(&company))
        .for_user(language)?;
    let mut customers = Vec::new();
    for demo in registers::customers() {
        let id = store.add_customer(&demo.customer).for_user(language)?;
        customers.push((id, demo));
    }
    let articles = registers::articles();
    for article in &articles {
        store.add_article(article).for_user(language)?;
    }
    let is_service: Vec<bool> = articles.iter().map(|article| article.is_service).collect();
    let is_hourly: Vec<bool> = articles
        .iter()
        .map(|article| article.unit.as_str() == "tim")
        .collect();
    let weights: Vec<u32> = customers.iter().map(|(_, demo)| demo.weight).collect();
    let goods: Vec<bool> = customers.iter().map(|(_, demo)| demo.buys_goods).collect();
    let plan = plan_year(
        today,
        &Catalogue {
            article_is_service: &is_service,
            article_is_hourly: &is_hourly,
            customer_weights: &weights,
            customer_buys_goods: &goods,
        },
    );
    let mut filler = Filler {
        store,
        language,
        summary: DemoSummary {
            customers: u32::try_from(customers.len()).unwrap_or(u32::MAX),
            articles: u32::try_from(articles.len()).unwrap_or(u32::MAX),
            issued: 0,
            credits: 0,
            drafts: 0,
            payments: 0,
            delivered: 0,
        },
        customers,
        articles,
        invoice_ids: vec![None; plan.len()],
    };
    let mut steps: Vec<(NaiveDate, Step)> = Vec::new();
    for (index, planned) in plan.iter().enumerate() {
        steps.push((planned.issue_date, Step::Invoice(index)));
        if let Fate::Credited { on, .. } = planned.fate {
            steps.push((on, Step::Credit(index)));
        }
    }
    // Stable: on one day, invoices come before credits in plan order.
    steps.sort_by_key(|(date, _)| *date);
    for (step, (date, what)) in steps.iter().enumerate() {
        match what {
            Step::Invoice(index) => filler.write_invoice(&plan[*index], *index, step)?,
            Step::Credit(index) => {
                if let Fate::Credited { full, .. } = plan[*index].fate {
                    filler.write_credit(*index, *date, full, step)?;
                }
            }
        }
    }
    for (index, planned) in plan.iter().enumerate() {
        match planned.fate {
            Fate::Paid { on } => filler.pay(index, on, 100)?,
            Fate::PartlyPaid { on, percent } => filler.pay(index, on, percent)?,
            Fate::Draft | Fate::Unpaid | Fate::Credited { .. } => {}
        }
    }
    let mut summary = filler.summary;
    summary.delivered = history::record_deliveries(store, today, language)?;
    Ok(summary)
}
