//! Räntefakturor: late-payment interest on what each customer paid late or still owes, computed
//! by the core per day and rate period, invoiced as real invoices (the default number series,
//! OCR, Peppol UBL, outbox) that list every late period with its days and rate. A period once
//! invoiced is never charged again.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use fakturera_core::Language;
use fakturera_core::money::Currency;
use fakturera_core::receivables::{
    EntryKind, InterestRate, Ledger, PrincipalHistory, ReferenceRates, interest_segments, to_sek,
};
use fakturera_store::{
    CustomerId, DocumentKind, DocumentLink, InterestCharge, InvoiceId, LedgerScope, Store,
    StoreError,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::documents::{
    DocumentHeader, DocumentTarget, document_invoice, issue_money_document, outside_vat_line,
    reference_for,
};
use super::ledger::{ledger_of, money, names};
use crate::app::App;
use crate::error::{AppError, IntoAppError};
use crate::invoice_form::parse_decimal;

/// One late period of one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterestLineView {
    #[ts(type = "number")]
    pub invoice_id: i64,
    pub invoice_number: String,
    pub from: String,
    pub to: String,
    #[ts(type = "number")]
    pub days: u32,
    pub principal: String,
    /// Percent per year.
    pub rate: String,
    pub amount: String,
}

/// The interest one customer owes in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterestClaim {
    #[ts(type = "number")]
    pub customer_id: i64,
    pub customer_name: String,
    pub currency: String,
    pub lines: Vec<InterestLineView>,
    pub total: String,
    pub total_sek: String,
    /// Below the company's minimum: not invoiced (it stays for a later run).
    pub below_minimum: bool,
}

/// The interest to invoice on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterestProposal {
    pub as_of: String,
    pub claims: Vec<InterestClaim>,
}

/// An interest invoice as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InterestInvoiceView {
    #[ts(type = "number")]
    pub document_id: i64,
    pub number: String,
    pub ocr: String,
    pub claim: InterestClaim,
}

/// A reference rate as the settings list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReferenceRateView {
    pub valid_from: String,
    pub rate: String,
}

#[derive(Debug)]
struct Claim {
    customer_id: i64,
    currency: String,
    rate_sek: Decimal,
    charges: Vec<InterestCharge>,
    numbers: Vec<String>,
}

/// Every customer's interest on `as_of`, per currency.
fn claims(store: &Store, as_of: NaiveDate, language: Language) -> Result<Vec<Claim>, AppError> {
    let to_app = |error: StoreError| error.into_app_error(language);
    let settings = store.receivables_settings().map_err(to_app)?;
    let exempt: HashSet<i64> = settings.exempt_customers.iter().map(|id| id.0).collect();
    let skip: HashSet<i64> = store
        .document_ids_of_kinds(&[
            DocumentKind::Reminder,
            DocumentKind::Statement,
            DocumentKind::Interest,
        ])
        .map_err(to_app)?
        .into_iter()
        .map(|id| id.0)
        .collect();
    let rates = ReferenceRates::new(store.reference_rates().map_err(to_app)?);
    let ledger: Ledger = ledger_of(
        store,
        &LedgerScope {
            customer: None,
            as_of,
            open_only: false,
        },
    )
    .map_err(to_app)?;
    let mut by_key: BTreeMap<(i64, String), Claim> = BTreeMap::new();
    for item in &ledger.items {
        if exempt.contains(&item.customer_id) || skip.contains(&item.invoice_id) {
            continue;
        }
        let mut rows: Vec<_> = ledger
            .rows
            .iter()
            .filter(|row| row.settles == item.invoice_id)
            .collect();
        rows.sort_by_key(|row| (row.date, row.kind != EntryKind::Invoice));
        let mut left = Decimal::ZERO;
        let mut changes: Vec<(NaiveDate, Decimal)> = Vec::new();
        for row in rows {
            left += row.amount;
            match changes.last_mut() {
                Some((day, amount)) if *day == row.date => *amount = left,
                _ => changes.push((row.date, left)),
            }
        }
        let history = PrincipalHistory {
            due_date: item.due_date,
            changes,
        };
        let stored = store.invoice(InvoiceId(item.invoice_id)).map_err(to_app)?;
        let charged_until = store
            .interest_charged_until(InvoiceId(item.invoice_id))
            .map_err(to_app)?;
        let from = charged_until
            .and_then(|day| day.checked_add_days(Days::new(1)))
            .unwrap_or(item.due_date);
        let rate = match stored.invoice.seller.late_payment_interest {
            Some(rate) => InterestRate::Fixed(rate),
            None => InterestRate::Statutory,
        };
        let segments = interest_segments(&history, from, as_of, rate, &rates)
            .map_err(|error| fakturera_core::FieldErrors::from(error).into_app_error(language))?;
        if segments.is_empty() {
            continue;
        }
        let claim = by_key
            .entry((item.customer_id, item.currency.clone()))
            .or_insert_with(|| Claim {
                customer_id: item.customer_id,
                currency: item.currency.clone(),
                rate_sek: stored.invoice.exchange_rate,
                charges: Vec::new(),
                numbers: Vec::new(),
            });
        claim.rate_sek = stored.invoice.exchange_rate;
        for segment in segments {
            claim.charges.push(InterestCharge {
                invoice_id: InvoiceId(item.invoice_id),
                period_from: segment.from,
                period_to: segment.to,
                principal: segment.principal,
                rate: segment.rate,
                days: segment.days,
                amount: segment.amount,
            });
            claim.numbers.push(item.number.clone());
        }
    }
    Ok(by_key.into_values().collect())
}

