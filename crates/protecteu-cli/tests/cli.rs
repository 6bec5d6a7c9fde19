//! End-to-end tests of the `protecteu` binary: exit codes, output and errors.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use predicates::prelude::*;

use common::{cmd, data_dir, stdout_of};

#[test]
fn overview_shows_objectives_sections_and_due_next() {
    let out = stdout_of(&["overview"]);
    assert!(out.contains("COM(2025) 148 final"));
    assert!(out.contains("Stepping up capabilities to protect people"));
    assert!(out.contains("Fighting serious and organised crime"));
    assert!(out.contains("Due next"));
}

#[test]
fn actions_filters_combine_and_match_the_library() {
    let out = stdout_of(&[
        "actions", "--actor", "europol", "--due-by", "2026", "--format", "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = protecteu::strategy()
        .actions()
        .by_actor("europol")
        .due_by(2026)
        .run()
        .unwrap()
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    assert_eq!(ids, expected);
    assert!(ids.contains(&"europol-mandate-revision"));
}

#[test]
fn actions_as_csv_and_jsonl() {
    let csv = stdout_of(&["actions", "--theme", "drug-trafficking", "--format", "csv"]);
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("id,title,section"), "{header}");
    let n = protecteu::strategy()
        .actions()
        .theme("drug-trafficking")
        .run()
        .unwrap()
        .len();
    assert_eq!(lines.count(), n);
    let jsonl = stdout_of(&["actions", "--kind", "revision", "--format", "jsonl"]);
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["kind"], "revision");
    }
}

#[test]
fn status_accepts_statuses_and_progress() {
    let out = stdout_of(&[
        "actions",
        "--status",
        "overdue",
        "--as-of",
        "2027-01-01",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == "frontex-mandate-revision"));
    let out = stdout_of(&["actions", "--status", "proposed", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == "europol-mandate-revision"));
}

#[test]
fn unknown_filter_id_fails_with_a_hint() {
    cmd()
        .args(["actions", "--actor", "europl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown actor 'europl'; did you mean 'europol'?",
        ));
}

#[test]
fn bad_flag_values_are_usage_errors() {
    cmd()
        .args(["actions", "--due-in", "2026-Q5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-Q5"));
    cmd()
        .args(["actions", "--kind", "nonsense"])
        .assert()
        .code(2);
    cmd()
        .args(["actions", "--status", "finished"])
        .assert()
        .code(2);
    cmd().args(["actions", "--no-such-flag"]).assert().code(2);
    cmd().args(["list", "gizmos"]).assert().code(2);
}

