//! The SQLite export read back with SQLite: the same tables and rows as the CSV export, keys
//! and foreign keys that hold, the same bytes twice, views that give the library's answers.
#![cfg(feature = "sqlite")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use protecteu::{Progress, Strategy};
use rusqlite::Connection;

fn open(s: &Strategy) -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protecteu.sqlite");
    s.export_sqlite(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    (dir, conn)
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn count(conn: &Connection, table: &str) -> usize {
    conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| usize::try_from(n).unwrap())
    .unwrap()
}

fn assert_same_tables(s: &Strategy) {
    let (_dir, conn) = open(s);
    for t in s.tables() {
        assert_eq!(count(&conn, &t.name), t.rows.len(), "rows of {}", t.name);
        let cols = strings(
            &conn,
            &format!("SELECT name FROM pragma_table_info('{}')", t.name),
        );
        assert_eq!(cols, t.columns, "columns of {}", t.name);
    }
    let problems: Vec<String> = strings(&conn, "PRAGMA integrity_check");
    assert_eq!(problems, ["ok"]);
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let broken = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .count();
    assert_eq!(broken, 0, "foreign key violations");
}

#[test]
fn every_csv_table_is_a_table_with_the_same_columns_and_rows() {
    assert_same_tables(protecteu::strategy());
}

#[test]
fn a_synthetic_model_exports_with_its_keys_intact() {
    let json = protecteu_synth::generate_from_embedded(3, 7);
    let s = Strategy::from_text(&json, "synthetic.json", &protecteu_synth::limits()).unwrap();
    assert_same_tables(&s);
}

