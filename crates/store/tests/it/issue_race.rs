//! Two processes issuing on one file at the same time: every number once, no gaps.

use std::process::Command;

use crate::invoices::{date, now, prepared_store};
use crate::temp_file;

const PER_PROCESS: usize = 500;

#[test]
fn two_processes_issuing_500_each_get_1000_unique_gapless_numbers()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let (mut store, customer) = prepared_store(&path)?;
    // The drafts are made up front, so the two processes only race for numbers.
    let invoice = fakturera_core::samples::domestic_invoice(date("2026-05-04"));
    let mut drafts = Vec::new();
    for _ in 0..(2 * PER_PROCESS) {
        drafts.push(store.create_draft(customer, &invoice, now())?.0);
    }
    drop(store);

    let binary = env!("CARGO_BIN_EXE_fakturera-store-issue");
    // Interleave: each process issues every other draft of the whole range, so both are busy
    // for the whole run rather than one finishing before the other starts.
    let evens: Vec<String> = drafts.iter().step_by(2).map(i64::to_string).collect();
    let odds: Vec<String> = drafts
        .iter()
        .skip(1)
        .step_by(2)
        .map(i64::to_string)
        .collect();
    let children: Vec<_> = [evens.join(","), odds.join(",")]
        .into_iter()
        .map(|ids| Command::new(binary).arg(&path).arg(ids).spawn())
        .collect::<Result<_, _>>()?;
    for mut child in children {
        let status = child.wait()?;
        assert!(status.success(), "an issuing process failed: {status}");
    }

    let store = fakturera_store::Store::open(&path)?;
    let connection = store.raw_connection();
    let (count, distinct, lowest, highest): (i64, i64, i64, i64) = connection.query_row(
        "SELECT count(*), count(DISTINCT number), min(number), max(number) FROM invoices WHERE status = 'issued'",
        [],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )?;
    assert_eq!((count, distinct, lowest, highest), (1000, 1000, 1, 1000));
    assert_eq!(store.default_series()?.next_number, 1001);
    Ok(())
}
