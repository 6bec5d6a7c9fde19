//! End-to-end tests of `protecteu export` in every format, `--overlay` and `protecteu diff`.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use predicates::prelude::*;

use common::{cmd, data_dir, stdout_of};

const OVERLAY: &str = r#"
[overlay]
name = "National notes"

[[actions]]
id = "national-contact-point"
title = "National contact point"
summary = "A national contact point coordinates follow-up."
section = "introduction-governance"
kind = "operational"
timing = { kind = "ongoing", text = "ongoing" }
lead = ["europol"]

[[actions.citations]]
source = "dg-home-internal-security-page"
fields = ["lead"]
locator = "priority areas and actions"
verification = "official_summary"
"#;

#[test]
fn unknown_format_and_needless_kind_are_usage_errors() {
    cmd()
        .args(["export", "--format", "rdfxml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: json, jsonl, csv",
        ));
    cmd()
        .args(["export", "--format", "turtle", "--kind", "actions"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("covers the whole model"));
}

#[test]
fn every_export_format_matches_the_library() {
    let s = protecteu::strategy();
    for (format, expected) in [
        ("json", s.to_canonical_json()),
        ("jsonl", s.to_jsonl(None)),
        ("markdown", s.to_markdown()),
        ("dot", s.to_dot()),
        ("mermaid", s.to_mermaid()),
        ("jsonld", s.to_jsonld()),
        ("turtle", s.to_turtle()),
    ] {
        assert_eq!(
            stdout_of(&["export", "--format", format]),
            expected,
            "{format}"
        );
    }
    assert_eq!(
        stdout_of(&["export", "--format", "jsonl", "--kind", "themes"]),
        s.to_jsonl(Some(protecteu::EntityKind::Theme))
    );
    assert_eq!(
        stdout_of(&["export", "--format", "csv", "--kind", "actions"]),
        s.table(protecteu::EntityKind::Action).to_csv()
    );
}

#[test]
fn csv_without_a_kind_needs_a_directory_and_writes_every_table() {
    cmd()
        .args(["export", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(&[
        "export",
        "--format",
        "csv",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    let tables = protecteu::strategy().tables();
    assert_eq!(out.lines().count(), tables.len());
    for t in &tables {
        let text = std::fs::read_to_string(dir.path().join(format!("{}.csv", t.name))).unwrap();
        assert_eq!(text, t.to_csv());
    }
    assert!(dir.path().join("action_lead.csv").exists());
    assert!(dir.path().join("document_delivers.csv").exists());
}

#[test]
fn export_honours_data_and_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("notes.toml");
    std::fs::write(&overlay, OVERLAY).unwrap();
    let json = stdout_of(&[
        "--data",
        data_dir().to_str().unwrap(),
        "--overlay",
        overlay.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]);
    assert!(json.contains("\"id\": \"national-contact-point\""));
    // The merged export loads back and exports the same bytes.
    let merged = dir.path().join("merged.json");
    std::fs::write(&merged, &json).unwrap();
    let again = stdout_of(&[
        "--data",
        merged.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]);
    assert_eq!(again, json);
    // Queries see the overlay's facts with the rest.
    let listed = stdout_of(&[
        "--overlay",
        overlay.to_str().unwrap(),
        "actions",
        "--actor",
        "europol",
        "--format",
        "jsonl",
    ]);
    assert!(listed.contains("national-contact-point"));
}

#[test]
fn overlay_conflicts_fail_with_located_problems() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("bad.toml");
    std::fs::write(
        &overlay,
        OVERLAY.replace("national-contact-point", "europol-mandate-revision"),
    )
    .unwrap();
    cmd()
        .args(["--overlay", overlay.to_str().unwrap(), "overview"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.toml:6:"))
        .stderr(predicate::str::contains("duplicate-id"))
        .stderr(predicate::str::contains("amends = true"));
}

#[test]
fn diff_shows_what_an_overlay_changes_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("notes.toml");
    std::fs::write(&overlay, OVERLAY).unwrap();
    let same = stdout_of(&["diff", "embedded", data_dir().to_str().unwrap()]);
    assert!(same.contains("no differences"), "{same}");
    let text = stdout_of(&[
        "--overlay",
        overlay.to_str().unwrap(),
        "diff",
        "embedded",
        "embedded",
    ]);
    assert!(
        text.contains("actions: 1 added, 0 removed, 0 changed"),
        "{text}"
    );
    assert!(text.contains("  + national-contact-point  National contact point"));
    let json = stdout_of(&[
        "--overlay",
        overlay.to_str().unwrap(),
        "diff",
        "embedded",
        "embedded",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kinds"][0]["kind"], "action");
    assert_eq!(v["kinds"][0]["added"][0]["id"], "national-contact-point");
    cmd()
        .args(["diff", "embedded", "/no/such/path"])
        .assert()
        .code(1);
}

#[test]
fn sqlite_export_writes_the_librarys_database_and_datasette_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("protecteu.sqlite");
    let meta = dir.path().join("metadata.json");
    let run = |db: &std::path::Path| {
        cmd()
            .args(["export", "--format", "sqlite", "--out"])
            .arg(db)
            .arg("--datasette-metadata")
            .arg(&meta)
            .assert()
            .success()
            .stdout(predicate::str::contains("protecteu.sqlite"));
    };
    run(&db);
    let s = protecteu::strategy();
    let bytes = std::fs::read(&db).unwrap();
    assert_eq!(bytes, s.to_sqlite().unwrap());
    // Twice: the same bytes.
    let again = dir.path().join("again").join("protecteu.sqlite");
    std::fs::create_dir_all(again.parent().unwrap()).unwrap();
    run(&again);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
    // Row counts, read back with SQLite.
    let conn = rusqlite::Connection::open(&db).unwrap();
    for t in s.tables() {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM \"{}\"", t.name), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(usize::try_from(n).unwrap(), t.rows.len(), "{}", t.name);
    }
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    // The metadata names the database after the file.
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    assert_eq!(
        m,
        serde_json::from_str::<serde_json::Value>(&s.datasette_metadata("protecteu")).unwrap()
    );
}

#[test]
fn sqlite_export_refuses_a_kind_standard_output_and_stray_metadata() {
    cmd()
        .args(["export", "--format", "sqlite"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out protecteu.sqlite"));
    cmd()
        .args([
            "export", "--format", "sqlite", "--kind", "actions", "--out", "x.sqlite",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds every table"));
    cmd()
        .args([
            "export",
            "--format",
            "json",
            "--datasette-metadata",
            "m.json",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format sqlite"));
}

#[test]
fn sqlite_export_honours_data_and_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("notes.toml");
    std::fs::write(&overlay, OVERLAY).unwrap();
    let db = dir.path().join("merged.sqlite");
    cmd()
        .args(["export", "--format", "sqlite", "--out"])
        .arg(&db)
        .arg("--overlay")
        .arg(&overlay)
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let lead: String = conn
        .query_row(
            "SELECT actor FROM action_lead WHERE action = 'national-contact-point'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(lead, "europol");
}