fn claim_view(claim: &Claim, customer_name: String, minimum_sek: Decimal) -> InterestClaim {
    let total: Decimal = claim.charges.iter().map(|charge| charge.amount).sum();
    let total_sek = to_sek(total, claim.rate_sek);
    InterestClaim {
        customer_id: claim.customer_id,
        customer_name,
        currency: claim.currency.clone(),
        lines: claim
            .charges
            .iter()
            .zip(&claim.numbers)
            .map(|(charge, number)| InterestLineView {
                invoice_id: charge.invoice_id.0,
                invoice_number: number.clone(),
                from: charge.period_from.to_string(),
                to: charge.period_to.to_string(),
                days: charge.days,
                principal: money(charge.principal),
                rate: charge.rate.normalize().to_string(),
                amount: money(charge.amount),
            })
            .collect(),
        total: money(total),
        total_sek: money(total_sek),
        below_minimum: total_sek < minimum_sek,
    }
}

fn line_text(language: Language, number: &str, charge: &InterestCharge) -> String {
    let principal = fakturera_pdf::format_amount(charge.principal, language);
    let rate = charge.rate.normalize().to_string();
    match language {
        Language::Swedish => format!(
            "Dröjsmålsränta faktura {number}: {} – {}, {} dagar à {} % på {principal}",
            charge.period_from,
            charge.period_to,
            charge.days,
            rate.replace('.', ",")
        ),
        Language::English => format!(
            "Late-payment interest, invoice {number}: {} – {}, {} days at {rate} % on {principal}",
            charge.period_from, charge.period_to, charge.days
        ),
    }
}

