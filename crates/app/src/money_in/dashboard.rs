//! Översikt, the first screen: invoiced per month this year and last year, what is unpaid,
//! overdue and due in the coming 30 days, money to give back, payments to place, delivery
//! problems and reminders due. Every figure is a sum of ledger rows on the same day, computed
//! here; the chart's bar heights too, so the UI only draws.

use chrono::{Datelike, Days, NaiveDate};
use fakturera_core::receivables::Ledger;
use fakturera_store::{LedgerScope, StoreError};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ledger::{ledger_of, money};
use crate::app::App;
use crate::error::AppError;

/// One month of the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthBar {
    /// 1–12.
    pub month: u32,
    /// SEK incl. VAT, invoices less credit invoices.
    pub this_year: String,
    pub last_year: String,
    /// Bar heights in per mille of the tallest bar of both years (0–1000), for drawing only.
    pub this_year_height: u32,
    pub last_year_height: u32,
    /// Months after today's have nothing yet.
    pub future: bool,
}

/// A figure with the number of invoices behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Figure {
    /// SEK.
    pub amount: String,
    #[ts(type = "number")]
    pub count: u32,
}

/// Everything Översikt shows, on `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DashboardView {
    pub today: String,
    #[ts(type = "number")]
    pub year: i32,
    pub months: Vec<MonthBar>,
    /// The tallest bar in SEK: the chart's scale.
    pub scale_max: String,
    pub invoiced_this_year: String,
    /// Last year up to the same day, for a fair comparison.
    pub invoiced_last_year_to_date: String,
    /// Left to pay on every invoice that asks for payment.
    pub unpaid: Figure,
    pub overdue: Figure,
    /// Not overdue, due within the coming 30 days.
    pub due_within_30_days: Figure,
    /// Money customers have to get back (overpaid, or credited after payment).
    pub to_refund: Figure,
    /// Bank payments not yet placed on an invoice.
    pub unplaced_payments: Figure,
    /// Deliveries that failed and wait for the user.
    #[ts(type = "number")]
    pub delivery_problems: u32,
    /// Invoices due for a reminder today, and to hand over for collection.
    #[ts(type = "number")]
    pub reminders_due: u32,
    #[ts(type = "number")]
    pub collection_due: u32,
    #[ts(type = "number")]
    pub drafts: u32,
}

fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Unpaid, overdue, due within 30 days and to refund, from the open items of `ledger`.
pub(crate) fn receivable_figures(ledger: &Ledger, today: NaiveDate) -> [(Decimal, u32); 4] {
    let soon = today.checked_add_days(Days::new(30)).unwrap_or(today);
    let mut figures = [(Decimal::ZERO, 0u32); 4];
    for item in ledger.open_items() {
        if item.settlement.state.asks_for_payment() && item.remaining_sek > Decimal::ZERO {
            figures[0].0 += item.remaining_sek;
            figures[0].1 += 1;
            if item.is_overdue() {
                figures[1].0 += item.remaining_sek;
                figures[1].1 += 1;
            } else if item.due_date <= soon {
                figures[2].0 += item.remaining_sek;
                figures[2].1 += 1;
            }
        } else if item.remaining_sek < Decimal::ZERO {
            figures[3].0 -= item.remaining_sek;
            figures[3].1 += 1;
        }
    }
    figures
}

fn height(amount: Decimal, max: Decimal) -> u32 {
    if max <= Decimal::ZERO || amount <= Decimal::ZERO {
        return 0;
    }
    let per_mille = (amount * Decimal::from(1000) / max).round();
    u32::try_from(per_mille.mantissa())
        .unwrap_or(1000)
        .min(1000)
}

impl App {
    /// The dashboard on `today`.
    pub fn dashboard(&self, today: NaiveDate) -> Result<DashboardView, AppError> {
        self.with_store(|store| {
            let year = today.year();
            let first_last_year = NaiveDate::from_ymd_opt(year - 1, 1, 1).unwrap_or(today);
            let mut this_year = [Decimal::ZERO; 12];
            let mut last_year = [Decimal::ZERO; 12];
            let mut last_year_to_date = Decimal::ZERO;
            let same_day_last_year = today.with_year(year - 1).unwrap_or(today - Days::new(365));
            for part in store.invoiced_per_month(first_last_year, today, same_day_last_year)? {
                let month = usize::try_from(part.month.month0()).unwrap_or(0);
                if part.month.year() == year {
                    this_year[month] += part.sek;
                } else {
                    last_year[month] += part.sek;
                    if part.through_cut {
                        last_year_to_date += part.sek;
                    }
                }
            }
            let max = this_year
                .iter()
                .chain(&last_year)
                .copied()
                .max()
                .unwrap_or_default();
            let months = (0..12)
                .map(|index| MonthBar {
                    month: u32::try_from(index + 1).unwrap_or(1),
                    this_year: money(this_year[index]),
                    last_year: money(last_year[index]),
                    this_year_height: height(this_year[index], max),
                    last_year_height: height(last_year[index], max),
                    future: u32::try_from(index).unwrap_or(0) > today.month0(),
                })
                .collect();
            let ledger = ledger_of(
                store,
                &LedgerScope {
                    customer: None,
                    as_of: today,
                    open_only: true,
                },
            )?;
            let [unpaid, overdue, soon, refund] = receivable_figures(&ledger, today);
            let unplaced = store.unplaced_bank_payments()?;
            // Bankgirot reports in SEK (EUR deposits ended in 2016); an old EUR payment is counted
            // but not summed into SEK.
            let unplaced_sum: Decimal = unplaced
                .iter()
                .filter(|payment| payment.currency == "SEK")
                .map(|payment| payment.unplaced)
                .sum();
            let outbox = store.outbox_counts()?;
            let (reminders_due, collection_due) =
                super::reminders::due_counts(store, &ledger, today)?;
            let figure = |(amount, count): (Decimal, u32)| Figure {
                amount: money(amount),
                count,
            };
            Ok::<_, StoreError>(DashboardView {
                today: today.to_string(),
                year,
                months,
                scale_max: money(max),
                invoiced_this_year: money(this_year.iter().copied().sum()),
                invoiced_last_year_to_date: money(last_year_to_date),
                unpaid: figure(unpaid),
                overdue: figure(overdue),
                due_within_30_days: figure(soon),
                to_refund: figure(refund),
                unplaced_payments: Figure {
                    amount: money(unplaced_sum),
                    count: count(unplaced.len()),
                },
                delivery_problems: u32::try_from(outbox.failed).unwrap_or(u32::MAX),
                reminders_due: count(reminders_due),
                collection_due: count(collection_due),
                drafts: count(store.draft_invoice_ids()?.len()),
            })
        })
    }
}
