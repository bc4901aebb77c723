//! Reading an import file into rows of text: CSV (semicolon, comma or tab; UTF-8 with or without
//! BOM, or Windows-1252 as older Swedish programs write it) and spreadsheets (xlsx, xls, ods) with
//! calamine. Which it is follows from the bytes, not the file name.

use std::io::Cursor;

use calamine::{Data, Reader};
use fakturera_core::{FieldError, Text};

/// A file's first row (the headers) and the rows under it, each with its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    /// (line number in the file, counting the header as 1; the cells)
    pub rows: Vec<(u32, Vec<String>)>,
    /// What the file was, for the preview ("CSV, semikolon, UTF-8 med BOM").
    pub format: Text,
}

fn unreadable(detail: &str) -> FieldError {
    FieldError::new(
        "file",
        "unreadable",
        Text::new(
            format!(
                "Filen kunde inte läsas ({detail}). Spara den som CSV (semikolon- eller kommaseparerad) eller som Excel (.xlsx) och försök igen."
            ),
            format!(
                "The file could not be read ({detail}). Save it as CSV (semicolon or comma separated) or as Excel (.xlsx) and try again."
            ),
        ),
    )
}

/// The rows of `bytes`, whatever kind of file it is.
pub(crate) fn read_table(bytes: &[u8]) -> Result<Table, FieldError> {
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let table = if zip || ole {
        read_spreadsheet(bytes)?
    } else {
        read_csv(bytes)?
    };
    if table.headers.iter().all(String::is_empty) {
        return Err(FieldError::new(
            "file",
            "empty",
            Text::new(
                "Filen är tom. Första raden ska ha kolumnrubriker, t.ex. Kundnummer;Namn;Organisationsnummer.",
                "The file is empty. The first row should hold column headings, e.g. Customer number;Name;Organisation number.",
            ),
        ));
    }
    Ok(table)
}

fn read_spreadsheet(bytes: &[u8]) -> Result<Table, FieldError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|error| unreadable(&error.to_string()))?;
    let kind = match &workbook {
        calamine::Sheets::Xlsx(_) => "Excel (xlsx)",
        calamine::Sheets::Xls(_) => "Excel 97–2003 (xls)",
        calamine::Sheets::Ods(_) => "OpenDocument (ods)",
        calamine::Sheets::Xlsb(_) => "Excel (xlsb)",
    };
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("no sheet"))?
        .map_err(|error| unreadable(&error.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row);
    let mut rows = range.rows().enumerate().map(|(index, cells)| {
        let line = u32::try_from(index)
            .unwrap_or(u32::MAX)
            .saturating_add(first_row)
            .saturating_add(1);
        (line, cells.iter().map(cell_text).collect::<Vec<_>>())
    });
    let headers = rows.next().map(|(_, cells)| cells).unwrap_or_default();
    let rows = rows
        .filter(|(_, cells)| cells.iter().any(|cell| !cell.is_empty()))
        .collect();
    Ok(Table {
        headers,
        rows,
        format: Text::new(
            format!("{kind}, första bladet"),
            format!("{kind}, first sheet"),
        ),
    })
}

/// A cell as the text a user sees: whole numbers without ".0" (org numbers, postal codes), dates
/// as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) => text.trim().to_owned(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => value.to_string(),
        Data::Bool(value) => if *value { "1" } else { "0" }.to_owned(),
        Data::DateTime(value) => value
            .as_datetime()
            .map(|time| time.date().to_string())
            .unwrap_or_else(|| value.to_string()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => {
            text.split('T').next().unwrap_or_default().to_owned()
        }
    }
}

/// The text of a CSV file: UTF-8 (a BOM is dropped), else Windows-1252.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 med BOM");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator of the first line: the most frequent of `;`, `,` and tab outside quotes.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (separator, count) in &mut counts {
                if u32::from(c) == u32::from(*separator) {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(b';', |(separator, _)| *separator)
}

fn read_csv(bytes: &[u8]) -> Result<Table, FieldError> {
    let (text, encoding) = decode(bytes);
    let separator = delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers = None;
    let mut rows = Vec::new();
    let (mut counted_to, mut line_feeds) = (0usize, 0usize);
    for record in reader.records() {
        let record = record.map_err(|error| unreadable(&error.to_string()))?;
        // The record starts after the line end before it; its line counts the line feeds before
        // it, counted on from the previous record so a long file is read in one pass.
        let bytes = text.as_bytes();
        let mut start = record
            .position()
            .map_or(0, |position| {
                usize::try_from(position.byte()).unwrap_or(usize::MAX)
            })
            .min(bytes.len());
        while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        if start > counted_to {
            line_feeds += bytes[counted_to..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            counted_to = start;
        }
        let line = u32::try_from(line_feeds + 1).unwrap_or(u32::MAX);
        let cells: Vec<String> = record.iter().map(|cell| cell.trim().to_owned()).collect();
        if headers.is_none() {
            headers = Some(cells);
        } else if cells.iter().any(|cell| !cell.is_empty()) {
            rows.push((line, cells));
        }
    }
    let separator_name = match separator {
        b',' => ("komma", "comma"),
        b'\t' => ("tabb", "tab"),
        _ => ("semikolon", "semicolon"),
    };
    Ok(Table {
        headers: headers.unwrap_or_default(),
        rows,
        format: Text::new(
            format!("CSV, {}, {encoding}", separator_name.0),
            format!(
                "CSV, {}, {}",
                separator_name.1,
                encoding.replace(" med ", " with ")
            ),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_every_encoding_and_separator_reads_the_same() {
        let expected = vec![
            "1001".to_owned(),
            "Åström & Öberg".to_owned(),
            "Umeå".to_owned(),
        ];
        let utf8 = "Kundnummer;Namn;Ort\r\n1001;Åström & Öberg;Umeå\r\n";
        let comma = "Kundnummer,Namn,Ort\n1001,\"Åström & Öberg\",Umeå\n";
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(utf8);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(utf8.as_bytes());
        for bytes in [
            utf8.as_bytes().to_vec(),
            comma.as_bytes().to_vec(),
            latin.into_owned(),
            bom,
        ] {
            let table = read_table(&bytes).expect("reads");
            assert_eq!(table.headers, ["Kundnummer", "Namn", "Ort"]);
            assert_eq!(table.rows, vec![(2, expected.clone())]);
        }
    }

    #[test]
    fn an_empty_file_is_named_as_such() {
        assert_eq!(read_table(b"").map_err(|e| e.code), Err("empty"));
    }
}
