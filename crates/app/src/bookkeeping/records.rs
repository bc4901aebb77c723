//! The events of a period in book order, and the account map, read from the company file.

use fakturera_bookkeeping::{Account, AccountKey, AccountMap, LedgerRecord, ReportPeriod};
use fakturera_store::{Store, StoreError};

/// Every invoice and payment of `period`, by date, invoices before payments, then issue order.
pub(crate) fn period_records(
    store: &Store,
    period: ReportPeriod,
) -> Result<Vec<LedgerRecord>, StoreError> {
    let (from, to) = (period.first_day(), period.last_day());
    let mut records: Vec<LedgerRecord> = store
        .ledger_invoices(from, to)?
        .into_iter()
        .map(LedgerRecord::Invoice)
        .chain(
            store
                .ledger_payments(from, to)?
                .into_iter()
                .map(LedgerRecord::Payment),
        )
        .collect();
    records.sort_by_key(LedgerRecord::sort_key);
    Ok(records)
}

/// The BAS accounts with the user's changes laid over them.
pub(crate) fn account_map(store: &Store) -> Result<AccountMap, StoreError> {
    let changes = store
        .bookkeeping_accounts()?
        .into_iter()
        .filter_map(|stored| {
            AccountKey::from_code(&stored.key).map(|key| {
                (
                    key,
                    Account {
                        number: stored.account,
                        name: stored.name,
                    },
                )
            })
        });
    Ok(AccountMap::with_changes(changes))
}
