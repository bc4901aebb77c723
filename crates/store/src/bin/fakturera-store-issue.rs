//! Issues the given drafts of a company file one by one: the second process in the test that two
//! processes issuing at once on one file get unique, gapless numbers.
//!
//! Usage: `fakturera-store-issue FILE ID,ID,...`

use std::path::PathBuf;
use std::process::ExitCode;

use fakturera_store::{InvoiceId, Store};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(ids)) = (args.next(), args.next()) else {
        eprintln!("usage: fakturera-store-issue FILE ID,ID,...");
        return ExitCode::from(2);
    };
    let ids: Result<Vec<i64>, _> = ids.split(',').map(str::parse).collect();
    let Ok(ids) = ids else {
        eprintln!("the ids must be integers separated by commas");
        return ExitCode::from(2);
    };
    let mut store = match Store::open(&PathBuf::from(path)) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    for id in ids {
        if let Err(error) = store.issue_invoice(InvoiceId(id), chrono::Utc::now(), |_| Ok(())) {
            eprintln!("invoice {id}: {error} ({:?})", error.detail());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
