//! Invoices and credit invoices: drafts, issuing with gapless numbers, reading back, lists,
//! the event log and payments.
//!
//! Content is stored as the core's `Invoice`; the totals and the VAT summary are computed by
//! the core and stored beside it, so an issued invoice can be shown and reported exactly as it
//! was issued without recomputation.

mod codes;
mod content;
mod credit_links;
mod documents;
mod drafts;
mod events;
pub(crate) mod issue;
mod list;
mod new_row;
mod opening;
mod payments;
mod read;
mod settlement;

use chrono::{DateTime, Utc};
use fakturera_core::invoice::{Invoice, InvoiceStatus, VatSubtotal};
use rust_decimal::Decimal;

use crate::record_ids::{CustomerId, InvoiceId, SeriesId};

pub use credit_links::CreditLink;
pub use documents::{DocumentKind, DocumentLink, NewDocument};
pub(crate) use events::append_event as append_invoice_event_in;
pub use events::{InvoiceEvent, InvoiceEventKind};
pub use list::{InvoiceFilter, InvoiceListQuery, InvoicePage, InvoiceSummary};
pub use opening::{OPENING_SERIES_NAME, OpeningItem};
pub use payments::{MoneyKind, MoneyRecord, NewMoneyRecord, Payment, PaymentStatus};
pub(crate) use payments::{insert_money_record as insert_money_record_in, write_off_in};
pub(crate) use settlement::refresh_every_settlement;

/// The invoice tables and the columns their mappings read or write.
pub(crate) fn mapped_tables() -> Vec<crate::column_list::MappedTable> {
    use content::*;
    let place = || PLACE_COLUMNS.names();
    vec![
        (
            "invoices",
            new_row::NEW_INVOICE_COLUMNS
                .names()
                .chain(INVOICE_CONTENT_COLUMNS.names())
                .chain(TOTALS_COLUMNS.names())
                .chain(STAMP_COLUMNS.names())
                .chain(read::INVOICE_HEADER_READS.iter().copied())
                .chain(issue::ISSUE_WRITES)
                .chain(["id"])
                .collect(),
        ),
        (
            "invoice_seller",
            OF_INVOICE_COLUMNS
                .names()
                .chain(SELLER_COLUMNS.names())
                .collect(),
        ),
        (
            "invoice_buyer",
            OF_INVOICE_COLUMNS
                .names()
                .chain(BUYER_COLUMNS.names())
                .collect(),
        ),
        (
            "invoice_lines",
            place()
                .chain(LINE_COLUMNS.names())
                .chain(LINE_VAT_COLUMNS.names())
                .chain(NET_AMOUNT_COLUMNS.names())
                .collect(),
        ),
        (
            "invoice_charges",
            place()
                .chain(CHARGE_COLUMNS.names())
                .chain(LINE_VAT_COLUMNS.names())
                .chain(NET_AMOUNT_COLUMNS.names())
                .collect(),
        ),
        (
            "invoice_text_rows",
            place().chain(TEXT_ROW_COLUMNS.names()).collect(),
        ),
        (
            "invoice_vat_summary",
            place().chain(VAT_SUMMARY_COLUMNS.names()).collect(),
        ),
        (
            "invoice_events",
            events::INVOICE_EVENT_COLUMNS
                .names()
                .chain(["id"])
                .collect(),
        ),
        (
            "invoice_payments",
            payments::NEW_MONEY_RECORD_COLUMNS
                .names()
                .chain(payments::BOOKED_COLUMNS.names())
                .chain(["id"])
                .collect(),
        ),
        (
            "invoice_payment_state",
            settlement::SETTLEMENT_WRITES
                .names()
                .chain(issue::PAYMENT_STATE_CREATED)
                .collect(),
        ),
        ("opening_items", opening::OPENING_ITEM_WRITES.to_vec()),
    ]
}

/// An invoice as stored: the document plus where it stands and how it is linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInvoice {
    pub id: InvoiceId,
    pub status: InvoiceStatus,
    pub series_id: SeriesId,
    pub customer_id: CustomerId,
    /// For a credit invoice: the invoice it credits.
    pub credited_invoice_id: Option<InvoiceId>,
    /// The document; `invoice.number` is set once issued.
    pub invoice: Invoice,
    /// The VAT summary as computed when last saved, or frozen at issue.
    pub vat_summary: Vec<VatSubtotal>,
    pub payable: Decimal,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub issued_at: Option<DateTime<Utc>>,
}