#[test]
fn show_any_kind_and_unknown_ids() {
    let out = stdout_of(&["show", "europol-mandate-revision"]);
    assert!(out.contains("action europol-mandate-revision"));
    // Citations appear under the fields they support.
    assert!(out.contains("↳ "));
    assert!(out.contains("documents:"));
    let out = stdout_of(&["show", "europol"]);
    assert!(out.contains("actor europol"));
    assert!(out.contains("actions (lead or involved)"));
    let out = stdout_of(&["show", "europol-regulation", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["celex"], "32016R0794");
    cmd()
        .args(["show", "europl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean 'europol'?"));
}

#[test]
fn search_ranks_across_kinds() {
    let out = stdout_of(&["search", "encryption", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "encryption-technology-roadmap");
    assert_eq!(v[0]["kind"], "action");
}

#[test]
fn search_says_what_matched_and_what_it_corrected() {
    // JSON: the field, the excerpt and the marked words as code-point offsets.
    let out = stdout_of(&["search", "undersea cables", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "subsea-cable-protection");
    assert_eq!(v[0]["field"], "title");
    let excerpt: Vec<char> = v[0]["excerpt"].as_str().unwrap().chars().collect();
    let marked: Vec<String> = v[0]["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (s, e) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            excerpt[s..e].iter().collect()
        })
        .collect();
    assert_eq!(marked, ["subsea", "cables"]);
    // A misspelling: the table says what it searched for instead.
    let out = stdout_of(&["search", "Europool", "--limit", "3"]);
    assert!(out.starts_with("showing results for \"europol\""), "{out}");
    assert!(out.contains("europol"), "{out}");
    // Machine formats keep stdout clean: the note goes to stderr.
    cmd()
        .args(["search", "Europool", "--format", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains("showing results for \"europol\""));
}

#[test]
fn timeline_stats_and_lists() {
    let out = stdout_of(&["timeline", "--as-of", "2026-06-26", "--format", "csv"]);
    assert!(out
        .lines()
        .next()
        .unwrap()
        .starts_with("period,id,title,status,progress"));
    assert!(out.contains("data-retention-impact-assessment") && out.contains("overdue"));
    let out = stdout_of(&["stats", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["actions"], protecteu::strategy().action_list().len());
    for kind in [
        "actors",
        "instruments",
        "themes",
        "threats",
        "figures",
        "sections",
        "documents",
    ] {
        let out = stdout_of(&["list", kind, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(!v.as_array().unwrap().is_empty(), "{kind}");
    }
}

#[test]
fn validate_accepts_the_data_directory() {
    cmd()
        .arg("validate")
        .arg(data_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains("valid"));
}

#[test]
fn export_round_trips_through_validate_and_data() {
    let json = stdout_of(&["export", "--format", "json"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protecteu.json");
    std::fs::write(&path, &json).unwrap();
    cmd().arg("validate").arg(&path).assert().success();
    let again = stdout_of(&[
        "--data",
        path.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]);
    assert_eq!(again, json);
}

#[test]
fn validate_reports_every_problem_located_and_exits_1() {
    let json = stdout_of(&["export", "--format", "json"]);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = v["actions"][0]["id"].clone();
    v["actions"][1]["id"] = first;
    v["actions"][2]["lead"] = serde_json::json!(["europl"]);
    v["documents"][1]["date"] = serde_json::json!("2025-02-30");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = cmd()
        .arg("validate")
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    let shown = path.display().to_string();
    for code in ["duplicate-id", "unknown-reference", "date-invalid"] {
        let line = err
            .lines()
            .find(|l| l.contains(code))
            .unwrap_or_else(|| panic!("{code} missing:\n{err}"));
        // file:line:col: CODE: message
        let rest = line.strip_prefix(&format!("{shown}:")).unwrap();
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
    assert!(err.contains("did you mean 'europol'?"));
    // The same data through --data also fails with exit code 1.
    cmd()
        .arg("--data")
        .arg(&path)
        .arg("overview")
        .assert()
        .code(1);
}

#[test]
fn export_csv_needs_a_kind() {
    cmd().args(["export", "--format", "csv"]).assert().code(2);
    let out = stdout_of(&["export", "--format", "csv", "--kind", "instruments"]);
    assert!(out.lines().next().unwrap().contains("celex"));
}

#[test]
fn kind_listings_in_every_format() {
    let s = protecteu::strategy();
    for (cmd_name, n) in [
        ("actors", s.actors().len()),
        ("instruments", s.instruments().len()),
        ("themes", s.themes().len()),
        ("threats", s.threats().len()),
        ("figures", s.figures().len()),
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&stdout_of(&[cmd_name, "--format", "json"])).unwrap();
        assert_eq!(json.as_array().unwrap().len(), n, "{cmd_name} json");
        assert_eq!(
            stdout_of(&[cmd_name, "--format", "jsonl"]).lines().count(),
            n,
            "{cmd_name} jsonl"
        );
        assert_eq!(
            stdout_of(&[cmd_name, "--format", "csv"]).lines().count(),
            n + 1,
            "{cmd_name} csv"
        );
        let table = stdout_of(&[cmd_name]);
        assert!(table.lines().count() > n, "{cmd_name} table");
    }
    let table = stdout_of(&["instruments"]);
    assert!(table.contains("32016R0794"));
}

#[test]
fn completions_for_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout_of(&["completions", shell]);
        assert!(out.contains("protecteu"), "{shell}");
        assert!(out.contains("due-by"), "{shell} completes flags");
    }
    cmd().args(["completions", "cmd.exe"]).assert().code(2);
}

#[test]
fn no_colour_when_piped() {
    let out = stdout_of(&["overview"]);
    assert!(!out.contains('\u{1b}'), "escape codes in piped output");
}

#[test]
fn provenance_sources_citations_and_fingerprint() {
    // Every registry source once, with its class; nothing but EU sites at the official levels.
    let out = stdout_of(&["sources", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), protecteu::strategy().sources().len());
    for r in &rows {
        let class = r["class"].as_str().unwrap();
        for level in r["levels"].as_array().unwrap() {
            let level = level.as_str().unwrap();
            if matches!(level, "official_text" | "official_summary") {
                assert!(
                    matches!(class, "eur_lex" | "eu_institution" | "national_government"),
                    "{} ({class}) cited as {level}",
                    r["id"]
                );
            }
        }
    }
    // show --format json: citations field by field.
    let out = stdout_of(&["show", "lawful-access-roadmap", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fields: Vec<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    for f in ["lead", "timing", "status[0]"] {
        assert!(fields.contains(&f), "{f} not cited: {fields:?}");
    }
    // The fingerprint pins the data: right value passes, wrong value fails with exit 1.
    let fp = stdout_of(&["fingerprint"]).trim().to_owned();
    assert_eq!(fp, protecteu::strategy().fingerprint());
    cmd()
        .args(["--expect-fingerprint", &fp, "overview"])
        .assert()
        .success();
    cmd()
        .args(["--expect-fingerprint", "deadbeef", "overview"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("expected deadbeef"));
    let version = stdout_of(&["--version"]);
    assert!(version.contains(&fp));
    assert!(stdout_of(&["overview"]).contains(&fp));
}
