//! Issuing: the final check, then the store numbers and locks the invoice in one transaction,
//! and the OCR reference is made from the number inside that same transaction.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::ids::{LengthDigit, Ocr};
use fakturera_core::invoice::{Invoice, validate_for_issue};
use fakturera_core::{FieldErrors, Language};
use fakturera_store::{InvoiceId, Store, StoreError};

use super::detail::{InvoiceDetail, is_draft, read_detail};
use crate::app::App;
use crate::error::{AppError, ForUser, IntoAppError};
use crate::send_check::{CheckStage, refuse_when_blocked};

/// The OCR reference for an invoice number: its digits with the length and Luhn check digits.
/// A number series with letters ("F-1001") pays with the digits ("1001...").
///
/// Two series whose prefixes differ only in letters ("F-1001", "K-1001") give the same digits,
/// and a payment is matched by OCR alone, so when the store reports the reference taken the
/// invoice is issued again with `attempt` 1, 2, ...: the digits, a 0, the series id and, from the
/// second retry on, the attempt — still made only from data on the invoice, and checked again.
pub(crate) fn ocr_for_number(
    number: &str,
    series: i64,
    attempt: u32,
) -> Result<String, FieldErrors> {
    let mut payload: String = number.chars().filter(char::is_ascii_digit).collect();
    if attempt > 0 {
        payload.push('0');
        payload.push_str(&series.to_string());
    }
    if attempt > 1 {
        payload.push_str(&attempt.to_string());
    }
    Ocr::generate(&payload, LengthDigit::With)
        .map(|ocr| ocr.digits().to_owned())
        .map_err(FieldErrors::from)
}

/// How many references issuing tries before it gives up; a second retry is already a sign of a
/// hand-edited file.
const OCR_ATTEMPTS: u32 = 5;

/// The draft as it will be issued: an ordinary invoice takes the company and the customer as they
/// are now; a credit invoice keeps the parties of the invoice it credits.
pub(crate) fn refreshed(store: &Store, id: InvoiceId) -> Result<Invoice, StoreError> {
    let stored = store.invoice(id)?;
    let mut invoice = stored.invoice;
    if !invoice.is_credit() {
        invoice.seller = store.company()?.seller();
        let customer = store.customer(stored.customer_id)?;
        let language = invoice.language;
        invoice.buyer = customer.buyer();
        invoice.language = language;
    }
    Ok(invoice)
}

fn check_before_issue(invoice: &Invoice, language: Language) -> Result<(), AppError> {
    // The number is not known yet; a placeholder lets the core check everything else.
    let mut candidate = invoice.clone();
    candidate.number = Some("0".to_owned());
    crate::invoice_form::form_fields(invoice, validate_for_issue(&candidate))
        .into_result(())
        .for_user(language)
}

/// Issues the draft `id` inside the store: the final check, then number, OCR and lock in one
/// transaction. Shared by the issue use case and the demo data.
pub(crate) fn issue_stored(
    store: &mut Store,
    id: InvoiceId,
    now: DateTime<Utc>,
    language: Language,
) -> Result<(), AppError> {
    issue_checked(store, id, now, language, None)
}

/// Like [`issue_stored`], and puts the invoice in the outbox as `entry` in the same transaction
/// ("Skicka" on a draft), so it is never numbered without being queued.
pub(crate) fn issue_stored_and_queue(
    store: &mut Store,
    id: InvoiceId,
    now: DateTime<Utc>,
    language: Language,
    entry: &fakturera_store::NewOutboxEntry,
) -> Result<(), AppError> {
    issue_checked(store, id, now, language, Some(entry))
}

/// The checks and the issue itself; with `queue`, the outbox entry too.
fn issue_checked(
    store: &mut Store,
    id: InvoiceId,
    now: DateTime<Utc>,
    language: Language,
    queue: Option<&fakturera_store::NewOutboxEntry>,
) -> Result<(), AppError> {
    let stored = store.invoice(id).for_user(language)?;
    if !is_draft(&stored) {
        // The store refuses too; this says so before any other check.
        return Err(super::drafts::issued_conflict().into_app_error(language));
    }
    let ready = refreshed(store, id).for_user(language)?;
    check_before_issue(&ready, language)?;
    // What would stop the invoice on its way to the customer must be fixed while it can still be
    // changed: once locked, only a credit invoice could correct it.
    let customer = store.customer(stored.customer_id).for_user(language)?;
    refuse_when_blocked(&ready, &customer, CheckStage::Issue, language)?;
    let series = stored.series_id.0;
    let mut attempt = 0;
    loop {
        let prepare = |invoice: &mut Invoice| {
            let number = invoice.number.clone().unwrap_or_default();
            invoice.seller = ready.seller.clone();
            invoice.buyer = ready.buyer.clone();
            if !invoice.is_credit() {
                invoice.ocr = ocr_for_number(&number, series, attempt)?;
            }
            Ok(())
        };
        let issued = match queue {
            Some(entry) => store.issue_invoice_for_sending(id, now, prepare, entry),
            None => store.issue_invoice(id, now, prepare),
        };
        match issued {
            Err(error) if error.is_ocr_in_use() && attempt + 1 < OCR_ATTEMPTS => attempt += 1,
            other => {
                return other.map(|_| ()).for_user(language);
            }
        }
    }
}

impl App {
    /// Issues the draft `id`: checks it for Swedish law and completeness (every problem named by
    /// field), then assigns the next number of its series, makes the OCR reference and locks it.
    pub fn issue_invoice(
        &self,
        id: i64,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<InvoiceDetail, AppError> {
        let language = self.language();
        self.with_store(|store| {
            issue_stored(store, InvoiceId(id), now, language)?;
            read_detail(store, InvoiceId(id), today, language).for_user(language)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocr_comes_from_the_digits_of_the_number() {
        let cases = [
            ("1", "1" /* + length + check */),
            ("F-1001", "1001"),
            ("2026-17", "202617"),
        ];
        for (number, payload) in cases {
            let ocr = ocr_for_number(number, 1, 0).expect(number);
            assert!(ocr.starts_with(payload), "{number} -> {ocr}");
            assert_eq!(ocr.len(), payload.len() + 2, "{number} -> {ocr}");
            assert!(
                Ocr::parse_with_length_digit(&ocr).is_ok(),
                "{number} -> {ocr}"
            );
        }
        // The README's vector: 10045 with length digit gives 1004571.
        assert_eq!(ocr_for_number("10045", 1, 0).expect("digits"), "1004571");
        assert!(ocr_for_number("ABC", 1, 0).is_err());
    }
}
