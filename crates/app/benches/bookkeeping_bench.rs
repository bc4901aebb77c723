//! Bookkeeping benchmarks: the SIE export of a year with 100,000 invoices (5 lines each, with an
//! invoice fee, and 50,000 payments), first and repeated; and the import of 5,000 customers from
//! an xlsx file, validation included. Wall time of each run and the process's CPU time.
//!
//! Run: `cargo bench -p fakturera-app --bench bookkeeping_bench`. The company file is generated
//! once through the store's API and kept under the target folder (`FAKTURERA_BENCH_FILE` moves it).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, TimeZone, Utc};
use fakturera_app::App;
use fakturera_app::bookkeeping::SieExportForm;
use fakturera_app::transfer::{ImportRequest, RegisterKind};
use fakturera_core::Language;
use fakturera_core::invoice::{Invoice, InvoiceLine};
use fakturera_core::payment_terms::PaymentTerms;
use fakturera_core::samples;
use fakturera_core::unit::Unit;
use fakturera_core::vat::LineVat;
use fakturera_store::{Customer, CustomerId, Payment, Store};
use rust_decimal::Decimal;

const INVOICES: i64 = 100_000;
const CUSTOMERS: usize = 2_000;

fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

fn invoice_for(customer: &Customer, index: i64, day: NaiveDate) -> Invoice {
    let mut invoice = Invoice::draft(
        samples::seller(),
        customer.buyer(),
        day,
        PaymentTerms::Net { days: 30 },
    );
    invoice.lines = (0..5)
        .map(|line| InvoiceLine {
            article_number: format!("A-{}", (index + line) % 200),
            description: format!("Arbete, post {}", line + 1),
            quantity: Decimal::new(10 + (index * 7 + line) % 90, 1),
            unit: Unit::new("tim"),
            unit_price: Decimal::new(45_000 + (index * 13 + line * 101) % 150_000, 2),
            discount: fakturera_core::invoice::Discount::None,
            vat: LineVat::swedish(Decimal::from(match line {
                4 => 12,
                3 => 6,
                _ => 25,
            })),
        })
        .collect();
    invoice.charges = vec![samples::invoice_fee(Decimal::from(45))];
    invoice
}

