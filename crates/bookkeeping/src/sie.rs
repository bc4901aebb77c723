//! The SIE 4 file (SIE filformat version 4, type 4I: transactions for import into an accounting
//! program): header records, `#KONTO` for every account used, and one `#VER` with its `#TRANS` rows
//! per event. Written in code page 437 (`#FORMAT PC8`) with CR LF line ends, as the standard says.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::cp437;
use crate::verification::Verification;

/// Who wrote the file and for whom: the header records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieHeader {
    pub program_version: String,
    /// `#GEN`: when the file's content was made.
    pub generated_on: NaiveDate,
    pub company_name: String,
    /// The org number as printed ("556721-2047"); empty leaves `#ORGNR` out.
    pub org_number: String,
    /// `#RAR 0`: the financial year the verifications belong to.
    pub financial_year: (NaiveDate, NaiveDate),
}

/// A verification with the series and number it has in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedVerification {
    pub series: String,
    pub number: u32,
    pub verification: Verification,
}

fn date(value: NaiveDate) -> String {
    value.format("%Y%m%d").to_string()
}

/// A text field, always quoted: `"` and `\` escaped with `\`, control characters (line breaks,
/// tabs) turned into spaces, so one record stays on one line.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An amount with a point and exactly two decimals, a minus sign when negative.
fn amount(value: Decimal) -> String {
    format!("{:.2}", fakturera_core::money::round_to_ore(value))
}

/// The whole file as text, before encoding.
pub fn sie4_text(
    header: &SieHeader,
    accounts: &[(u32, String)],
    verifications: &[NumberedVerification],
) -> String {
    let mut lines: Vec<String> = vec![
        "#FLAGGA 0".to_owned(),
        format!(
            "#PROGRAM {} {}",
            quoted("Fakturera"),
            quoted(&header.program_version)
        ),
        "#FORMAT PC8".to_owned(),
        format!("#GEN {}", date(header.generated_on)),
        "#SIETYP 4".to_owned(),
    ];
    if !header.org_number.trim().is_empty() {
        lines.push(format!("#ORGNR {}", header.org_number.trim()));
    }
    lines.push(format!("#FNAMN {}", quoted(&header.company_name)));
    lines.push(format!(
        "#RAR 0 {} {}",
        date(header.financial_year.0),
        date(header.financial_year.1)
    ));
    lines.push("#KPTYP EUBAS97".to_owned());
    lines.push("#VALUTA SEK".to_owned());
    for (number, name) in accounts {
        lines.push(format!("#KONTO {number} {}", quoted(name)));
    }
    for numbered in verifications {
        let verification = &numbered.verification;
        lines.push(format!(
            "#VER {} {} {} {}",
            quoted(&numbered.series),
            numbered.number,
            date(verification.date),
            quoted(&verification.text)
        ));
        lines.push("{".to_owned());
        for row in &verification.rows {
            lines.push(format!(
                "#TRANS {} {{}} {}",
                row.account,
                amount(row.amount)
            ));
        }
        lines.push("}".to_owned());
    }
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// The file's bytes: [`sie4_text`] in code page 437.
pub fn write_sie4(
    header: &SieHeader,
    accounts: &[(u32, String)],
    verifications: &[NumberedVerification],
) -> Vec<u8> {
    cp437::encode(&sie4_text(header, accounts, verifications))
}

/// The accounts the verifications use, in number order, named from `name_of`.
pub fn accounts_used<'a>(
    verifications: impl IntoIterator<Item = &'a Verification>,
    name_of: impl Fn(u32) -> String,
) -> Vec<(u32, String)> {
    let numbers: std::collections::BTreeSet<u32> = verifications
        .into_iter()
        .flat_map(|verification| verification.rows.iter().map(|row| row.account))
        .collect();
    numbers
        .into_iter()
        .map(|number| (number, name_of(number)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordKind;
    use crate::verification::Transaction;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn writes_the_header_accounts_and_verifications() {
        let header = SieHeader {
            program_version: "0.1.0".into(),
            generated_on: day(2026, 11, 26),
            company_name: "Konsult \"Ett\" AB".into(),
            org_number: "556721-2047".into(),
            financial_year: (day(2026, 1, 1), day(2026, 12, 31)),
        };
        let verification = Verification {
            kind: RecordKind::Invoice,
            record_id: 1,
            date: day(2026, 3, 14),
            text: "Faktura 1 Åström & Öberg\nAB".into(),
            rows: vec![
                Transaction {
                    account: 1510,
                    amount: dec!(125),
                },
                Transaction {
                    account: 3001,
                    amount: dec!(-100),
                },
                Transaction {
                    account: 2611,
                    amount: dec!(-25.0),
                },
            ],
        };
        let accounts = accounts_used([&verification], |number| format!("Konto {number}"));
        let text = sie4_text(
            &header,
            &accounts,
            &[NumberedVerification {
                series: "B".into(),
                number: 1,
                verification,
            }],
        );
        assert_eq!(
            text,
            "#FLAGGA 0\r\n#PROGRAM \"Fakturera\" \"0.1.0\"\r\n#FORMAT PC8\r\n#GEN 20261126\r\n#SIETYP 4\r\n\
             #ORGNR 556721-2047\r\n#FNAMN \"Konsult \\\"Ett\\\" AB\"\r\n#RAR 0 20260101 20261231\r\n\
             #KPTYP EUBAS97\r\n#VALUTA SEK\r\n\
             #KONTO 1510 \"Konto 1510\"\r\n#KONTO 2611 \"Konto 2611\"\r\n#KONTO 3001 \"Konto 3001\"\r\n\
             #VER \"B\" 1 20260314 \"Faktura 1 Åström & Öberg AB\"\r\n{\r\n\
             #TRANS 1510 {} 125.00\r\n#TRANS 3001 {} -100.00\r\n#TRANS 2611 {} -25.00\r\n}\r\n"
        );
    }
}