impl App {
    /// The interest each customer owes on `as_of` (per currency), not yet invoiced.
    pub fn interest_proposal(&self, as_of: NaiveDate) -> Result<InterestProposal, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let minimum = store
                .receivables_settings()
                .map_err(to_app)?
                .interest_min_amount;
            let names = names(store).map_err(to_app)?;
            let claims = claims(store, as_of, language)?;
            Ok::<_, AppError>(InterestProposal {
                as_of: as_of.to_string(),
                claims: claims
                    .iter()
                    .map(|claim| {
                        let name = names
                            .get(&claim.customer_id)
                            .map(|name| name.name.clone())
                            .unwrap_or_default();
                        claim_view(claim, name, minimum)
                    })
                    .collect(),
            })
        })
    }

    /// Issues an interest invoice for each claim on `as_of` at or above the minimum (for the
    /// customers listed, or all), dated `today`, due by the customer's terms.
    pub fn create_interest_invoices(
        &self,
        customer_ids: Option<&[i64]>,
        as_of: NaiveDate,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Vec<InterestInvoiceView>, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let minimum = store.receivables_settings().map_err(to_app)?.interest_min_amount;
            let company = store.company().map_err(to_app)?;
            let series = store.default_series().map_err(to_app)?.id;
            let mut made = Vec::new();
            for claim in claims(store, as_of, language)? {
                if customer_ids.is_some_and(|ids| !ids.contains(&claim.customer_id)) {
                    continue;
                }
                let customer = store.customer(CustomerId(claim.customer_id)).map_err(to_app)?;
                let view = claim_view(&claim, customer.name.clone(), minimum);
                if view.below_minimum {
                    continue;
                }
                let terms = customer.payment_terms.unwrap_or(company.default_payment_terms);
                let lines = claim
                    .charges
                    .iter()
                    .zip(&claim.numbers)
                    .map(|(charge, number)| {
                        outside_vat_line(line_text(customer.language, number, charge), charge.amount)
                    })
                    .collect();
                let notes = match customer.language {
                    Language::Swedish => "Räntefaktura: dröjsmålsränta enligt räntelagen för betalningar efter förfallodagen.".to_owned(),
                    Language::English => "Interest invoice: late-payment interest under the Swedish Interest Act for payments after the due date.".to_owned(),
                };
                let invoice = document_invoice(
                    DocumentHeader {
                        seller: company.seller(),
                        buyer: customer.buyer(),
                        issue_date: today,
                        due_date: terms.due_date(today),
                        currency: Currency::parse(&claim.currency).unwrap_or_else(|_| Currency::sek()),
                        exchange_rate: claim.rate_sek,
                        language: customer.language,
                        buyer_reference: reference_for(
                            &customer.buyer_reference,
                            &customer.your_reference,
                            &customer.customer_number,
                        ),
                        notes,
                    },
                    lines,
                );
                let issued = issue_money_document(
                    store,
                    DocumentTarget {
                        customer_id: CustomerId(claim.customer_id),
                        series_id: series,
                        kind: DocumentKind::Interest,
                        link: DocumentLink::Interest(&claim.charges),
                    },
                    &invoice,
                    now,
                    language,
                )?;
                made.push(InterestInvoiceView {
                    document_id: issued.id.0,
                    number: issued.invoice.number.clone().unwrap_or_default(),
                    ocr: issued.invoice.ocr.clone(),
                    claim: view,
                });
            }
            Ok::<_, AppError>(made)
        })
    }

    /// Riksbanken's reference rates, oldest first.
    pub fn reference_rates(&self) -> Result<Vec<ReferenceRateView>, AppError> {
        self.with_store(|store| {
            Ok::<_, StoreError>(
                store
                    .reference_rates()?
                    .into_iter()
                    .map(|(valid_from, rate)| ReferenceRateView {
                        valid_from: valid_from.to_string(),
                        rate: rate.normalize().to_string(),
                    })
                    .collect(),
            )
        })
    }

    /// Adds (or corrects) the reference rate of the half-year starting `valid_from`.
    pub fn set_reference_rate(
        &self,
        valid_from: &str,
        rate: &str,
    ) -> Result<Vec<ReferenceRateView>, AppError> {
        let language = self.language();
        let day = NaiveDate::parse_from_str(valid_from.trim(), "%Y-%m-%d").map_err(|_| {
            fakturera_core::FieldErrors::from(fakturera_core::FieldError::new(
                "valid_from",
                "date",
                fakturera_core::Text::new(
                    "Ange dagen som ÅÅÅÅ-MM-DD, 1 januari eller 1 juli.",
                    "Enter the day as YYYY-MM-DD, 1 January or 1 July.",
                ),
            ))
            .into_app_error(language)
        })?;
        let rate = parse_decimal(rate, "rate", ("Räntan", "The rate"))
            .map_err(|error| fakturera_core::FieldErrors::from(error).into_app_error(language))?;
        self.with_store(|store| store.set_reference_rate(day, rate))?;
        self.reference_rates()
    }
}
