//! Export of the registers and the invoices to CSV (semicolon-separated, UTF-8 with BOM so Excel
//! shows å, ä and ö) or Excel (xlsx, every cell text so numbers like 0701… keep their zeros), in
//! the very columns the import reads.

use std::path::Path;

use chrono::NaiveDate;
use fakturera_core::invoice::{ChargeKind, Discount, InvoiceKind};
use fakturera_core::{FieldError, FieldErrors, Language, Text};
use fakturera_store::{Store, StoreError};
use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RegisterKind;
use super::columns::{ARTICLE_FIELDS, CUSTOMER_FIELDS, FieldSpec};
use crate::app::App;
use crate::articles::form_from_article;
use crate::customers::form_from_customer;
use crate::documents::write_whole;
use crate::error::{AppError, ForUser};

/// The kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    #[default]
    Csv,
    Xlsx,
}

/// What to export; invoices may be limited to dates.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    pub kind: RegisterKind,
    pub format: ExportFormat,
    /// First invoice date (YYYY-MM-DD); empty for all.
    pub from: String,
    pub to: String,
}

/// Where the export went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportedFile {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub rows: u32,
}

/// The headings of an export: the first heading of each field, as the import reads them.
fn headings(fields: &[FieldSpec]) -> Vec<String> {
    fields
        .iter()
        .map(|field| field.headings[0].to_owned())
        .collect()
}

/// A code enum's serde name ("company", "einvoice").
fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn yes_no(value: bool) -> String {
    if value { "ja" } else { "nej" }.to_owned()
}

fn customer_table(store: &Store) -> Result<(Vec<String>, Vec<Vec<String>>), StoreError> {
    let rows = store
        .all_customers()?
        .iter()
        .map(|(_, customer)| {
            let form = form_from_customer(customer);
            let delivery = form.delivery_address.clone().unwrap_or_default();
            vec![
                form.customer_number,
                code(&form.kind),
                form.name,
                form.legal_id,
                form.vat_number,
                form.address.street,
                form.address.street2,
                form.address.postal_code,
                form.address.city,
                form.address.country_code,
                delivery.street,
                delivery.street2,
                delivery.postal_code,
                delivery.city,
                delivery.country_code,
                form.email,
                form.copy_email,
                form.phone,
                form.contact_name,
                form.our_reference,
                form.your_reference,
                form.buyer_reference,
                form.payment_terms,
                form.currency,
                code(&form.language),
                code(&form.delivery_choice),
                code(&form.vat_treatment),
                form.notes,
                yes_no(form.archived),
            ]
        })
        .collect();
    Ok((headings(CUSTOMER_FIELDS), rows))
}

fn article_table(store: &Store) -> Result<(Vec<String>, Vec<Vec<String>>), StoreError> {
    let rows = store
        .all_articles()?
        .iter()
        .map(|(_, article)| {
            let form = form_from_article(article);
            vec![
                form.article_number,
                form.name,
                form.unit,
                form.unit_price,
                code(&form.vat_rate_class),
                code(&form.kind),
                yes_no(form.archived),
            ]
        })
        .collect();
    Ok((headings(ARTICLE_FIELDS), rows))
}

const INVOICE_HEADINGS: [&str; 26] = [
    "Fakturanummer",
    "Typ",
    "Krediterar",
    "Fakturadatum",
    "Förfallodatum",
    "Kundnummer",
    "Kundnamn",
    "Valuta",
    "Kurs",
    "OCR",
    "Netto",
    "Moms",
    "Öresavrundning",
    "Att betala",
    "Betalt",
    "Restbelopp",
    "Rad",
    "Artikelnummer",
    "Benämning",
    "Antal",
    "Enhet",
    "À-pris",
    "Rabatt %",
    "Momsbehandling",
    "Momssats",
    "Radbelopp",
];

