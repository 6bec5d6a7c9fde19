//! Helpers shared by the end-to-end test files (each file is its own crate and uses a part).
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use assert_cmd::Command;

/// The `protecteu` binary, without colour.
pub fn cmd() -> Command {
    let mut c = Command::cargo_bin("protecteu").unwrap();
    c.env("NO_COLOR", "1");
    c
}

/// Standard output of a successful run.
pub fn stdout_of(args: &[&str]) -> String {
    let out = cmd()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The embedded data set's source directory.
pub fn data_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/protecteu-2025")
}
