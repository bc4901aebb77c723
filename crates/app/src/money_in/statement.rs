//! The customer statement (kontoutdrag): the customer's open invoices on a day with what is left
//! on each and the balance, as a PDF in the invoice's look; and as a document of its own that is
//! sent through AutoInvoice like an invoice (by the customer's delivery choice).

use chrono::{DateTime, NaiveDate, Utc};
use fakturera_core::Language;
use fakturera_core::money::Currency;
use fakturera_core::receivables::Ledger;
use fakturera_pdf::{Letter, LetterColumn, format_amount};
use fakturera_store::{
    CustomerId, DocumentKind, DocumentLink, LedgerScope, NewStatement, Store, StoreError,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::documents::{
    DocumentHeader, DocumentTarget, document_invoice, issue_money_document, outside_vat_line,
    reference_for,
};
use super::ledger::ledger_of;
use crate::app::App;
use crate::error::{AppError, IntoAppError};

/// A statement document made for sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatementDocument {
    /// The document's id: send it with `send_invoice`, follow it with `delivery_timeline`.
    #[ts(type = "number")]
    pub document_id: i64,
    pub number: String,
    #[ts(type = "number")]
    pub customer_id: i64,
    pub as_of: String,
    pub balance_sek: String,
}

fn words(language: Language) -> [&'static str; 12] {
    match language {
        Language::Swedish => [
            "Kontoutdrag",
            "Datum",
            "Kundnummer",
            "Faktura",
            "Fakturadatum",
            "Förfallodatum",
            "Belopp",
            "Kvar att betala",
            "Förfallet",
            "Saldo",
            "Här är era öppna fakturor och ert saldo hos oss den {date}. Betala varje faktura med dess OCR-nummer, och hör av er om något inte stämmer.",
            "Ett negativt belopp är pengar ni har att få tillbaka.",
        ],
        Language::English => [
            "Statement of account",
            "Date",
            "Customer number",
            "Invoice",
            "Invoice date",
            "Due date",
            "Amount",
            "Left to pay",
            "Overdue",
            "Balance",
            "These are your open invoices and your balance with us on {date}. Pay each invoice with its OCR reference, and let us know if anything is wrong.",
            "A negative amount is money you have to get back.",
        ],
    }
}

/// The statement of `customer_id` on `as_of` as a letter, from the ledger of that day.
pub(crate) fn statement_letter(
    store: &Store,
    customer_id: CustomerId,
    as_of: NaiveDate,
    number: Option<&str>,
) -> Result<(Letter, Decimal), StoreError> {
    let customer = store.customer(customer_id)?;
    let language = customer.language;
    let [
        title,
        date_label,
        customer_label,
        invoice,
        issued,
        due,
        amount,
        left,
        overdue,
        balance,
        intro,
        note,
    ] = words(language);
    let ledger: Ledger = ledger_of(
        store,
        &LedgerScope {
            customer: Some(customer_id),
            as_of,
            open_only: true,
        },
    )?;
    let money = |value: Decimal, currency: &str| {
        let text = format_amount(value, language);
        if currency == "SEK" {
            text
        } else {
            format!("{text} {currency}")
        }
    };
    let mut rows = Vec::new();
    let mut payable_of = std::collections::HashMap::new();
    let (documents, _) = store.ledger_records(&LedgerScope {
        customer: Some(customer_id),
        as_of,
        open_only: true,
    })?;
    for document in &documents {
        payable_of.insert(document.id, (document.payable, document.ocr.clone()));
    }
    let mut overdue_sek = Decimal::ZERO;
    for item in ledger.open_items() {
        if item.is_overdue() {
            overdue_sek += item.remaining_sek;
        }
        let (payable, ocr) = payable_of
            .get(&item.invoice_id)
            .cloned()
            .unwrap_or_default();
        rows.push(vec![
            item.number.clone(),
            item.issue_date.to_string(),
            item.due_date.to_string(),
            ocr,
            money(payable, &item.currency),
            money(item.settlement.remaining, &item.currency),
        ]);
    }
    let balance_sek = ledger.balance_sek();
    let mut facts = vec![(date_label.to_owned(), as_of.to_string())];
    if let Some(number) = number {
        facts.insert(0, (format!("{title} nr"), number.to_owned()));
    }
    facts.push((customer_label.to_owned(), customer.customer_number.clone()));
    let letter = Letter {
        language,
        title: title.to_owned(),
        seller: store.company()?.seller(),
        buyer: customer.buyer(),
        date: as_of,
        facts,
        introduction: vec![intro.replace("{date}", &as_of.to_string())],
        columns: vec![
            LetterColumn {
                title: invoice.to_owned(),
                width_mm: 20,
                right: false,
            },
            LetterColumn {
                title: issued.to_owned(),
                width_mm: 25,
                right: false,
            },
            LetterColumn {
                title: due.to_owned(),
                width_mm: 25,
                right: false,
            },
            LetterColumn {
                title: "OCR".to_owned(),
                width_mm: 30,
                right: false,
            },
            LetterColumn {
                title: amount.to_owned(),
                width_mm: 32,
                right: true,
            },
            LetterColumn {
                title: left.to_owned(),
                width_mm: 38,
                right: true,
            },
        ],
        rows,
        totals: vec![
            (
                format!("{overdue} (SEK)"),
                format_amount(overdue_sek, language),
                false,
            ),
            (
                format!("{balance} (SEK)"),
                format_amount(balance_sek, language),
                true,
            ),
        ],
        payment: None,
        closing: vec![note.to_owned()],
        identity: format!(
            "{}|{as_of}|{}",
            customer.customer_number,
            number.unwrap_or("")
        ),
    };
    Ok((letter, balance_sek))
}

