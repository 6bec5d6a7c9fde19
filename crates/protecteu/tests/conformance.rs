//! Runs the language-neutral conformance vectors of `tests/conformance/` against the Rust API.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;

use protecteu::{
    parse_date, parse_period, ActionFilter, EntityKind, Error, ExportFormat, Overlay,
    OverlayChange, Progress, Strategy, Vocabulary,
};
use serde_json::{json, Value};

fn vectors() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        for v in doc["vectors"].as_array().unwrap() {
            out.push((
                f.file_name().unwrap().to_string_lossy().into_owned(),
                v.clone(),
            ));
        }
    }
    out
}

/// Builds the filter the way a binding would: from plain strings, through the public parsers.
fn filter(f: &Value) -> Result<ActionFilter, Error> {
    let text = |k: &str| f.get(k).and_then(Value::as_str).map(str::to_owned);
    fn enum_of<T: serde::de::DeserializeOwned>(f: &Value, k: &str) -> Option<T> {
        f.get(k).map(|v| serde_json::from_value(v.clone()).unwrap())
    }
    Ok(ActionFilter {
        section: text("section"),
        theme: text("theme"),
        threat: text("threat"),
        actor: text("actor"),
        lead: text("lead"),
        objective: text("objective"),
        kind: enum_of(f, "kind"),
        status: enum_of(f, "status"),
        progress: enum_of(f, "progress"),
        as_of: text("as_of").as_deref().map(parse_date).transpose()?,
        due_by: text("due_by").as_deref().map(parse_period).transpose()?,
        due_in: text("due_in").as_deref().map(parse_period).transpose()?,
        instrument: text("instrument"),
        text: text("text"),
    })
}

fn error_json(e: &Error) -> Value {
    match e {
        Error::NotFound {
            kind,
            id,
            suggestion,
        } => {
            json!({"error": "not_found", "kind": kind.name(), "id": id, "suggestion": suggestion})
        }
        Error::InvalidArgument { .. } => json!({"error": "invalid_argument"}),
        Error::Invalid(report) => {
            let mut codes: Vec<&str> = report.problems.iter().map(|p| p.rule.code()).collect();
            codes.sort_unstable();
            codes.dedup();
            json!({"error": "validation", "codes": codes})
        }
        other => json!({"error": other.to_string()}),
    }
}

fn get(s: &Strategy, kind: &str, id: &str) -> Result<String, Error> {
    let kind = EntityKind::parse(kind).unwrap();
    Ok(match kind {
        EntityKind::Objective => s.objective(id)?.id.to_string(),
        EntityKind::Principle => s.principle(id)?.id.to_string(),
        EntityKind::Section => s.section(id)?.id.to_string(),
        EntityKind::Theme => s.theme(id)?.id.to_string(),
        EntityKind::Threat => s.threat(id)?.id.to_string(),
        EntityKind::Action => s.action(id)?.id.to_string(),
        EntityKind::Actor => s.actor(id)?.id.to_string(),
        EntityKind::Instrument => s.instrument(id)?.id.to_string(),
        EntityKind::Document => s.document(id)?.id.to_string(),
        EntityKind::Figure => s.figure(id)?.id.to_string(),
        EntityKind::Source => s.source(id)?.id.to_string(),
        EntityKind::Strategy => s.info().id.clone(),
    })
}

/// The cells of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// The `export` op: parses the format and kind the way a binding does, then describes the text.
fn export(s: &Strategy, v: &Value) -> Result<Value, Error> {
    let format = ExportFormat::parse_name(v["format"].as_str().unwrap())?;
    let kind = v
        .get("kind")
        .and_then(Value::as_str)
        .map(str::parse::<EntityKind>)
        .transpose()?;
    let text = s.export(format, kind)?;
    Ok(match format {
        ExportFormat::Jsonl => {
            let lines: Vec<String> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let o: Value = serde_json::from_str(l).unwrap();
                    let kind = o["kind"].as_str().unwrap();
                    match o.get("id").and_then(Value::as_str) {
                        Some(id) => format!("{kind}/{id}"),
                        None => kind.to_owned(),
                    }
                })
                .collect();
            json!({ "lines": lines })
        }
        ExportFormat::Csv => {
            let mut rows = csv_rows(&text).into_iter();
            let columns = rows.next().unwrap_or_default();
            let ids: Vec<String> = rows.map(|r| r[0].clone()).collect();
            json!({ "columns": columns, "ids": ids })
        }
        other => panic!("no conformance answer for format {other:?}"),
    })
}

fn kind_index(kind: Option<EntityKind>) -> usize {
    kind.map_or(0, |k| {
        1 + EntityKind::ALL.iter().position(|&x| x == k).unwrap()
    })
}

