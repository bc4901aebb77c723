//! Store benchmark on a company file of 100,000 issued invoices (500,000 lines, 5,000
//! customers): opening the file, the first page of the invoice list, searches, and issuing one
//! invoice, each reported as median and p95.
//!
//! Run: `cargo bench -p fakturera-store --bench store_bench`. The company file is generated
//! once (through the store's own API) and kept under the target folder for later runs;
//! `FAKTURERA_BENCH_FILE` chooses another path and `FAKTURERA_BENCH_INVOICES` another size.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, TimeZone, Utc};
use fakturera_core::invoice::{Discount, Invoice, InvoiceLine};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::samples;
use fakturera_core::unit::Unit;
use fakturera_core::vat::LineVat;
use fakturera_store::{Customer, CustomerId, InvoiceListQuery, Store, StoreError};
use rust_decimal::Decimal;

const CUSTOMERS: usize = 5_000;
const LINES_PER_INVOICE: i64 = 5;

const FIRST_WORDS: [&str; 20] = [
    "Lindqvist",
    "Bergström",
    "Åkesson",
    "Nordin",
    "Sjöberg",
    "Holm",
    "Ekström",
    "Lundgren",
    "Öberg",
    "Dahl",
    "Wikström",
    "Forsberg",
    "Sandberg",
    "Hedlund",
    "Strand",
    "Blom",
    "Engström",
    "Falk",
    "Nyström",
    "Sundin",
];
const SECOND_WORDS: [&str; 25] = [
    "Bygg",
    "Måleri",
    "Konsult",
    "Transport",
    "Café",
    "Elteknik",
    "Rör",
    "Design",
    "Städ",
    "Data",
    "Trädgård",
    "Redovisning",
    "Bageri",
    "Fastigheter",
    "Media",
    "Juridik",
    "Verkstad",
    "Logistik",
    "Optik",
    "Frisör",
    "Catering",
    "Snickeri",
    "Arkitekter",
    "Bilvård",
    "Tryckeri",
];
const SUFFIXES: [&str; 10] = [
    "AB",
    "HB",
    "& Söner AB",
    "i Göteborg AB",
    "Norr AB",
    "Syd AB",
    "Väst AB",
    "Öst AB",
    "Handelsbolag",
    "Kommanditbolag",
];

fn customer_name(index: usize) -> String {
    let first = FIRST_WORDS[index % FIRST_WORDS.len()];
    let second = SECOND_WORDS[(index / FIRST_WORDS.len()) % SECOND_WORDS.len()];
    let suffix = SUFFIXES[(index / (FIRST_WORDS.len() * SECOND_WORDS.len())) % SUFFIXES.len()];
    format!("{first} {second} {suffix}")
}

fn invoice_for(customer: &Customer, index: i64, issue_date: NaiveDate) -> Invoice {
    let mut invoice = Invoice::draft(
        samples::seller(),
        customer.buyer(),
        issue_date,
        PaymentTerms::Net { days: 30 },
    );
    invoice.lines = (0..LINES_PER_INVOICE)
        .map(|line| InvoiceLine {
            article_number: format!("A-{}", (index + line) % 200),
            description: format!("Arbete och material, post {}", line + 1),
            quantity: Decimal::new(10 + (index * 7 + line) % 90, 1),
            unit: Unit::new(if line % 2 == 0 { "tim" } else { "st" }),
            unit_price: Decimal::new(45_000 + (index * 13 + line * 101) % 150_000, 2),
            discount: if line == 3 {
                Discount::Percent(Decimal::from(5))
            } else {
                Discount::None
            },
            vat: LineVat::swedish(Decimal::from(if line == 4 { 12 } else { 25 })),
        })
        .collect();
    invoice.charges = vec![samples::invoice_fee(Decimal::from(45))];
    invoice
}

fn issued_count(store: &Store) -> Result<i64, StoreError> {
    Ok(store.raw_connection().query_row(
        "SELECT count(*) FROM invoices WHERE status = 'issued'",
        [],
        |row| row.get(0),
    )?)
}

/// Builds the company file through the store's API. Durability is turned off for this
/// connection only while generating, which changes nothing about what is written.
fn generate(path: &Path, invoices: i64) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let mut store = Store::open(path)?;
    store
        .raw_connection()
        .pragma_update(None, "synchronous", "OFF")?;
    let mut customers: Vec<(CustomerId, Customer)> = Vec::new();
    for index in 0..CUSTOMERS {
        let mut customer = Customer::new((10_000 + index).to_string(), customer_name(index));
        customer.legal_id = format!("55{:08}", index * 37);
        customer.address.street = format!("Storgatan {}", index % 90 + 1);
        customer.address.postal_code = "111 22".to_owned();
        customer.address.city = "Stockholm".to_owned();
        customers.push((store.add_customer(&customer)?, customer));
    }
    let now = Utc
        .with_ymd_and_hms(2026, 1, 1, 8, 0, 0)
        .single()
        .ok_or("time")?;
    let first_day = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
    let mut done = issued_count(&store)?;
    while done < invoices {
        let (customer_id, customer) = &customers[usize::try_from(done)? * 7919 % CUSTOMERS];
        let issue_date =
            first_day + Days::new(u64::try_from(done)? * 730 / u64::try_from(invoices)?);
        let id = store.create_draft(*customer_id, &invoice_for(customer, done, issue_date), now)?;
        store.issue_invoice(id, now, |_| Ok(()))?;
        done += 1;
        if done % 10_000 == 0 {
            eprintln!("  generated {done} invoices in {:.0?}", started.elapsed());
        }
    }
    store
        .raw_connection()
        .execute_batch("PRAGMA synchronous = FULL; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")?;
    eprintln!("generated {invoices} invoices in {:.1?}", started.elapsed());
    Ok(())
}

