//! The renderer's benchmark: the same one-page and ten-page invoice rendered N times each, the
//! median time per invoice printed; and, with `html`, the equivalent HTML invoices that
//! `bench/compare.sh` feeds to Chromium, wkhtmltopdf, DOMPDF and WeasyPrint.
//!
//! `cargo run --release -p fakturera-pdf --example bench -- [runs [1|10]]`
//! `cargo run --release -p fakturera-pdf --example bench -- html <dir>`

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use fakturera_core::invoice::Invoice;
use fakturera_core::money::format_swedish;
use fakturera_core::samples;
use fakturera_pdf::{PdfOptions, render_invoice};
use rust_decimal::Decimal;

/// Rows that make the second invoice exactly ten pages.
const TEN_PAGE_ROWS: usize = 330;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let one_page = one_page_invoice()?;
    let ten_pages = ten_page_invoice()?;
    if args.first().map(String::as_str) == Some("html") {
        let dir = std::path::PathBuf::from(args.get(1).map_or("bench-html", String::as_str));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("invoice-1.html"), html(&one_page))?;
        std::fs::write(dir.join("invoice-10.html"), html(&ten_pages))?;
        std::fs::write(
            dir.join("invoice-1.pdf"),
            render_invoice(&one_page, &PdfOptions::default())?,
        )?;
        std::fs::write(
            dir.join("invoice-10.pdf"),
            render_invoice(&ten_pages, &PdfOptions::default())?,
        )?;
        return Ok(());
    }
    let runs: usize = args
        .first()
        .and_then(|text| text.parse().ok())
        .unwrap_or(200);
    // An optional second argument, 1 or 10, measures one invoice only, so that the process's CPU
    // time (from `/usr/bin/time`) can be divided among that invoice's runs.
    let only: Option<usize> = args.get(1).and_then(|text| text.parse().ok());
    for (name, size, invoice) in [("1-page", 1, &one_page), ("10-page", 10, &ten_pages)] {
        if only.is_some_and(|wanted| wanted != size) {
            continue;
        }
        let pdf = render_invoice(invoice, &PdfOptions::default())?;
        let pages = lopdf::Document::load_mem(&pdf)?.get_pages().len();
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let bytes = render_invoice(invoice, &PdfOptions::default());
                let elapsed = start.elapsed();
                std::hint::black_box(bytes).map(|_| elapsed)
            })
            .collect::<Result<_, _>>()?;
        times.sort();
        let median = times[times.len() / 2];
        let total: Duration = times.iter().sum();
        println!(
            "fakturera {name}: pages={pages} runs={runs} median_us={} min_us={} max_us={} total_ms={} bytes={}",
            median.as_micros(),
            times[0].as_micros(),
            times[times.len() - 1].as_micros(),
            total.as_millis(),
            pdf.len()
        );
    }
    Ok(())
}

fn date() -> Result<NaiveDate, chrono::ParseError> {
    "2026-03-02".parse()
}

fn one_page_invoice() -> Result<Invoice, chrono::ParseError> {
    let mut invoice = samples::domestic_invoice(date()?);
    invoice.number = Some("10042".to_owned());
    invoice.ocr = "1004257".to_owned();
    Ok(invoice)
}

fn ten_page_invoice() -> Result<Invoice, chrono::ParseError> {
    let mut invoice = one_page_invoice()?;
    invoice.lines = (1..=TEN_PAGE_ROWS)
        .map(|index| {
            samples::line(
                &format!("Rad {index:03} konsultarbete enligt avtal"),
                Decimal::from(index % 9 + 1),
                "tim",
                Decimal::new(95000, 2),
                Decimal::from(25),
            )
        })
        .collect();
    Ok(invoice)
}