/// The `overlay` op: what the overlay changed (grouped by kind in canonical order) and the
/// diff from the embedded data set to the overlaid one.
fn overlay(s: &Strategy, v: &Value) -> Result<Value, Error> {
    let text = v["text"].as_str().unwrap();
    let file = v["file"].as_str().unwrap_or("overlay.toml");
    let (merged, changes) = s.apply_overlay(&Overlay::from_text(text, file))?;
    let mut changes: Vec<(Option<EntityKind>, Value)> = changes
        .iter()
        .map(|c| match c {
            OverlayChange::Added { kind, id, .. } => (
                Some(*kind),
                json!({"change": "added", "kind": kind.name(), "id": id}),
            ),
            OverlayChange::Amended { kind, id, .. } => (
                *kind,
                json!({"change": "amended", "kind": kind.map(EntityKind::name), "id": id}),
            ),
        })
        .collect();
    changes.sort_by_key(|(k, _)| kind_index(*k));
    let d = s.diff(&merged);
    let (mut added, mut removed, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    let mut fields = serde_json::Map::new();
    for k in &d.kinds {
        let key = |id: &str| format!("{}/{id}", k.kind.name());
        added.extend(k.added.iter().map(|e| key(&e.id)));
        removed.extend(k.removed.iter().map(|e| key(&e.id)));
        for c in &k.changed {
            let mut names: Vec<&str> = c.fields.iter().map(|f| f.field.as_str()).collect();
            names.sort_unstable();
            changed.push(key(&c.id));
            fields.insert(key(&c.id), json!(names));
        }
    }
    Ok(json!({
        "changes": changes.into_iter().map(|(_, c)| c).collect::<Vec<_>>(),
        "diff": {"added": added, "removed": removed, "changed": changed, "changed_fields": fields},
    }))
}

fn answer(s: &Strategy, v: &Value) -> Value {
    let str_of = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    match v["op"].as_str().unwrap() {
        "actions" => match filter(&v["filter"]).and_then(|f| {
            s.filter_actions(&f)
                .map(|found| found.iter().map(|a| a.id.to_string()).collect::<Vec<_>>())
        }) {
            Ok(ids) => json!({ "ids": ids }),
            Err(e) => error_json(&e),
        },
        "search" => {
            let hits: Vec<String> = s
                .search(&str_of("text"), v["limit"].as_u64().unwrap() as usize)
                .iter()
                .map(|h| format!("{}/{}", h.kind.name(), h.id))
                .collect();
            json!({ "hits": hits })
        }
        "get" => match get(s, &str_of("kind"), &str_of("id")) {
            Ok(id) => json!({ "id": id }),
            Err(e) => error_json(&e),
        },
        "timeline" => {
            let t = s.timeline(Some(parse_date(&str_of("as_of")).unwrap()));
            let p: Progress = serde_json::from_value(v["progress"].clone()).unwrap();
            let ids: Vec<String> = t
                .with_progress(p)
                .map(|e| e.action.id.to_string())
                .collect();
            json!({ "ids": ids })
        }
        "stats" => {
            let st = s.stats();
            let map = |c: &[protecteu::Count]| {
                c.iter()
                    .map(|c| (c.key.clone(), json!(c.count)))
                    .collect::<serde_json::Map<_, _>>()
            };
            json!({"actions": st.actions, "by_kind": map(&st.by_kind), "by_status": map(&st.by_status)})
        }
        "export" => export(s, v).unwrap_or_else(|e| error_json(&e)),
        "overlay" => overlay(s, v).unwrap_or_else(|e| error_json(&e)),
        "sources" => {
            let kind = v
                .get("kind")
                .and_then(Value::as_str)
                .map(|k| EntityKind::parse(k).unwrap());
            let rows: Vec<Value> = s
                .source_usage(kind)
                .iter()
                .map(|u| {
                    json!({
                        "id": u.source.id.as_str(),
                        "class": u.source.class,
                        "levels": u.levels,
                        "facts": u.facts,
                    })
                })
                .collect();
            json!({ "sources": rows })
        }
        "citations" => {
            let kind = EntityKind::parse(&str_of("kind")).unwrap();
            match s.citations_of(kind, &str_of("id")) {
                Ok(c) => json!({ "citations": c }),
                Err(e) => error_json(&e),
            }
        }
        "fingerprint" => json!({ "fingerprint": s.fingerprint() }),
        "coverage" => {
            // The vector names the keys it checks; the answer may carry more (titles, ...).
            let c = serde_json::to_value(s.coverage()).unwrap();
            let expect = &v["expect"];
            let pick = |got: &Value, want: &Value| -> Value {
                let keys = want.as_object().unwrap().keys();
                Value::Object(keys.map(|k| (k.clone(), got[k].clone())).collect())
            };
            let rows: Vec<Value> = c["sections"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| pick(r, &expect["sections"][0]))
                .collect();
            json!({"sections": rows, "total": pick(&c["total"], &expect["total"])})
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_conformance_vector_gives_its_expected_answer() {
    let s = protecteu::strategy();
    let all = vectors();
    assert!(
        all.len() >= 30,
        "expected at least 30 vectors, found {}",
        all.len()
    );
    let mut failures = Vec::new();
    for (file, v) in &all {
        let got = answer(s, v);
        if got != v["expect"] {
            failures.push(format!(
                "{file} {}: expected {}, got {got}",
                v["name"], v["expect"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

#[test]
fn vector_names_are_unique() {
    let all = vectors();
    let mut names: Vec<&str> = all
        .iter()
        .map(|(_, v)| v["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}
