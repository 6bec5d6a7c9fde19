//! The committed generated files match what the sources give today.
//!
//! - `crates/protecteu/data/protecteu-2025.json` (the embedded data) is the canonical JSON of
//!   `data/protecteu-2025/`;
//! - `data/schema/protecteu-data.schema.json` is the JSON Schema of the Rust types.
//!
//! `scripts/regenerate` rewrites both (it runs these tests with `PROTECTEU_REGENERATE=1`).

// The helper below fails the calling test when it cannot write.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check(path: PathBuf, fresh: &str) {
    if std::env::var_os("PROTECTEU_REGENERATE").is_some() {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date: run scripts/regenerate and commit the result",
        path.display()
    );
}

#[test]
fn embedded_json_is_the_canonical_export_of_the_data_directory() {
    let s = match protecteu::Strategy::from_path(root().join("data/protecteu-2025")) {
        Ok(s) => s,
        Err(e) => panic!("data/protecteu-2025 does not validate:\n{e}"),
    };
    check(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/protecteu-2025.json"),
        &s.to_canonical_json(),
    );
}

#[cfg(feature = "schema")]
#[test]
fn json_schema_is_generated_from_the_types() {
    let mut schema = serde_json::to_string_pretty(&protecteu::data_file_schema()).unwrap();
    schema.push('\n');
    check(
        root().join("data/schema/protecteu-data.schema.json"),
        &schema,
    );
    // The copy the crate embeds (for the CSV tables, without the `schema` feature).
    check(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/protecteu-data.schema.json"),
        &schema,
    );
    assert_eq!(protecteu::DATA_FILE_SCHEMA_JSON, schema);
}

#[test]
fn embedded_data_loads_and_validates() {
    let s = protecteu::try_strategy().unwrap_or_else(|e| panic!("embedded data invalid:\n{e}"));
    assert!(
        s.action_list().len() >= 25,
        "at least 25 actions are embedded"
    );
    assert_eq!(s.themes().len(), 9);
}

#[test]
fn embedded_thesaurus_is_a_copy_of_data_thesaurus() {
    let source = std::fs::read_to_string(root().join("data/thesaurus.toml")).unwrap();
    check(root().join("crates/protecteu/data/thesaurus.toml"), &source);
    protecteu::Thesaurus::from_toml(&source, "data/thesaurus.toml").unwrap();
}
