//! `protecteu validate` on every input of the bad-input catalogue (`tests/bad-inputs/`): exit
//! code 1 and, for every catalogued problem, a `file:line:col: CODE: message` line on stderr.

// Test helpers below unwrap and panic to fail the test that calls them.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn catalogue_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-inputs")
}

fn catalogue() -> Vec<Value> {
    let text = std::fs::read_to_string(catalogue_dir().join("catalogue.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["inputs"].as_array().unwrap().clone()
}

/// The input's path (generated inputs are written to `tmp`: `prefix + repeat * count + suffix`).
fn materialise(entry: &Value, tmp: &Path) -> PathBuf {
    let Some(spec) = entry.get("generate") else {
        return catalogue_dir().join(entry["input"].as_str().unwrap());
    };
    let path = tmp.join(format!(
        "{}.{}",
        entry["name"].as_str().unwrap(),
        spec["ext"].as_str().unwrap()
    ));
    let mut text = String::from(spec["prefix"].as_str().unwrap());
    text.push_str(
        &spec["repeat"]
            .as_str()
            .unwrap()
            .repeat(spec["count"].as_u64().unwrap() as usize),
    );
    text.push_str(spec["suffix"].as_str().unwrap());
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn validate_rejects_every_bad_input_with_located_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let mut errors = Vec::new();
    let mut located = 0;
    let entries = catalogue();
    for entry in &entries {
        let name = entry["name"].as_str().unwrap();
        let input = materialise(entry, tmp.path());
        let out = Command::cargo_bin("protecteu")
            .unwrap()
            .env("NO_COLOR", "1")
            .arg("validate")
            .arg(&input)
            .output()
            .unwrap();
        if out.status.code() != Some(1) {
            errors.push(format!(
                "{name}: exit code {:?}, expected 1",
                out.status.code()
            ));
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !out.stdout.is_empty() {
            errors.push(format!("{name}: printed on stdout for a bad input"));
        }
        for p in entry["expect"].as_array().unwrap() {
            let code = p["code"].as_str().unwrap();
            // The file as the CLI names it: the input itself, or a file inside the directory.
            let file = match (p["file"].as_str(), entry.get("generate")) {
                (None, _) => None,
                (Some(_), Some(_)) | (Some(_), None) if !input.is_dir() => {
                    Some(input.display().to_string())
                }
                (Some(f), _) => Some(catalogue_dir().join(f).display().to_string()),
            };
            let found = stderr.lines().any(|l| match (&file, p["line"].as_u64()) {
                (Some(f), Some(line)) => l
                    .strip_prefix(&format!("{f}:{line}:"))
                    .and_then(|rest| rest.split_once(": "))
                    .is_some_and(|(col, rest)| {
                        col.parse::<usize>().is_ok() && rest.starts_with(&format!("{code}: "))
                    }),
                (Some(f), None) => l.starts_with(&format!("{f}: {code}: ")),
                (None, _) => l.starts_with(&format!("{code}: ")),
            });
            if p["line"].as_u64().is_some() {
                located += 1;
            }
            if !found {
                errors.push(format!(
                    "{name}: no '{}:{}:COL: {code}:' line in:\n{stderr}",
                    file.as_deref().unwrap_or("-"),
                    p["line"]
                ));
            }
        }
        if !stderr.contains("problem(s) found") {
            errors.push(format!("{name}: no closing count in:\n{stderr}"));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(located >= 40, "only {located} located problems checked");
}

#[test]
fn a_bad_data_set_given_with_data_fails_every_command_the_same_way() {
    let input = catalogue_dir().join("dangling-lead-actor.toml");
    for args in [
        &["overview"][..],
        &["actions", "--actor", "europol"],
        &["stats"],
    ] {
        let out = Command::cargo_bin("protecteu")
            .unwrap()
            .arg("--data")
            .arg(&input)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{}:", input.display()))
                && stderr.contains(": unknown-reference: "),
            "{args:?}: {stderr}"
        );
    }
}
