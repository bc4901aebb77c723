//! The EU sales list (periodisk sammanställning): per EU buyer, the value of goods and of services
//! sold in the month or quarter, written as the semicolon-separated file Skatteverket accepts for
//! upload (first line `SKV574008;`, then the declarant, then one line per buyer).

use std::collections::BTreeMap;

use fakturera_core::ids::VatNumber;
use fakturera_core::ledger::LedgerInvoice;
use fakturera_core::money::round_to_krona;
use fakturera_core::vat::VatTreatment;
use fakturera_core::{FieldError, FieldErrors, Text};
use rust_decimal::Decimal;

use crate::sek::to_sek;

/// One buyer's line: goods (box 35) and services (box 39) in SEK; `None` when there was no such sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EuSalesRow {
    pub buyer_vat_number: String,
    pub customer_name: String,
    pub goods: Option<Decimal>,
    pub services: Option<Decimal>,
    /// The invoices behind the line, by number.
    pub invoices: Vec<String>,
}

/// An invoice that cannot go on the list as it stands, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EuSalesProblem {
    pub invoice_id: i64,
    pub number: String,
    pub customer_name: String,
    pub message: Text,
}

/// The EU sales of the period's invoices, one row per buyer VAT number in number order, and the
/// invoices whose buyer VAT number is missing or not a valid number of another EU country.
pub fn eu_sales_rows(invoices: &[LedgerInvoice]) -> (Vec<EuSalesRow>, Vec<EuSalesProblem>) {
    let mut rows: BTreeMap<String, EuSalesRow> = BTreeMap::new();
    let mut problems = Vec::new();
    for invoice in invoices {
        let mut goods = None::<Decimal>;
        let mut services = None::<Decimal>;
        for part in &invoice.parts {
            let slot = match part.treatment {
                VatTreatment::EuGoods => &mut goods,
                VatTreatment::EuServices => &mut services,
                _ => continue,
            };
            *slot.get_or_insert(Decimal::ZERO) += part.net;
        }
        if goods.is_none() && services.is_none() {
            continue;
        }
        let vat_number = match checked_buyer_vat(&invoice.buyer_vat_number) {
            Ok(vat_number) => vat_number,
            Err(message) => {
                problems.push(EuSalesProblem {
                    invoice_id: invoice.id,
                    number: invoice.number.clone(),
                    customer_name: invoice.customer_name.clone(),
                    message,
                });
                continue;
            }
        };
        let sek = |net: Decimal| invoice.sign() * to_sek(net, invoice.exchange_rate);
        let row = rows
            .entry(vat_number.clone())
            .or_insert_with(|| EuSalesRow {
                buyer_vat_number: vat_number,
                customer_name: invoice.customer_name.clone(),
                goods: None,
                services: None,
                invoices: Vec::new(),
            });
        if let Some(net) = goods {
            *row.goods.get_or_insert(Decimal::ZERO) += sek(net);
        }
        if let Some(net) = services {
            *row.services.get_or_insert(Decimal::ZERO) += sek(net);
        }
        row.invoices.push(invoice.number.clone());
    }
    (rows.into_values().collect(), problems)
}

/// The buyer's VAT number in the form the list wants (country prefix, no spaces), or why not.
fn checked_buyer_vat(stored: &str) -> Result<String, Text> {
    if stored.trim().is_empty() {
        return Err(Text::new(
            "Köparens momsregistreringsnummer saknas. Ange det på kunden och på fakturan (EU-försäljning kräver det).",
            "The buyer's VAT number is missing. Enter it on the customer and the invoice (EU sales require it).",
        ));
    }
    let vat = VatNumber::parse(stored).map_err(|error| error.message)?;
    let country = &vat.as_str()[..2];
    if matches!(country, "SE" | "GB" | "NO") {
        return Err(Text::new(
            format!(
                "{} är inte ett momsregistreringsnummer i ett annat EU-land. EU-försäljning förutsätter en köpare i ett annat EU-land.",
                vat.as_str()
            ),
            format!(
                "{} is not a VAT number of another EU country. EU sales require a buyer in another EU country.",
                vat.as_str()
            ),
        ));
    }
    Ok(vat.as_str().to_owned())
}