/// The same invoice as an HTML page of the kind web invoicing tools print: a table with a
/// repeating header, the VAT summary, the payment block and the footer, with DejaVu Sans.
fn html(invoice: &Invoice) -> String {
    let totals = invoice.totals();
    let seller = &invoice.seller;
    let buyer = &invoice.buyer;
    let mut rows = String::new();
    for (line, amounts) in invoice.lines.iter().zip(&totals.lines) {
        let _ = write!(
            rows,
            "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td>{}</td><td class=n>{}</td><td class=n></td><td class=n>{} %</td><td class=n>{}</td></tr>",
            line.article_number,
            line.description,
            line.quantity,
            line.unit.as_str(),
            format_swedish(amounts.net_unit_price),
            line.vat.rate,
            format_swedish(amounts.net)
        );
    }
    let mut vat_rows = String::new();
    for subtotal in &totals.vat_breakdown {
        let _ = write!(
            vat_rows,
            "<tr><td>{} %</td><td class=n>{}</td><td class=n>{}</td></tr>",
            subtotal.rate,
            format_swedish(subtotal.taxable_amount),
            format_swedish(subtotal.vat_amount)
        );
    }
    format!(
        r#"<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Faktura {number}</title><style>
@page {{ size: A4; margin: 12mm 20mm 25mm 20mm; }}
body {{ font-family: "DejaVu Sans Condensed", "DejaVu Sans", sans-serif; font-size: 8.5pt; color: #1f2328; }}
h1 {{ color: #1d4e89; font-size: 20pt; margin: 0; }}
.top {{ display: flex; justify-content: space-between; }}
.address {{ position: absolute; top: 33mm; left: 4mm; font-size: 10pt; }}
.facts td:first-child {{ color: #5f6670; padding-right: 8mm; }}
table.rows {{ width: 100%; border-collapse: collapse; margin-top: 55mm; }}
table.rows th {{ background: #eef1f4; text-align: left; font-size: 7.5pt; padding: 2mm 1mm; }}
table.rows td {{ border-bottom: 0.5pt solid #d4d8dd; padding: 1.2mm 1mm; vertical-align: top; }}
thead {{ display: table-header-group; }} tr {{ page-break-inside: avoid; }}
.n {{ text-align: right; }}
.summary {{ display: flex; justify-content: space-between; margin-top: 5mm; page-break-inside: avoid; }}
.pay {{ background: #e8eff8; border-left: 1mm solid #1d4e89; padding: 3mm; margin-top: 8mm; page-break-inside: avoid; }}
.topay {{ font-size: 13pt; font-weight: bold; color: #1d4e89; }}
footer {{ border-top: 0.5pt solid #d4d8dd; margin-top: 8mm; font-size: 7pt; color: #5f6670; display: flex; gap: 8mm; }}
</style></head><body>
<div class="top"><div><b style="font-size:14pt">{seller_name}</b></div>
<div><h1>Faktura</h1><table class="facts"><tr><td>Fakturanummer</td><td>{number}</td></tr><tr><td>Fakturadatum</td><td>{issue}</td></tr><tr><td>Förfallodatum</td><td>{due}</td></tr><tr><td>Kundnummer</td><td>{customer}</td></tr><tr><td>Er referens</td><td>{your_ref}</td></tr><tr><td>Vår referens</td><td>{our_ref}</td></tr><tr><td>Referenskod</td><td>{buyer_ref}</td></tr><tr><td>Betalningsvillkor</td><td>30 dagar netto</td></tr></table></div></div>
<div class="address"><b>{buyer_name}</b><br>{buyer_street}<br>{buyer_postal} {buyer_city}</div>
<table class="rows"><thead><tr><th>Art.nr</th><th>Benämning</th><th class=n>Antal</th><th>Enhet</th><th class=n>À-pris</th><th class=n>Rabatt</th><th class=n>Moms</th><th class=n>Belopp</th></tr></thead><tbody>{rows}</tbody></table>
<div class="summary"><table><tr><th>Moms</th><th>Underlag</th><th>Moms</th></tr>{vat_rows}</table>
<table><tr><td>Summa exkl. moms</td><td class=n>{net}</td></tr><tr><td>Moms</td><td class=n>{vat}</td></tr><tr><td>Öresavrundning</td><td class=n>{rounding}</td></tr><tr><td><b>Att betala SEK</b></td><td class="n topay">{payable}</td></tr></table></div>
<div class="pay"><b>Betalningsinformation</b><br>Bankgiro 5678-1230 · OCR {ocr} · Förfallodatum {due} · Att betala {payable} SEK<br>IBAN {iban} · BIC {bic}</div>
<p>Vid betalning efter förfallodagen debiteras dröjsmålsränta med 12 % per år.</p>
<footer><div><b>{seller_name}</b><br>{seller_street}<br>{seller_postal} {seller_city}</div><div>Telefon: {phone}<br>E-post: {email}<br>Webb: {web}</div><div>Org.nr: {org}<br>Momsreg.nr: {vat_no}<br><b>Godkänd för F-skatt</b></div></footer>
</body></html>"#,
        number = invoice.number.as_deref().unwrap_or(""),
        seller_name = seller.name,
        issue = invoice.issue_date,
        due = invoice.due_date,
        customer = buyer.customer_number,
        your_ref = invoice.your_reference,
        our_ref = invoice.our_reference,
        buyer_ref = invoice.buyer_reference,
        buyer_name = buyer.name,
        buyer_street = buyer.address.street,
        buyer_postal = buyer.address.postal_code,
        buyer_city = buyer.address.city,
        net = format_swedish(totals.tax_exclusive),
        vat = format_swedish(totals.vat_total),
        rounding = format_swedish(totals.rounding),
        payable = format_swedish(totals.payable),
        ocr = invoice.ocr,
        iban = seller.iban,
        bic = seller.bic,
        seller_street = seller.address.street,
        seller_postal = seller.address.postal_code,
        seller_city = seller.address.city,
        phone = seller.phone,
        email = seller.email,
        web = seller.website,
        org = seller.org_number,
        vat_no = seller.vat_number,
    )
}
