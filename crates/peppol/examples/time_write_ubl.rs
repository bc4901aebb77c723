//! Writes the same invoice many times in memory, for measuring CPU time per UBL document on a busy
//! machine where wall-clock benchmarks are unreliable:
//! `/usr/bin/time -f %U cargo run --release -p fakturera-peppol --example time_write_ubl -- LINES COUNT`.

use std::hint::black_box;

use chrono::NaiveDate;
use fakturera_core::invoice::InvoiceLine;
use fakturera_core::samples;
use fakturera_peppol::write_ubl;
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lines: usize = args.next().map_or(Ok(1), |text| text.parse())?;
    let count: usize = args.next().map_or(Ok(1000), |text| text.parse())?;
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    let mut invoice = samples::domestic_invoice(date);
    let template = invoice.lines.clone();
    invoice.lines = (0..lines)
        .map(|index| InvoiceLine {
            quantity: Decimal::from(index % 9 + 1),
            ..template[index % template.len()].clone()
        })
        .collect();
    invoice.number = Some("10045".to_owned());
    let mut bytes = 0;
    for _ in 0..count {
        bytes += write_ubl(black_box(&invoice), None)?.len();
    }
    println!(
        "{count} documents of {lines} line(s), {} bytes each",
        bytes / count.max(1)
    );
    Ok(())
}
