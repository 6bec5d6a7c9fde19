//! `protecteu coverage`: one row per section plus the totals, in every format, agreeing with
//! the library and with `stats`; `overview` ends with its one-line summary.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::stdout_of;
use serde_json::Value;

#[test]
fn json_has_a_row_per_section_and_totals_that_agree_with_stats() {
    let s = protecteu::strategy();
    let v: Value = serde_json::from_str(&stdout_of(&["coverage", "--format", "json"])).unwrap();
    let rows = v["sections"].as_array().unwrap();
    assert_eq!(rows.len(), s.sections().len());
    let stats: Value = serde_json::from_str(&stdout_of(&["stats", "--format", "json"])).unwrap();
    assert_eq!(v["total"]["actions"], stats["actions"]);
    for (row, count) in rows.iter().zip(stats["by_section"].as_array().unwrap()) {
        assert_eq!(row["section"], count["key"]);
        assert_eq!(row["actions"], count["count"], "{}", row["section"]);
        let levels: u64 = row["best_level"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(Value::from(levels), row["actions"]);
    }
    assert_eq!(
        v["total"]["status_events"],
        stats["provenance"]["status_events"]
    );
    assert_eq!(
        v["total"]["as_of"].as_str().unwrap(),
        s.dataset().as_of.to_string()
    );
    let seen: Vec<&str> = rows
        .iter()
        .filter(|r| r["key_actions_box"] != "not_seen")
        .map(|r| r["section"].as_str().unwrap())
        .collect();
    assert_eq!(seen, ["law-enforcement-tools"]);
}

#[test]
fn csv_has_a_header_a_row_per_section_and_a_total_row() {
    let out = stdout_of(&["coverage", "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("section,number,title,title_confirmed,parent,key_actions_box,"));
    assert!(lines[0]
        .contains(",official_text,reproduced_text,official_summary,secondary_source,uncited,"));
    assert_eq!(lines.len(), protecteu::strategy().sections().len() + 2);
    assert!(lines.last().unwrap().starts_with("total,"));
}

#[test]
fn the_table_explains_its_words_and_overview_ends_with_the_summary() {
    let out = stdout_of(&["coverage"]);
    assert!(out.contains("not seen") && out.contains("read in part"));
    assert!(out.contains("does not mean nothing happened"));
    let summary = protecteu::strategy().coverage().summary_line();
    assert_eq!(out.lines().last().unwrap(), summary);
    let overview = stdout_of(&["overview"]);
    let last = overview.lines().last().unwrap();
    assert!(last.starts_with(&summary), "{last}");
    assert!(last.ends_with("see `protecteu coverage`"));
}

#[test]
fn show_explains_the_current_status() {
    let out = stdout_of(&["show", "eu-critical-communication-system"]);
    let at = out.find("current status: proposed").unwrap();
    assert!(out[at..].contains(&format!(
        "means: {}",
        protecteu::Status::Proposed.definition()
    )));
}
