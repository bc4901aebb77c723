//! Every table the store maps to Rust, with the columns its mappings read or write: what the
//! schema test compares with the tables of a freshly migrated file, so a column added by a
//! migration but mapped nowhere fails a test instead of being silently left out.

use crate::column_list::MappedTable;

/// Each mapped table and its mapped columns, in no particular order.
#[doc(hidden)]
pub fn mapped_columns() -> Vec<MappedTable> {
    [
        crate::articles::mapped_tables(),
        crate::autoinvoice_settings::mapped_tables(),
        crate::bookkeeping_settings::mapped_tables(),
        crate::company::mapped_tables(),
        crate::customers::mapped_tables(),
        crate::invoices::mapped_tables(),
        crate::money_in::mapped_tables(),
        crate::number_series::mapped_tables(),
        crate::outbox::mapped_tables(),
        crate::sie_exports::mapped_tables(),
    ]
    .concat()
}