struct Figures {
    name: &'static str,
    samples: Vec<Duration>,
    /// The process's CPU time (all threads) over the timed runs, when Linux tells it.
    cpu: Option<Duration>,
}

/// User + system CPU time of this process so far, from /proc (Linux counts in 1/100 s).
/// Wall-clock figures on a shared machine mostly measure the neighbours; CPU time does not.
fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

impl Figures {
    fn percentile(&self, fraction: u32) -> Duration {
        let mut sorted = self.samples.clone();
        sorted.sort();
        let index = (sorted.len() - 1) * usize::try_from(fraction).unwrap_or(0) / 100;
        sorted[index]
    }

    fn print(&self) {
        let runs = u32::try_from(self.samples.len()).unwrap_or(u32::MAX).max(1);
        let cpu = self
            .cpu
            .map_or_else(|| "n/a".to_owned(), |cpu| milliseconds(cpu / runs));
        println!(
            "{:<38} n={:<4} median {:>11}   p95 {:>11}   mean CPU {:>11}",
            self.name,
            self.samples.len(),
            milliseconds(self.percentile(50)),
            milliseconds(self.percentile(95)),
            cpu,
        );
    }
}

/// "12.345 ms", in integers: the workspace forbids float arithmetic.
fn milliseconds(duration: Duration) -> String {
    let micros = duration.as_micros();
    format!("{}.{:03} ms", micros / 1000, micros % 1000)
}

fn measure<T>(
    name: &'static str,
    runs: usize,
    mut work: impl FnMut() -> Result<T, StoreError>,
) -> Result<Figures, StoreError> {
    work()?;
    let mut samples = Vec::with_capacity(runs);
    let cpu_before = process_cpu_time();
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(work()?);
        samples.push(started.elapsed());
    }
    let cpu = process_cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    Ok(Figures { name, samples, cpu })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let invoices: i64 = std::env::var("FAKTURERA_BENCH_INVOICES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(100_000);
    let path = std::env::var_os("FAKTURERA_BENCH_FILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
                || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
                PathBuf::from,
            );
            target.join(format!("store-bench/company-{invoices}.fakturera"))
        });
    if !path.exists() || issued_count(&Store::open(&path)?)? < invoices {
        eprintln!("generating {} (once)...", path.display());
        generate(&path, invoices)?;
    }
    let size_mb = std::fs::metadata(&path)?.len() / 1_000_000;
    let (issued, lines, customers): (i64, i64, i64) = Store::open(&path)?.raw_connection().query_row(
        "SELECT (SELECT count(*) FROM invoices WHERE status = 'issued'), (SELECT count(*) FROM invoice_lines),
                (SELECT count(*) FROM customers)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    println!(
        "company file: {issued} issued invoices, {lines} lines, {customers} customers, {size_mb} MB"
    );

    let mut figures = vec![
        measure("open (integrity check in background)", 20, || {
            Store::open(&path).map(drop)
        })?,
        measure("open and wait for integrity check", 5, || {
            Store::open_verified(&path).map(drop)
        })?,
    ];
    // The measurements below start once this opening's integrity check is done, as the
    // user's work does after the first second or so.
    let mut store = Store::open_verified(&path)?;
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).ok_or("date")?;
    let first_page = InvoiceListQuery::first_page(today);
    figures.push(measure("list: first page (50 rows)", 200, || {
        store.list_invoices(&first_page)
    })?);
    let by_customer = InvoiceListQuery {
        search: Some("lindqvist måleri".to_owned()),
        ..InvoiceListQuery::first_page(today)
    };
    let matches = store.count_invoices(&by_customer)?;
    figures.push(measure("search: customer name (first page)", 200, || {
        store.list_invoices(&by_customer)
    })?);
    let common = InvoiceListQuery {
        search: Some("bygg".to_owned()),
        ..InvoiceListQuery::first_page(today)
    };
    figures.push(measure("search: common name part", 200, || {
        store.list_invoices(&common)
    })?);
    let by_number = InvoiceListQuery {
        search: Some("4711".to_owned()),
        ..InvoiceListQuery::first_page(today)
    };
    figures.push(measure("search: invoice number", 200, || {
        store.list_invoices(&by_number)
    })?);
    let overdue = InvoiceListQuery {
        filter: fakturera_store::InvoiceFilter::Overdue,
        ..InvoiceListQuery::first_page(today)
    };
    figures.push(measure("filter: overdue (first page)", 200, || {
        store.list_invoices(&overdue)
    })?);

    let customer_id = CustomerId(1);
    let customer = store.customer(customer_id)?;
    let now = Utc
        .with_ymd_and_hms(2026, 1, 15, 8, 0, 0)
        .single()
        .ok_or("time")?;
    let mut drafts = Vec::new();
    for index in 0..101 {
        drafts.push(store.create_draft(customer_id, &invoice_for(&customer, index, today), now)?);
    }
    let mut next_draft = drafts.into_iter();
    figures.push(measure("issue one invoice (durable commit)", 100, || {
        let id = next_draft
            .next()
            .ok_or_else(|| StoreError::not_found("utkast", "draft", "-"))?;
        store.issue_invoice(id, now, |_| Ok(()))
    })?);

    println!("customer-name search matches {matches} invoices");
    for figure in &figures {
        figure.print();
    }
    Ok(())
}