/// Who files the list and for which period: the second line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EuSalesDeclarant {
    /// Our own VAT number, `SE` and twelve digits.
    pub vat_number: String,
    /// `2603` for March 2026, `26-1` for its first quarter.
    pub period_code: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
}

impl EuSalesDeclarant {
    /// Checks the declarant's details against the file's rules (name at most 35 characters, phone
    /// digits with a hyphen after the area code or a leading +, at most 17 characters) and writes
    /// them as the file wants them.
    pub fn checked(
        vat_number: &str,
        period_code: String,
        contact_name: &str,
        phone: &str,
        email: &str,
    ) -> Result<EuSalesDeclarant, FieldErrors> {
        let mut errors = FieldErrors::default();
        let vat_number = match VatNumber::parse(vat_number) {
            Ok(vat) if vat.as_str().starts_with("SE") => vat.as_str().to_owned(),
            _ => {
                errors.push(FieldError::new(
                    "vat_number",
                    "required",
                    Text::new(
                        "Företagets svenska momsregistreringsnummer (SE…01) behövs för periodisk sammanställning. Ange det under Inställningar.",
                        "The company's Swedish VAT number (SE…01) is needed for the EU sales list. Enter it in Settings.",
                    ),
                ));
                String::new()
            }
        };
        let contact_name = contact_name.trim().to_owned();
        if contact_name.is_empty() || contact_name.chars().count() > 35 {
            errors.push(FieldError::new(
                "contact_name",
                "required",
                Text::new(
                    "Ange namnet på den som ansvarar för uppgifterna, högst 35 tecken (Inställningar, kontaktperson).",
                    "Enter the name of the person responsible for the figures, at most 35 characters (Settings, contact person).",
                ),
            ));
        }
        let phone = compact_phone(phone);
        let digits_and_hyphen = phone
            .strip_prefix('+')
            .unwrap_or(&phone)
            .split('-')
            .collect::<Vec<_>>();
        let phone_ok = !phone.is_empty()
            && phone.len() <= 17
            && digits_and_hyphen.len() <= 2
            && !(phone.starts_with('+') && digits_and_hyphen.len() > 1)
            && digits_and_hyphen
                .iter()
                .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
        if !phone_ok {
            errors.push(FieldError::new(
                "phone",
                "format",
                Text::new(
                    "Ange ett telefonnummer med bara siffror och bindestreck efter riktnumret (08-123456), eller +46… för utlandsnummer, högst 17 tecken.",
                    "Enter a phone number of digits with a hyphen after the area code (08-123456), or +46… for foreign numbers, at most 17 characters.",
                ),
            ));
        }
        let email = email.trim().to_owned();
        if !email.is_empty() && (!email.contains('@') || email.contains(';')) {
            errors.push(FieldError::new(
                "email",
                "email",
                Text::new(
                    format!("E-postadressen \"{email}\" är inte giltig."),
                    format!("The e-mail address \"{email}\" is not valid."),
                ),
            ));
        }
        errors.into_result(EuSalesDeclarant {
            vat_number,
            period_code,
            contact_name,
            phone,
            email,
        })
    }
}

/// `08-123 45 67` as `08-1234567`: spaces and brackets out, the first hyphen kept.
fn compact_phone(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '.' | '/'))
        .collect()
}

fn whole(amount: Option<Decimal>) -> String {
    amount.map_or_else(String::new, |amount| round_to_krona(amount).to_string())
}

/// The file Skatteverket's upload takes: `SKV574008;`, the declarant, one line per buyer
/// (VAT number; goods; triangulation; services;) in whole kronor. Lines end in CR LF.
pub fn eu_sales_file(declarant: &EuSalesDeclarant, rows: &[EuSalesRow]) -> String {
    let mut lines = vec![
        "SKV574008;".to_owned(),
        format!(
            "{};{};{};{};{}",
            declarant.vat_number,
            declarant.period_code,
            declarant.contact_name.replace(';', ","),
            declarant.phone,
            declarant.email
        ),
    ];
    for row in rows {
        lines.push(format!(
            "{};{};;{};",
            row.buyer_vat_number,
            whole(row.goods),
            whole(row.services)
        ));
    }
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}
