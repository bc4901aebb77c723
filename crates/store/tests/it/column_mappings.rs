//! Every column of every table is read or written by the table's Rust mapping, or is listed below
//! as deliberately unmapped: a migration that adds a column fails here until the mapping names it.

use std::collections::{BTreeMap, BTreeSet};

use fakturera_store::{Store, mapped_columns};

use crate::temp_file;

/// Columns no mapping needs, with why.
const UNMAPPED: &[(&str, &str)] = &[
    // The reason a customer is never reminded: the settings window has no field for it yet, so it
    // keeps its default ('').
    ("reminder_exempt_customers", "note"),
];

/// Row ids are SQLite's own; a mapping reads one only when it hands it out.
fn is_row_id(column: &str) -> bool {
    column == "id"
}

fn table_columns(store: &Store) -> Result<BTreeMap<String, Vec<String>>, rusqlite::Error> {
    let connection = store.raw_connection();
    let mut tables = connection.prepare(
        "SELECT name FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let names: Vec<String> = tables
        .query_map([], |row| row.get("name"))?
        .collect::<Result<_, _>>()?;
    let mut columns = BTreeMap::new();
    for table in names {
        let mut info = connection.prepare("SELECT name FROM pragma_table_info(?1)")?;
        let names = info
            .query_map([&table], |row| row.get("name"))?
            .collect::<Result<Vec<String>, _>>()?;
        columns.insert(table, names);
    }
    Ok(columns)
}

/// What is wrong with the mappings against the schema, one line each.
fn mismatches(schema: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut mapped: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (table, columns) in mapped_columns() {
        mapped.entry(table).or_default().extend(columns);
    }
    let mut problems = Vec::new();
    for (table, columns) in schema {
        let Some(known) = mapped.get(table.as_str()) else {
            problems.push(format!("table {table} has no Rust mapping"));
            continue;
        };
        for column in columns {
            let unmapped = UNMAPPED.contains(&(table.as_str(), column.as_str()));
            if !known.contains(column.as_str()) && !unmapped && !is_row_id(column) {
                problems.push(format!(
                    "column {table}.{column} is neither read nor written by its mapping"
                ));
            }
        }
        for column in known {
            if !columns.iter().any(|name| name == column) {
                problems.push(format!(
                    "the mapping of {table} names a missing column {column}"
                ));
            }
        }
    }
    for table in mapped.keys() {
        if !schema.contains_key(*table) {
            problems.push(format!("the mappings name a missing table {table}"));
        }
    }
    problems
}

#[test]
fn every_column_of_a_migrated_file_is_mapped() -> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    let problems = mismatches(&table_columns(&store)?);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

#[test]
fn a_column_added_to_a_table_but_not_to_its_mapping_is_named()
-> Result<(), Box<dyn std::error::Error>> {
    let (_dir, path) = temp_file();
    let store = Store::open(&path)?;
    store
        .raw_connection()
        .execute_batch("ALTER TABLE customers ADD COLUMN fax TEXT NOT NULL DEFAULT ''")?;
    let problems = mismatches(&table_columns(&store)?);
    assert_eq!(
        problems,
        ["column customers.fax is neither read nor written by its mapping"]
    );
    Ok(())
}
