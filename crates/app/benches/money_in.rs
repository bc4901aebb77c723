//! Money-in benchmark on a company file of 100,000 issued invoices (5,000 customers, 85 % paid,
//! the rest open): a BgMax file of 10,000 OCR payments previewed and imported (target: under 2 s
//! together), the aging report (target: under 200 ms), the dashboard's first draw (target: under
//! 100 ms of Rust time), and the company ledger. Median and p95, with the process's CPU time.
//!
//! Run: `cargo bench -p fakturera-app --bench money_in`. The company file is generated once
//! through the store's API and kept under the target folder (`FAKTURERA_BENCH_FILE` and
//! `FAKTURERA_BENCH_INVOICES` override); each import runs on a fresh copy of it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, TimeZone, Utc};
use fakturera_app::{App, AppError};
use fakturera_core::Language;
use fakturera_core::ids::{LengthDigit, Ocr};
use fakturera_core::invoice::{Discount, Invoice, InvoiceLine};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::receivables::{BgMaxSpec, DepositSpec, PaymentSpec, write_bgmax};
use fakturera_core::samples;
use fakturera_core::unit::Unit;
use fakturera_core::vat::LineVat;
use fakturera_store::{Company, Customer, CustomerId, Payment, Store};
use rust_decimal::Decimal;

const CUSTOMERS: usize = 5_000;
const PAYMENTS: usize = 10_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default()
}

fn invoice_for(customer: &Customer, index: i64, issue_date: NaiveDate) -> Invoice {
    let mut invoice = Invoice::draft(
        samples::seller(),
        customer.buyer(),
        issue_date,
        PaymentTerms::Net { days: 30 },
    );
    invoice.lines = (0..2)
        .map(|line| InvoiceLine {
            article_number: format!("A-{}", (index + line) % 200),
            description: format!("Arbete och material, post {}", line + 1),
            quantity: Decimal::new(10 + (index * 7 + line) % 90, 1),
            unit: Unit::new("tim"),
            unit_price: Decimal::new(45_000 + (index * 13 + line * 101) % 150_000, 2),
            discount: Discount::None,
            vat: LineVat::swedish(Decimal::from(25)),
        })
        .collect();
    invoice
}

/// Builds the company file through the store's API: 85 % of the invoices paid in full two weeks
/// after issue, the rest open.
fn generate(path: &Path, invoices: i64) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let mut store = Store::open(path)?;
    store
        .raw_connection()
        .pragma_update(None, "synchronous", "OFF")?;
    let seller = samples::seller();
    let company = Company {
        name: seller.name,
        org_number: seller.org_number,
        vat_number: seller.vat_number,
        f_tax_approved: true,
        address: seller.address,
        bankgiro: seller.bankgiro,
        ..store.company()?
    };
    store.set_company(&company)?;
    let mut customers: Vec<(CustomerId, Customer)> = Vec::new();
    for index in 0..CUSTOMERS {
        let mut customer = Customer::new((10_000 + index).to_string(), format!("Kund {index} AB"));
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
    let first_day = NaiveDate::from_ymd_opt(2024, 2, 1).ok_or("date")?;
    for done in 0..invoices {
        let (customer_id, customer) = &customers[usize::try_from(done)? * 7919 % CUSTOMERS];
        let issue_date =
            first_day + Days::new(u64::try_from(done)? * 700 / u64::try_from(invoices)?);
        let id = store.create_draft(*customer_id, &invoice_for(customer, done, issue_date), now)?;
        let issued = store.issue_invoice(id, now, |invoice| {
            let digits: String = invoice.number.clone().unwrap_or_default();
            invoice.ocr = Ocr::generate(&digits, LengthDigit::With)
                .map(|ocr| ocr.digits().to_owned())
                .unwrap_or_default();
            Ok(())
        })?;
        if done % 100 < 85 {
            store.record_payment(
                id,
                &Payment {
                    paid_on: issue_date + Days::new(14),
                    amount: issued.payable,
                    reference: format!("OCR {}", issued.invoice.ocr),
                },
                now,
            )?;
        }
        if (done + 1) % 10_000 == 0 {
            eprintln!(
                "  generated {} invoices in {:.0?}",
                done + 1,
                started.elapsed()
            );
        }
    }
    // No ANALYZE: the app never runs it, so a user's file has no statistics and the queries
    // must be fast without them. (With SQLite's STAT4 statistics every look-up by a new OCR
    // number was also planned afresh, a quarter of the bank file's time.)
    store
        .raw_connection()
        .execute_batch("PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);")?;
    eprintln!("generated {invoices} invoices in {:.1?}", started.elapsed());
    Ok(())
}