#[test]
fn foreign_keys_are_declared_and_checked() {
    let (_dir, conn) = open(protecteu::strategy());
    let fk = |table: &str| -> BTreeSet<(String, String)> {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{table}')"
            ))
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(fk("action_lead").contains(&("actor".into(), "actors".into())));
    assert!(fk("action_lead").contains(&("action".into(), "actions".into())));
    assert!(fk("actions").contains(&("section".into(), "sections".into())));
    assert!(fk("citations").contains(&("source".into(), "sources".into())));
    assert!(fk("action_status").contains(&("evidence".into(), "documents".into())));
    // The keys are enforced: a lead naming no actor is refused.
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let err = conn
        .execute(
            "INSERT INTO action_lead VALUES ('europol-mandate-revision', 'nobody', 99)",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

#[test]
fn the_same_model_gives_the_same_bytes() {
    let s = protecteu::strategy();
    let a = s.to_sqlite().unwrap();
    let again: Strategy = s.to_canonical_json().parse().unwrap();
    assert_eq!(a, again.to_sqlite().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let (p1, p2) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
    s.export_sqlite(&p1).unwrap();
    s.export_sqlite(&p2).unwrap();
    assert_eq!(std::fs::read(&p1).unwrap(), std::fs::read(&p2).unwrap());
    assert_eq!(std::fs::read(&p1).unwrap(), a);
}

#[test]
fn values_are_typed() {
    let (_dir, conn) = open(protecteu::strategy());
    let t: String = conn
        .query_row(
            "SELECT typeof(timing_year) FROM actions WHERE timing_year IS NOT NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(t, "integer");
    let flags = strings(
        &conn,
        "SELECT DISTINCT typeof(number_confirmed) || ':' || number_confirmed FROM sections ORDER BY 1",
    );
    assert!(
        flags.iter().all(|f| f == "integer:0" || f == "integer:1"),
        "{flags:?}"
    );
    let nulls: i64 = conn
        .query_row("SELECT count(*) FROM actions WHERE notes = ''", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(nulls, 0, "absent values are NULL, not empty text");
}

#[test]
fn metadata_names_the_data() {
    let s = protecteu::strategy();
    let (_dir, conn) = open(s);
    let get = |k: &str| -> String {
        conn.query_row("SELECT value FROM metadata WHERE key = ?1", [k], |r| {
            r.get(0)
        })
        .unwrap()
    };
    assert_eq!(get("fingerprint"), s.fingerprint());
    assert_eq!(get("data_version"), s.dataset().version);
    assert_eq!(get("as_of"), s.dataset().as_of.to_string());
    assert_eq!(get("strategy"), s.info().id);
}

#[test]
fn the_views_give_the_librarys_answers() {
    let s = protecteu::strategy();
    let (_dir, conn) = open(s);
    // Current status per action, in model order.
    let mut stmt = conn
        .prepare("SELECT action, status, progress FROM current_status")
        .unwrap();
    let rows: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let name = |v: serde_json::Value| v.as_str().unwrap().to_owned();
    let expected: Vec<(String, String, String)> = s
        .action_list()
        .iter()
        .map(|a| {
            (
                a.id.to_string(),
                name(serde_json::json!(s.current_status(a))),
                name(serde_json::json!(s.progress_of(a, None))),
            )
        })
        .collect();
    assert_eq!(rows, expected);
    // Overdue as of the data's date.
    let overdue = strings(&conn, "SELECT action FROM overdue");
    let lib: Vec<String> = s
        .actions()
        .progress(Progress::Overdue)
        .run()
        .unwrap()
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    assert_eq!(overdue, lib);
    // Actions per actor, by role.
    let mut seen_lead = 0;
    for actor in s.actors() {
        let id = actor.id.as_str();
        let sql = |role: &str| {
            let mut q = format!("SELECT action FROM actions_per_actor WHERE actor = '{id}'");
            if !role.is_empty() {
                q.push_str(&format!(" AND role = '{role}'"));
            }
            strings(&conn, &q).into_iter().collect::<BTreeSet<_>>()
        };
        let ids = |list: Vec<&protecteu::Action>| -> BTreeSet<String> {
            list.iter().map(|a| a.id.to_string()).collect()
        };
        let lead = ids(s.actions().lead(id).run().unwrap());
        seen_lead += lead.len();
        assert_eq!(sql("lead"), lead, "{id} lead");
        assert_eq!(
            sql(""),
            ids(s.actions().by_actor(id).run().unwrap()),
            "{id}"
        );
    }
    assert!(seen_lead > 0);
}

#[test]
fn full_text_search_finds_entities() {
    let (_dir, conn) = open(protecteu::strategy());
    let hits = strings(
        &conn,
        "SELECT kind || ':' || id FROM search WHERE search MATCH 'europol' ORDER BY rank",
    );
    assert!(hits.contains(&"actor:europol".to_string()), "{hits:?}");
    assert!(hits.iter().any(|h| h.starts_with("action:")), "{hits:?}");
    let all = count(&conn, "search");
    let s = protecteu::strategy();
    let entities: usize = protecteu::EntityKind::ALL
        .iter()
        .map(|&k| s.table(k).rows.len())
        .sum();
    assert_eq!(all, entities);
}

#[test]
fn datasette_metadata_describes_every_table_and_column() {
    let s = protecteu::strategy();
    let (_dir, conn) = open(s);
    let meta: serde_json::Value = serde_json::from_str(&s.datasette_metadata("protecteu")).unwrap();
    assert_eq!(meta["license"], "MIT OR Apache-2.0");
    assert!(meta["source_url"].as_str().unwrap().starts_with("http"));
    let tables = meta["databases"]["protecteu"]["tables"]
        .as_object()
        .unwrap();
    let names = strings(
        &conn,
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'",
    );
    for n in &names {
        let t = tables
            .get(n)
            .unwrap_or_else(|| panic!("no metadata for {n}"));
        assert!(!t["description"].as_str().unwrap().is_empty(), "{n}");
    }
    for t in s.tables() {
        let cols = tables[&t.name]["columns"].as_object().unwrap();
        for c in &t.columns {
            let d = cols[c].as_str().unwrap();
            assert!(!d.trim().is_empty(), "{}.{c} has no description", t.name);
        }
    }
}
