//! A record's columns as one list of (column name, the record's value for it). The INSERT, the
//! UPDATE and the SELECT list are all made from such lists, so a field is added to a table's
//! mapping in one entry and no placeholder or position is ever counted by hand.

use rusqlite::types::{ToSqlOutput, Value};
use rusqlite::{Connection, ToSql};

/// How a record gives its value for one column.
pub(crate) type ColumnValue<R> = for<'r> fn(&'r R) -> rusqlite::Result<ToSqlOutput<'r>>;

/// A table and the columns its Rust mappings read or write, for the test that every column of the
/// table is mapped.
pub(crate) type MappedTable = (&'static str, Vec<&'static str>);

/// A value the record computes (a code, an amount as text) rather than lends.
pub(crate) fn owned<'r>(value: impl Into<Value>) -> rusqlite::Result<ToSqlOutput<'r>> {
    Ok(ToSqlOutput::Owned(value.into()))
}

/// The columns of a table that a record of type `R` is written to, each with its value.
pub(crate) struct ColumnList<R: 'static>(pub &'static [(&'static str, ColumnValue<R>)]);

impl<R> ColumnList<R> {
    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(name, _)| *name)
    }

    /// The names for a SELECT, each prefixed with `alias.` when one is given.
    pub(crate) fn select_list(&self, alias: Option<&str>) -> String {
        let prefix = alias.map(|alias| format!("{alias}.")).unwrap_or_default();
        self.names()
            .map(|name| format!("{prefix}{name}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Inserts `record` as a new row of `table`.
    pub(crate) fn insert(
        &self,
        connection: &Connection,
        table: &str,
        record: &R,
    ) -> rusqlite::Result<usize> {
        RowValues::of(self, record)?.insert(connection, table)
    }

    /// Writes `record` over the rows of `table` whose `key_column` is `key`; how many changed.
    pub(crate) fn update<'a>(
        &self,
        connection: &Connection,
        table: &str,
        record: &'a R,
        key_column: &str,
        key: &'a dyn ToSql,
    ) -> rusqlite::Result<usize> {
        RowValues::of(self, record)?.update(connection, table, key_column, key)
    }
}

/// The (column, value) pairs of one row to write, gathered from one or more column lists (a
/// line's own columns, its VAT columns, where it sits in the invoice).
pub(crate) struct RowValues<'v> {
    names: Vec<&'static str>,
    values: Vec<ToSqlOutput<'v>>,
}

impl<'v> RowValues<'v> {
    pub(crate) fn of<R>(list: &ColumnList<R>, record: &'v R) -> rusqlite::Result<RowValues<'v>> {
        RowValues {
            names: Vec::new(),
            values: Vec::new(),
        }
        .and(list, record)
    }

    /// These pairs and those of `list` for `record`.
    pub(crate) fn and<R>(
        mut self,
        list: &ColumnList<R>,
        record: &'v R,
    ) -> rusqlite::Result<RowValues<'v>> {
        for (name, value) in list.0 {
            self.names.push(name);
            self.values.push(value(record)?);
        }
        Ok(self)
    }

    /// `INSERT INTO table (a, b, ...) VALUES (?, ?, ...)`.
    pub(crate) fn insert_sql(&self, table: &str) -> String {
        let placeholders = vec!["?"; self.names.len()].join(", ");
        format!(
            "INSERT INTO {table} ({}) VALUES ({placeholders})",
            self.names.join(", ")
        )
    }

    /// `UPDATE table SET a = ?, b = ?, ... WHERE key = ?`.
    pub(crate) fn update_sql(&self, table: &str, key_column: &str) -> String {
        let assignments: Vec<String> = self
            .names
            .iter()
            .map(|name| format!("{name} = ?"))
            .collect();
        format!(
            "UPDATE {table} SET {} WHERE {key_column} = ?",
            assignments.join(", ")
        )
    }

    pub(crate) fn insert(self, connection: &Connection, table: &str) -> rusqlite::Result<usize> {
        let sql = self.insert_sql(table);
        self.execute(connection, &sql)
    }

    /// Runs `sql`, made from [`RowValues::insert_sql`] and perhaps an `ON CONFLICT` clause, with
    /// the values.
    pub(crate) fn execute(self, connection: &Connection, sql: &str) -> rusqlite::Result<usize> {
        connection
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(self.values))
    }

    /// Writes the pairs over the rows of `table` whose `key_column` is `key`; how many changed.
    pub(crate) fn update(
        mut self,
        connection: &Connection,
        table: &str,
        key_column: &str,
        key: &'v dyn ToSql,
    ) -> rusqlite::Result<usize> {
        let sql = self.update_sql(table, key_column);
        self.values.push(key.to_sql()?);
        connection
            .prepare_cached(&sql)?
            .execute(rusqlite::params_from_iter(self.values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Pair {
        name: String,
        count: i64,
    }

    const PAIR_COLUMNS: ColumnList<Pair> = ColumnList(&[
        ("name", |pair| pair.name.to_sql()),
        ("count", |pair| pair.count.to_sql()),
    ]);

    const NOTE_COLUMNS: ColumnList<&'static str> = ColumnList(&[("note", |note| note.to_sql())]);

    #[test]
    fn statements_are_made_from_the_lists() -> rusqlite::Result<()> {
        let pair = Pair {
            name: "a".to_owned(),
            count: 1,
        };
        let values = RowValues::of(&PAIR_COLUMNS, &pair)?.and(&NOTE_COLUMNS, &"x")?;
        assert_eq!(
            values.insert_sql("pairs"),
            "INSERT INTO pairs (name, count, note) VALUES (?, ?, ?)"
        );
        assert_eq!(
            values.update_sql("pairs", "id"),
            "UPDATE pairs SET name = ?, count = ?, note = ? WHERE id = ?"
        );
        assert_eq!(PAIR_COLUMNS.select_list(Some("p")), "p.name, p.count");
        Ok(())
    }

    #[test]
    fn records_are_written_and_updated_by_name() -> rusqlite::Result<()> {
        let connection = Connection::open_in_memory()?;
        connection.execute_batch(
            "CREATE TABLE pairs (id INTEGER PRIMARY KEY, count INTEGER NOT NULL, name TEXT NOT NULL)",
        )?;
        let first = Pair {
            name: "a".to_owned(),
            count: 1,
        };
        PAIR_COLUMNS.insert(&connection, "pairs", &first)?;
        let second = Pair {
            name: "b".to_owned(),
            count: 2,
        };
        assert_eq!(
            PAIR_COLUMNS.update(&connection, "pairs", &second, "id", &1)?,
            1
        );
        assert_eq!(
            PAIR_COLUMNS.update(&connection, "pairs", &second, "id", &2)?,
            0
        );
        let (name, count): (String, i64) =
            connection.query_row("SELECT * FROM pairs WHERE id = 1", [], |row| {
                Ok((row.get("name")?, row.get("count")?))
            })?;
        assert_eq!((name.as_str(), count), ("b", 2));
        Ok(())
    }
}