fn generate(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let mut store = Store::open(path)?;
    store
        .raw_connection()
        .pragma_update(None, "synchronous", "OFF")?;
    let mut company = store.company()?;
    let seller = samples::seller();
    company.name = seller.name;
    company.org_number = seller.org_number;
    store.set_company(&company)?;
    let mut customers: Vec<(CustomerId, Customer)> = Vec::new();
    for index in 0..CUSTOMERS {
        let mut customer = Customer::new(
            (10_000 + index).to_string(),
            format!("Åström & Öberg {index} AB"),
        );
        customer.address.street = "Storgatan 1".into();
        customer.address.postal_code = "111 22".into();
        customer.address.city = "Stockholm".into();
        customers.push((store.add_customer(&customer)?, customer));
    }
    let now = Utc
        .with_ymd_and_hms(2026, 12, 31, 8, 0, 0)
        .single()
        .ok_or("time")?;
    let first_day = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
    for done in 0..INVOICES {
        let (customer_id, customer) = &customers[usize::try_from(done)? * 7919 % CUSTOMERS];
        let day = first_day + Days::new(u64::try_from(done * 364 / INVOICES)?);
        let id = store.create_draft(*customer_id, &invoice_for(customer, done, day), now)?;
        let issued = store.issue_invoice(id, now, |_| Ok(()))?;
        if done % 2 == 0 {
            let payment = Payment {
                paid_on: day,
                amount: issued.payable,
                reference: String::new(),
            };
            store.record_payment(id, &payment, now)?;
        }
        if done % 10_000 == 9_999 {
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
    eprintln!("generated {INVOICES} invoices in {:.1?}", started.elapsed());
    Ok(())
}

fn report(name: &str, mut runs: Vec<Duration>, cpu: Option<Duration>) {
    runs.sort();
    let median = runs[runs.len() / 2];
    let ms = |duration: Duration| duration.as_millis();
    let cpu = cpu.map_or_else(String::new, |cpu| {
        format!(
            ", CPU {} ms per run",
            ms(cpu / u32::try_from(runs.len()).unwrap_or(1))
        )
    });
    println!(
        "{name}: median {} ms of {} runs (min {} ms, max {} ms){cpu}",
        ms(median),
        runs.len(),
        ms(runs[0]),
        ms(runs[runs.len() - 1])
    );
}

fn customers_xlsx(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let headings = [
        "Kundnummer",
        "Namn",
        "Organisationsnummer",
        "Adress",
        "Postnummer",
        "Ort",
        "E-post",
        "Utskriftsval",
    ];
    for (column, heading) in headings.iter().enumerate() {
        sheet.write_string(0, u16::try_from(column)?, *heading)?;
    }
    for index in 0..5_000u32 {
        let org = fakturera_core::ids::luhn::with_check_digit(&format!("556{:06}", index))
            .ok_or("luhn")?;
        let row = [
            format!("{}", 20_000 + index),
            format!("Sjöberg & Åkesson {index} AB"),
            format!("{}-{}", &org[..6], &org[6..]),
            format!("Storgatan {}", index % 90 + 1),
            "903 25".to_owned(),
            "Umeå".to_owned(),
            format!("faktura{index}@exempel.se"),
            "e-post".to_owned(),
        ];
        for (column, cell) in row.iter().enumerate() {
            sheet.write_string(index + 1, u16::try_from(column)?, cell)?;
        }
    }
    workbook.save(path)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The workspace's target folder whatever folder cargo runs the bench from (it runs benches in
    // the crate's own folder).
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
        PathBuf::from,
    );
    let folder = target.join("bookkeeping-bench");
    std::fs::create_dir_all(&folder)?;
    let base = std::env::var_os("FAKTURERA_BENCH_FILE")
        .map_or_else(|| folder.join("year-100000.fakturera"), PathBuf::from);
    if !base.exists() {
        generate(&base)?;
    }
    let today = NaiveDate::from_ymd_opt(2027, 1, 10).ok_or("date")?;
    let form = SieExportForm {
        period: "2026".into(),
        ..SieExportForm::default()
    };

    // The first export of the year numbers and remembers every event, so each run gets a fresh copy.
    let mut first = Vec::new();
    let mut again = Vec::new();
    let mut cpu_first = Duration::ZERO;
    let mut cpu_again = Duration::ZERO;
    for run in 0..3 {
        let copy = folder.join("copy.fakturera");
        std::fs::copy(&base, &copy)?;
        let app = App::open(&copy, Language::Swedish)?;
        let out = folder.join(format!("year-{run}.si"));
        let (cpu, started) = (cpu_time(), Instant::now());
        let result = app.export_sie(&form, &out, today, Utc::now())?;
        first.push(started.elapsed());
        cpu_first += cpu_time()
            .zip(cpu)
            .map_or(Duration::ZERO, |(after, before)| after - before);
        let (cpu, started) = (cpu_time(), Instant::now());
        app.export_sie(&form, &out, today, Utc::now())?;
        again.push(started.elapsed());
        cpu_again += cpu_time()
            .zip(cpu)
            .map_or(Duration::ZERO, |(after, before)| after - before);
        if run == 0 {
            println!(
                "SIE file: {} verifications, {} bytes",
                result.verifications, result.bytes
            );
        }
    }
    report(
        "sie export, a year of 100,000 invoices, first time",
        first,
        Some(cpu_first),
    );
    report("sie export, the same year again", again, Some(cpu_again));

    let xlsx = folder.join("customers-5000.xlsx");
    customers_xlsx(&xlsx)?;
    let mut imports = Vec::new();
    let mut cpu_import = Duration::ZERO;
    for run in 0..5 {
        let file = folder.join(format!("import-{run}.fakturera"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let app = App::open(&file, Language::Swedish)?;
        let request = ImportRequest {
            kind: RegisterKind::Customers,
            path: xlsx.display().to_string(),
            ..ImportRequest::default()
        };
        let (cpu, started) = (cpu_time(), Instant::now());
        let outcome = app.run_import(&request, today, Utc::now())?;
        imports.push(started.elapsed());
        cpu_import += cpu_time()
            .zip(cpu)
            .map_or(Duration::ZERO, |(after, before)| after - before);
        assert_eq!(outcome.added, 5_000, "{}", outcome.message);
    }
    report(
        "import of 5,000 customers from xlsx, validation included",
        imports,
        Some(cpu_import),
    );
    Ok(())
}
