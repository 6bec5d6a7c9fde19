//! The committed generated files match what the sources give today.
//!
//! - `crates/protecteu/data/protecteu-2025.json` (the embedded data) is the canonical JSON of
//!   `data/protecteu-2025/`;
//! - `data/schema/protecteu-data.schema.json` is the JSON Schema of the Rust types;
//! - next to each text the crate embeds, its zlib-compressed copy (`<file>.zlib`, embedded
//!   instead with the feature `compressed-data`) inflates to exactly that text.
//!
//! `scripts/regenerate` rewrites them all (it runs these tests with `PROTECTEU_REGENERATE=1`).

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

/// The zlib-compressed copy next to an embedded text (`<file>.zlib`, embedded instead with
/// the feature `compressed-data`) must inflate to exactly that text.
fn check_compressed(path: PathBuf, fresh: &str) {
    let mut name = path.into_os_string();
    name.push(".zlib");
    let zpath = PathBuf::from(name);
    if std::env::var_os("PROTECTEU_REGENERATE").is_some() {
        std::fs::write(
            &zpath,
            miniz_oxide::deflate::compress_to_vec_zlib(fresh.as_bytes(), 10),
        )
        .unwrap();
        return;
    }
    let committed = std::fs::read(&zpath).unwrap_or_default();
    let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&committed).unwrap_or_default();
    assert!(
        inflated == fresh.as_bytes(),
        "{} is out of date: run scripts/regenerate and commit the result",
        zpath.display()
    );
}

#[test]
fn embedded_json_is_the_canonical_export_of_the_data_directory() {
    let s = match protecteu::Strategy::from_path(root().join("data/protecteu-2025")) {
        Ok(s) => s,
        Err(e) => panic!("data/protecteu-2025 does not validate:\n{e}"),
    };
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/protecteu-2025.json");
    let fresh = s.to_canonical_json();
    check(path.clone(), &fresh);
    check_compressed(path, &fresh);
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
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/protecteu-data.schema.json");
    check(path.clone(), &schema);
    check_compressed(path, &schema);
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
