//! Reading Bankgirot's BgMax file (Bankgiro Inbetalningar, technical manual, record types 01, 05,
//! 20–29, 15 and 70): 80-character fixed-width records in ISO 8859-1, amounts in öre, one or more
//! deposits per file. Every record is checked; the deposit (TK15) and end (TK70) records must
//! agree with what they close. A file that is not BgMax, or breaks a rule, is refused with the
//! line number and the reason, and nothing of it is used.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::text::Text;

/// Why a file was refused: the line (from 1) and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BgMaxError {
    pub line: usize,
    pub reason: Text,
}

impl BgMaxError {
    fn new(line: usize, sv: impl Into<String>, en: impl Into<String>) -> BgMaxError {
        BgMaxError {
            line,
            reason: Text::new(sv, en),
        }
    }

    /// "Rad 12: …" / "Line 12: …".
    pub fn message(&self) -> Text {
        Text::new(
            format!("Rad {}: {}", self.line, self.reason.sv),
            format!("Line {}: {}", self.line, self.reason.en),
        )
    }
}

/// A payment (TK20) or a deduction (TK21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BankEntryKind {
    Payment,
    /// The payer deducted a credit (usually a credit invoice of ours) from the deposit.
    Deduction,
}

/// A TK22 (adds to the payment) or TK23 (deducted) extra reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraReference {
    pub reference: String,
    pub reference_code: u8,
    /// Often zero: the payer named the invoice but not how much of the payment was for it.
    pub amount: Decimal,
    pub deducted: bool,
}

/// One payment or deduction with everything the file says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankPayment {
    /// The line of its TK20/TK21 record.
    pub line: usize,
    pub kind: BankEntryKind,
    /// The payer's bankgiro number (digits), empty when not given.
    pub payer_bankgiro: String,
    pub reference: String,
    /// 0/1 no reference, 2 a checked OCR reference, 3 several references, 4 a reference not
    /// OCR-checked, 5 an OCR reference that failed the check.
    pub reference_code: u8,
    /// Positive for payments and deductions alike; a deduction lowers the deposit.
    pub amount: Decimal,
    /// 1 bank, 2 Leverantörsbetalningar, 3 paper form, 4 Autogiro.
    pub channel: u8,
    /// Bankgirot's serial number of the payment.
    pub bgc_serial: String,
    pub has_image: bool,
    /// TK21 only: Bankgirot's deduction code.
    pub deduction_code: String,
    pub extra_references: Vec<ExtraReference>,
    /// TK25 lines.
    pub information: Vec<String>,
    pub payer_name: String,
    pub payer_address: String,
    pub payer_org_number: String,
}

impl BankPayment {
    /// The amount as it moves the deposit: a deduction counts negative.
    pub fn signed_amount(&self) -> Decimal {
        match self.kind {
            BankEntryKind::Payment => self.amount,
            BankEntryKind::Deduction => -self.amount,
        }
    }
}

/// One deposit: the payments to one bankgiro number booked on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deposit {
    /// The line of the TK05 record that opens it.
    pub line: usize,
    pub receiver_bankgiro: String,
    pub receiver_plusgiro: String,
    pub currency: String,
    pub payments: Vec<BankPayment>,
    pub bank_account: String,
    pub date: NaiveDate,
    pub serial: String,
    /// Payments less deductions.
    pub amount: Decimal,
    pub payment_count: u32,
    pub deposit_type: String,
}

/// A whole BgMax file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BgMaxFile {
    /// The start record's time stamp (20 digits): with the bankgiro number, the file's identity.
    pub timestamp: String,
    /// 'T': a test file from Bankgirot.
    pub is_test: bool,
    pub deposits: Vec<Deposit>,
}

impl BgMaxFile {
    pub fn payments(&self) -> impl Iterator<Item = (&Deposit, &BankPayment)> {
        self.deposits.iter().flat_map(|deposit| {
            deposit
                .payments
                .iter()
                .map(move |payment| (deposit, payment))
        })
    }
}

/// Decodes the file's bytes: ISO 8859-1 as the manual says; a file that is valid UTF-8 with
/// non-ASCII letters (saved again by an editor) is read as UTF-8 so "å" stays one character.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|byte| char::from(*byte)).collect(),
    }
}

