//! Whether a file's schema is exactly what our migrations make: the same tables, indexes and
//! triggers with the same definitions. A backup whose triggers were dropped (or whose tables were
//! altered outside the program) passes `integrity_check` but would no longer keep issued invoices
//! immutable, so restoring it is refused.

use std::collections::BTreeMap;

use rusqlite::Connection;

use crate::error::StoreError;
use crate::migrations::migrate_to;

/// `type name` → its `CREATE` statement, for every object the program made (SQLite's own
/// `sqlite_*` objects are left out: they follow from the tables).
type Schema = BTreeMap<String, Option<String>>;

fn schema_of(connection: &Connection, database: &str) -> Result<Schema, StoreError> {
    let sql = format!(
        "SELECT type, name, sql FROM \"{database}\".sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    );
    let mut statement = connection.prepare(&sql)?;
    let rows = statement.query_map([], |row| {
        Ok((
            format!("{} {}", row.get::<_, String>(0)?, row.get::<_, String>(1)?),
            row.get::<_, Option<String>>(2)?,
        ))
    })?;
    Ok(rows.collect::<Result<Schema, _>>()?)
}

/// The schema a file of `version` has when the migrations made it.
fn expected_schema(version: u32) -> Result<Schema, StoreError> {
    let mut connection = Connection::open_in_memory()?;
    migrate_to(&mut connection, version)?;
    schema_of(&connection, "main")
}

/// How the schema of `database` (on `connection`) differs from what the migrations make at
/// `version`: one line per missing, extra or changed object; empty when they are the same.
pub(crate) fn schema_differences(
    connection: &Connection,
    database: &str,
    version: u32,
) -> Result<Vec<String>, StoreError> {
    let expected = expected_schema(version)?;
    let found = schema_of(connection, database)?;
    let mut differences = Vec::new();
    for (object, sql) in &expected {
        match found.get(object) {
            None => differences.push(format!("missing {object}")),
            Some(found_sql) if found_sql != sql => differences.push(format!("changed {object}")),
            Some(_) => {}
        }
    }
    for object in found
        .keys()
        .filter(|object| !expected.contains_key(*object))
    {
        differences.push(format!("extra {object}"));
    }
    Ok(differences)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::latest_version;

    #[test]
    fn a_migrated_file_has_the_expected_schema_and_a_dropped_trigger_is_found()
    -> Result<(), StoreError> {
        let mut connection = Connection::open_in_memory()?;
        migrate_to(&mut connection, latest_version())?;
        assert_eq!(
            schema_differences(&connection, "main", latest_version())?,
            Vec::<String>::new()
        );
        connection.execute_batch(
            "DROP TRIGGER invoices_issued_no_update;
             CREATE INDEX extra_index ON invoices (notes);",
        )?;
        assert_eq!(
            schema_differences(&connection, "main", latest_version())?,
            [
                "missing trigger invoices_issued_no_update".to_owned(),
                "extra index extra_index".to_owned()
            ]
        );
        Ok(())
    }

    #[test]
    fn each_version_is_compared_with_its_own_schema() -> Result<(), StoreError> {
        let mut connection = Connection::open_in_memory()?;
        migrate_to(&mut connection, 3)?;
        assert!(schema_differences(&connection, "main", 3)?.is_empty());
        assert!(!schema_differences(&connection, "main", latest_version())?.is_empty());
        Ok(())
    }
}
