//! The pure core's integration tests, in one binary: totals by example and by property.

mod totals;
mod totals_properties;