/// One row per invoice line (and per fee or freight), the invoice's own columns repeated, so the
/// file reads back as opening items (Fakturanummer, Kundnummer, dates, Restbelopp, OCR) too.
fn invoice_table(
    store: &Store,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<(Vec<String>, Vec<Vec<String>>), StoreError> {
    let mut rows = Vec::new();
    for id in store.issued_invoice_ids(from, to)? {
        let stored = store.invoice(id)?;
        let invoice = &stored.invoice;
        let totals = invoice.totals();
        let paid = store
            .payment_status(id)?
            .map(|status| status.paid)
            .unwrap_or_default();
        let (kind, credits) = match &invoice.kind {
            InvoiceKind::Invoice => ("Faktura", String::new()),
            InvoiceKind::Credit(reference) => ("Kreditfaktura", reference.number.clone()),
        };
        let head = vec![
            invoice.number.clone().unwrap_or_default(),
            kind.to_owned(),
            credits,
            invoice.issue_date.to_string(),
            invoice.due_date.to_string(),
            invoice.buyer.customer_number.clone(),
            invoice.buyer.name.clone(),
            invoice.currency.code().to_owned(),
            invoice.exchange_rate.normalize().to_string(),
            invoice.ocr.clone(),
            format!("{:.2}", totals.tax_exclusive),
            format!("{:.2}", totals.vat_total),
            format!("{:.2}", totals.rounding),
            format!("{:.2}", totals.payable),
            format!("{:.2}", paid),
            format!("{:.2}", totals.payable - paid),
        ];
        let mut position = 0;
        for (line, amounts) in invoice.lines.iter().zip(&totals.lines) {
            position += 1;
            let discount = match line.discount {
                Discount::Percent(percent) => percent.normalize().to_string(),
                Discount::None | Discount::Amount(_) => String::new(),
            };
            let mut row = head.clone();
            row.extend([
                position.to_string(),
                line.article_number.clone(),
                line.description.clone(),
                line.quantity.normalize().to_string(),
                line.unit.as_str().to_owned(),
                line.unit_price.normalize().to_string(),
                discount,
                line.vat.treatment.code().to_owned(),
                line.vat.effective_rate().normalize().to_string(),
                format!("{:.2}", amounts.net),
            ]);
            rows.push(row);
        }
        for (charge, net) in invoice.charges.iter().zip(&totals.charges) {
            position += 1;
            let name = match charge.kind {
                ChargeKind::InvoiceFee => "Fakturaavgift",
                ChargeKind::Freight => "Frakt",
            };
            let mut row = head.clone();
            row.extend([
                position.to_string(),
                String::new(),
                name.to_owned(),
                "1".to_owned(),
                String::new(),
                charge.amount.normalize().to_string(),
                String::new(),
                charge.vat.treatment.code().to_owned(),
                charge.vat.effective_rate().normalize().to_string(),
                format!("{net:.2}"),
            ]);
            rows.push(row);
        }
    }
    Ok((
        INVOICE_HEADINGS.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    ))
}

fn csv_bytes(headings: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(headings)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

fn xlsx_bytes(
    headings: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = Format::new().set_bold();
    for (column, heading) in headings.iter().enumerate() {
        let column = u16::try_from(column).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, column, heading, &bold)?;
        sheet.set_column_width(column, 16)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (column, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(line, u16::try_from(column).unwrap_or(u16::MAX), cell)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

fn optional_date(text: &str, field: &str) -> Result<Option<NaiveDate>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.trim().parse().map(Some).map_err(|_| {
        FieldError::new(
            field,
            "date",
            Text::new(
                format!("\"{text}\" är inget datum. Skriv det som 2026-03-14."),
                format!("\"{text}\" is not a date. Write it as 2026-03-14."),
            ),
        )
    })
}

/// A file name to suggest: "Kunder.xlsx", "Fakturor.csv".
pub fn export_file_name(kind: RegisterKind, format: ExportFormat, language: Language) -> String {
    let name = match (kind, language) {
        (RegisterKind::Customers, Language::Swedish) => "Kunder",
        (RegisterKind::Customers, Language::English) => "Customers",
        (RegisterKind::Articles, Language::Swedish) => "Artiklar",
        (RegisterKind::Articles, Language::English) => "Articles",
        (_, Language::Swedish) => "Fakturor",
        (_, Language::English) => "Invoices",
    };
    let extension = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Xlsx => "xlsx",
    };
    format!("{name}.{extension}")
}

impl App {
    /// Writes the register (or the invoices) to `path` as the request says.
    pub fn export_register(
        &self,
        request: &ExportRequest,
        path: &Path,
    ) -> Result<ExportedFile, AppError> {
        let language = self.language();
        let mut errors = FieldErrors::default();
        let from = errors
            .collect(optional_date(&request.from, "from"))
            .flatten();
        let to = errors.collect(optional_date(&request.to, "to")).flatten();
        errors.into_result(()).for_user(language)?;
        let (headings, rows) = self.with_store(|store| match request.kind {
            RegisterKind::Customers => customer_table(store),
            RegisterKind::Articles => article_table(store),
            RegisterKind::Invoices | RegisterKind::OpeningInvoices => {
                invoice_table(store, from, to)
            }
        })?;
        let failed = |detail: String| {
            AppError::internal(
                &Text::new(
                    format!("Exportfilen kunde inte skapas ({detail})."),
                    format!("The export file could not be made ({detail})."),
                ),
                language,
            )
        };
        let bytes = match request.format {
            ExportFormat::Csv => {
                csv_bytes(&headings, &rows).map_err(|error| failed(error.to_string()))?
            }
            ExportFormat::Xlsx => {
                xlsx_bytes(&headings, &rows).map_err(|error| failed(error.to_string()))?
            }
        };
        let saved = write_whole(path, &bytes, language)?;
        Ok(ExportedFile {
            path: saved.path,
            bytes: saved.bytes,
            rows: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        })
    }
}