/// A record of 80 characters: tabs read as spaces to the next 8-column stop (Bankgirot's own
/// example file has some), trailing blanks and the line end dropped, then padded again.
fn record(raw: &str, line: usize) -> Result<Vec<char>, BgMaxError> {
    let mut chars: Vec<char> = Vec::with_capacity(80);
    for character in raw.trim_end_matches(['\r', '\n']).chars() {
        if character == '\t' {
            let next = (chars.len() / 8 + 1) * 8;
            chars.resize(next, ' ');
        } else if character.is_control() {
            return Err(BgMaxError::new(
                line,
                format!(
                    "tecknet U+{:04X} hör inte hemma i en BgMax-post.",
                    u32::from(character)
                ),
                format!(
                    "the character U+{:04X} does not belong in a BgMax record.",
                    u32::from(character)
                ),
            ));
        } else {
            chars.push(character);
        }
    }
    while chars.last() == Some(&' ') {
        chars.pop();
    }
    if chars.len() > 80 {
        return Err(BgMaxError::new(
            line,
            format!(
                "posten är {} tecken lång; en BgMax-post har 80.",
                chars.len()
            ),
            format!(
                "the record is {} characters long; a BgMax record has 80.",
                chars.len()
            ),
        ));
    }
    chars.resize(80, ' ');
    Ok(chars)
}

/// Positions as the manual numbers them: 1-based, both ends included.
fn field(record: &[char], from: usize, to: usize) -> String {
    record[from - 1..to].iter().collect()
}

fn digits(
    record: &[char],
    from: usize,
    to: usize,
    line: usize,
    name: (&str, &str),
) -> Result<String, BgMaxError> {
    let text = field(record, from, to);
    if text.chars().all(|c| c.is_ascii_digit()) {
        Ok(text)
    } else {
        Err(BgMaxError::new(
            line,
            format!(
                "{} (position {from}–{to}) ska vara siffror men är \"{}\".",
                name.0,
                text.trim_end()
            ),
            format!(
                "{} (positions {from}–{to}) must be digits but is \"{}\".",
                name.1,
                text.trim_end()
            ),
        ))
    }
}

fn number(
    record: &[char],
    from: usize,
    to: usize,
    line: usize,
    name: (&str, &str),
) -> Result<u64, BgMaxError> {
    let text = digits(record, from, to, line, name)?;
    text.parse::<u64>().map_err(|_| {
        BgMaxError::new(
            line,
            format!("{} är för stort.", name.0),
            format!("{} is too large.", name.1),
        )
    })
}

fn minor_amount(
    record: &[char],
    from: usize,
    to: usize,
    line: usize,
    name: (&str, &str),
) -> Result<Decimal, BgMaxError> {
    let value = number(record, from, to, line, name)?;
    let value = i64::try_from(value).map_err(|_| {
        BgMaxError::new(
            line,
            format!("{} är för stort.", name.0),
            format!("{} is too large.", name.1),
        )
    })?;
    Ok(Decimal::new(value, 2))
}

fn without_zeros(text: &str) -> String {
    text.trim_start_matches('0').to_owned()
}

/// TK20/21/22/23 share their first fields.
struct PaymentFields {
    payer_bankgiro: String,
    reference: String,
    amount: Decimal,
    reference_code: u8,
    channel: u8,
    bgc_serial: String,
    has_image: bool,
}

fn payment_fields(record: &[char], line: usize) -> Result<PaymentFields, BgMaxError> {
    let payer = digits(
        record,
        3,
        12,
        line,
        ("Avsändarens bankgironummer", "The payer's bankgiro number"),
    )?;
    let reference_code = number(
        record,
        56,
        56,
        line,
        ("Referenskoden", "The reference code"),
    )?;
    let reference = match reference_code {
        0 | 1 => String::new(),
        _ => field(record, 13, 37).trim().to_owned(),
    };
    Ok(PaymentFields {
        payer_bankgiro: without_zeros(&payer),
        reference,
        amount: minor_amount(record, 38, 55, line, ("Beloppet", "The amount"))?,
        reference_code: u8::try_from(reference_code).unwrap_or(0),
        channel: u8::try_from(number(
            record,
            57,
            57,
            line,
            ("Betalningskanalen", "The payment channel"),
        )?)
        .unwrap_or(0),
        bgc_serial: field(record, 58, 69).trim().to_owned(),
        has_image: field(record, 70, 70) == "1",
    })
}

