//! Writes sample e-invoices to a folder, for looking at the output and for timing the validator:
//! `cargo run --release -p fakturera-peppol --example write_samples -- DIR [COUNT] [LINES]`.

use std::path::PathBuf;

use chrono::NaiveDate;
use fakturera_core::invoice::InvoiceLine;
use fakturera_core::samples;
use fakturera_peppol::write_ubl;
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: write_samples DIR [COUNT] [LINES]")?,
    );
    let count: u64 = args.next().map_or(Ok(1), |text| text.parse())?;
    let lines: usize = args.next().map_or(Ok(3), |text| text.parse())?;
    std::fs::create_dir_all(&dir)?;
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    let template = samples::domestic_invoice(date);
    for number in 0..count {
        let mut invoice = template.clone();
        invoice.lines = (0..lines)
            .map(|index| InvoiceLine {
                quantity: Decimal::from(index % 9 + 1),
                ..template.lines[index % template.lines.len()].clone()
            })
            .collect();
        invoice.number = Some((10001 + number).to_string());
        let xml = write_ubl(&invoice, None)?;
        std::fs::write(dir.join(format!("invoice-{:04}.xml", number + 1)), xml)?;
    }
    Ok(())
}
