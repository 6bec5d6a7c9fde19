//! The catalogue of bad inputs (`tests/bad-inputs/catalogue.json`): every input is rejected
//! with exactly the problems the catalogue lists (rule code, file, line, path), by every loader
//! path, and the input limits hold.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use protecteu::{Error, Limits, Problem, Strategy};
use serde_json::Value;

fn catalogue_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-inputs")
}

fn catalogue() -> Vec<Value> {
    let text = std::fs::read_to_string(catalogue_dir().join("catalogue.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["inputs"].as_array().unwrap().clone()
}

/// Builds a generated input (`prefix + repeat * count + suffix`).
fn generate(spec: &Value) -> String {
    let count = spec["count"].as_u64().unwrap() as usize;
    let repeat = spec["repeat"].as_str().unwrap();
    let mut text = String::with_capacity(count * repeat.len() + 100_000);
    text.push_str(spec["prefix"].as_str().unwrap());
    for _ in 0..count {
        text.push_str(repeat);
    }
    text.push_str(spec["suffix"].as_str().unwrap());
    text
}

/// The input's path on disk (generated inputs are written to `tmp`).
fn materialise(entry: &Value, tmp: &Path) -> PathBuf {
    match entry.get("generate") {
        Some(spec) => {
            let name = format!(
                "{}.{}",
                entry["name"].as_str().unwrap(),
                spec["ext"].as_str().unwrap()
            );
            let path = tmp.join(name);
            if !path.exists() {
                std::fs::write(&path, generate(spec)).unwrap();
            }
            path
        }
        None => catalogue_dir().join(entry["input"].as_str().unwrap()),
    }
}

fn problems(result: protecteu::Result<Strategy>, what: &str) -> Vec<Problem> {
    match result {
        Err(Error::Invalid(r)) => r.problems,
        Err(other) => panic!("{what}: expected validation problems, got {other}"),
        Ok(_) => panic!("{what}: loaded without problems"),
    }
}

/// Differences between what the catalogue expects and what a loader reported.
fn compare(entry: &Value, found: &[Problem], file_suffix: impl Fn(&str) -> String) -> Vec<String> {
    let name = entry["name"].as_str().unwrap();
    let expected = entry["expect"].as_array().unwrap();
    let mut errors = Vec::new();
    let shown = || {
        found
            .iter()
            .map(|p| format!("    {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if expected.len() != found.len() {
        errors.push(format!(
            "{name}: expected {} problem(s), found {}:\n{}",
            expected.len(),
            found.len(),
            shown()
        ));
        return errors;
    }
    for (e, p) in expected.iter().zip(found) {
        let code = e["code"].as_str().unwrap();
        let line = e["line"].as_u64().map(|l| l as usize);
        let path = e["path"].as_str();
        let file_ok = match e["file"].as_str() {
            Some(f) => p
                .file
                .as_deref()
                .is_some_and(|pf| pf.replace('\\', "/").ends_with(&file_suffix(f))),
            None => p.file.is_none(),
        };
        let column_ok = match e.get("column").and_then(Value::as_u64) {
            Some(c) => p.column == Some(c as usize),
            None => p.column.is_some() == p.line.is_some(),
        };
        if p.code() != code || p.line != line || p.path.as_deref() != path || !file_ok || !column_ok
        {
            errors.push(format!(
                "{name}: expected {code} at {:?} line {line:?} path {path:?}, found {p:?}",
                e["file"].as_str()
            ));
        }
        if p.message.trim().is_empty() {
            errors.push(format!("{name}: a problem without a message: {p:?}"));
        }
    }
    errors
}

#[test]
fn every_bad_input_gives_exactly_its_catalogued_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let mut errors = Vec::new();
    let entries = catalogue();
    for entry in &entries {
        let path = materialise(entry, tmp.path());
        let name = entry["name"].as_str().unwrap();
        let started = Instant::now();
        let found = problems(Strategy::from_path(&path), name);
        // No input may take long: the large ones are stopped by a limit before parsing.
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{name} took {:?}",
            started.elapsed()
        );
        let generated = entry.get("generate").is_some();
        errors.extend(compare(entry, &found, |f| {
            if generated {
                // Written to a temporary directory under the same file name.
                format!("/{f}")
            } else {
                f.to_owned()
            }
        }));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn text_loaders_agree_with_the_file_loader() {
    // `from_text` and `str::parse` read text starting with `{` as JSON and anything else as
    // TOML: every UTF-8 input whose extension agrees gives the same problems as from a file.
    let tmp = tempfile::tempdir().unwrap();
    let mut checked = 0;
    let mut errors = Vec::new();
    for entry in catalogue() {
        let path = materialise(&entry, tmp.path());
        if path.is_dir() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let looks_json = text.trim_start().starts_with('{');
        let is_json = path.extension().is_some_and(|e| e == "json");
        if looks_json != is_json {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let found = problems(Strategy::from_text(&text, &name, &Limits::default()), &name);
        errors.extend(compare(&entry, &found, |f| {
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        }));
        if text.len() <= Limits::default().max_bytes {
            // `str::parse` names the input `<string>`; codes and lines are the same.
            let parsed = problems(text.parse::<Strategy>(), &name);
            let key = |ps: &[Problem]| {
                ps.iter()
                    .map(|p| (p.code(), p.line, p.path.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                key(&parsed),
                key(&found),
                "{name}: parse differs from from_text"
            );
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} inputs checked as text");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_catalogue_is_complete_and_distinct() {
    let entries = catalogue();
    assert!(entries.len() >= 40, "{} inputs", entries.len());
    let mut names: Vec<&str> = entries
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "names repeat");
    // Every committed input is catalogued, and every catalogued one exists.
    let listed: Vec<String> = entries
        .iter()
        .filter_map(|e| e["input"].as_str().map(str::to_owned))
        .collect();
    for f in std::fs::read_dir(catalogue_dir()).unwrap() {
        let name = f.unwrap().file_name().to_string_lossy().into_owned();
        if name != "catalogue.json" && name != "README.md" {
            assert!(listed.contains(&name), "{name} is not in catalogue.json");
        }
    }
    for l in &listed {
        assert!(catalogue_dir().join(l).exists(), "{l} is missing");
    }
    // Every rule is exercised by some input.
    let codes: Vec<&str> = entries
        .iter()
        .flat_map(|e| e["expect"].as_array().unwrap())
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    for code in [
        "syntax",
        "schema",
        "date-invalid",
        "unknown-key",
        "singleton",
        "id-format",
        "duplicate-id",
        "unknown-reference",
        "empty-field",
        "control-character",
        "missing-source",
        "source-location",
        "section-number",
        "section-cycle",
        "date-range",
        "timing",
        "status-order",
        "status-before-strategy",
        "missing-evidence",
        "celex-format",
        "celex-mismatch",
        "number-range",
        "limit",
        "verification-overclaim",
        "citation-field",
        "duplicate-source",
        "legacy-format",
    ] {
        assert!(codes.contains(&code), "no input exercises {code}");
    }
}

/// The valid data set every catalogued file is a variant of.
fn valid_base() -> String {
    let text = std::fs::read_to_string(catalogue_dir().join("id-format.toml")).unwrap();
    text.replace("id = \"An_Action\"", "id = \"an-action\"")
}

#[test]
fn the_base_of_the_catalogue_is_valid() {
    let s: Strategy = valid_base().parse().unwrap();
    assert_eq!(s.action_list().len(), 1);
}

#[test]
fn limits_are_configurable_and_enforced_by_every_loader() {
    let base = valid_base();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("base.toml");
    std::fs::write(&file, &base).unwrap();
    let dir = tmp.path().join("dir");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("base.toml"), &base).unwrap();
    let cases = [
        (
            Limits {
                max_bytes: 100,
                ..Limits::default()
            },
            "bytes",
        ),
        (
            Limits {
                max_entities: 1,
                ..Limits::default()
            },
            "entities",
        ),
        (
            Limits {
                max_depth: 2,
                ..Limits::default()
            },
            "levels",
        ),
    ];
    for (limits, word) in cases {
        for (how, result) in [
            ("file", Strategy::from_path_with(&file, &limits)),
            ("dir", Strategy::from_path_with(&dir, &limits)),
            ("text", Strategy::from_text(&base, "base.toml", &limits)),
        ] {
            let found = problems(result, how);
            assert_eq!(found.len(), 1, "{how}: {found:?}");
            assert_eq!(found[0].code(), "limit", "{how}: {found:?}");
            assert!(found[0].message.contains(word), "{how}: {}", found[0]);
        }
    }
    // Generous limits load it.
    // (Three entities: the section, the action and the registry's source; five levels: the
    // section's inline citation table.)
    let roomy = Limits {
        max_bytes: base.len(),
        max_entities: 3,
        max_depth: 5,
    };
    Strategy::from_path_with(&file, &roomy).unwrap();
    // The embedded data set is far inside the defaults.
    let json = protecteu::strategy().to_canonical_json();
    assert!(json.len() * 10 < Limits::default().max_bytes);
    Strategy::from_text(
        &json,
        "embedded.json",
        &Limits {
            max_depth: 7,
            ..Limits::default()
        },
    )
    .unwrap();
}

#[test]
fn fifty_megabytes_over_a_raised_limit_load_in_bounded_time() {
    // Raised over the 50 MB input, the loader parses it and reports the missing [strategy]
    // (and nothing else) without trouble.
    let entry = catalogue()
        .into_iter()
        .find(|e| e["name"] == "size-50mb")
        .unwrap();
    let text = generate(&entry["generate"]);
    let limits = Limits {
        max_bytes: 64 * 1024 * 1024,
        ..Limits::default()
    };
    let started = Instant::now();
    let found = problems(Strategy::from_text(&text, "big.json", &limits), "big");
    assert_eq!(
        found.iter().map(|p| p.code()).collect::<Vec<_>>(),
        ["singleton"]
    );
    assert!(started.elapsed() < Duration::from_secs(60));
    // Under the default limit, text is refused before it is copied or parsed.
    let found = problems(text.parse::<Strategy>(), "big");
    assert_eq!(found[0].code(), "limit");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_in_a_data_directory_does_not_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("base.toml"), valid_base()).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("and-again")).unwrap();
    let s = Strategy::from_path(&dir).unwrap();
    assert_eq!(s.action_list().len(), 1);
}

#[test]
fn a_missing_path_is_an_io_error_not_a_panic() {
    match Strategy::from_path(catalogue_dir().join("no-such-input.toml")) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("no-such-input.toml")),
        other => panic!("{other:?}"),
    }
}

/// Inputs the fuzz targets (`fuzz/`) found crashing, kept as tests.
#[test]
fn fuzz_regressions() {
    // period_date: a multi-byte character after the dash was split inside its bytes (panic).
    for text in ["2026-Ӿ1", "2026-é", "2026-\u{1F600}2", "2026-ÖQ"] {
        match protecteu::parse_period(text) {
            Err(Error::InvalidArgument { value, .. }) => assert_eq!(value, text),
            other => panic!("{text}: {other:?}"),
        }
    }
    let f: Result<protecteu::ActionFilter, _> = serde_json::from_str(r#"{"due_by": "2026-Ӿ1"}"#);
    assert!(f.is_err());
}
