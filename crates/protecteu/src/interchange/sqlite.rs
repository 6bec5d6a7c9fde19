//! The SQLite export (feature `sqlite`): the CSV tables in one database, typed, with keys,
//! foreign keys, the library's answers as of the data's date, views for the usual questions,
//! a full-text table and the metadata Datasette shows.
//!
//! Every table and column comes from [`Strategy::typed_tables`] (the CSV export's builder);
//! every answer (status, progress, deadline) from the library's queries. The SQL adds keys,
//! joins and filters, never a rule of its own.

use std::path::Path;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection};
use serde_json::{json, Map, Value};

use crate::interchange::tables::{ColumnInfo, SqlType, TableRole, TypedTable};
use crate::model::error::{Error, Result};
use crate::model::strategy::Strategy;
use crate::model::EntityKind;

/// The tables the export adds to those of the CSV export, with their descriptions.
const EXTRA_TABLES: [(&str, &str); 3] = [
    (
        "metadata",
        "About this database: the strategy, the data version, its as-of date, its fingerprint and the program that wrote it.",
    ),
    (
        "action_progress",
        "Where each action stands as of the data's date (metadata.as_of), as the library computes it: its status, its progress and its deadline.",
    ),
    (
        "search",
        "Full text (SQLite FTS5) over every entity's title and text: SELECT kind, id, title FROM search WHERE search MATCH 'europol' ORDER BY rank.",
    ),
];

/// The views, with their descriptions and SQL.
const VIEWS: [(&str, &str, &str); 3] = [
    (
        "current_status",
        "Every action with its status, progress and deadline as of the data's date (metadata.as_of), in the strategy's order.",
        "SELECT a.id AS action, a.title, a.section, a.kind, p.status, p.progress, p.deadline, \
         a.timing_text \
         FROM actions AS a JOIN action_progress AS p ON p.action = a.id ORDER BY a.rowid",
    ),
    (
        "actions_per_actor",
        "Every actor with the actions it leads (role 'lead') or is involved in (role 'involved').",
        "SELECT l.actor, r.name AS actor_name, 'lead' AS role, l.action, a.title AS action_title, \
         l.position \
         FROM action_lead AS l JOIN actors AS r ON r.id = l.actor JOIN actions AS a ON a.id = l.action \
         UNION ALL \
         SELECT i.actor, r.name, 'involved', i.action, a.title, i.position \
         FROM action_involved AS i JOIN actors AS r ON r.id = i.actor JOIN actions AS a ON a.id = i.action",
    ),
    (
        "overdue",
        "Actions not delivered whose deadline passed before the data's date (metadata.as_of).",
        "SELECT action, title, section, status, deadline, timing_text FROM current_status \
         WHERE progress = 'overdue'",
    ),
];

fn sql_error(e: rusqlite::Error) -> Error {
    Error::Write {
        path: "<memory>".into(),
        details: format!("SQLite: {e}"),
    }
}

/// `"name"`, with any `"` doubled.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn sql_type(t: SqlType) -> &'static str {
    match t {
        SqlType::Text => "TEXT",
        SqlType::Integer | SqlType::Boolean => "INTEGER",
        SqlType::Real => "REAL",
    }
}

/// A cell of the CSV table as an SQL value: empty is NULL, numbers and booleans typed (a cell
/// that does not parse as its type stays text rather than being lost).
fn value(cell: &str, t: SqlType) -> SqlValue {
    if cell.is_empty() {
        return SqlValue::Null;
    }
    let text = || SqlValue::Text(cell.to_owned());
    match t {
        SqlType::Text => text(),
        SqlType::Integer => cell.parse().map_or_else(|_| text(), SqlValue::Integer),
        SqlType::Real => cell.parse().map_or_else(|_| text(), SqlValue::Real),
        SqlType::Boolean => match cell {
            "true" => SqlValue::Integer(1),
            "false" => SqlValue::Integer(0),
            _ => text(),
        },
    }
}

/// The `CREATE TABLE` statement of a table of the CSV export.
fn create_table(t: &TypedTable) -> String {
    let mut defs: Vec<String> = t
        .table
        .columns
        .iter()
        .zip(&t.info)
        .map(|(name, info)| {
            let mut d = format!("{} {}", quote(name), sql_type(info.sql_type));
            if matches!(t.role, TableRole::Entity(_)) && name == "id" {
                d.push_str(" PRIMARY KEY NOT NULL");
            } else if let Some(k) = info.references {
                d.push_str(&format!(" REFERENCES {}(id)", quote(k.plural())));
            }
            d
        })
        .collect();
    let key = |cols: &[&str]| {
        let cols: Vec<String> = cols.iter().map(|c| quote(c)).collect();
        format!("PRIMARY KEY ({})", cols.join(", "))
    };
    match t.role {
        TableRole::List(_) => {
            if let Some(owner) = t.table.columns.first() {
                defs.push(key(&[owner, "position"]));
            }
        }
        TableRole::Citations => defs.push(key(&["kind", "id", "path", "position"])),
        TableRole::Dataset | TableRole::Entity(_) => {}
    }
    format!(
        "CREATE TABLE {} (\n  {}\n)",
        quote(&t.table.name),
        defs.join(",\n  ")
    )
}

