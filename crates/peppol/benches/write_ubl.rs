//! UBL generation time per invoice (issue 5's benchmark): `cargo bench -p fakturera-peppol`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use fakturera_core::invoice::{Invoice, InvoiceLine};
use fakturera_core::samples;
use fakturera_peppol::{check_before_send, write_ubl};
use rust_decimal::Decimal;

fn invoice_with_lines(count: usize) -> Invoice {
    let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
    let mut invoice = samples::domestic_invoice(date);
    let template = invoice.lines.clone();
    invoice.lines = (0..count)
        .map(|index| InvoiceLine {
            quantity: Decimal::from(index % 9 + 1),
            ..template[index % template.len()].clone()
        })
        .collect();
    invoice.number = Some("10045".to_owned());
    invoice.ocr = "1004571".to_owned();
    invoice
}

fn bench(c: &mut Criterion) {
    for lines in [1, 100] {
        let invoice = invoice_with_lines(lines);
        c.bench_function(&format!("write_ubl {lines} line(s)"), |b| {
            b.iter(|| write_ubl(black_box(&invoice), None))
        });
        c.bench_function(&format!("check_before_send {lines} line(s)"), |b| {
            b.iter(|| check_before_send(black_box(&invoice)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
