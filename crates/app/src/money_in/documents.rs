//! The documents money-in issues besides sales: reminders, interest invoices and statements. Each
//! is an ordinary issued document (number series, OCR when it asks for money, Peppol UBL, outbox,
//! timeline) with lines outside the scope of VAT, made and issued in one transaction with the
//! record that says what it is.

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Language;
use fakturera_core::invoice::{Discount, Invoice, InvoiceLine, PriceEntry, Rounding};
use fakturera_core::money::Currency;
use fakturera_core::party::{Buyer, Seller};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::unit::Unit;
use fakturera_core::vat::{LineVat, VatTreatment};
use fakturera_store::{
    CustomerId, DocumentKind, DocumentLink, NewDocument, SeriesId, Store, StoredInvoice,
};
use rust_decimal::Decimal;

use crate::error::{AppError, ForUser};
use crate::invoices::issue::ocr_for_number;

/// The parties, dates and currency of a money-in document.
#[derive(Debug, Clone)]
pub(crate) struct DocumentHeader {
    pub seller: Seller,
    pub buyer: Buyer,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub exchange_rate: Decimal,
    pub language: Language,
    /// BT-10, which AutoInvoice needs on every UBL: the customer's reference code, else what the
    /// customer will recognise (their reference, or their customer number).
    pub buyer_reference: String,
    pub notes: String,
}

/// A line of a money-in document: interest, a reminder fee or a note, outside the scope of VAT.
pub(crate) fn outside_vat_line(description: String, amount: Decimal) -> InvoiceLine {
    InvoiceLine {
        article_number: String::new(),
        description,
        quantity: Decimal::ONE,
        unit: Unit::piece(),
        unit_price: amount,
        discount: Discount::None,
        vat: LineVat {
            treatment: VatTreatment::OutsideScope,
            rate: Decimal::ZERO,
        },
    }
}

/// The document: exact amounts (no öresavrundning: what is asked is what was computed).
pub(crate) fn document_invoice(header: DocumentHeader, lines: Vec<InvoiceLine>) -> Invoice {
    let days = u32::try_from((header.due_date - header.issue_date).num_days().max(0)).unwrap_or(0);
    let terms = if days == 0 {
        PaymentTerms::Cash
    } else {
        PaymentTerms::Net { days }
    };
    let mut invoice = Invoice::draft(header.seller, header.buyer, header.issue_date, terms);
    invoice.due_date = header.due_date;
    invoice.currency = header.currency;
    invoice.exchange_rate = header.exchange_rate;
    invoice.language = header.language;
    invoice.price_entry = PriceEntry::ExcludingVat;
    invoice.rounding = Rounding::None;
    invoice.buyer_reference = header.buyer_reference;
    invoice.notes = header.notes;
    invoice.lines = lines;
    invoice
}

/// What the customer recognises as their reference on a document we make for them.
pub(crate) fn reference_for(
    buyer_reference: &str,
    your_reference: &str,
    customer_number: &str,
) -> String {
    [buyer_reference, your_reference, customer_number]
        .into_iter()
        .map(str::trim)
        .find(|value| !value.is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// How many OCR references issuing tries (as for invoices).
const OCR_ATTEMPTS: u32 = 5;

/// Where a money-in document goes and what it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocumentTarget<'a> {
    pub customer_id: CustomerId,
    pub series_id: SeriesId,
    pub kind: DocumentKind,
    /// The record written with it (the reminder, the interest lines, the statement).
    pub link: DocumentLink<'a>,
}

/// Issues `invoice` as the document `target` describes, with its record, in one transaction. A
/// document that asks for money gets an OCR reference from its number.
pub(crate) fn issue_money_document(
    store: &mut Store,
    target: DocumentTarget<'_>,
    invoice: &Invoice,
    now: DateTime<Utc>,
    language: Language,
) -> Result<StoredInvoice, AppError> {
    let DocumentTarget {
        customer_id,
        series_id,
        kind,
        link,
    } = target;
    let asks_for_money = invoice.totals().payable > Decimal::ZERO;
    let mut attempt = 0;
    loop {
        let document = NewDocument {
            customer_id,
            series_id,
            kind,
            invoice,
        };
        let prepare = |draft: &mut Invoice| {
            if asks_for_money {
                let number = draft.number.clone().unwrap_or_default();
                draft.ocr = ocr_for_number(&number, series_id.0, attempt)?;
            }
            Ok(())
        };
        match store.issue_document(&document, now, prepare, &link) {
            Err(error) if error.is_ocr_in_use() && attempt + 1 < OCR_ATTEMPTS => attempt += 1,
            other => return other.for_user(language),
        }
    }
}