/// A BgMax file paying `PAYMENTS` of the open invoices by OCR: most in full, every tenth in part.
fn bank_file(store: &Store) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut statement = store.raw_connection().prepare(
        "SELECT i.ocr, p.remaining FROM invoices i JOIN invoice_payment_state p ON p.invoice_id = i.id
         WHERE p.state = 'unpaid' AND i.ocr <> '' ORDER BY i.id LIMIT ?1",
    )?;
    let open: Vec<(String, String)> = statement
        .query_map([i64::try_from(PAYMENTS)?], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    let payments = open
        .iter()
        .enumerate()
        .map(|(index, (ocr, remaining))| {
            let remaining: Decimal = remaining.parse().unwrap_or_default();
            let amount = if index % 10 == 0 {
                (remaining / Decimal::TWO).round_dp(2)
            } else {
                remaining
            };
            PaymentSpec::ocr(ocr, amount, u64::try_from(index + 1).unwrap_or(0))
        })
        .collect();
    Ok(write_bgmax(&BgMaxSpec {
        timestamp: "20260115061500000001".to_owned(),
        is_test: false,
        deposits: vec![DepositSpec {
            receiver_bankgiro: store.company()?.bankgiro,
            currency: "SEK".to_owned(),
            date: today(),
            serial: 1,
            bank_account: "1234000123456".to_owned(),
            payments,
        }],
    }))
}

fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

fn milliseconds(duration: Duration) -> String {
    let micros = duration.as_micros();
    format!("{}.{:03} ms", micros / 1000, micros % 1000)
}

fn report(name: &str, mut samples: Vec<Duration>, cpu: Option<Duration>) {
    samples.sort();
    let runs = u32::try_from(samples.len()).unwrap_or(1).max(1);
    let at = |percent: usize| samples[(samples.len() - 1) * percent / 100];
    println!(
        "{name:<46} n={:<3} median {:>12}   p95 {:>12}   mean CPU {:>12}",
        samples.len(),
        milliseconds(at(50)),
        milliseconds(at(95)),
        cpu.map_or_else(|| "n/a".to_owned(), |cpu| milliseconds(cpu / runs)),
    );
}

fn measure<T>(
    name: &str,
    runs: usize,
    mut work: impl FnMut() -> Result<T, AppError>,
) -> Result<(), AppError> {
    work()?;
    let mut samples = Vec::with_capacity(runs);
    let before = process_cpu_time();
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(work()?);
        samples.push(started.elapsed());
    }
    let cpu = process_cpu_time()
        .zip(before)
        .map(|(after, before)| after.saturating_sub(before));
    report(name, samples, cpu);
    Ok(())
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
            target.join(format!("money-in-bench/company-{invoices}.fakturera"))
        });
    if !path.exists() {
        eprintln!("generating {} (once)...", path.display());
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        generate(&path, invoices)?;
    }
    let file = bank_file(&Store::open_verified(&path)?)?;
    let (issued, open): (i64, i64) = Store::open(&path)?.raw_connection().query_row(
        "SELECT (SELECT count(*) FROM invoices WHERE status = 'issued'),
                (SELECT count(*) FROM invoice_payment_state WHERE state <> 'paid')",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    println!(
        "company file: {issued} issued invoices, {open} open; bank file: {PAYMENTS} payments, {} bytes",
        file.len()
    );

    let app = App::open(&path, Language::Swedish)?;
    measure("aging report (all customers)", 30, || {
        app.aging_report(today(), None)
    })?;
    measure("dashboard (first draw)", 30, || app.dashboard(today()))?;
    measure("company ledger", 30, || app.company_ledger(today()))?;
    measure("bank file preview (10,000 payments)", 5, || {
        app.preview_bank_file(&file, "bench.txt", false)
    })?;

    // Each import on a fresh copy of the file: preview, then import, as the user does.
    let scratch = tempfile::tempdir()?;
    let mut samples = Vec::new();
    let before = process_cpu_time();
    for run in 0..3 {
        let copy = scratch.path().join(format!("run-{run}.fakturera"));
        std::fs::copy(&path, &copy)?;
        let fresh = App::open(&copy, Language::Swedish)?;
        let now = Utc
            .with_ymd_and_hms(2026, 1, 15, 9, 0, 0)
            .single()
            .ok_or("time")?;
        let started = Instant::now();
        let preview = fresh.preview_bank_file(&file, "bench.txt", false)?;
        let imported = fresh.import_bank_file(&file, "bench.txt", false, now)?;
        samples.push(started.elapsed());
        assert_eq!(preview.payments.len(), PAYMENTS);
        assert_eq!(
            imported.counts.paid + imported.counts.partly_paid,
            u32::try_from(PAYMENTS)?
        );
    }
    let cpu = process_cpu_time()
        .zip(before)
        .map(|(after, before)| after.saturating_sub(before));
    report("bank file preview + import (10,000 payments)", samples, cpu);
    Ok(())
}