fn insert_rows(conn: &Connection, t: &TypedTable) -> rusqlite::Result<()> {
    let marks = vec!["?"; t.table.columns.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "INSERT INTO {} VALUES ({marks})",
        quote(&t.table.name)
    ))?;
    for r in &t.table.rows {
        stmt.execute(params_from_iter(
            r.iter().zip(&t.info).map(|(c, i)| value(c, i.sql_type)),
        ))?;
    }
    Ok(())
}

/// The text of an entity's table row that full-text search reads: every text column but
/// its id, the title column, references and web addresses, one per line.
fn row_text(t: &TypedTable, row: &[String], title_col: Option<usize>) -> String {
    t.table
        .columns
        .iter()
        .zip(&t.info)
        .zip(row)
        .enumerate()
        .filter(|(i, ((name, info), cell))| {
            Some(*i) != title_col
                && name.as_str() != "id"
                && info.sql_type == SqlType::Text
                && info.references.is_none()
                && !cell.is_empty()
                && !cell.starts_with("http")
        })
        .map(|(_, (_, cell))| cell.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

impl Strategy {
    /// The whole model as a SQLite database, as the bytes of its file.
    ///
    /// The database holds every table of the CSV export ([`Strategy::tables`]: the same
    /// names, columns and rows), typed (integers, numbers, booleans as 0/1, empty cells as
    /// NULL), with primary keys and foreign keys; `metadata` (strategy, data version, as-of
    /// date, fingerprint); `action_progress` (each action's status, progress and deadline as of
    /// the data's date, computed by the library); the views `current_status`,
    /// `actions_per_actor` and `overdue`; and `search`, an FTS5 table over every entity's
    /// text. The same model gives the same bytes (with the same SQLite, which is compiled in).
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let db = s.to_sqlite().unwrap();
    /// assert!(db.starts_with(b"SQLite format 3\0"));
    /// assert_eq!(db, s.to_sqlite().unwrap());
    /// ```
    ///
    /// # Errors
    /// [`Error::Write`] if SQLite fails (out of memory, for example).
    pub fn to_sqlite(&self) -> Result<Vec<u8>> {
        let conn = Connection::open_in_memory().map_err(sql_error)?;
        self.fill_sqlite(&conn).map_err(sql_error)?;
        let data = conn.serialize("main").map_err(sql_error)?;
        Ok(data.to_vec())
    }

    /// Writes [`Strategy::to_sqlite`] to a file (replacing it).
    ///
    /// ```
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("protecteu.sqlite");
    /// protecteu::strategy().export_sqlite(&path).unwrap();
    /// assert!(std::fs::metadata(&path).unwrap().len() > 0);
    /// ```
    ///
    /// # Errors
    /// [`Error::Write`] if SQLite fails or the file cannot be written.
    pub fn export_sqlite(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let bytes = self.to_sqlite()?;
        std::fs::write(path, bytes).map_err(|e| Error::Write {
            path: path.display().to_string(),
            details: e.to_string(),
        })
    }

    fn fill_sqlite(&self, conn: &Connection) -> rusqlite::Result<()> {
        conn.execute_batch(
            "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA foreign_keys = ON;",
        )?;
        conn.execute_batch("BEGIN")?;
        let tables = self.typed_tables();
        // Referenced tables first, so the foreign keys hold as rows go in (a section's parent
        // comes before it in the data; the one-row tables and the kinds come before links).
        for t in &tables {
            conn.execute_batch(&create_table(t))?;
        }
        conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        for t in &tables {
            insert_rows(conn, t)?;
        }
        self.write_metadata(conn)?;
        self.write_progress(conn)?;
        for (name, _, sql) in VIEWS {
            conn.execute_batch(&format!("CREATE VIEW {} AS {sql}", quote(name)))?;
        }
        self.write_search(conn, &tables)?;
        conn.execute_batch("COMMIT")?;
        conn.execute_batch("VACUUM")?;
        Ok(())
    }

    fn write_metadata(&self, conn: &Connection) -> rusqlite::Result<()> {
        conn.execute_batch(
            "CREATE TABLE metadata (\n  key TEXT PRIMARY KEY NOT NULL,\n  value TEXT\n)",
        )?;
        let info = self.info();
        let rows = [
            ("strategy", info.id.clone()),
            ("strategy_title", info.title.clone()),
            ("document_number", info.document_number.clone()),
            ("data_version", self.dataset().version.clone()),
            ("as_of", self.dataset().as_of.to_string()),
            ("fingerprint", self.fingerprint().to_owned()),
            (
                "generator",
                format!("protecteu {}", env!("CARGO_PKG_VERSION")),
            ),
        ];
        let mut stmt = conn.prepare("INSERT INTO metadata VALUES (?1, ?2)")?;
        for (k, v) in rows {
            stmt.execute([k, v.as_str()])?;
        }
        Ok(())
    }

    fn write_progress(&self, conn: &Connection) -> rusqlite::Result<()> {
        conn.execute_batch(
            "CREATE TABLE action_progress (\n  action TEXT PRIMARY KEY NOT NULL REFERENCES actions(id),\n  status TEXT NOT NULL,\n  progress TEXT NOT NULL,\n  deadline TEXT\n)",
        )?;
        let mut stmt = conn.prepare("INSERT INTO action_progress VALUES (?1, ?2, ?3, ?4)")?;
        let name = |v: Value| v.as_str().unwrap_or_default().to_owned();
        for a in self.action_list() {
            stmt.execute([
                Some(a.id.as_str().to_owned()),
                Some(name(json!(self.current_status(a)))),
                Some(name(json!(self.progress_of(a, None)))),
                a.timing.deadline().map(|d| d.to_string()),
            ])?;
        }
        Ok(())
    }

    fn write_search(&self, conn: &Connection, tables: &[TypedTable]) -> rusqlite::Result<()> {
        conn.execute_batch(
            "CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, title, text, \
             tokenize = 'unicode61 remove_diacritics 2')",
        )?;
        let mut stmt = conn.prepare("INSERT INTO search VALUES (?1, ?2, ?3, ?4)")?;
        for kind in EntityKind::ALL {
            let Some(t) = tables.iter().find(|t| t.role == TableRole::Entity(kind)) else {
                continue;
            };
            let title_col = ["title", "name", "short_title", "statement"]
                .iter()
                .find_map(|c| t.table.columns.iter().position(|x| x == c));
            for (pos, r) in t.table.rows.iter().enumerate() {
                stmt.execute([
                    kind.name().to_owned(),
                    self.id_at(kind, pos),
                    self.title_at(kind, pos),
                    row_text(t, r, title_col),
                ])?;
            }
        }
        Ok(())
    }

    /// Datasette metadata for the SQLite export (`datasette protecteu.sqlite -m
    /// metadata.json`): a title, description, licence and source for the database, and a
    /// description of every table, view and column, taken from the data schema. `database` is
    /// the database's name in Datasette: the file name without `.sqlite`/`.db`.
    ///
    /// ```
    /// let s = protecteu::strategy();
    /// let m: serde_json::Value = serde_json::from_str(&s.datasette_metadata("protecteu")).unwrap();
    /// assert!(m["databases"]["protecteu"]["tables"]["actions"]["columns"]["title"].is_string());
    /// ```
    pub fn datasette_metadata(&self, database: &str) -> String {
        let info = self.info();
        let mut tables = Map::new();
        for t in self.typed_tables() {
            let columns: Map<String, Value> = t
                .table
                .columns
                .iter()
                .zip(&t.info)
                .map(|(c, i)| (c.clone(), Value::from(column_description(i))))
                .collect();
            tables.insert(
                t.table.name.clone(),
                json!({ "description": t.description, "columns": columns }),
            );
        }
        for (name, description) in EXTRA_TABLES {
            tables.insert(name.into(), json!({ "description": description }));
        }
        for (name, description, _) in VIEWS {
            tables.insert(name.into(), json!({ "description": description }));
        }
        if let Some(Value::Object(search)) = tables.get_mut("search") {
            search.insert("fts_table".into(), json!("search"));
        }
        let description = format!(
            "{} ({}, {}): data version {}, as of {}, fingerprint {}. Every fact cites its source (tables sources and citations).",
            info.title,
            info.document_number,
            info.date,
            self.dataset().version,
            self.dataset().as_of,
            self.fingerprint()
        );
        let meta = json!({
            "title": info.title,
            "description": description,
            "license": "MIT OR Apache-2.0",
            "license_url": env!("CARGO_PKG_REPOSITORY"),
            "source": format!("{} ({})", info.full_title, info.document_number),
            "source_url": info.url,
            "databases": { database: {
                "title": format!("ProtectEU {}", self.dataset().version),
                "description": description,
                "tables": tables,
            }},
        });
        let mut out = serde_json::to_string_pretty(&meta).unwrap_or_default();
        out.push('\n');
        out
    }
}

fn column_description(i: &ColumnInfo) -> String {
    match i.references {
        Some(k) if !i.description.contains("id") => {
            format!(
                "{} (a {} id).",
                i.description.trim_end_matches('.'),
                k.name()
            )
        }
        _ => i.description.clone(),
    }
}