/// Reads a BgMax file, checking every record and every closing count and sum.
pub fn parse_bgmax(bytes: &[u8]) -> Result<BgMaxFile, BgMaxError> {
    let text = decode(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    let not_bgmax = |line: usize| {
        BgMaxError::new(
            line,
            "filen är inte en BgMax-fil från Bankgirot (den ska börja med en startpost \"01BGMAX\"). Välj filen Bankgiro Inbetalningar som banken levererar.",
            "the file is not a BgMax file from Bankgirot (it must start with a start record \"01BGMAX\"). Choose the Bankgiro Inbetalningar file the bank delivers.",
        )
    };
    let Some(first) = lines.first() else {
        return Err(not_bgmax(1));
    };
    let start = record(first, 1).map_err(|_| not_bgmax(1))?;
    if field(&start, 1, 2) != "01" || field(&start, 3, 22).trim_end() != "BGMAX" {
        return Err(not_bgmax(1));
    }
    if field(&start, 23, 24) != "01" {
        return Err(BgMaxError::new(
            1,
            format!(
                "BgMax version {} stöds inte; Fakturera läser version 01.",
                field(&start, 23, 24)
            ),
            format!(
                "BgMax version {} is not supported; Fakturera reads version 01.",
                field(&start, 23, 24)
            ),
        ));
    }
    let timestamp = digits(&start, 25, 44, 1, ("Tidsstämpeln", "The time stamp"))?;
    let is_test = match field(&start, 45, 45).as_str() {
        "T" => true,
        "P" => false,
        other => {
            return Err(BgMaxError::new(
                1,
                format!("testmarkeringen ska vara T eller P men är \"{other}\"."),
                format!("the test mark must be T or P but is \"{other}\"."),
            ));
        }
    };

    let mut deposits: Vec<Deposit> = Vec::new();
    let mut open: Option<Deposit> = None;
    let mut counts = [0u64; 4]; // payments, deductions, extra references, deposits
    let mut ended = false;
    let mut last_line = 1;
    for (index, raw) in lines.iter().enumerate().skip(1) {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        last_line = line;
        if ended {
            return Err(BgMaxError::new(
                line,
                "det finns poster efter slutposten (70).",
                "there are records after the end record (70).",
            ));
        }
        let record = record(raw, line)?;
        let code = field(&record, 1, 2);
        let outside = |what: &str, what_en: &str| {
            BgMaxError::new(
                line,
                format!(
                    "{what} (post {code}) står utanför en insättning; den ska komma efter en öppningspost (05)."
                ),
                format!(
                    "{what_en} (record {code}) is outside a deposit; it must follow an opening record (05)."
                ),
            )
        };
        match code.as_str() {
            "05" => {
                if open.is_some() {
                    return Err(BgMaxError::new(
                        line,
                        "en ny öppningspost (05) innan förra insättningen avslutats med en insättningspost (15).",
                        "a new opening record (05) before the previous deposit was closed with a deposit record (15).",
                    ));
                }
                let bankgiro = digits(
                    &record,
                    3,
                    12,
                    line,
                    (
                        "Mottagarens bankgironummer",
                        "The receiving bankgiro number",
                    ),
                )?;
                open = Some(Deposit {
                    line,
                    receiver_bankgiro: without_zeros(&bankgiro),
                    receiver_plusgiro: field(&record, 13, 22)
                        .trim()
                        .trim_start_matches('0')
                        .to_owned(),
                    currency: field(&record, 23, 25),
                    payments: Vec::new(),
                    bank_account: String::new(),
                    date: NaiveDate::MIN,
                    serial: String::new(),
                    amount: Decimal::ZERO,
                    payment_count: 0,
                    deposit_type: String::new(),
                });
            }
            "20" | "21" => {
                let deposit = open
                    .as_mut()
                    .ok_or_else(|| outside("En betalning", "A payment"))?;
                let fields = payment_fields(&record, line)?;
                let kind = if code == "20" {
                    counts[0] += 1;
                    BankEntryKind::Payment
                } else {
                    counts[1] += 1;
                    BankEntryKind::Deduction
                };
                deposit.payments.push(BankPayment {
                    line,
                    kind,
                    payer_bankgiro: fields.payer_bankgiro,
                    reference: fields.reference,
                    reference_code: fields.reference_code,
                    amount: fields.amount,
                    channel: fields.channel,
                    bgc_serial: fields.bgc_serial,
                    has_image: fields.has_image,
                    deduction_code: if kind == BankEntryKind::Deduction {
                        field(&record, 71, 71).trim().to_owned()
                    } else {
                        String::new()
                    },
                    extra_references: Vec::new(),
                    information: Vec::new(),
                    payer_name: String::new(),
                    payer_address: String::new(),
                    payer_org_number: String::new(),
                });
            }
            "22" | "23" | "25" | "26" | "27" | "28" | "29" => {
                let deposit = open
                    .as_mut()
                    .ok_or_else(|| outside("En tilläggspost", "An additional record"))?;
                let payment = deposit.payments.last_mut().ok_or_else(|| {
                    BgMaxError::new(
                        line,
                        format!("post {code} ska följa en betalningspost (20) eller avdragspost (21)."),
                        format!("record {code} must follow a payment record (20) or deduction record (21)."),
                    )
                })?;
                match code.as_str() {
                    "22" | "23" => {
                        counts[2] += 1;
                        let fields = payment_fields(&record, line)?;
                        payment.extra_references.push(ExtraReference {
                            reference: fields.reference,
                            reference_code: fields.reference_code,
                            amount: fields.amount,
                            deducted: code == "23",
                        });
                    }
                    "25" => payment
                        .information
                        .push(field(&record, 3, 52).trim().to_owned()),
                    "26" => {
                        payment.payer_name = [field(&record, 3, 37), field(&record, 38, 72)]
                            .iter()
                            .map(|part| part.trim())
                            .filter(|part| !part.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ");
                    }
                    "27" => {
                        payment.payer_address = format!(
                            "{}, {}",
                            field(&record, 3, 37).trim(),
                            field(&record, 38, 46).trim()
                        );
                    }
                    "28" => {
                        let city = field(&record, 3, 37).trim().to_owned();
                        let country = field(&record, 38, 72).trim().to_owned();
                        payment.payer_address = [
                            payment.payer_address.as_str(),
                            city.as_str(),
                            country.as_str(),
                        ]
                        .iter()
                        .filter(|part| !part.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
                    }
                    _ => {
                        payment.payer_org_number = without_zeros(&digits(
                            &record,
                            3,
                            14,
                            line,
                            ("Organisationsnumret", "The organisation number"),
                        )?);
                    }
                }
            }
            "15" => {
                let mut deposit = open
                    .take()
                    .ok_or_else(|| outside("En insättningspost", "A deposit record"))?;
                counts[3] += 1;
                deposit.bank_account = without_zeros(&digits(
                    &record,
                    3,
                    37,
                    line,
                    ("Bankkontot", "The bank account"),
                )?);
                let day = digits(
                    &record,
                    38,
                    45,
                    line,
                    ("Betalningsdagen", "The payment day"),
                )?;
                deposit.date = NaiveDate::parse_from_str(&day, "%Y%m%d").map_err(|_| {
                    BgMaxError::new(
                        line,
                        format!("betalningsdagen {day} är inget datum."),
                        format!("the payment day {day} is not a date."),
                    )
                })?;
                deposit.serial = field(&record, 46, 50);
                deposit.amount = minor_amount(
                    &record,
                    51,
                    68,
                    line,
                    ("Insättningsbeloppet", "The deposit amount"),
                )?;
                let currency = field(&record, 69, 71);
                if currency != deposit.currency {
                    return Err(BgMaxError::new(
                        line,
                        format!(
                            "insättningen är i {currency} men öppnades i {} (rad {}).",
                            deposit.currency, deposit.line
                        ),
                        format!(
                            "the deposit is in {currency} but was opened in {} (line {}).",
                            deposit.currency, deposit.line
                        ),
                    ));
                }
                let count = number(
                    &record,
                    72,
                    79,
                    line,
                    ("Antal betalningar", "The number of payments"),
                )?;
                deposit.payment_count = u32::try_from(count).unwrap_or(u32::MAX);
                deposit.deposit_type = field(&record, 80, 80).trim().to_owned();
                let listed = deposit.payments.len() as u64;
                if count != listed {
                    return Err(BgMaxError::new(
                        line,
                        format!(
                            "insättningsposten anger {count} betalningar men insättningen har {listed}."
                        ),
                        format!(
                            "the deposit record says {count} payments but the deposit has {listed}."
                        ),
                    ));
                }
                let sum: Decimal = deposit
                    .payments
                    .iter()
                    .map(BankPayment::signed_amount)
                    .sum();
                if sum != deposit.amount {
                    return Err(BgMaxError::new(
                        line,
                        format!(
                            "insättningsbeloppet {} stämmer inte med betalningarna ({}).",
                            deposit.amount, sum
                        ),
                        format!(
                            "the deposit amount {} does not match the payments ({}).",
                            deposit.amount, sum
                        ),
                    ));
                }
                deposits.push(deposit);
            }
            "70" => {
                if let Some(deposit) = &open {
                    return Err(BgMaxError::new(
                        line,
                        format!(
                            "slutposten kommer innan insättningen från rad {} har avslutats (15).",
                            deposit.line
                        ),
                        format!(
                            "the end record comes before the deposit from line {} was closed (15).",
                            deposit.line
                        ),
                    ));
                }
                let names = [
                    ("betalningsposter", "payment records"),
                    ("avdragsposter", "deduction records"),
                    ("extra referensposter", "extra reference records"),
                    ("insättningsposter", "deposit records"),
                ];
                for (index, (sv, en)) in names.iter().enumerate() {
                    let from = 3 + index * 8;
                    let stated = number(&record, from, from + 7, line, ("Antalet", "The count"))?;
                    if stated != counts[index] {
                        return Err(BgMaxError::new(
                            line,
                            format!(
                                "slutposten anger {stated} {sv} men filen har {}.",
                                counts[index]
                            ),
                            format!(
                                "the end record says {stated} {en} but the file has {}.",
                                counts[index]
                            ),
                        ));
                    }
                }
                ended = true;
            }
            other => {
                return Err(BgMaxError::new(
                    line,
                    format!(
                        "okänd posttyp \"{}\"; BgMax har posterna 01, 05, 15, 20–29 och 70.",
                        other.trim()
                    ),
                    format!(
                        "unknown record type \"{}\"; BgMax has records 01, 05, 15, 20–29 and 70.",
                        other.trim()
                    ),
                ));
            }
        }
    }
    if !ended {
        return Err(BgMaxError::new(
            last_line,
            "slutposten (70) saknas: filen är ofullständig. Hämta filen igen från banken.",
            "the end record (70) is missing: the file is incomplete. Fetch the file again from the bank.",
        ));
    }
    Ok(BgMaxFile {
        timestamp,
        is_test,
        deposits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bgmax")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    }

    fn refused(name: &str) -> BgMaxError {
        parse_bgmax(&fixture(name)).expect_err(name)
    }

    #[test]
    fn the_layout_example_reads_whole() {
        let file = parse_bgmax(&fixture("layout-example.txt")).expect("valid");
        assert_eq!(file.timestamp, "20261203061502123456");
        assert!(!file.is_test);
        assert_eq!(file.deposits.len(), 3);
        let first = &file.deposits[0];
        assert_eq!(
            (first.receiver_bankgiro.as_str(), first.currency.as_str()),
            ("56781230", "SEK")
        );
        assert_eq!(
            first.date,
            NaiveDate::from_ymd_opt(2026, 12, 2).expect("date")
        );
        assert_eq!(first.amount, dec!(4150.00));
        let payment = &first.payments[0];
        assert_eq!(
            (
                payment.reference.as_str(),
                payment.reference_code,
                payment.amount
            ),
            ("10045713", 2, dec!(1250.00))
        );
        assert_eq!(payment.payer_name, "Åkessons Plåtslageri AB");
        assert_eq!(payment.payer_address, "Storgatan 2, 41110 Göteborg");
        assert_eq!(payment.payer_org_number, "5567212047");
        assert_eq!(payment.payer_bankgiro, "3783511");
        let deduction = &first.payments[1];
        assert_eq!(deduction.kind, BankEntryKind::Deduction);
        assert_eq!(
            (deduction.amount, deduction.signed_amount()),
            (dec!(500), dec!(-500))
        );
        let several = &first.payments[2];
        let extra: Vec<&str> = several
            .extra_references
            .iter()
            .map(|extra| extra.reference.as_str())
            .collect();
        assert_eq!(
            extra,
            ["10052", "10060", "10078", "100862"],
            "a short record and a tabbed one"
        );
        assert_eq!(several.information, ["Betalning med extra referens 100862"]);
        let paper = &file.deposits[1].payments[0];
        assert_eq!((paper.channel, paper.has_image), (3, true));
        assert_eq!(paper.payer_name, "Öbergs Färg & Lack AB");
        assert_eq!(
            file.deposits[1].payments[1].reference, "",
            "reference code 1: none"
        );
        assert_eq!(file.deposits[2].currency, "EUR");
        assert_eq!(file.payments().count(), 6);
    }

    #[test]
    fn closing_records_must_agree_with_what_they_close() {
        let count = refused("wrong-end-count.txt");
        assert_eq!(count.line, 32);
        assert!(
            count
                .reason
                .sv
                .contains("4 betalningsposter men filen har 5"),
            "{}",
            count.reason.sv
        );
        let sum = refused("wrong-deposit-sum.txt");
        assert_eq!(sum.line, 26);
        assert!(
            sum.reason.en.contains("does not match the payments"),
            "{}",
            sum.reason.en
        );
    }

    #[test]
    fn files_that_are_not_bgmax_are_refused_on_their_line() {
        let csv = refused("not-bgmax.csv");
        assert_eq!(csv.line, 1);
        assert!(
            csv.message()
                .sv
                .starts_with("Rad 1: filen är inte en BgMax-fil")
        );
        let unknown = refused("unknown-record.txt");
        assert_eq!(unknown.line, 4);
        assert!(
            unknown.reason.sv.contains("okänd posttyp \"99\""),
            "{}",
            unknown.reason.sv
        );
        assert_eq!(parse_bgmax(b"").expect_err("empty").line, 1);
    }

    #[test]
    fn stray_spaces_a_missing_last_newline_and_utf8_are_read() {
        let file = parse_bgmax(&fixture("trailing-spaces-no-last-newline.txt")).expect("valid");
        assert_eq!(file.deposits[0].payments[0].amount, dec!(1250));
        let resaved = parse_bgmax(&fixture("saved-as-utf8.txt")).expect("valid");
        assert_eq!(
            resaved.deposits[0].payments[0].payer_name,
            "Åsa Öberg på Ängen"
        );
    }

    #[test]
    fn a_truncated_file_is_refused() {
        let bytes = fixture("layout-example.txt");
        let cut = &bytes[..bytes.len() - 84];
        let error = parse_bgmax(cut).expect_err("no end record");
        assert!(
            error.reason.sv.contains("slutposten (70) saknas"),
            "{}",
            error.reason.sv
        );
        assert_eq!(error.line, 31);
    }

    #[test]
    fn what_the_writer_writes_reads_back() {
        use crate::receivables::bgmax_writer::{BgMaxSpec, DepositSpec, PaymentSpec, write_bgmax};
        let mut named = PaymentSpec::ocr("10045713", dec!(1250.50), 1);
        named.payer_name = "Ärlig Åkare".to_owned();
        let spec = BgMaxSpec {
            timestamp: "20261204101010000001".to_owned(),
            is_test: true,
            deposits: vec![DepositSpec {
                receiver_bankgiro: "5678-1230".to_owned(),
                currency: "SEK".to_owned(),
                date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
                serial: 7,
                bank_account: "1234000123456".to_owned(),
                payments: vec![named, PaymentSpec::ocr("10052", dec!(99.99), 2)],
            }],
        };
        let file = parse_bgmax(&write_bgmax(&spec)).expect("valid");
        assert!(file.is_test);
        assert_eq!(file.deposits[0].amount, dec!(1350.49));
        assert_eq!(file.deposits[0].payments[0].payer_name, "Ärlig Åkare");
    }
}
