//! Writes BgMax files as Bankgirot would: for the tests, the benchmark and the demo ("what will
//! the bank's file for my open invoices look like"). Records are 80 characters, ISO 8859-1, lines
//! end in CR LF, and the deposit and end records count and sum what they close.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::bgmax::{BankEntryKind, ExtraReference};

/// One payment or deduction to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentSpec {
    pub kind: BankEntryKind,
    pub payer_bankgiro: String,
    pub reference: String,
    pub reference_code: u8,
    pub amount: Decimal,
    pub channel: u8,
    pub bgc_serial: String,
    pub extra_references: Vec<ExtraReference>,
    pub information: Vec<String>,
    pub payer_name: String,
    /// Street, postal code, city.
    pub payer_address: Option<(String, String, String)>,
    pub payer_org_number: String,
}

impl PaymentSpec {
    /// An OCR payment from a bank (reference code 2, channel 1).
    pub fn ocr(reference: &str, amount: Decimal, serial: u64) -> PaymentSpec {
        PaymentSpec {
            kind: BankEntryKind::Payment,
            payer_bankgiro: String::new(),
            reference: reference.to_owned(),
            reference_code: 2,
            amount,
            channel: 1,
            bgc_serial: format!("{serial:012}"),
            extra_references: Vec::new(),
            information: Vec::new(),
            payer_name: String::new(),
            payer_address: None,
            payer_org_number: String::new(),
        }
    }
}

/// One deposit to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepositSpec {
    pub receiver_bankgiro: String,
    pub currency: String,
    pub date: NaiveDate,
    pub serial: u32,
    pub bank_account: String,
    pub payments: Vec<PaymentSpec>,
}

/// A file to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BgMaxSpec {
    /// 20 digits: YYYYMMDDHHMMSS and microseconds.
    pub timestamp: String,
    pub is_test: bool,
    pub deposits: Vec<DepositSpec>,
}

fn left(text: &str, width: usize) -> String {
    let mut out: String = text.chars().take(width).collect();
    while out.chars().count() < width {
        out.push(' ');
    }
    out
}

fn right(text: &str, width: usize) -> String {
    let text: String = text.chars().take(width).collect();
    format!("{}{text}", " ".repeat(width - text.chars().count()))
}

fn zeros(text: &str, width: usize) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    format!("{digits:0>width$}")
}

fn ore(amount: Decimal) -> String {
    let minor = (amount * Decimal::ONE_HUNDRED).round().abs();
    zeros(&minor.to_string(), 18)
}

fn payment_record(
    code: &str,
    bankgiro: &str,
    reference: &str,
    reference_code: u8,
    amount: Decimal,
    channel: u8,
    serial: &str,
) -> String {
    format!(
        "{code}{}{}{}{reference_code}{channel}{}0",
        zeros(bankgiro, 10),
        right(reference, 25),
        ore(amount),
        zeros(serial, 12)
    )
}

/// The file's bytes in ISO 8859-1 (characters outside it become '?').
pub fn write_bgmax(spec: &BgMaxSpec) -> Vec<u8> {
    let mut records: Vec<String> = Vec::new();
    records.push(format!(
        "01{}01{}{}",
        left("BGMAX", 20),
        zeros(&spec.timestamp, 20),
        if spec.is_test { "T" } else { "P" }
    ));
    let mut counts = [0usize; 4];
    for deposit in &spec.deposits {
        records.push(format!(
            "05{}{}{}",
            zeros(&deposit.receiver_bankgiro, 10),
            left("", 10),
            left(&deposit.currency, 3)
        ));
        let mut sum = Decimal::ZERO;
        for payment in &deposit.payments {
            let code = match payment.kind {
                BankEntryKind::Payment => {
                    counts[0] += 1;
                    sum += payment.amount;
                    "20"
                }
                BankEntryKind::Deduction => {
                    counts[1] += 1;
                    sum -= payment.amount;
                    "21"
                }
            };
            let mut record = payment_record(
                code,
                &payment.payer_bankgiro,
                &payment.reference,
                payment.reference_code,
                payment.amount,
                payment.channel,
                &payment.bgc_serial,
            );
            if payment.kind == BankEntryKind::Deduction {
                record.push('0');
            }
            records.push(record);
            for extra in &payment.extra_references {
                counts[2] += 1;
                records.push(payment_record(
                    if extra.deducted { "23" } else { "22" },
                    &payment.payer_bankgiro,
                    &extra.reference,
                    extra.reference_code,
                    extra.amount,
                    payment.channel,
                    &payment.bgc_serial,
                ));
            }
            for line in &payment.information {
                records.push(format!("25{}", left(line, 50)));
            }
            if !payment.payer_name.is_empty() {
                records.push(format!("26{}", left(&payment.payer_name, 35)));
            }
            if let Some((street, postal, city)) = &payment.payer_address {
                records.push(format!("27{}{}", left(street, 35), left(postal, 9)));
                records.push(format!("28{}", left(city, 35)));
            }
            if !payment.payer_org_number.is_empty() {
                records.push(format!("29{}", zeros(&payment.payer_org_number, 12)));
            }
        }
        counts[3] += 1;
        records.push(format!(
            "15{}{}{:05}{}{}{:08} ",
            zeros(&deposit.bank_account, 35),
            deposit.date.format("%Y%m%d"),
            deposit.serial,
            ore(sum),
            left(&deposit.currency, 3),
            deposit.payments.len()
        ));
    }
    records.push(format!(
        "70{:08}{:08}{:08}{:08}",
        counts[0], counts[1], counts[2], counts[3]
    ));
    let mut bytes = Vec::new();
    for record in records {
        for character in left(&record, 80).chars() {
            bytes.push(u8::try_from(u32::from(character)).unwrap_or(b'?'));
        }
        bytes.extend_from_slice(b"\r\n");
    }
    bytes
}
