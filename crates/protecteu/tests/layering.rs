//! The core's module groups stay layered (docs/ARCHITECTURE.md):
//!
//! ```text
//! interchange ──> query ──> model
//!      │                     ^
//!      └────────> load ──────┘
//! ```
//!
//! `model` uses no other group; `load` and `query` use `model` only; `interchange` may use all
//! three. Every `crate::…` (and `$crate::…`) path in the code of `src/<group>/` is read, with
//! comments and string literals skipped, and its first segment must be a group the file's
//! group may use. A path to an item of the crate root (`crate::Limits`) counts as pointing up:
//! the root only re-exports.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

const GROUPS: [&str; 4] = ["model", "load", "query", "interchange"];

/// The groups a group may use (itself included).
fn allowed(group: &str) -> &'static [&'static str] {
    match group {
        "model" => &["model"],
        "load" => &["model", "load"],
        "query" => &["model", "query"],
        "interchange" => &["model", "load", "query", "interchange"],
        _ => &[],
    }
}

/// The code of a Rust source with comments, string and character literals blanked out.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        match c[i] {
            '/' if next == Some('/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            'r' if (next == Some('"') || next == Some('#'))
                && !c[..i]
                    .last()
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                // Raw string r"…" or r#"…"#.
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= c.len() {
                        break;
                    }
                    if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' if next == Some('\\') => {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            '\'' if c.get(i + 2) == Some(&'\'') => {
                i += 3;
                out.push_str("' '");
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// The first path segment after every `crate::` in `code` (each item of a `crate::{…}` group).
fn crate_roots(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut roots = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|p| p.is_alphanumeric() || p == '_') {
            continue; // e.g. `mycrate::`
        }
        if let Some(group) = rest.trim_start().strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = 0;
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        let id = ident(&group[item_start..k]);
                        if !id.is_empty() {
                            roots.push(id);
                        }
                        item_start = k + 1;
                        if ch == '}' {
                            break;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        } else {
            roots.push(ident(rest));
        }
    }
    roots
}

/// Every way the code of `group` points at a group it may not use.
fn violations(group: &str, code: &str, is_mod_rs: bool) -> Vec<String> {
    let mut found: Vec<String> = crate_roots(code)
        .into_iter()
        .filter(|root| !allowed(group).contains(&root.as_str()))
        .map(|root| format!("uses crate::{root}"))
        .collect();
    if code.contains("super::super") || (is_mod_rs && code.contains("super::")) {
        found.push("leaves its group through super::".to_owned());
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_group_uses_a_group_above_it() {
    let mut problems = Vec::new();
    let mut files_seen = 0;
    for group in GROUPS {
        let mut files = Vec::new();
        rust_files(&src().join(group), &mut files);
        assert!(!files.is_empty(), "src/{group}/ holds no module");
        for file in files {
            files_seen += 1;
            let code = code_only(&std::fs::read_to_string(&file).unwrap());
            let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
            for v in violations(group, &code, is_mod_rs) {
                problems.push(format!("{}: {v}", file.display()));
            }
        }
    }
    assert!(files_seen > 20, "only {files_seen} modules found");
    assert!(
        problems.is_empty(),
        "module groups that point up (see docs/ARCHITECTURE.md):\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_module_lives_in_a_group() {
    let loose: Vec<String> = std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "lib.rs"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        loose.is_empty(),
        "modules outside a group folder: {loose:?}"
    );
    let dirs: Vec<String> = std::fs::read_dir(src())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| !GROUPS.contains(&n.as_str()))
        .collect();
    assert!(
        dirs.is_empty(),
        "folders that are no known group (add them to GROUPS and allowed()): {dirs:?}"
    );
}

#[test]
fn the_checker_sees_an_upward_use() {
    let model = code_only(
        "// use crate::query::Progress; in a comment is fine\n\
         const S: &str = \"crate::interchange\";\n\
         const R: &str = r#\"crate::load \"#;\n\
         use crate::{model::ids::is_valid_id, query::Progress};\n\
         fn f() -> crate::Limits { $crate::interchange::x() }\n",
    );
    assert_eq!(
        violations("model", &model, false),
        [
            "uses crate::query",
            "uses crate::Limits",
            "uses crate::interchange"
        ]
    );
    assert!(violations("interchange", "use crate::query::Progress;", false).is_empty());
    assert_eq!(
        violations("load", "use super::super::query::Progress;", false),
        ["leaves its group through super::"]
    );
    assert_eq!(
        violations("query", "use crate::load::read_path;", false),
        ["uses crate::load"]
    );
}