impl App {
    /// The statement PDF of customer `customer_id` on `as_of` (a preview: no document is made).
    pub fn statement_pdf(&self, customer_id: i64, as_of: NaiveDate) -> Result<Vec<u8>, AppError> {
        let language = self.language();
        let (letter, logo) = self.with_store(|store| {
            let (letter, _) = statement_letter(store, CustomerId(customer_id), as_of, None)?;
            Ok::<_, StoreError>((letter, store.company_logo()?))
        })?;
        super::letters::render(&letter, logo.as_ref(), language)
    }

    /// Makes the statement of `customer_id` on `as_of` a numbered document, ready to send through
    /// AutoInvoice like an invoice (`send_invoice` with its id).
    pub fn create_statement(
        &self,
        customer_id: i64,
        as_of: NaiveDate,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<StatementDocument, AppError> {
        let language = self.language();
        self.with_store(|store| {
            let to_app = |error: StoreError| error.into_app_error(language);
            let customer = store.customer(CustomerId(customer_id)).map_err(to_app)?;
            let (_, balance) =
                statement_letter(store, CustomerId(customer_id), as_of, None).map_err(to_app)?;
            let series = store.series_named("Kontoutdrag", "KU").map_err(to_app)?;
            let buyer = customer.buyer();
            let description = match customer.language {
                Language::Swedish => format!("Kontoutdrag per {as_of}"),
                Language::English => format!("Statement of account on {as_of}"),
            };
            let invoice = document_invoice(
                DocumentHeader {
                    seller: store.company().map_err(to_app)?.seller(),
                    buyer,
                    issue_date: today,
                    due_date: today,
                    currency: Currency::sek(),
                    exchange_rate: Decimal::ONE,
                    language: customer.language,
                    buyer_reference: reference_for(
                        &customer.buyer_reference,
                        &customer.your_reference,
                        &customer.customer_number,
                    ),
                    notes: String::new(),
                },
                vec![outside_vat_line(description, Decimal::ZERO)],
            );
            let record = NewStatement {
                customer_id: CustomerId(customer_id),
                as_of,
                balance,
            };
            let issued = issue_money_document(
                store,
                DocumentTarget {
                    customer_id: CustomerId(customer_id),
                    series_id: series,
                    kind: DocumentKind::Statement,
                    link: DocumentLink::Statement(&record),
                },
                &invoice,
                now,
                language,
            )?;
            Ok::<_, AppError>(StatementDocument {
                document_id: issued.id.0,
                number: issued.invoice.number.unwrap_or_default(),
                customer_id,
                as_of: as_of.to_string(),
                balance_sek: super::ledger::money(balance),
            })
        })
    }
}
